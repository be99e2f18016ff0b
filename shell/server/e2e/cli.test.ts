import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, runCommand } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** The environment's data and registry defaults are cleared unless a test sets them. */
const NO_DEFAULTS = {
  CUNMEN_DATA: '',
  CUNMEN_SHELL_DATA: '',
  CUNMEN_REGISTRY_URL: '',
  CUNMEN_PROVINCE_KEY: '',
};
const run = (args: string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [cli, ...args], { env: { ...NO_DEFAULTS, ...env } });

let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  dir = await makeTempDir('cunmen-shell-cli-');
});

afterAll(async () => {
  await dir.remove();
});

describe('cunmen-shell', () => {
  it('prints help for itself and each command', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    const names = ['serve', 'seed-demo', 'portal show', 'portal set', 'portal add', 'portal remove'];
    for (const name of [...names, 'portal move', 'portal configure', 'portal rollback', 'portal versions']) {
      expect(main.stdout).toContain(`  ${name} `);
      const help = await run([...name.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: cunmen-shell ${name}`));
    }
    expect((await run(['serve', '--help'])).stdout).toContain('--province-key <pem file>');
  }, 180_000);

  it('exits 2 on usage errors with the command help', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const noData = await run(['seed-demo']);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain('--data <dir> is required (or set CUNMEN_SHELL_DATA or CUNMEN_DATA)');
    const noFile = await run(['portal', 'set', '330521107201', '--data', dir.path]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('--file is required');
    // The province key is required configuration: never learned from the registry.
    for (const args of [
      ['serve', '--port', '0'],
      ['portal', 'rollback', '330521107201', '1'],
    ]) {
      const noKey = await run([...args, '--registry', 'http://127.0.0.1:9', '--data', dir.path]);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toContain('--province-key is required with a registry');
    }
    const badVersion = await run(['portal', 'rollback', '330521107201', 'latest', '--data', dir.path]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain('"latest" is not a portal version number');
  }, 120_000);

  it('exits 1 with the error code when an operation is refused', async () => {
    const data = join(dir.path, 'data');
    expect((await run(['seed-demo', '--data', data])).code).toBe(0);
    const file = join(dir.path, 'config.json');
    writeFileSync(file, JSON.stringify({ widgets: [] }));
    const noRegistry = await run(['portal', 'set', '330521107201', '--file', file, '--data', data]);
    expect(noRegistry.code).toBe(2);
    expect(noRegistry.stderr).toContain(
      '--registry is required: pass --registry <url>, or set $CUNMEN_REGISTRY_URL',
    );
    const unknown = await run(['portal', 'versions', '330521107299', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no village 330521107299 on this platform (SHELL_ERR_UNKNOWN_VILLAGE)');
    const rollback = await run(['portal', 'rollback', '330521107201', '3', '--data', data]);
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('SHELL_ERR_UNKNOWN_VERSION');
  }, 120_000);

  it('takes --data from $CUNMEN_SHELL_DATA, else from $CUNMEN_DATA/shell (as npm start lays it out)', async () => {
    const root = join(dir.path, 'repo-data');
    expect((await run(['seed-demo'], { CUNMEN_DATA: root })).code).toBe(0);
    const versions = await run(['portal', 'versions', '330521107201'], { CUNMEN_DATA: root });
    expect(versions.code).toBe(0);
    const own = join(dir.path, 'own');
    expect((await run(['seed-demo'], { CUNMEN_DATA: root, CUNMEN_SHELL_DATA: own })).code).toBe(0);
    expect(existsSync(join(root, 'shell', 'shell.db'))).toBe(true);
    expect(existsSync(join(own, 'shell.db'))).toBe(true);
  }, 120_000);
});
