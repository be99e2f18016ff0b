/**
 * `cunmen-shell migrate-to-scale` on a seeded embedded data directory: every table copied into an empty
 * PostgreSQL database and verified (counts and content hashes), the copy working as scale-mode storage
 * afterwards (ids continue, the audit chain verifies with the same head), a second run refused, and the
 * verification catching a changed or missing row.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VillageConfig } from '@cunmen/manifest';
import { migrateModule } from '@cunmen/module-api';
import {
  makeTempDir,
  runCommand,
  type StartedPostgres,
  type StartedS3,
  startPostgres,
  startS3,
} from '@cunmen/test-utils';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_MODULES } from '../src/modules/standard.js';
import { DEMO_DIVISIONS } from '../src/storage/demo.js';
import { openStorage } from '../src/storage/index.js';
import { postgresColumns } from '../src/storage/scale/tables.js';
import { compareTable } from '../src/storage/scale/verify.js';
import type { Storage } from '../src/storage/types.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const V = '330521107201';
const run = (args: string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [cli, ...args], {
    env: { CUNMEN_DATA: '', CUNMEN_SHELL_DATA: '', SHELL_DATABASE_URL: '', DATABASE_URL: '', ...env },
  });

let pg: StartedPostgres;
let s3: StartedS3;
/** A complaint's photo and a portal banner: module blobs under <data>/modules. */
const PHOTO = Buffer.from('complaint photo bytes');
const BANNER = Buffer.from('banner webp bytes');
const blobShas: Record<string, string> = {};
const s3Args = () => ['--s3-endpoint', s3.endpoint, '--s3-bucket', 'cunmen-shell'];
const s3Env = () => ({
  CUNMEN_S3_ACCESS_KEY_ID: s3.accessKeyId,
  CUNMEN_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
});
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let databaseUrl: string;
/** Media bytes with every byte value, so a text conversion anywhere would show. */
const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

const config = (version: number, title: string): VillageConfig => ({
  village: V,
  version,
  title: { 'zh-CN': title },
  theme: { elderlyByDefault: false },
  widgets: [],
});

async function seed(storage: Storage) {
  await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
  for (const title of ['仙潭村', '仙潭村门户']) {
    await storage.portals.savePortal({
      village: V,
      actor: 'cadre',
      build: (version) => ({
        config: config(version, title),
        snapshot: { json: `{"t":"${title}"}`, etag: `"${title}${version}"`, warnings: [], resolvedAt: 'now' },
      }),
    });
  }
  await storage.portals.setCurrent(V, 1, 'county');
  const user = await storage.identity.createUser({
    name: 'xt-zhang',
    displayName: '张建华',
    role: 'resident',
    division: V,
  });
  await storage.identity.createSession({
    tokenHash: 'h',
    userId: user.id,
    csrfToken: 'c',
    mfaPassed: true,
    createdAt: '2026-12-01T00:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  const household = await storage.households.createHousehold({
    village: V,
    number: 'H-1',
    head: '张建华',
    address: '仙潭村 1 号',
  });
  if (household === 'exists') throw new Error('seeded twice');
  await storage.households.addResident({
    householdId: household.id,
    name: '张建华',
    relation: '户主',
    phone: null,
    accountId: user.id,
  });
  const scope = { village: V, widget: '@yiyuan/waste-pickup', collection: 'bookings' };
  await storage.host.createDoc(
    scope,
    'd1',
    { data: '{"day":"周三"}', by: user.id, at: 'now' },
    { maxDocs: 9, maxBytes: 9999 },
  );
  await storage.host.saveMedia(
    {
      id: 'm1',
      village: V,
      widget: scope.widget,
      filename: '照片.png',
      contentType: 'image/png',
      size: 256,
      sha256: 'x',
      userId: user.id,
      createdAt: 'now',
      collection: null,
    },
    BYTES,
    10_000,
  );
  await storage.host.credentialKey();
  await storage.usage.enqueue({ village: V, widgets: [{ name: '@yiyuan/waste-pickup', version: '1.0.0' }] });
  await storage.drafts.put({
    village: V,
    baseVersion: 1,
    config: { village: V, theme: { elderlyByDefault: true }, widgets: [] },
    updatedAt: 'now',
    updatedBy: 'cadre',
  });
  for (const action of ['portal.save', 'portal.save', 'portal.rollback']) {
    await storage.audit.append({ actor: 'cadre', action, subject: `village:${V}`, detail: { 村: '仙潭' } });
  }
  for (const m of STANDARD_MODULES) await migrateModule(m, { db: storage.modules.database });
  blobShas.complaints = await storage.modules.blobs('complaints').put(PHOTO);
  blobShas['portal-banners'] = await storage.modules.blobs('portal-banners').put(BANNER);
}

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  databaseUrl = await pg.createDatabase('scale');
  dir = await makeTempDir('cunmen-shell-migrate-');
  const storage = await openStorage(dir.path);
  try {
    await seed(storage);
  } finally {
    await storage.close();
  }
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  await s3?.stop();
  await dir?.remove();
});

