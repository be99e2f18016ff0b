import { join } from 'node:path';
import { makeTarball, makeTempDir, type StartedProcess, type TarEntry } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/cli/users.js';
import { suiteBackend } from '../test/backends.js';
import { runRegistry as run, sendPublish, serveRegistry } from '../test/e2e.js';
import { errorBody } from '../test/errors.js';
import { widgetEntries } from '../test/fixtures.js';

const NAME = '@deqing/find-machinery';

let server: StartedProcess;
let base: string;
let data: string;
let deqing: string;
let anji: string;

async function put(token: string, version: string, entries: TarEntry[] = widgetEntries(NAME, version)) {
  const res = await sendPublish(base, token, NAME, version, makeTarball(entries));
  return { status: res.status, body: (await res.json()) as { error?: string; code?: string } };
}

async function pendingVersions(): Promise<string[]> {
  const r = await run('review', 'list', '--data', data);
  return r.stdout
    .split('\n')
    .filter((l) => l.includes('@'))
    .map((l) => l.split('\t')[0] as string)
    .sort();
}

beforeAll(async () => {
  data = join((await makeTempDir('cunmen-refusals-')).path, 'data');
  deqing = (await addUser({ dataDir: data, name: 'dq', role: 'county', county: '330521', scope: '@deqing' }))
    .token;
  anji = (await addUser({ dataDir: data, name: 'aj', role: 'county', county: '330523', scope: '@anji' }))
    .token;
  ({ proc: server, base } = await serveRegistry(data));
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('publish refusals against the real server', () => {
  it("refuses another county's scope with 403 and stores nothing", async () => {
    const r = await put(anji, '1.0.0');
    expect(r).toEqual({
      status: 403,
      body: errorBody('REG_ERR_FORBIDDEN_SCOPE', 'a token for scope @anji cannot publish to scope @deqing'),
    });
    expect(await pendingVersions()).toEqual([]);
  });

  it.each([
    [{ path: 'package/../x', body: 'x' }, 'tarball entry "package/../x" contains ".."'],
    [{ path: '/etc/cron.d/x', body: 'x' }, 'tarball entry "/etc/cron.d/x" is an absolute path'],
    [
      { path: 'package/link', type: '2', linkpath: '/etc/passwd' } as TarEntry,
      'tarball entry "package/link" is a SymbolicLink; only plain files and directories are allowed',
    ],
  ])('refuses a tarball with %j', async (entry, message) => {
    const r = await put(deqing, '0.9.0', [...widgetEntries(NAME, '0.9.0'), entry]);
    expect(r).toEqual({ status: 400, body: errorBody('REG_ERR_UNSAFE_TARBALL', message) });
    expect(await pendingVersions()).toEqual([]);
  });

  it('lands two concurrent publishes of different versions, then refuses a re-publish with 409', async () => {
    const [a, b] = await Promise.all([put(deqing, '1.0.0'), put(deqing, '1.1.0')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await pendingVersions()).toEqual([`${NAME}@1.0.0`, `${NAME}@1.1.0`]);
    const again = await put(deqing, '1.0.0', [
      ...widgetEntries(NAME, '1.0.0'),
      { path: 'package/x.md', body: 'x' },
    ]);
    expect(again).toEqual({
      status: 409,
      body: errorBody(
        'REG_ERR_VERSION_EXISTS',
        `cannot publish over existing version ${NAME}@1.0.0`,
        'version',
      ),
    });
  });

  it('audit verify finds a row edited behind the triggers', async () => {
    const intact = await run('audit', 'verify', '--data', data);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit log intact: \d+ entries, head [0-9a-f]{64}\n$/);
    if (suiteBackend() === 'postgres') {
      const db = new pg.Client(process.env.REGISTRY_DATABASE_URL);
      await db.connect();
      try {
        await db.query('drop trigger audit_log_no_change on audit_log');
        await db.query("update audit_log set actor = 'someone-else' where seq = 2");
      } finally {
        await db.end();
      }
    } else {
      const db = new BetterSqlite3(join(data, 'registry.db'));
      try {
        db.exec('drop trigger audit_log_no_update');
        db.prepare("update audit_log set actor = 'someone-else' where seq = 2").run();
      } finally {
        db.close();
      }
    }
    const broken = await run('audit', 'verify', '--data', data);
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).toContain(
      'audit log broken at entry 2: row 2 was changed after it was written',
    );
  });
});
