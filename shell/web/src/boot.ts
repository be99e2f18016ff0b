/**
 * Startup, in the order the first paint needs it: read and validate the inlined snapshot (no fetch),
 * start exchanging the page load's ticket for the widgets' credentials (account/credentials.ts), preload
 * the home tiles' scripts, render; after the first paint check every widget's signature, guard `<head>`
 * against scripts of unverified widgets, and create the one MF instance with only the accepted widgets
 * registered. No widget loads before the credential exchange answered: a widget running earlier could
 * race the shell for the page's single-use ticket.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import { createElderlyMode, type ElderlyMode } from '@cunmen/sdk';
import { exchangePageCredentials, type PageCredentials } from './account/credentials.js';
import { reportShellError, type ShellErrorCode } from './errors.js';
import { createPortalFederation, type PortalFederation, sharedMismatches } from './federation/instance.js';
import { type AssetIndex, createAssetIndex, installScriptGuard } from './federation/integrity.js';
import { preloadScripts, scriptsFor } from './federation/preload.js';
import { parseRoute } from './portal/router.js';
import { layoutOf } from './portal/slots.js';
import { readProvinceKey, readSnapshot } from './snapshot.js';
import { checkWidgets } from './trust/verify.js';

export const ELDERLY_STORAGE_KEY = 'cunmen:elderly';

export type Boot =
  | {
      ok: true;
      snapshot: PortalSnapshot;
      /** Loads go through the trust gate: verified widgets load, refused ones answer `refused`. */
      federation: PortalFederation;
      /** The signed assets of the widgets that passed the trust checks (runs the checks if needed). */
      trusted: () => Promise<AssetIndex>;
      elderly: ElderlyMode;
      preloaded: string[];
      /** This page load's widget credentials: hand `credentials.sourceFor(widget)` to each host only. */
      credentials: PageCredentials;
    }
  | { ok: false; code: ShellErrorCode };

function readStored(key: string): boolean | undefined {
  try {
    const value = localStorage.getItem(key);
    return value === 'true' ? true : value === 'false' ? false : undefined;
  } catch {
    return undefined;
  }
}

/** Elderly mode: remembered choice first, else the village's default. */
export function elderlyModeFor(snapshot: PortalSnapshot): ElderlyMode {
  return createElderlyMode(readStored(ELDERLY_STORAGE_KEY) ?? snapshot.theme.elderlyByDefault, (value) => {
    try {
      localStorage.setItem(ELDERLY_STORAGE_KEY, String(value));
    } catch {
      // Private mode or WeChat quirks: the choice lasts for this visit.
    }
  });
}

/** `performance.mark` where the platform has it (old WebViews may not). */
function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

export interface BootOptions {
  /** When the signature checks run; default after the first paint. */
  afterPaint?: (task: () => void) => void;
  /** The fetch the credential exchange uses (tests); default the page's, captured now. */
  fetch?: typeof fetch;
}

export function boot(doc: Document, base: string, options: BootOptions = {}): Boot {
  mark('cunmen:boot');
  const read = readSnapshot(doc);
  if (!read.ok) {
    reportShellError(read.code, '#cunmen-snapshot', read.detail);
    return { ok: false, code: read.code };
  }
  const { snapshot } = read;
  mark('cunmen:snapshot');
  // First, before anything can run a widget's code: the ticket is single use.
  const credentials = exchangePageCredentials({
    village: snapshot.village.code,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  // Preload what the first screen needs (the home tiles, or the page the URL opens) before the
  // signature checks: verifying costs ~25 ms a widget on a phone-class CPU, and a preload only
  // fetches bytes (checked against their SRI) — nothing runs until a widget is verified and registered.
  const layout = layoutOf(snapshot, 'zh-CN');
  const route = parseRoute(doc.defaultView?.location.pathname ?? '/', base);
  const first =
    route.kind === 'page'
      ? [layout.pages.get(route.route)].filter((p) => p !== undefined)
      : route.kind === 'home'
        ? layout.tiles
        : [];
  const candidates = createAssetIndex(snapshot.widgets);
  const preloaded = preloadScripts(
    first.flatMap((e) => scriptsFor(e.widget, e.expose, candidates)),
    doc,
  );
  mark('cunmen:preloaded');

  const federation = trustGate(snapshot, doc, options.afterPaint, credentials.ready);
  return {
    ok: true,
    snapshot,
    federation,
    trusted: federation.trusted,
    elderly: elderlyModeFor(snapshot),
    preloaded,
    credentials,
  };
}

/** Runs `task` after the next paint (rAF, then a task), so the frame shows before heavy work. */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

/**
 * The signature checks, run once after the first paint (they cost ~25 ms a widget on a slow phone and
 * nothing can load before them anyway); then only the accepted widgets are registered with the one MF
 * instance and their assets allowed by the `<head>` guard. Refused widgets answer `refused` with code.
 * `load` takes the widget objects of `snapshot` itself (verdicts are kept per object, so two entries
 * with the same name — a duplicate — are told apart). `before` (the credential exchange on the resident
 * portal) must settle before any widget loads.
 */
export function trustGate(
  snapshot: PortalSnapshot,
  doc: Document,
  schedule: (task: () => void) => void = afterNextPaint,
  before: Promise<void> = Promise.resolve(),
): PortalFederation & { trusted: () => Promise<AssetIndex> } {
  let gate: Promise<{
    refused: Map<SnapshotWidget, ShellErrorCode>;
    federation: PortalFederation;
    index: AssetIndex;
  }> | null = null;
  const open = () => {
    gate ??= new Promise((resolve) =>
      schedule(() => {
        mark('cunmen:verifying');
        const trust = checkWidgets(snapshot.widgets, readProvinceKey(doc));
        const refused = new Map<SnapshotWidget, ShellErrorCode>();
        for (const { widget, code } of trust.refused) refused.set(widget, code);
        for (const { widget, code, detail } of [...trust.refused, ...trust.warnings]) {
          reportShellError(code, `${widget.name}@${widget.version}`, detail);
        }
        for (const mismatch of sharedMismatches(snapshot.host.shared)) {
          reportShellError('SHELL_ERR_SHARED_MISMATCH', 'snapshot.host.shared', mismatch);
        }
        mark('cunmen:verified');
        // Only verified widgets' assets may run: the MF runtime and the <head> guard use this index.
        const index = createAssetIndex(trust.accepted);
        installScriptGuard(index, doc);
        resolve({ refused, index, federation: createPortalFederation({ widgets: trust.accepted, index }) });
      }),
    );
    return gate;
  };
  return {
    trusted: () => open().then((g) => g.index),
    async load(widget, expose) {
      const [{ refused, federation }] = await Promise.all([open(), before]);
      const code = refused.get(widget);
      return code ? { ok: false, error: code, refused: code } : federation.load(widget, expose);
    },
  };
}
