/**
 * The issue's done-when, with the real network: a province registry A whose uplink is a second
 * registry B, whose uplink is the public npm registry (what `npm config get registry` says). The
 * `@cunmen/*` packages are released into A as a province maintainer does; then the real `npx
 * --registry <A> @cunmen/cli create …` installs the CLI and all its public dependencies through A alone,
 * as on a government network. B also holds bait in the province's and a county's scopes
 * (`@cunmen/cli@99.0.0`, `@deqing/evil`) that A must never serve: no dependency confusion.
 *
 * npm keeps its default content cache (`_cacache`, linked in), so tarballs it has seen are not
 * downloaded again on every run; its npx install directory and its user config are the test's own.
 * The only test file that reaches the public network.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTarball, makeTempDir, runCommand } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUserWithCli,
  packageVersion,
  type RunningRegistry,
  releaseProvincePackages,
  runRegistry,
  sendPublish,
  serveRegistry,
} from '../test/e2e.js';
import { widgetTarball } from '../test/fixtures.js';

const NPX_TIMEOUT_MS = 15 * 60_000;

let tmp: string;
let a: RunningRegistry;
let b: RunningRegistry;
let provinceA: string;
let publicRegistry: string;

async function token(data: string, name: string, county: string, scope: string, role: 'province' | 'county') {
  const added = await addUserWithCli(data, { name, role, county, scope });
  expect(added.code, added.stderr).toBe(0);
  return added.stdout.trim();
}

/** npm with an empty user config, npm's default content cache, and an npx directory of its own. */
async function npmEnv(): Promise<Record<string, string>> {
  const defaultCache = (await runCommand('npm', ['config', 'get', 'cache'])).stdout.trim();
  mkdirSync(join(defaultCache, '_cacache'), { recursive: true });
  const cache = join(tmp, 'npm-cache');
  mkdirSync(cache);
  symlinkSync(join(defaultCache, '_cacache'), join(cache, '_cacache'), 'dir');
  writeFileSync(join(tmp, 'empty-npmrc'), '');
  return {
    npm_config_userconfig: join(tmp, 'empty-npmrc'),
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // One line per request on stderr: if npx ever stalls, the failure shows where.
    npm_config_loglevel: 'http',
  };
}

/** How many of a registry's request log lines name `path`. */
function requestsFor(registry: RunningRegistry, path: string): number {
  return registry.proc
    .output()
    .split('\n')
    .filter((line) => line.includes('"request completed"') && line.includes(`"url":"${path}`)).length;
}

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-uplink-npx-')).path;
  publicRegistry = (await runCommand('npm', ['config', 'get', 'registry'])).stdout.trim();
  expect(publicRegistry).toMatch(/^https?:\/\//);
  const bData = join(tmp, 'b-data');
  const aData = join(tmp, 'a-data');
  b = await serveRegistry(bData, { publicUrl: 'self', args: ['--uplink', publicRegistry] });
  a = await serveRegistry(aData, { publicUrl: 'self', args: ['--uplink', `${b.base}/`] });
  // Fail in seconds, not after npm's retries, when this process's environment cannot reach the public
  // registry (under turbo, NODE_EXTRA_CA_CERTS and the proxy variables must be passed through).
  const probe = await fetch(`${a.base}/semver`, {
    headers: { accept: 'application/vnd.npm.install-v1+json' },
  });
  expect(probe.status, `A → B → ${publicRegistry} failed: ${await probe.text()}`).toBe(200);

  provinceA = await token(aData, 'zhejiang-province', '330000', '@cunmen', 'province');
  const released = await releaseProvincePackages(`${a.base}/`, provinceA, join(tmp, 'release'));
  expect(released.stderr).toBe('');
  expect(released.code).toBe(0);

  // Bait on B, in scopes A owns: a higher @cunmen/cli (approved at once, a province library) and a
  // county widget, approved by B's own operator.
  const provinceB = await token(bData, 'b-province', '330000', '@cunmen', 'province');
  const fake = makeTarball([
    {
      path: 'package/package.json',
      body: JSON.stringify({ name: '@cunmen/cli', version: '99.0.0', bin: { cunmen: 'evil.js' } }),
    },
    { path: 'package/evil.js', body: '#!/usr/bin/env node\nconsole.log("not the province CLI");\n' },
  ]);
  expect((await sendPublish(b.base, provinceB, '@cunmen/cli', '99.0.0', fake)).status).toBe(201);
  const deqingB = await token(bData, 'b-deqing', '330521', '@deqing', 'county');
  const evil = widgetTarball('@deqing/evil', '1.0.0');
  expect((await sendPublish(b.base, deqingB, '@deqing/evil', '1.0.0', evil)).status).toBe(201);
  expect((await runRegistry('review', 'approve', '@deqing/evil@1.0.0', '--data', bData)).code).toBe(0);
}, 300_000);

afterAll(async () => {
  await a?.proc.stop();
  await b?.proc.stop();
});

