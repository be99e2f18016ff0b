import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { makeTempDir, runCommand, type StartedProcess } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUserWithCli,
  packageVersion,
  RELEASED_PACKAGES,
  REPO,
  releaseProvincePackages,
  serveRegistry,
} from '../test/e2e.js';

const RELEASED = RELEASED_PACKAGES;
const versionOf = packageVersion;

const run = runCommand;

let server: StartedProcess;
let tmp: string;
let data: string;
let registry: string;
let token: string;
/** npm with no user configuration but an empty file, so nothing outside the test changes its answers. */
let npmEnv: Record<string, string>;

/** The release as a province maintainer runs it, in a directory of its own per run. */
function release(releaseToken: string, label: string) {
  return releaseProvincePackages(registry, releaseToken, join(tmp, label));
}

function addUser(name: string, role: 'province' | 'county', county: string, scope: string) {
  return addUserWithCli(data, { name, role, county, scope });
}

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-release-e2e-')).path;
  data = join(tmp, 'data');
  const started = await serveRegistry(data, { publicUrl: 'self' });
  server = started.proc;
  registry = `${started.base}/`;
  const added = await addUser('zhejiang-province', 'province', '330000', '@cunmen');
  expect(added.code).toBe(0);
  token = added.stdout.trim();
  writeFileSync(join(tmp, 'empty-npmrc'), '');
  npmEnv = {
    npm_config_userconfig: join(tmp, 'empty-npmrc'),
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('npm run release', () => {
  it('publishes the seven province packages with pnpm, then reports them already published', async () => {
    const first = await release(token, 'first');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const pkg of RELEASED) {
      expect(first.stdout).toContain(`@cunmen/${pkg}@${versionOf(pkg)} published`);
    }
    // In dependency order.
    const order = RELEASED.map((pkg) => first.stdout.indexOf(`@cunmen/${pkg}@`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The token went to a temporary npmrc only, and that is gone.
    expect(existsSync(join(first.home, '.npmrc'))).toBe(false);
    expect(readdirSync(first.temp)).toEqual([]);

    for (const pkg of RELEASED) {
      const view = await run('npm', ['view', `@cunmen/${pkg}`, 'version', '--registry', registry], {
        env: npmEnv,
      });
      expect(view.stderr).not.toContain('npm error');
      expect(view.stdout.trim()).toBe(versionOf(pkg));
    }
    // pnpm turned `workspace:^` into the real range.
    const deps = await run('npm', ['view', '@cunmen/sdk', 'dependencies', '--json', '--registry', registry], {
      env: npmEnv,
    });
    expect(JSON.parse(deps.stdout)['@cunmen/manifest']).toBe(`^${versionOf('manifest')}`);

    const again = await release(token, 'again');
    expect(again.code).toBe(0);
    for (const pkg of RELEASED) {
      expect(again.stdout).toContain(`@cunmen/${pkg}@${versionOf(pkg)} already published\n`);
    }
    expect(again.stdout).toContain('7 packages: 0 published, 7 already published');
    // Two releases of seven packages with pnpm, on either back end, beside the rest of `npm test`: 120 s
    // ran out on PostgreSQL + S3 with a load average of 37 on the 2 cores.
  }, 300_000);

  it("stops with the registry's message when the token may not publish to @cunmen", async () => {
    const county = await addUser('deqing-dev', 'county', '330521', '@deqing');
    const refused = await release(county.stdout.trim(), 'county');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '@cunmen/errors@0.1.0 was not published: the registry answered 403: a token for scope @deqing cannot publish to scope @cunmen',
    );
    expect(refused.stdout).not.toContain('already published');
  }, 60_000);

  it('lets a county developer outside the repository install @cunmen/manifest', async () => {
    const project = join((await makeTempDir('cunmen-county-project-')).path, 'my-widgets');
    expect(relative(tmpdir(), project).startsWith('..')).toBe(false);
    expect(relative(REPO, project).startsWith('..')).toBe(true);
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'my-widgets', version: '1.0.0', private: true, type: 'module' }),
    );
    // Only @cunmen comes from the province; zod and semver come from the public npm registry as usual.
    writeFileSync(join(project, '.npmrc'), `@cunmen:registry=${registry}\n`);
    const env = {
      npm_config_cache: join(tmp, 'npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const install = await run('npm', ['install', '@cunmen/manifest'], { cwd: project, env });
    expect(install.stderr).not.toContain('npm error');
    expect(install.code).toBe(0);
    // The tarball npm installed is the one the province's registry serves.
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; integrity?: string }>;
    };
    const served = (await (await fetch(`${registry}@cunmen%2fmanifest/${versionOf('manifest')}`)).json()) as {
      dist: { integrity: string };
    };
    expect(lock.packages['node_modules/@cunmen/manifest']).toMatchObject({
      version: versionOf('manifest'),
      integrity: served.dist.integrity,
    });

    const imported = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import('@cunmen/manifest').then(m => console.log(typeof m.validateWidgetManifest))",
      ],
      { cwd: project },
    );
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('function\n');
  }, 120_000);
});
