// `npm run release -- --registry <url>`: publishes the province's own packages (@cunmen/errors, manifest,
// host-api, sdk, ui, build, cli) to a Cunmen registry with the real `pnpm publish`, in dependency order,
// so that county developers outside this repository install them from there. pnpm rewrites `workspace:^`
// ranges to the real versions as it packs.
//
// The token (a province-role token for scope @cunmen) comes from CUNMEN_RELEASE_TOKEN or --token-file,
// never from the command line. It is written only to a temporary npmrc (mode 0600) that is removed
// afterwards; the user's ~/.npmrc is neither read nor changed. A version the registry already has is
// reported as "already published" and skipped, so a release can be run again safely.
//
// Node.js builtins only (see lib/bootstrap.mjs).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { childEnv, ensureDependencies, ensurePnpm, root, run } from './lib/bootstrap.mjs';
import { exec, stopRunning } from './lib/exec.mjs';

/**
 * The released packages (folders under packages/), in dependency order: the SDK that widgets install
 * depends on the host API contract (`host-api`) and the error model (`errors`), so they go first.
 */
const RELEASED = ['errors', 'manifest', 'host-api', 'sdk', 'ui', 'build', 'cli'];

const USAGE = `Usage: npm run release -- --registry <url> [--token-file <file>] [--no-build]

Publishes @cunmen/${RELEASED.join(', ')} (in this order) to a Cunmen registry with pnpm publish.
  --registry <url>     the registry, e.g. https://registry.example.gov.cn/
  --token-file <file>  read the province token from this file (default: $CUNMEN_RELEASE_TOKEN)
  --no-build           do not build first; fail if a package's dist/ is incomplete
A version the registry already has is reported as "already published" and skipped.
`;

class ReleaseError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

const say = (line) => process.stdout.write(`${line}\n`);
let tempDir = null;

