import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRegistryWith } from '../test/e2e.js';

/** No data directory from the environment that runs the tests. */
const NO_DATA = { CUNMEN_DATA: '', CUNMEN_REGISTRY_DATA: '' };
let tmp: string;

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-cli-defaults-')).path;
});

describe('cunmen-registry without --data', () => {
  it('uses $CUNMEN_DATA/registry, the layout npm start uses', async () => {
    const env = { ...NO_DATA, CUNMEN_DATA: join(tmp, '.data') };
    const added = await runRegistryWith(
      env,
      ...['user', 'add', '--name', 'dq', '--role', 'county', '--county', '330521', '--scope', '@deqing'],
    );
    expect(added.stderr).toBe('user created; its token (shown only now):\n');
    expect(added.code).toBe(0);
    expect(existsSync(join(tmp, '.data', 'registry', 'registry.db'))).toBe(true);
    const verified = await runRegistryWith(env, 'audit', 'verify');
    expect(verified.stdout).toMatch(/^audit log intact: 1 entries/);
  });

  it('prefers $CUNMEN_REGISTRY_DATA, and an explicit --data over both', async () => {
    const env = { CUNMEN_DATA: join(tmp, 'unused'), CUNMEN_REGISTRY_DATA: join(tmp, 'registry-only') };
    expect((await runRegistryWith(env, 'key', 'export')).code).toBe(0);
    expect(existsSync(join(tmp, 'registry-only', 'keys', 'province-ed25519.pub'))).toBe(true);
    expect((await runRegistryWith(env, 'key', 'export', '--data', join(tmp, 'explicit'))).code).toBe(0);
    expect(existsSync(join(tmp, 'explicit', 'keys', 'province-ed25519.pub'))).toBe(true);
    expect(existsSync(join(tmp, 'unused'))).toBe(false);
  });

  it('exits 2 with the help when nothing names a data directory', async () => {
    const r = await runRegistryWith(NO_DATA, 'review', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^cunmen-registry: --data <dir> is required \(or set CUNMEN_REGISTRY_DATA or CUNMEN_DATA\)\n\nUsage: cunmen-registry review list \[--data <dir>\]/,
    );
  });

  it('says so in --help', async () => {
    const r = await runRegistryWith(NO_DATA, 'serve', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(default $CUNMEN_REGISTRY_DATA, else $CUNMEN_DATA/registry)');
    expect(r.stdout).toContain('--uplink <url>');
  });
});

describe('serve --uplink', () => {
  it.each([
    [['--uplink', 'ftp://mirror.example'], {}, '--uplink must be an http(s) registry URL'],
    [[], { CUNMEN_UPLINK: 'mirror.example' }, '$CUNMEN_UPLINK must be an http(s) registry URL'],
    [
      ['--uplink', 'https://mirror.example/', '--uplink-max-age', '0'],
      {},
      '--uplink-max-age must be a positive whole number',
    ],
  ])('refuses %j %j before it starts', async (args, env, message) => {
    const r = await runRegistryWith(
      { ...NO_DATA, ...env },
      ...['serve', '--port', '0', '--data', join(tmp, 'serve'), ...args],
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cunmen-registry: ${message}`);
  });
});
