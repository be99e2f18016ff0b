import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Capability, type LocalizedText, signaturePayloadV2, signedManifest } from '@cunmen/manifest';
import { copyFixture, makeTempDir, runCommand, type StartedProcess } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUserWithCli, runRegistry, serveRegistry } from '../test/e2e.js';
import { errorBody } from '../test/errors.js';

const cunmenCli = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const pnpm = fileURLToPath(new URL('../../.tools/node_modules/.bin/pnpm', import.meta.url));
const zod = fileURLToPath(new URL('../node_modules/zod', import.meta.url));

const run = runCommand;

let server: StartedProcess;
let tmp: string;
let data: string;
let registry: string;
let npmEnv: Record<string, string>;

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-registry-e2e-')).path;
  data = join(tmp, 'data');
  const started = await serveRegistry(data, { publicUrl: 'self' });
  server = started.proc;
  registry = `${started.base}/`;
  const { port } = started;
  const added = await addUserWithCli(data, {
    name: 'deqing-dev',
    role: 'county',
    county: '330521',
    scope: '@deqing',
  });
  expect(added.code).toBe(0);
  const token = added.stdout.trim();
  expect(token).toMatch(/^cunmen_[\w-]{43}$/);
  writeFileSync(join(tmp, 'npmrc'), `//127.0.0.1:${port}/:_authToken=${token}\n`);
  npmEnv = {
    npm_config_userconfig: join(tmp, 'npmrc'),
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_registry: registry,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('publish and install with the real npm CLI', () => {
  it('publishes a built widget as pending, then installs it once approved', async () => {
    const widget = copyFixture('hello-widget', join(tmp, 'hello'));
    // The widget's config module imports zod, as a county project that installed it would.
    mkdirSync(join(widget, 'node_modules'));
    symlinkSync(zod, join(widget, 'node_modules', 'zod'), 'dir');
    // The fixture is private so it is never published by accident; this copy is meant to be.
    const pkgPath = join(widget, 'package.json');
    const { private: _private, ...pkg } = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));

    const built = await run(process.execPath, [cunmenCli, 'build', widget]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);

    const whoami = await run('npm', ['whoami'], { env: npmEnv });
    expect(whoami.stdout.trim()).toBe('deqing-dev');

    // Another county's token may not publish into @deqing.
    const anji = await addUserWithCli(data, {
      name: 'anji-dev',
      role: 'county',
      county: '330523',
      scope: '@anji',
    });
    const anjiRc = join(tmp, 'npmrc-anji');
    writeFileSync(anjiRc, `//${new URL(registry).host}/:_authToken=${anji.stdout.trim()}\n`);
    const refused = await run('npm', ['publish'], {
      cwd: widget,
      env: { ...npmEnv, npm_config_userconfig: anjiRc },
    });
    expect(refused.code).not.toBe(0);
    // npm prints the body's `error`, which ends with the stable code and where it is documented.
    expect(refused.stderr).toContain(
      `npm error 403 403 Forbidden - PUT ${registry}@deqing%2fhello - a token for scope @anji cannot publish to scope @deqing (REG_ERR_FORBIDDEN_SCOPE; see /docs/province/run-the-registry#reg_err_forbidden_scope)\n`,
    );

    const published = await run('npm', ['publish'], { cwd: widget, env: npmEnv });
    expect(published.stderr + published.stdout).toContain('+ @deqing/hello@1.0.0');
    expect(published.code).toBe(0);

    // Pending review: invisible to npm view and npm install.
    const pendingView = await run('npm', ['view', '@deqing/hello', '--json'], { env: npmEnv });
    expect(pendingView.code).not.toBe(0);
    expect(pendingView.stderr + pendingView.stdout).toContain('E404');
    const project = join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'project', version: '1.0.0', private: true }),
    );
    const pendingInstall = await run('npm', ['install', '@deqing/hello@1.0.0', '--legacy-peer-deps'], {
      cwd: project,
      env: npmEnv,
    });
    expect(pendingInstall.code).not.toBe(0);

    const approved = await runRegistry('review', 'approve', '@deqing/hello@1.0.0', '--data', data);
    expect(approved.stdout).toMatch(
      /^approved @deqing\/hello@1\.0\.0; granted store\.read; signed with key [0-9a-f]{16}\n$/,
    );
    expect(approved.code).toBe(0);

    const view = await run('npm', ['view', '@deqing/hello', '--json'], { env: npmEnv });
    expect(view.code).toBe(0);
    const info = JSON.parse(view.stdout) as {
      version: string;
      dist: { tarball: string };
      'dist-tags': unknown;
    };
    expect(info.version).toBe('1.0.0');
    expect(info['dist-tags']).toEqual({ latest: '1.0.0' });
    expect(info.dist.tarball).toBe(`${registry}@deqing/hello/-/hello-1.0.0.tgz`);

    // npm dist-tag add / ls / rm.
    const add = await run('npm', ['dist-tag', 'add', '@deqing/hello@1.0.0', 'stable'], { env: npmEnv });
    expect(add.stderr).not.toContain('npm error');
    expect(add.code).toBe(0);
    const ls = await run('npm', ['dist-tag', 'ls', '@deqing/hello'], { env: npmEnv });
    expect(ls.stdout.split('\n').sort().join('\n')).toBe('\nlatest: 1.0.0\nstable: 1.0.0');
    const rm = await run('npm', ['dist-tag', 'rm', '@deqing/hello', 'stable'], { env: npmEnv });
    expect(rm.stderr).not.toContain('npm error');
    expect(rm.code).toBe(0);
    const after = await run('npm', ['dist-tag', 'ls', '@deqing/hello'], { env: npmEnv });
    expect(after.stdout).toBe('latest: 1.0.0\n');

    // Peers (@cunmen/sdk, react) come from the portal, not from this install.
    const install = await run('npm', ['install', '@deqing/hello@1.0.0', '--legacy-peer-deps'], {
      cwd: project,
      env: npmEnv,
    });
    expect(install.stderr).not.toContain('npm error');
    expect(install.code).toBe(0);
    const installed = join(project, 'node_modules', '@deqing', 'hello');
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version).toBe('1.0.0');
    const manifest = JSON.parse(readFileSync(join(installed, 'dist', 'cunmen.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('@deqing/hello');

    // npm deprecate: the message is in the packument npm reads, and clearing it works too.
    const deprecate = await run('npm', ['deprecate', '@deqing/hello@1.0.0', '请升级到新版本'], {
      env: npmEnv,
    });
    expect(deprecate.stderr).not.toContain('npm error');
    expect(deprecate.code).toBe(0);
    const deprecated = await run('npm', ['view', '@deqing/hello@1.0.0', 'deprecated'], { env: npmEnv });
    expect(deprecated.stdout.trim()).toBe('请升级到新版本');
    const undeprecate = await run('npm', ['deprecate', '@deqing/hello@1.0.0', ''], { env: npmEnv });
    expect(undeprecate.code).toBe(0);
    const cleared = await run('npm', ['view', '@deqing/hello@1.0.0', 'deprecated'], { env: npmEnv });
    expect(cleared.stdout.trim()).toBe('');
  }, 180_000);

  it("signs the approval so that the province's exported public key verifies it", async () => {
    const exported = await runRegistry('key', 'export', '--data', data);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const release = (await (await fetch(`${registry}-/cunmen/v1/releases/@deqing/hello/1.0.0`)).json()) as {
      signature: string;
      capabilities: Capability[];
      assets: Record<string, string>;
      remote: { entry: string; entryIntegrity: string };
    };
    const built = JSON.parse(readFileSync(join(tmp, 'hello', 'dist', 'cunmen.json'), 'utf8')) as {
      kind: string;
      title: LocalizedText;
      assets: { path: string; integrity: string }[];
      remote: { name: string; entry: string };
    };
    // Payload v2 from the built manifest on disk: what the author built is what the province signed.
    const payload = signaturePayloadV2({
      name: '@deqing/hello',
      version: '1.0.0',
      kind: built.kind,
      title: built.title,
      remote: { name: built.remote.name, entry: built.remote.entry },
      assets: Object.fromEntries(built.assets.map((a) => [a.path, a.integrity])),
      capabilities: release.capabilities,
      manifest: signedManifest(built as unknown as Record<string, unknown>),
    });
    const key = createPublicKey(exported.stdout);
    expect(verify(null, Buffer.from(payload), key, Buffer.from(release.signature, 'base64'))).toBe(true);
    const tampered = payload.replace('1.0.0', '1.0.1');
    expect(verify(null, Buffer.from(tampered), key, Buffer.from(release.signature, 'base64'))).toBe(false);
    // The shell loads the remote entry by the asset URL the release names, with the SRI the key signed.
    const entry = await fetch(release.remote.entry);
    expect(entry.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await entry.arrayBuffer());
    expect(`sha384-${createHash('sha384').update(bytes).digest('base64')}`).toBe(
      release.remote.entryIntegrity,
    );
    expect(release.assets[built.remote.entry]).toBe(release.remote.entryIntegrity);
  });

  it('publishes with pnpm and with cunmen publish; npm unpublish removes a fresh version', async () => {
    const widget = join(tmp, 'hello');
    const bump = (version: string) => {
      const pkgPath = join(widget, 'package.json');
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>;
      writeFileSync(pkgPath, JSON.stringify({ ...pkg, version }, null, 2));
    };
    bump('1.1.0');
    expect((await run(process.execPath, [cunmenCli, 'build', widget])).code).toBe(0);
    const pnpmPublished = await run(pnpm, ['publish', '--no-git-checks', '--registry', registry], {
      cwd: widget,
      env: npmEnv,
    });
    const pnpmOutput = `pnpm publish said:\n${pnpmPublished.stdout}\n${pnpmPublished.stderr}`;
    expect(pnpmPublished.stderr, pnpmOutput).not.toMatch(/ERR_PNPM|npm error/);
    expect(pnpmPublished.code, pnpmOutput).toBe(0);

    bump('1.2.0');
    expect((await run(process.execPath, [cunmenCli, 'build', widget])).code).toBe(0);
    const cunmenPublished = await run(
      process.execPath,
      [cunmenCli, 'publish', widget, '--registry', registry],
      {
        env: npmEnv,
      },
    );
    expect(cunmenPublished.stderr).toBe('');
    expect(cunmenPublished.code).toBe(0);

    const pending = await runRegistry('review', 'list', '--data', data);
    expect(
      pending.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['@deqing/hello@1.1.0', '@deqing/hello@1.2.0']);
    for (const v of ['1.1.0', '1.2.0']) {
      expect((await runRegistry('review', 'approve', `@deqing/hello@${v}`, '--data', data)).code).toBe(0);
    }
    const versions = await run('npm', ['view', '@deqing/hello', 'versions', '--json'], { env: npmEnv });
    expect(JSON.parse(versions.stdout)).toEqual(['1.0.0', '1.1.0', '1.2.0']);

    const unpublished = await run('npm', ['unpublish', '@deqing/hello@1.2.0'], { env: npmEnv });
    expect(unpublished.stderr).not.toContain('npm error');
    expect(unpublished.code).toBe(0);
    const left = await run('npm', ['view', '@deqing/hello', 'versions', '--json'], { env: npmEnv });
    expect(JSON.parse(left.stdout)).toEqual(['1.0.0', '1.1.0']);
    const latest = await run('npm', ['view', '@deqing/hello', 'dist-tags.latest'], { env: npmEnv });
    expect(latest.stdout.trim()).toBe('1.1.0');
    // The number stays taken.
    const republish = await run('npm', ['publish'], { cwd: widget, env: npmEnv });
    expect(republish.code).not.toBe(0);
    expect(republish.stderr).toContain(
      'cannot publish over existing version @deqing/hello@1.2.0 (REG_ERR_VERSION_EXISTS; see /docs/province/run-the-registry#reg_err_version_exists)',
    );

    const audit = await runRegistry('audit', 'verify', '--data', data);
    expect(audit.stdout).toMatch(/^audit log intact: \d+ entries/);
    const log = await runRegistry('audit', 'list', '--data', data);
    for (const action of ['version.publish', 'version.approve', 'version.deprecate', 'version.unpublish']) {
      expect(log.stdout).toContain(action);
    }
  }, 180_000);
});