function cleanUp() {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        registry: { type: 'string' },
        'token-file': { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new ReleaseError(`${err.message}\n\n${USAGE}`, 2);
  }
  if (parsed.help) {
    say(USAGE.trimEnd());
    process.exit(0);
  }
  if (!parsed.registry) throw new ReleaseError(`--registry <url> is required\n\n${USAGE}`, 2);
  let url;
  try {
    url = new URL(parsed.registry);
  } catch {
    throw new ReleaseError(`--registry ${parsed.registry} is not a URL`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ReleaseError(`--registry must be an http(s) URL, got ${parsed.registry}`, 2);
  const registry = url.href.endsWith('/') ? url.href : `${url.href}/`;

  let token;
  if (parsed['token-file']) {
    try {
      token = readFileSync(parsed['token-file'], 'utf8').trim();
    } catch (err) {
      throw new ReleaseError(`cannot read --token-file ${parsed['token-file']}: ${err.message}`, 2);
    }
  } else {
    token = process.env.CUNMEN_RELEASE_TOKEN?.trim();
  }
  if (!token)
    throw new ReleaseError(
      'no token: set CUNMEN_RELEASE_TOKEN or pass --token-file <file> with a province token for scope ' +
        '@cunmen (cunmen-registry user add --role province --scope @cunmen prints one)',
      2,
    );
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new ReleaseError('the token must be one line of printable characters without spaces', 2);
  return { registry, token, build: !parsed['no-build'] };
}

/** `./dist/x.js` for every export target, with its subpath and condition (null for a plain string). */
function exportTargets(exports, subpath = '.', condition = null) {
  if (typeof exports === 'string') return [{ subpath, condition, target: exports }];
  if (!exports || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) =>
    key.startsWith('.') ? exportTargets(value, key, null) : exportTargets(value, subpath, key),
  );
}

/** What must hold before anything is sent: a publishable package.json whose build outputs exist. */
function checkPackage(folder, releasedBefore) {
  const dir = join(root, 'packages', folder);
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch (err) {
    return { dir, name: `@cunmen/${folder}`, problems: [`packages/${folder}/package.json: ${err.message}`] };
  }
  const problems = [];
  const expected = `@cunmen/${folder}`;
  if (pkg.name !== expected) problems.push(`its name is ${pkg.name}, expected ${expected}`);
  if (pkg.private) problems.push('it is "private": true, so it cannot be published');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(String(pkg.version)))
    problems.push(`its version ${pkg.version} is not a semver version`);
  if (!Array.isArray(pkg.files) || !pkg.files.includes('dist')) {
    problems.push('"files" must list "dist"');
  } else {
    for (const entry of pkg.files) {
      if (!entry.startsWith('!') && !/[*?[]/.test(entry) && !existsSync(join(dir, entry)))
        problems.push(`"files" lists ${entry}, which does not exist`);
    }
  }
  const targets = exportTargets(pkg.exports).filter((t) => t.condition !== '@cunmen/source');
  if (targets.length === 0) problems.push('it has no "exports"');
  for (const { subpath, condition, target } of targets) {
    if (condition === null) continue;
    const where = `exports["${subpath}"].${condition}`;
    if (!target.startsWith('./dist/')) problems.push(`${where} is ${target}, which is not under ./dist/`);
    else if (!existsSync(join(dir, target))) problems.push(`${where} is ${target}, which does not exist`);
  }
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  for (const [bin, target] of Object.entries(bins)) {
    const where = `bin.${bin}`;
    if (!target.replace(/^\.\//, '').startsWith('dist/'))
      problems.push(`${where} is ${target}, which is not under ./dist/`);
    else if (!existsSync(join(dir, target))) problems.push(`${where} is ${target}, which does not exist`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (String(range).startsWith('workspace:') && !releasedBefore.includes(dep))
        problems.push(`${field} has ${dep}@${range}, which is not released before it`);
    }
  }
  const packed = [...targets.map((t) => t.target), ...Object.values(bins)].map((t) => t.replace(/^\.\//, ''));
  return { dir, name: pkg.name, version: pkg.version, problems, packed };
}

/** The files pnpm would pack must hold every export and bin target, and no tests or stories. */
function checkPackedFiles(checked, files) {
  const problems = [];
  for (const target of checked.packed) {
    const star = target.indexOf('*');
    const found = star >= 0 ? files.some((f) => f.startsWith(target.slice(0, star))) : files.includes(target);
    if (!found) problems.push(`the package would not contain ${target}: check "files"`);
  }
  // (The CLI's template/ holds a widget's tests and stories on purpose: they are what `cunmen create` copies.)
  for (const file of files) {
    if (
      /^(src|dist)\/.*\.(test|spec|stories)\.[cm]?[jt]sx?$/.test(file) ||
      /^(e2e|test-results)\//.test(file)
    )
      problems.push(`the package would contain ${file}: exclude it in "files"`);
  }
  return problems;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** pnpm's "Failed to publish … (status 403 Forbidden): {"error": …}" → the registry's own message. */
function registryMessage(message) {
  const m = /\(status (\d{3})[^)]*\):\s*(\{[\s\S]*\})\s*$/.exec(message);
  const body = m ? parseJson(m[2]) : null;
  if (!m || typeof body?.error !== 'string') return message;
  return `the registry answered ${m[1]}: ${body.error}${body.code ? ` (${body.code})` : ''}`;
}

function pnpmPublish(dir, npmrc, registry, extra = []) {
  const env = childEnv();
  delete env.CUNMEN_RELEASE_TOKEN;
  return exec(
    'pnpm',
    ['publish', '--no-git-checks', '--json', '--npmrc-auth-file', npmrc, '--registry', registry, ...extra],
    { cwd: dir, env },
  );
}

async function whoami(registry, token) {
  let res;
  try {
    res = await fetch(new URL('-/whoami', registry), {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new ReleaseError(`cannot reach the registry at ${registry}: ${err.cause?.code ?? err.message}`);
  }
  const body = parseJson(await res.text());
  if (res.status !== 200)
    throw new ReleaseError(
      `the registry refused the token (${res.status}): ${body?.error ?? 'no message'}; ` +
        'use a province token for scope @cunmen',
    );
  return body?.username ?? 'unknown user';
}

/** The `dist.integrity` the registry serves for a version, or null (pending, or not readable). */
async function publishedIntegrity(registry, name, version) {
  try {
    const res = await fetch(new URL(`${name.replace('/', '%2f')}/${version}`, registry), {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    return res.ok ? ((await res.json())?.dist?.integrity ?? null) : null;
  } catch {
    return null;
  }
}

function formatKb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const { registry, token, build } = options();
  ensurePnpm();
  if (build) {
    ensureDependencies();
    say(`building @cunmen/${RELEASED.join(', ')} (turbo, cached)`);
    try {
      run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@cunmen/cli...', '--output-logs=errors-only']);
    } catch (err) {
      throw new ReleaseError(`the build failed (${err.message}); nothing was published`);
    }
  }
  const user = await whoami(registry, token);
  say(`releasing to ${registry} as ${user}`);

  tempDir = mkdtempSync(join(tmpdir(), 'cunmen-release-'));
  const npmrc = join(tempDir, 'npmrc');
  const url = new URL(registry);
  writeFileSync(npmrc, `@cunmen:registry=${registry}\n//${url.host}${url.pathname}:_authToken=${token}\n`, {
    mode: 0o600,
  });

  // Every package is checked before the first one is sent, so a bad one never leaves half a release.
  const packages = [];
  const failures = [];
  for (const folder of RELEASED) {
    const checked = checkPackage(
      folder,
      packages.map((p) => p.name),
    );
    if (checked.problems.length === 0) {
      const dry = await pnpmPublish(checked.dir, npmrc, registry, ['--dry-run']);
      const summary = parseJson(dry.stdout);
      const files = summary?.files?.map((f) => f.path);
      checked.integrity = summary?.integrity;
      if (dry.code !== 0 || !files) {
        const why = summary?.error?.message ?? (dry.stderr || dry.stdout).trim();
        checked.problems.push(`pnpm publish --dry-run failed: ${why}`);
      } else checked.problems.push(...checkPackedFiles(checked, files));
    }
    for (const problem of checked.problems) failures.push(`${checked.name ?? folder}: ${problem}`);
    packages.push(checked);
  }
  if (failures.length > 0) {
    const unbuilt = !build && failures.some((f) => f.endsWith('does not exist'));
    const hint = unbuilt ? '\n(not built? run `npm run build`, or release without --no-build)' : '';
    throw new ReleaseError(`not publishable, nothing was published:\n  ${failures.join('\n  ')}${hint}`);
  }

  let published = 0;
  let already = 0;
  for (const { dir, name, version, integrity } of packages) {
    const r = await pnpmPublish(dir, npmrc, registry);
    const out = parseJson(r.stdout);
    if (r.code === 0) {
      published += 1;
      say(`  ${name}@${version} published${typeof out?.size === 'number' ? ` (${formatKb(out.size)})` : ''}`);
      continue;
    }
    const message =
      out?.error?.message ?? (r.stderr.trim() || r.stdout.trim() || `pnpm exited with ${r.code}`);
    if (/status 409\b|REG_ERR_VERSION_EXISTS/.test(message)) {
      already += 1;
      const theirs = await publishedIntegrity(registry, name, version);
      const differs = integrity && theirs && theirs !== integrity;
      say(
        `  ${name}@${version} already published${differs ? ' — with other contents than this checkout: bump the version to release the change' : ''}`,
      );
      continue;
    }
    throw new ReleaseError(`${name}@${version} was not published: ${registryMessage(message)}`);
  }
  say(`released ${packages.length} packages: ${published} published, ${already} already published`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopRunning('SIGTERM').then(() => {
      cleanUp();
      process.exit(130);
    });
  });
}

try {
  await main();
} catch (err) {
  process.stderr.write(`release: ${err instanceof ReleaseError ? err.message : err.stack}\n`);
  process.exitCode = err instanceof ReleaseError ? err.exitCode : 1;
} finally {
  cleanUp();
}
