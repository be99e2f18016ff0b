/**
 * The portal's one Module Federation instance. Remotes are registered at run time from the snapshot —
 * only the widgets that passed the signature check — with their remoteEntry.js URL (type `global`, the
 * build preset's output), so loading a widget never fetches its mf-manifest.json. The host provides the
 * shared singletons (React, react-dom, the JSX runtime, the SDK, the UI kit) and the MF runtime core
 * the remotes expect on globalThis (they are built with `externalRuntime`).
 */
import { federationShared, SHARED_SINGLETONS, type SnapshotWidget } from '@cunmen/manifest';
import * as sdk from '@cunmen/sdk';
import * as ui from '@cunmen/ui';
import { createInstance, type ModuleFederationRuntimePlugin, satisfy } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime-core';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import type { ShellErrorCode } from '../errors.js';
import { fallbackPlugin, isFallbackModule } from './fallback.js';
import { type AssetIndex, integrityPlugin } from './integrity.js';
import { retryPlugin } from './retry.js';

export const HOST_NAME = 'cunmen_portal';

/** Per-script timeout and retries of one widget load. */
export const LOAD_TIMEOUT_MS = 8000;
export const LOAD_RETRIES = 2;

/**
 * The singletons the host provides, by share key: the platform's table (`SHARED_SINGLETONS`) with the
 * one copy this build loaded of each (instance.test.ts checks the copies are the table's versions).
 */
export function sharedSingletons() {
  return federationShared({
    react: React,
    'react-dom': ReactDOM,
    'react/jsx-runtime': jsxRuntime,
    '@cunmen/sdk': sdk,
    '@cunmen/ui': ui,
  });
}

/**
 * The singletons the snapshot expects the host to provide (`snapshot.host.shared`, versions or ranges)
 * that this build does not satisfy — a shell deployed out of step with the server's assembly.
 */
export function sharedMismatches(expected: Readonly<Record<string, string>>): string[] {
  const provided: Readonly<Record<string, { version: string }>> = SHARED_SINGLETONS;
  return Object.entries(expected)
    .filter(([name, range]) => {
      const have = provided[name]?.version;
      return have === undefined || !(have === range || satisfy(have, range));
    })
    .map(
      ([name, range]) =>
        `${name}: snapshot expects ${range}, shell provides ${provided[name]?.version ?? 'nothing'}`,
    );
}

export type LoadResult =
  | { ok: true; module: unknown }
  /** `refused`: the widget failed the trust check and was never registered. */
  | { ok: false; error: string; refused?: ShellErrorCode };

export interface PortalFederation {
  /** Loads `./Expose` of a registered widget; never rejects. */
  load(widget: SnapshotWidget, expose: string): Promise<LoadResult>;
}

export interface PortalFederationOptions {
  widgets: readonly SnapshotWidget[];
  index: AssetIndex;
  plugins?: ModuleFederationRuntimePlugin[];
  timeoutMs?: number;
  retries?: number;
}

export function createPortalFederation(options: PortalFederationOptions): PortalFederation {
  (globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE = runtimeCore;
  const instance = createInstance({
    name: HOST_NAME,
    remotes: [],
    shared: sharedSingletons(),
    plugins: [
      integrityPlugin(options.index, { timeoutMs: options.timeoutMs ?? LOAD_TIMEOUT_MS }),
      // A refused (unsigned) entry is never retried: it would be refused again.
      retryPlugin({
        retries: options.retries ?? LOAD_RETRIES,
        retriable: (url) => options.index.lookup(url) !== null,
      }),
      fallbackPlugin(),
      ...(options.plugins ?? []),
    ],
  });
  instance.registerRemotes(
    options.widgets.map((w) => ({ name: w.remote.name, entry: w.remote.entry, type: 'global' as const })),
  );
  return {
    async load(widget, expose) {
      try {
        const module = await instance.loadRemote(`${widget.remote.name}/${expose.replace(/^\.\//, '')}`);
        if (isFallbackModule(module)) return { ok: false, error: module.error };
        if (module === null || module === undefined) return { ok: false, error: 'empty module' };
        return { ok: true, module };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
