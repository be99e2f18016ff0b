/**
 * `cunmen publish` against an in-test HTTP server that speaks the npm publish call and records what it
 * received (the real registry is tested in registry/).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeRegistry, startFakeRegistry } from '../../test/fake-registry.js';
import { cli } from '../../test/run-cli.js';

let fake: FakeRegistry;
let registry = '';
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let widget = '';

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-publish-');
  vi.stubEnv('NPM_CONFIG_USERCONFIG', join(tmp.path, 'user.npmrc'));
  fake = await startFakeRegistry();
  registry = fake.url;
  vi.stubEnv('CUNMEN_PASSWORD', 'secret');
  expect((await cli(['login', '--registry', registry, '--username', 'deqing-dev'])).code).toBe(0);
  widget = join(tmp.path, 'hello');
  copyFixture('hello-widget', widget);
  expect((await cli(['build', widget])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  await tmp.remove();
});

describe('cunmen publish', () => {
  it('sends the npm publish document with a tarball whose sha512 and sha1 match, showing progress', async () => {
    fake.received.length = 0;
    const r = await cli(['publish', widget, '--registry', registry]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/integrity sha512-/);
    expect(r.stdout).toMatch(/upload {4}100% /);
    expect(r.stdout).toContain('✓ published @deqing/hello@1.0.0; it is pending provincial review');

    const put = fake.received.find((x) => x.method === 'PUT');
    expect(put?.url).toBe('/@deqing%2fhello');
    expect(put?.auth).toBe('Bearer tok-from-password');
    const doc = put?.body as {
      name: string;
      'dist-tags': Record<string, string>;
      versions: Record<string, { dist: { integrity: string; shasum: string; tarball: string } }>;
      _attachments: Record<string, { data: string; length: number }>;
    };
    expect(doc.name).toBe('@deqing/hello');
    expect(doc['dist-tags']).toEqual({ latest: '1.0.0' });
    const attachment = doc._attachments['@deqing/hello-1.0.0.tgz'];
    const tarball = Buffer.from(attachment?.data ?? '', 'base64');
    expect(attachment?.length).toBe(tarball.length);
    const dist = doc.versions['1.0.0']?.dist;
    expect(dist?.integrity).toBe(`sha512-${createHash('sha512').update(tarball).digest('base64')}`);
    expect(dist?.shasum).toBe(createHash('sha1').update(tarball).digest('hex'));
    expect(dist?.tarball).toBe(`${registry}@deqing%2fhello/-/hello-1.0.0.tgz`);
  });

  it("prints the registry's refusal with its code, the next step and the docs link, and exits 1", async () => {
    fake.refuseWith = {
      status: 403,
      code: 'REG_ERR_FORBIDDEN_SCOPE',
      error: 'a token for scope @yiyuan cannot publish to scope @deqing',
    };
    try {
      const r = await cli(['publish', widget, '--registry', registry]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'the registry refused the publish (403 REG_ERR_FORBIDDEN_SCOPE): a token for scope @yiyuan cannot publish to scope @deqing',
      );
      expect(r.stderr).toContain("next: publish under your county's scope, with your county's token");
      expect(r.stderr).toContain('docs: /docs/province/run-the-registry#reg_err_forbidden_scope');
      expect(r.stderr).toContain('request id: req-1');
    } finally {
      fake.refuseWith = null;
    }
  });

  it('publishes to publishConfig.registry when no --registry is given, as npm publish does', async () => {
    const configured = join(tmp.path, 'configured');
    copyFixture('hello-widget', configured);
    const pkgFile = join(configured, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    writeFileSync(pkgFile, JSON.stringify({ ...pkg, version: '1.0.1', publishConfig: { registry } }));
    expect((await cli(['build', configured])).code).toBe(0);
    fake.received.length = 0;
    const r = await cli(['publish', configured]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`@deqing/hello@1.0.1 → ${registry}`);
    expect(fake.received.find((x) => x.method === 'PUT')?.url).toBe('/@deqing%2fhello');
  }, 60_000);

  it('refuses to publish without a build', async () => {
    const unbuilt = join(tmp.path, 'unbuilt');
    copyFixture('hello-widget', unbuilt);
    const r = await cli(['publish', unbuilt, '--registry', registry]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no build to publish: run cunmen build first');
  });
});
