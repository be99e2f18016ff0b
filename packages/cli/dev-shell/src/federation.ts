/**
 * The host side of Module Federation for the emulated shell: one runtime instance that provides the
 * shared singletons (`SHARED_SINGLETONS` of @cunmen/manifest: React, the SDK, the UI kit) and the MF
 * runtime core the widget's remoteEntry expects on globalThis (the widget is built with
 * `externalRuntime`).
 */
import { federationShared } from '@cunmen/manifest';
import * as sdk from '@cunmen/sdk';
import { isSlotContribution, type SlotContribution } from '@cunmen/sdk';
import * as ui from '@cunmen/ui';
import { createInstance } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime-core';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';

(globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE = runtimeCore;

export function createFederation(remoteName: string, manifestUrl: string) {
  const instance = createInstance({
    name: 'cunmen_dev_shell',
    remotes: [{ name: remoteName, entry: manifestUrl }],
    // The platform's one table, so a widget meets here the versions the resident shell provides.
    shared: federationShared({
      react: React,
      'react-dom': ReactDOM,
      'react/jsx-runtime': jsxRuntime,
      '@cunmen/sdk': sdk,
      '@cunmen/ui': ui,
    }),
  });
  return {
    /** Loads an exposed module and checks it contributes to the slot widget.json places it in. */
    async load(expose: string, slot: string): Promise<SlotContribution> {
      const mod = await instance.loadRemote<{ default?: unknown }>(
        `${remoteName}/${expose.replace(/^\.\//, '')}`,
      );
      const contribution = mod?.default;
      if (!isSlotContribution(contribution)) {
        throw new Error(
          `${expose} does not default-export a slot contribution (use defineTile / definePage / defineCadrePage)`,
        );
      }
      if (contribution.slot !== slot) {
        throw new Error(
          `${expose} contributes to ${contribution.slot}, but widget.json places it in ${slot}`,
        );
      }
      return contribution;
    },
  };
}
