// The demo province that `npm start` seeds into a new registry, once: its users, the province's own
// @cunmen/* packages (`npm run release`) and the two example widgets (`cunmen publish`, then approved) —
// through the registry's CLI and HTTP, as a province would do it by hand. Node.js builtins only.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, root } from './bootstrap.mjs';
import { exec } from './exec.mjs';

/** The counties match KNOWN_COUNTY_SCOPES in packages/manifest/src/scopes.ts. */
const DEMO_USERS = [
  { name: 'zhejiang-province', role: 'province', county: '330000', scope: '@cunmen' },
  { name: 'deqing-dev', role: 'county', county: '330521', scope: '@deqing' },
  { name: 'yiyuan-dev', role: 'county', county: '370323', scope: '@yiyuan' },
  // The shell's token for portal-usage reports: a role that can do nothing else (not the province's).
  { name: 'shell-usage', role: 'usage-reporter', county: '330000' },
];

const DEMO_WIDGETS = [
  { dir: 'plugins/find-machinery', publisher: 'deqing-dev' },
  { dir: 'plugins/waste-pickup', publisher: 'yiyuan-dev' },
  // The province's standard modules go through the same review as any widget.
  { dir: 'plugins/affairs-disclosure', publisher: 'zhejiang-province' },
  { dir: 'plugins/complaints', publisher: 'zhejiang-province' },
  { dir: 'plugins/points', publisher: 'zhejiang-province' },
  { dir: 'plugins/party-building', publisher: 'zhejiang-province' },
];

const registryCli = join(root, 'registry', 'dist', 'cli.js');
const cunmenCli = join(root, 'packages', 'cli', 'dist', 'bin.js');

const markerFile = (registryData) => join(registryData, '.seeded');
const accountsFile = (dataDir) => join(dataDir, 'demo-tokens.json');

export function isSeeded(registryData) {
  return existsSync(markerFile(registryData));
}

/** The demo accounts saved by the last seeding (name, role, county, scope, token, password). */
export function readDemoAccounts(dataDir) {
  try {
    const saved = JSON.parse(readFileSync(accountsFile(dataDir), 'utf8'));
    return Array.isArray(saved.users) ? saved.users : [];
  } catch {
    return [];
  }
}

function saveDemoAccounts(dataDir, registry, users) {
  const file = accountsFile(dataDir);
  writeFileSync(file, `${JSON.stringify({ registry, users }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

class SeedError extends Error {}

/** Runs one step; a non-zero exit fails the seeding with the command's own output. */
async function step(what, args, options = {}) {
  const r = await exec(process.execPath, args, { cwd: root, env: childEnv(), ...options });
  if (r.code !== 0 && !options.tolerate?.test(r.stdout + r.stderr)) {
    throw new SeedError(`${what} failed (exit ${r.code}):\n${(r.stderr + r.stdout).trim()}`);
  }
  return r;
}

async function whoami(registry, token) {
  try {
    const res = await fetch(new URL('-/whoami', registry), {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    return res.ok ? (await res.json()).username : null;
  } catch {
    return null;
  }
}

/**
 * Seeds the running registry at `registry` (data in `registryData`) and returns the demo accounts.
 * Safe to run again after a failure: saved tokens are reused and published versions are skipped.
 */
export async function seedDemo({ registry, registryData, dataDir, say }) {
  const saved = readDemoAccounts(dataDir);
  const accounts = [];
  for (const user of DEMO_USERS) {
    const before = saved.find((a) => a.name === user.name);
    let token = before?.token;
    if (!token || (await whoami(registry, token)) !== user.name) {
      const added = await step(
        `user add ${user.name}`,
        [
          registryCli,
          'user',
          'add',
          ...['--name', user.name, '--role', user.role, '--county', user.county],
          ...(user.scope ? ['--scope', user.scope] : []),
          ...['--data', registryData],
        ],
        { tolerate: /already exists/ },
      );
      if (added.code !== 0)
        throw new SeedError(
          `user ${user.name} exists, but its token is not in ${accountsFile(dataDir)}: ` +
            `delete ${registryData} and that file to seed a new demo province`,
        );
      token = added.stdout.trim();
    }
    // A usage reporter never signs in to npm: it has a token only.
    const password = user.scope ? (before?.password ?? `demo-${randomBytes(6).toString('hex')}`) : null;
    if (password) {
      await step(
        `user password ${user.name}`,
        [registryCli, 'user', 'password', '--name', user.name, '--data', registryData],
        { input: `${password}\n` },
      );
    }
    accounts.push({ ...user, token, password });
    saveDemoAccounts(dataDir, registry, accounts);
    say(`user ${user.name} (${user.role}, ${user.county}, ${user.scope ?? 'no scope'})`);
  }
  const token = (name) => accounts.find((a) => a.name === name).token;

  // The province's own packages, with the documented release command.
  const release = await step(
    'npm run release',
    [join(root, 'scripts', 'release.mjs'), '--registry', registry, '--no-build'],
    { env: childEnv({ CUNMEN_RELEASE_TOKEN: token('zhejiang-province') }) },
  );
  for (const line of release.stdout.trimEnd().split('\n')) say(`release: ${line.trim()}`);

  // The example widgets (published by their counties) and the standard modules (by the province):
  // pending review, then approved by the province.
  for (const widget of DEMO_WIDGETS) {
    const pkg = JSON.parse(readFileSync(join(root, widget.dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    const published = await step(
      `cunmen publish ${widget.dir}`,
      [cunmenCli, 'publish', join(root, widget.dir), '--registry', registry],
      { env: childEnv({ CUNMEN_TOKEN: token(widget.publisher) }), tolerate: /REG_ERR_VERSION_EXISTS/ },
    );
    say(`${id} ${published.code === 0 ? `published by ${widget.publisher}` : 'already published'}`);
    const approved = await step(
      `review approve ${id}`,
      [registryCli, 'review', 'approve', id, '--data', registryData],
      { tolerate: /is approved, not pending review/ },
    );
    say(approved.code === 0 ? approved.stdout.trim() : `${id} already approved`);
  }

  writeFileSync(markerFile(registryData), `${new Date().toISOString()}\n`);
  return accounts;
}

export { SeedError };
