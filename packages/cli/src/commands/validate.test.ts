import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, makeTempDir } from '@cunmen/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.js';

/** Every file with its hash: "nothing is written" means this is identical before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[full.slice(dir.length)] =
          `${statSync(full).mtimeMs}:${createHash('sha1').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

let built = '';
let cleanup: Array<() => Promise<void>> = [];

async function makeTempDirTracked() {
  const tmp = await makeTempDir('cunmen-validate-');
  cleanup.push(tmp.remove);
  return tmp;
}

async function copyOf(source: string): Promise<string> {
  const tmp = await makeTempDirTracked();
  const dir = join(tmp.path, 'widget');
  cpSync(source, dir, { recursive: true });
  return dir;
}

let fixtureTmp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  // One real build of the fixture, copied out of the repository first.
  fixtureTmp = await makeTempDir('cunmen-validate-built-');
  built = copyFixture('hello-widget', join(fixtureTmp.path, 'hello'));
  const r = await cli(['build', built]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);

afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

afterAll(async () => {
  await fixtureTmp?.remove();
});

describe('cunmen validate', () => {
  it('accepts the built fixture and reports its size against the budget', async () => {
    const r = await cli(['validate', built]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /✓ @deqing\/hello@1\.0\.0 is valid — build ok: 4 assets, [\d.]+ KB JS gzip of 50\.0 KB budget/,
    );
  });

  const cases: Array<[string, (dir: string) => void, string]> = [
    [
      'an invalid manifest (not JSON)',
      (dir) => writeFileSync(join(dir, 'widget.json'), '{ "kind": "widget", '),
      '✗ widget.json: not valid JSON',
    ],
    [
      'an invalid manifest (missing title)',
      (dir) => editJson(join(dir, 'widget.json'), (m) => delete m.title),
      '✗ title: required object is missing',
    ],
    [
      'an unknown capability',
      (dir) => editJson(join(dir, 'widget.json'), (m) => (m.capabilities = ['store.read', 'sms.send'])),
      '✗ capabilities[1]: "sms.send" is not allowed, expected one of "user.read", "store.read", "store.write", "form.submit", "points.request", "media.upload", "events.publish", "location.read", "module.api"',
    ],
    [
      'an unknown slot',
      (dir) =>
        editJson(
          join(dir, 'widget.json'),
          (m) =>
            ((m.contributes as Array<Record<string, unknown>>)[0] = {
              slot: 'village.banner/v1',
              expose: './Tile',
            }),
        ),
      '✗ contributes[0].slot: "village.banner/v1" is not allowed, expected one of "village.home.tile/v1", "village.page/v1", "village.nav/v1", "cadre.page/v1"',
    ],
    [
      'a scope that does not belong to the county',
      (dir) => editJson(join(dir, 'package.json'), (p) => (p.name = '@yiyuan/hello')),
      '✗ name: scope @yiyuan belongs to county 370323 (沂源县), not 330521',
    ],
    [
      'an exposed module that is missing',
      (dir) => unlinkSync(join(dir, 'src/Page.tsx')),
      '✗ exposes../Page: module ./src/Page.tsx does not exist',
    ],
    [
      'a size-budget overrun',
      (dir) => editJson(join(dir, 'widget.json'), (m) => (m.budget = { gzip: 2048 })),
      '✗ size.jsGzip: ',
    ],
    [
      'an asset changed after the build',
      (dir) =>
        writeFileSync(
          join(dir, 'dist/remoteEntry.js'),
          `${readFileSync(join(dir, 'dist/remoteEntry.js'), 'utf8')} `,
        ),
      '✗ assets.remoteEntry.js: sha384 differs from cunmen.json (file changed after the build)',
    ],
  ];

  for (const [name, breakIt, message] of cases) {
    it(`rejects ${name} with one clear message, exit 1, and writes nothing`, async () => {
      const dir = await copyOf(built);
      breakIt(dir);
      const before = snapshot(dir);
      const r = await cli(['validate', dir]);
      expect(r.code).toBe(1);
      const problems = r.stderr.split('\n').filter((l) => l.startsWith('✗'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(message);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('names both figures of a budget overrun', async () => {
    const dir = await copyOf(built);
    editJson(join(dir, 'widget.json'), (m) => (m.budget = { gzip: 2048 }));
    const r = await cli(['validate', dir]);
    expect(r.stderr).toMatch(/✗ size\.jsGzip: \d+ bytes gzip exceeds the budget of 2048 bytes/);
  });
});

describe('cunmen build', () => {
  it('refuses a size-budget overrun and leaves no dist behind', async () => {
    const dir = join((await makeTempDirTracked()).path, 'w');
    copyFixture('hello-widget', dir);
    editJson(join(dir, 'widget.json'), (m) => (m.budget = { gzip: 1024 }));
    const before = snapshot(dir);
    const r = await cli(['build', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ size\.jsGzip: \d+ bytes gzip exceeds the budget of 1024 bytes/);
    expect(r.stderr).toContain('build failed with 1 problem(s); nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a manifest whose exposes lists a module that is missing, before bundling', async () => {
    const dir = join((await makeTempDirTracked()).path, 'w');
    copyFixture('hello-widget', dir);
    unlinkSync(join(dir, 'src/Tile.tsx'));
    const r = await cli(['build', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('✗ exposes../Tile: module ./src/Tile.tsx does not exist');
  });
});
