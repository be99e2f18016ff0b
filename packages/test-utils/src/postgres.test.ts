import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
});