describe('a province registry whose uplink is a registry whose uplink is npm', () => {
  it(
    'runs npx --registry <province> @cunmen/cli create with nothing but the province registry',
    async () => {
      const work = join(tmp, 'work');
      mkdirSync(work);
      const env = await npmEnv();
      const args = ['--yes', '--registry', `${a.base}/`, '@cunmen/cli', 'create', 'village-notes'];
      const started = Date.now();
      const r = await runCommand(
        'npx',
        [...args, '--scope', '@deqing', '--county', '330521', '--title', '村务便签', '--yes'],
        { cwd: work, env, timeoutMs: NPX_TIMEOUT_MS },
      );
      const seconds = (Date.now() - started) / 1000;
      console.info(`npx @cunmen/cli create via A → B → ${publicRegistry}: ${seconds.toFixed(1)} s`);
      const said = [
        `npx said:\n${r.stdout}\n${r.stderr}`,
        `A logged (tail):\n${a.proc.output().slice(-4000)}`,
        `B logged (tail):\n${b.proc.output().slice(-4000)}`,
      ].join('\n');
      expect(r.stderr, said).not.toContain('npm error');
      expect(r.code, said).toBe(0);
      expect(r.stdout).toContain('created @deqing/village-notes');

      const widget = join(work, 'village-notes');
      const pkg = JSON.parse(readFileSync(join(widget, 'package.json'), 'utf8')) as { name: string };
      expect(pkg.name).toBe('@deqing/village-notes');
      expect(existsSync(join(widget, 'widget.json'))).toBe(true);
      expect(readFileSync(join(widget, 'widget.json'), 'utf8')).toContain('村务便签');

      // npx ran the CLI the province released, not B's higher bait.
      const [installDir] = readdirSync(join(env.npm_config_cache as string, '_npx'));
      const cli = join(
        env.npm_config_cache as string,
        '_npx',
        installDir as string,
        'node_modules/@cunmen/cli',
      );
      expect(JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).version).toBe(packageVersion('cli'));
      // Its public dependencies came through A, which asked B, which asked the public registry.
      expect(requestsFor(a, '/@rsbuild%2fcore')).toBeGreaterThan(0);
      expect(requestsFor(b, '/@rsbuild%2fcore')).toBeGreaterThan(0);
      const rsbuild = (await (await fetch(`${a.base}/@rsbuild%2fcore`)).json()) as {
        versions: Record<string, { dist: { tarball: string } }>;
      };
      expect(rsbuild.versions['2.3.2']?.dist.tarball).toBe(`${a.base}/@rsbuild/core/-/core-2.3.2.tgz`);
      // A tarball neither registry has kept crosses both, checked at each. Not the version npx just
      // installed: whether npx fetched that one depends on what npm's shared content cache already held
      // (a fresh machine fetches it through A, which then answers `hit`).
      const prompts = (await (await fetch(`${a.base}/@clack%2fprompts`)).json()) as {
        versions: Record<string, { dist: { integrity: string; tarball: string } }>;
      };
      const untouched = Object.keys(prompts.versions).find((v) => /^0\.\d+\.\d+$/.test(v));
      expect(untouched, 'an 0.x @clack/prompts the CLI does not use').toBeDefined();
      const dist = prompts.versions[untouched as string]?.dist;
      const tarball = await fetch(dist?.tarball as string);
      expect(tarball.status).toBe(200);
      expect(tarball.headers.get('x-cunmen-uplink')).toBe('miss');
      const bytes = Buffer.from(await tarball.arrayBuffer());
      expect(`sha512-${createHash('sha512').update(bytes).digest('base64')}`).toBe(dist?.integrity);
    },
    NPX_TIMEOUT_MS + 60_000,
  );

  it("never serves what B holds in the province's or a county's scope", async () => {
    const before = requestsFor(b, '/@deqing%2fevil') + requestsFor(b, '/@deqing/evil');
    const released = packageVersion('cli');
    const view = await runCommand(
      'npm',
      ['view', '@cunmen/cli', 'versions', '--json', '--registry', `${a.base}/`],
      {
        env: await npmEnvOnlyConfig(),
      },
    );
    expect(JSON.parse(view.stdout)).toEqual([released]);
    expect((await fetch(`${a.base}/@cunmen/cli/-/cli-99.0.0.tgz`)).status).toBe(404);
    for (const url of ['/@deqing%2fevil', '/@deqing/evil', '/@deqing/evil/-/evil-1.0.0.tgz']) {
      expect((await fetch(`${a.base}${url}`)).status, url).toBe(404);
    }
    // A did not even ask B.
    expect(requestsFor(b, '/@deqing%2fevil') + requestsFor(b, '/@deqing/evil')).toBe(before);
    // B does hold both, so A refused what it could have had.
    const onB = (await (await fetch(`${b.base}/@cunmen%2fcli`)).json()) as {
      versions: Record<string, unknown>;
    };
    expect(Object.keys(onB.versions)).toContain('99.0.0');
    expect((await fetch(`${b.base}/@deqing%2fevil`)).status).toBe(200);
  });
});

/** An empty user config and a cache of the test's own, for reads that must not be answered from cache. */
async function npmEnvOnlyConfig(): Promise<Record<string, string>> {
  return {
    npm_config_userconfig: join(tmp, 'empty-npmrc'),
    npm_config_cache: join(tmp, 'view-cache'),
    npm_config_update_notifier: 'false',
  };
}
