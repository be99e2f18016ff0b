/**
 * Payload v2 end to end: a field the v1 signature did not cover (contributions, config schema, shared
 * ranges, the remote name, the title) changed in what the registry STORED after approval — a
 * compromised registry database — is refused by the shell before any snapshot is built, with
 * `SHELL_ERR_BAD_SIGNATURE`, and nothing is saved. The untouched version still assembles.
 */
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { put, registryForFile } from '../../test/portal-routes.js';
import { machineryConfig, XIANTAN } from '../../test/shell.js';

const MACHINERY = '@deqing/find-machinery';
type Manifest = Record<string, unknown> & { contributes: Record<string, unknown>[] };

const tampers: [string, string, (m: Manifest) => Manifest][] = [
  [
    'contributes (a new expose in the home tile)',
    '1.0.1',
    (m) => ({ ...m, contributes: m.contributes.map((c, i) => (i === 0 ? { ...c, expose: './Page' } : c)) }),
  ],
  ['configSchema (a looser limit)', '1.0.2', (m) => ({ ...m, configSchema: { type: 'object' } })],
  ['shared (another React range)', '1.0.3', (m) => ({ ...m, shared: { react: '>=18' } })],
  [
    'remote.name (another container)',
    '1.0.4',
    (m) => ({ ...m, remote: { ...(m.remote as object), name: 'evil' } }),
  ],
  ['title (what residents read)', '1.0.5', (m) => ({ ...m, title: { 'zh-CN': '领补贴' } })],
];

const portal = registryForFile([
  { name: MACHINERY, version: '1.0.0' },
  ...tampers.map(([, version]) => ({ name: MACHINERY, version })),
]);

/** Rewrites the manifest the registry stored for a version, as an attacker with its database would. */
function tamperStored(version: string, change: (m: Manifest) => Manifest): void {
  const db = new Database(join(portal.registry.dataDir, 'registry.db'));
  try {
    const row = db
      .prepare('SELECT manifest FROM versions WHERE package_name = ? AND version = ?')
      .get(MACHINERY, version) as { manifest: string };
    const next = JSON.stringify(change(JSON.parse(row.manifest) as Manifest));
    const updated = db
      .prepare('UPDATE versions SET manifest = ? WHERE package_name = ? AND version = ?')
      .run(next, MACHINERY, version);
    expect(updated.changes).toBe(1);
  } finally {
    db.close();
  }
}

describe('signature payload v2', () => {
  it.each(tampers)(
    'refuses a release whose stored %s was changed after approval',
    async (_f, version, change) => {
      tamperStored(version, change);
      // The registry now serves the changed field with the original signature.
      const served = await (
        await fetch(`${portal.registry.url}/-/cunmen/v1/releases/${MACHINERY}/${version}`)
      ).json();
      expect(JSON.stringify(served.manifest)).toBe(
        JSON.stringify(change(JSON.parse(JSON.stringify(served.manifest)))),
      );
      await portal.withShell(async (s) => {
        const res = await put(s, machineryConfig(version));
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          code: 'SHELL_ERR_BAD_SIGNATURE',
          widget: MACHINERY,
          field: 'widgets[0].version',
        });
        expect(res.json().error).toMatch(
          /province signature does not match its assets, capabilities and manifest/,
        );
        expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBeNull();
      });
    },
  );

  it('assembles the untouched version with the pinned key, and carries the signed manifest view', async () => {
    await portal.withShell(async (s) => {
      expect((await put(s, machineryConfig('1.0.0'))).statusCode).toBe(200);
      const snap = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(snap.widgets[0].manifest).toMatchObject({
        sdk: '^0.1.0',
        requested: ['store.read'],
        contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', icon: 'tractor' }, {}, {}],
      });
    });
  });

  it('refuses every version under a pinned key that is not the province key, and saves nothing', async () => {
    const wrong = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await portal.withShell(
      async (s) => {
        for (const version of ['1.0.0', '1.0.1']) {
          const res = await put(s, machineryConfig(version));
          expect(res.json()).toMatchObject({ code: 'SHELL_ERR_BAD_SIGNATURE', widget: MACHINERY });
          expect(res.json().error).toMatch(/not the pinned province key/);
        }
        expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBeNull();
      },
      { provinceKeyPem: wrong },
    );
  });
});