describe('cunmen-shell migrate-to-scale', () => {
  it('copies every table, verifies each, and the copy serves as scale-mode storage', async () => {
    const result = await run(
      ['migrate-to-scale', '--data', dir.path, '--database-url', databaseUrl, ...s3Args()],
      s3Env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('ok       module blobs  2 of 2 verified\n');
    const lines = result.stdout.trim().split('\n');
    const oks = lines.filter((l) => l.startsWith('ok ')).map((l) => l.split(/\s+/)[1]);
    const tables = oks.filter((t) => t !== 'module');
    for (const t of [
      'divisions',
      'portal_versions',
      'host_media',
      'audit_log',
      'identity_users',
      'residents',
    ]) {
      expect(tables).toContain(t);
    }
    for (const t of [
      'kysely_migration',
      'identity_migration',
      'portal_drafts',
      'module_complaints_migration',
      // 积分制's tables and bookkeeping come along like every mounted module's.
      'module_points_migration',
      'points_rulebook',
      'points_entry',
      'points_claim',
      'module_party_building_migration',
      'party_building_member',
      'party_building_meeting',
    ]) {
      expect(tables).toContain(t);
    }
    expect(oks).toContain('module');
    expect(lines.some((l) => l.startsWith('MISMATCH'))).toBe(false);
    expect(lines.at(-1)).toBe(`all ${tables.length} tables and 2 module blobs copied and verified`);

    const embedded = await openStorage(dir.path);
    const scale = await openStorage(dir.path, {
      databaseUrl,
      s3: {
        endpoint: s3.endpoint,
        bucket: 'cunmen-shell',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      },
    });
    try {
      expect(scale.kind).toBe('shared');
      // The blobs now come from the bucket (an instance elsewhere has no <data>/modules).
      expect(await scale.modules.blobs('complaints').get(blobShas.complaints as string)).toEqual(PHOTO);
      expect(await scale.modules.blobs('portal-banners').get(blobShas['portal-banners'] as string)).toEqual(
        BANNER,
      );
      expect(await scale.portals.currentRef(V)).toEqual(await embedded.portals.currentRef(V));
      expect(await scale.audit.verify()).toEqual(await embedded.audit.verify());
      expect((await scale.host.getMedia('m1'))?.bytes.equals(BYTES)).toBe(true);
      expect(await scale.identity.findSession('h')).toEqual(await embedded.identity.findSession('h'));
      // Sequences continue after the copied ids.
      const next = await scale.identity.createUser({
        name: 'new',
        displayName: '新',
        role: 'resident',
        division: V,
      });
      expect(next.id).toBe(2);
      const saved = await scale.portals.savePortal({
        village: V,
        actor: 'cadre',
        expectCurrent: 1,
        build: (version) => ({
          config: config(version, '新'),
          snapshot: { json: '{}', etag: '"n"', warnings: [], resolvedAt: 'now' },
        }),
      });
      expect(saved.version).toBe(3);
      expect((await scale.audit.append({ actor: 'ops', action: 'x', subject: 's' })).seq).toBe(4);
    } finally {
      await embedded.close();
      await scale.close();
    }
  }, 120_000);

  it('refuses to copy into a database that already holds data', async () => {
    const again = await run(['migrate-to-scale', '--data', dir.path, '--database-url', databaseUrl]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data (table');
    const missing = await run(['migrate-to-scale', '--data', dir.path]);
    expect(missing.code).toBe(2);
  }, 60_000);

  it('names a damaged module blob and exits 1', async () => {
    const fake = 'ab'.repeat(32);
    mkdirSync(join(dir.path, 'modules', 'complaints', 'blobs', 'ab'), { recursive: true });
    writeFileSync(join(dir.path, 'modules', 'complaints', 'blobs', 'ab', fake), 'not what the name says');
    const other = await pg.createDatabase('scale_damaged');
    const result = await run(
      ['migrate-to-scale', '--data', dir.path, '--database-url', other, ...s3Args()],
      s3Env(),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('MISMATCH module blobs  2 of 3 verified\n');
    expect(result.stderr).toContain(
      `the copy differs from the embedded database in: modules/complaints/${fake}`,
    );
  }, 120_000);

  it('finds a changed row and a missing row in the table they are in', async () => {
    const embedded = await openStorage(dir.path);
    const scale = await openStorage(dir.path, { databaseUrl });
    const from = embedded.modules.database as Kysely<unknown>;
    const to = scale.modules.database as Kysely<unknown>;
    try {
      const types = (await postgresColumns(to)).get('divisions') ?? new Map();
      const columns = ['code', 'level', 'name', 'parent_code'];
      expect((await compareTable(from, to, 'divisions', columns, types)).ok).toBe(true);
      await sql`update divisions set name = '仙谭村' where code = ${V}`.execute(to);
      const changed = await compareTable(from, to, 'divisions', columns, types);
      expect(changed).toMatchObject({
        ok: false,
        rows: { sqlite: DEMO_DIVISIONS.length, postgres: DEMO_DIVISIONS.length },
      });
      await sql`delete from portal_drafts`.execute(to);
      const draftTypes = (await postgresColumns(to)).get('portal_drafts') ?? new Map();
      const gone = await compareTable(from, to, 'portal_drafts', [...draftTypes.keys()], draftTypes);
      expect(gone).toMatchObject({ ok: false, rows: { sqlite: 1, postgres: 0 } });
    } finally {
      await embedded.close();
      await scale.close();
    }
  }, 60_000);
});
