/**
 * Builds portal snapshots for tests the way the server will: a widget's assets and SRI from its
 * `dist/cunmen.json`, placements from its `contributes`, signed with an Ed25519 key made in the test.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type BuiltManifest,
  type PortalSnapshot,
  type SignedManifest,
  type SnapshotWidget,
  signaturePayloadV2,
  signedManifest,
} from '@cunmen/manifest';

export interface TestKeys {
  privateKey: KeyObject;
  /** Raw 32-byte public key, base64 (what the registry serves as `publicKey`). */
  publicKey: string;
}

export function makeKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: der.subarray(der.length - 32).toString('base64') };
}

export function signWidget(keys: TestKeys, widget: Omit<SnapshotWidget, 'signature'>): string {
  const payload = signaturePayloadV2({
    name: widget.name,
    version: widget.version,
    kind: widget.kind,
    title: widget.title,
    remote: { name: widget.remote.name, entry: widget.remote.entry.slice(widget.assetBase.length) },
    assets: widget.assets,
    capabilities: widget.capabilities,
    // The snapshot carries the signed view itself (`signedManifest` of the built manifest).
    manifest: (widget.manifest ?? {}) as unknown as SignedManifest,
  });
  return sign(null, Buffer.from(payload, 'utf8'), keys.privateKey).toString('base64');
}

export function readBuiltManifest(distDir: string): BuiltManifest {
  return JSON.parse(readFileSync(`${distDir}/cunmen.json`, 'utf8')) as BuiltManifest;
}

export interface WidgetFromManifestOptions {
  /** Where the widget's dist is served, ending in `/`. */
  assetBase: string;
  keys: TestKeys;
  /** Order of the home tile (and nav entry). */
  order?: number;
  /** Another MF container name (for a copy of a remote under another package name). */
  remoteName?: string;
  /** Overrides applied before signing (e.g. another name for a copy). */
  override?: Partial<Omit<SnapshotWidget, 'signature'>>;
}

/** A signed snapshot widget for a built remote; resident placements only (no cadre pages). */
export function widgetFromManifest(
  manifest: BuiltManifest,
  options: WidgetFromManifestOptions,
): SnapshotWidget {
  const assets = Object.fromEntries(manifest.assets.map((a) => [a.path, a.integrity]));
  const order = options.order ?? 100;
  const base: Omit<SnapshotWidget, 'signature'> = {
    name: manifest.name,
    version: manifest.version,
    kind: manifest.kind,
    title: manifest.title,
    remote: {
      name: options.remoteName ?? manifest.remote.name,
      entry: `${options.assetBase}${manifest.remote.entry}`,
      entryIntegrity: assets[manifest.remote.entry] ?? '',
    },
    assets,
    // What each expose needs before it runs, as the shell server copies it from the release
    // (portals/expose-assets.ts): the browser preloads exactly these.
    ...(manifest.exposeAssets ? { exposeAssets: manifest.exposeAssets } : {}),
    assetBase: options.assetBase,
    capabilities: manifest.capabilities,
    manifest: { ...signedManifest(manifest as unknown as Record<string, unknown>) },
    config: manifest.configDefaults ?? {},
    placements: manifest.contributes
      .filter((c) => c.slot !== 'cadre.page/v1')
      .map((c) => ({
        slot: c.slot,
        expose: c.expose,
        route: c.route,
        title: c.title,
        icon: c.icon,
        order: c.order ?? order,
      })),
    deprecated: null,
    yanked: null,
    ...options.override,
  };
  return { ...base, signature: signWidget(options.keys, base) };
}

export function makeSnapshot(
  keys: TestKeys,
  widgets: SnapshotWidget[],
  extra: Partial<PortalSnapshot> = {},
): PortalSnapshot {
  return {
    schemaVersion: 1,
    village: { code: '330521001001', name: '东衡村', township: '洛舍镇', county: '德清县' },
    portalVersion: 1,
    generatedAt: '2026-12-01T00:00:00.000Z',
    host: {
      sdk: '0.1.0',
      shared: {
        react: '^19.0.0',
        'react-dom': '^19.0.0',
        'react/jsx-runtime': '^19.0.0',
        '@cunmen/sdk': '^0.1.0',
        '@cunmen/ui': '^0.1.0',
      },
    },
    publicKey: keys.publicKey,
    theme: { elderlyByDefault: false },
    widgets,
    ...extra,
  };
}

/**
 * What the server does: the placeholder becomes the snapshot script, `<` escaped as \u003c, and the
 * pinned province key (from the shell's configuration; here `key`, by default the snapshot's own)
 * goes into a `<meta>` the web app reads.
 */
export function injectSnapshot(html: string, snapshot: unknown, key?: string): string {
  const json = JSON.stringify(snapshot).replace(/</g, '\\u003c');
  const pinned = key ?? (snapshot as { publicKey?: string }).publicKey ?? '';
  return html.replace(
    '<!--cunmen:snapshot-->',
    `<meta name="cunmen-province-key" content="${pinned}"><script type="application/json" id="cunmen-snapshot">${json}</script>`,
  );
}
