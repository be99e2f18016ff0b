/**
 * `divisions import` on both back ends: a county's townships and villages in, names updated on a second
 * run, and every bad file refused by its first problem with nothing written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/backends.js';
import { freshDatabase } from '../../test/postgres.js';
import { DEMO_DIVISIONS } from '../storage/demo.js';
import { openStorage } from '../storage/index.js';
import { divisionCommands } from './divisions.js';
import { testContext } from './test-context.js';

const command = divisionCommands[0] as (typeof divisionCommands)[number];

describe.each(BACKENDS)('divisions import on %s', (backend) => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let databaseUrl: string | undefined;

  beforeEach(async () => {
    dir = await makeTempDir('cunmen-shell-divisions-');
    databaseUrl = backend === 'postgres' ? await freshDatabase() : undefined;
    const storage = await openStorage(dir.path, { databaseUrl });
    await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
    await storage.close();
  });
  afterEach(() => dir.remove());

  async function run(entries: unknown) {
    const file = join(dir.path, 'divisions.json');
    writeFileSync(file, typeof entries === 'string' ? entries : JSON.stringify(entries));
    const ctx = testContext(dir.path, { file, ...(databaseUrl ? { 'database-url': databaseUrl } : {}) });
    await command.run(ctx);
    return ctx.stdout.join('');
  }

  async function villages() {
    const storage = await openStorage(dir.path, { databaseUrl });
    try {
      return (await storage.divisions.listVillages('330521')).map((v) => `${v.code} ${v.name}`);
    } finally {
      await storage.close();
    }
  }

  it('adds a township and its villages under a known county, and renames on a second run', async () => {
    const tree = [
      { code: '330521101', name: '武康街道' },
      { code: '330521101201', name: '一村' },
      { code: '330521101202', name: '二村', parent: '330521101' },
    ];
    expect(await run(tree)).toBe('imported 3 divisions (2 villages)\n');
    expect(await villages()).toContain('330521101202 二村');
    expect(await run([{ code: '330521101202', name: '新二村' }])).toBe('imported 1 divisions (1 villages)\n');
    const after = await villages();
    expect(after).toContain('330521101202 新二村');
    expect(after).toContain('330521107201 仙潭村');
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['an empty array', [], 'a non-empty array'],
    ['a bad code', [{ code: '33052', name: 'x' }], 'entry 1: code "33052" is not a 6-, 9- or 12-digit'],
    ['an empty name', [{ code: '330521107299', name: ' ' }], 'entry 1 (330521107299): name must be'],
    [
      'a parent that is not the prefix',
      [{ code: '330521107299', name: '某村', parent: '330521003' }],
      'parent "330521003" is not 330521107',
    ],
    [
      'an unknown parent after a good entry (which is not written either)',
      [
        { code: '330521107297', name: '好村' },
        { code: '330521199201', name: '某村' },
      ],
      'entry 2 (330521199201): its parent 330521199 is neither earlier in the file nor known',
    ],
    [
      'a duplicate',
      [
        { code: '330521107298', name: '甲村' },
        { code: '330521107298', name: '乙村' },
      ],
      'entry 2: 330521107298 appears twice',
    ],
  ])('refuses %s and imports nothing', async (_what, entries, message) => {
    const file = entries;
    const before = await villages();
    await expect(run(file)).rejects.toThrow(message);
    await expect(run(file)).rejects.toThrow('nothing was imported');
    expect(await villages()).toEqual(before);
  });
});
