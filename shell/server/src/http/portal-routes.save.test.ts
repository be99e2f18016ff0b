/** Saving a portal: the assembled snapshot, signed and served with an ETag, and what each save reports. */
import { createPublicKey, verify } from 'node:crypto';
import { portalSnapshotSchema, type SignedManifest, signaturePayloadV2 } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import { MACHINERY, put, registryForFile } from '../../test/portal-routes.js';
import { machineryConfig, WUSI, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([
  { name: MACHINERY, version: '1.0.0' },
  { name: MACHINERY, version: '1.5.0' },
]);

describe('saving a portal', () => {
  it('assembles a signed snapshot that validates and verifies, and serves it with an ETag', async () => {
    await portal.withShell(async (s) => {
      const saved = await put(s, machineryConfig());
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ village: XIANTAN, version: 1, warnings: [] });

      const res = await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(saved.json().etag).toBe(etag);
      const snapshot = portalSnapshotSchema.parse(res.json());
      expect(snapshot.village).toEqual({
        code: XIANTAN,
        name: '仙潭村',
        township: '莫干山镇',
        county: '德清县',
      });
      expect(snapshot.portalVersion).toBe(1);
      expect(snapshot.host.shared.react).toBe('19.3.1');
      const [w] = snapshot.widgets;
      expect(w).toMatchObject({
        name: MACHINERY,
        version: '1.0.0',
        kind: 'widget',
        capabilities: ['store.read'],
        config: { radiusKm: 5 },
        deprecated: null,
      });
      expect(w?.assetBase).toMatch(new RegExp(`^${portal.registry.url}/-/assets/[0-9a-f]{64}/$`));
      expect(w?.remote.entry).toBe(`${w?.assetBase}remoteEntry.js`);
      expect(w?.remote.entryIntegrity).toBe(w?.assets['remoteEntry.js']);
      expect(w?.placements).toEqual([
        {
          slot: 'village.home.tile/v1',
          expose: './Tile',
          order: 100,
          title: { 'zh-CN': '找农机', en: 'Find machinery' },
          icon: 'tractor',
        },
        {
          slot: 'village.page/v1',
          expose: './Page',
          route: 'find-machinery',
          order: 100,
          title: { 'zh-CN': '找农机' },
        },
        { slot: 'village.nav/v1', route: 'find-machinery', order: 100, title: { 'zh-CN': '农机' } },
      ]);
      for (const widget of snapshot.widgets) {
        // Payload v2 as the browser rebuilds it: the snapshot carries the signed manifest view.
        expect(widget.manifest?.contributes).toHaveLength(3);
        const payload = signaturePayloadV2({
          name: widget.name,
          version: widget.version,
          kind: widget.kind,
          title: widget.title,
          remote: { name: widget.remote.name, entry: widget.remote.entry.slice(widget.assetBase.length) },
          assets: widget.assets,
          capabilities: widget.capabilities,
          manifest: widget.manifest as unknown as SignedManifest,
        });
        expect(
          verify(
            null,
            Buffer.from(payload),
            createPublicKey(portal.pem),
            Buffer.from(widget.signature, 'base64'),
          ),
        ).toBe(true);
      }

      const again = await s.app.inject({
        url: `/api/portals/${XIANTAN}/snapshot`,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });
  });

  it('saves a portal with no widgets, naming the province key', async () => {
    await portal.withShell(async (s) => {
      expect((await put(s, { widgets: [], theme: { elderlyByDefault: true } }, WUSI)).statusCode).toBe(200);
      const snap = portalSnapshotSchema.parse(
        (await s.app.inject({ url: `/api/portals/${WUSI}/snapshot` })).json(),
      );
      expect(snap.widgets).toEqual([]);
      expect(snap.theme).toEqual({ elderlyByDefault: true });
      expect(snap.publicKey).toBe(
        createPublicKey(portal.pem).export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64'),
      );
    });
  });

  it('reports usage to the registry after each assembly', async () => {
    await portal.withShell(async (s) => {
      expect((await put(s, machineryConfig('1.5.0'), WUSI)).statusCode).toBe(200);
      expect(await s.app.shell.usage.flush()).toMatchObject({ failed: 0 });
      const usage = await portal.registry.usage(MACHINERY);
      expect(usage.versions.find((v) => v.version === '1.5.0')?.villages).toBe(1);
      expect(await s.app.shell.storage.usage.pending()).toBe(0);
    });
  });
});
