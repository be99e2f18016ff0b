import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresBinDir, startPostgres } from './postgres.js';

function psql(url: string, sql: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(`${postgresBinDir()}/psql`, [url, '-qAt', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('startPostgres', () => {
  it('starts a private server, creates UTF-8 databases that hold Chinese, and removes everything on stop', async () => {
    const pg = await startPostgres();
    const url = await pg.createDatabase('cunmen_test');
    expect(url).toBe(`postgres://postgres@127.0.0.1:${pg.port}/cunmen_test`);
    expect(
      psql(url, "CREATE TABLE t (name text); INSERT INTO t VALUES ('仙潭村'); SELECT name FROM t").stdout,
    ).toBe('仙潭村');
    expect(psql(url, 'SHOW server_encoding').stdout).toBe('UTF8');
    await expect(pg.createDatabase('Robert; DROP')).rejects.toThrow(
      'not a plain database name: Robert; DROP',
    );
    const dataDir = /-D (\S+)/.exec(pg.process.child.spawnargs.join(' '))?.[1] ?? '';
    expect(existsSync(dataDir)).toBe(true);
    await pg.stop();
    expect(existsSync(dataDir)).toBe(false);
    expect(psql(url, 'SELECT 1').status).not.toBe(0);
  }, 120_000);

  it('keeps a stopped server’s data as a template that each later server starts on a copy of', async () => {
    const first = await startPostgres();
    const url = await first.createDatabase('cunmen_template');
    expect(psql(url, "CREATE TABLE t (name text); INSERT INTO t VALUES ('仙潭村')").status).toBe(0);
    const parent = mkdtempSync(join(tmpdir(), 'cunmen-pg-template-'));
    const template = join(parent, 'data');
    try {
      await first.keep(template);
      expect(existsSync(join(template, 'PG_VERSION'))).toBe(true);
      const [a, b] = await Promise.all([
        startPostgres({ from: template }),
        startPostgres({ from: template }),
      ]);
      try {
        expect(psql(a.url('cunmen_template'), 'SELECT name FROM t').stdout).toBe('仙潭村');
        expect(psql(a.url('cunmen_template'), "INSERT INTO t VALUES ('五四村')").status).toBe(0);
        // Copies, not the same files: b and the template never see a's write.
        expect(psql(b.url('cunmen_template'), 'SELECT count(*) FROM t').stdout).toBe('1');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      const again = await startPostgres({ from: template });
      expect(psql(again.url('cunmen_template'), 'SELECT count(*) FROM t').stdout).toBe('1');
      await again.stop();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});