describe('cunmen-registry commands', () => {
  it.each(['serve', 'user add', 'token revoke', 'review list', 'review approve'])(
    'prints help for %s',
    async (command) => {
      const r = await runRegistry(...command.split(' '), '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: cunmen-registry ${command}`);
    },
  );

  it('refuses a bad role without creating anything', async () => {
    const r = await runRegistry(
      'user',
      'add',
      '--name',
      'x',
      '--role',
      'admin',
      '--county',
      '330521',
      '--data',
      join(tmp, 'other-data'),
    );
    expect(r.stderr).toBe(
      'cunmen-registry: --role "admin" must be "province", "county" or "usage-reporter"\n',
    );
    expect(r.code).toBe(1);
  });

  it('serve --max-publish-mb refuses a larger publish with 413', async () => {
    const small = await serveRegistry(join(tmp, 'small-data'), { args: ['--max-publish-mb', '0.01'] });
    try {
      const res = await fetch(`${small.base}/@deqing%2fbig`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
        body: JSON.stringify({ name: '@deqing/big', padding: 'x'.repeat(20 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual(
        errorBody('REG_ERR_BODY_TOO_LARGE', 'request body is larger than the registry accepts'),
      );
    } finally {
      await small.proc.stop();
    }
  });

  it('refuses to approve a version that was never published', async () => {
    const r = await runRegistry('review', 'approve', '@deqing/nothing@1.0.0', '--data', data);
    expect(r.stderr).toBe(
      'cunmen-registry: @deqing/nothing@1.0.0 has not been published (REG_ERR_NOT_FOUND)\n',
    );
    expect(r.code).toBe(1);
  });
});
