/**
 * `cunmen login` and `cunmen publish` against an in-test HTTP server that speaks the few npm registry
 * calls involved and records what it received (the real registry is tested in registry/).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { copyFixture, makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../program.js';

interface Received {
  method: string;
  url: string;
  auth: string | undefined;
  body: Record<string, unknown> | null;
}

let server: Server;
let registry = '';
const received: Received[] = [];
/** A refusal in the registry's error body (`@cunmen/errors`), for the next PUT. */
let refuseWith: { status: number; code: string; error: string } | null = null;
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let widget = '';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-publish-');
  vi.stubEnv('NPM_CONFIG_USERCONFIG', join(tmp.path, 'user.npmrc'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        body: text ? JSON.parse(text) : null,
      });
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url?.startsWith('/-/user/org.couchdb.user:'))
        return json(201, { ok: true, token: 'tok-from-password' });
      if (req.url === '/-/whoami') {
        return req.headers.authorization?.startsWith('Bearer tok-')
          ? json(200, { username: 'deqing-dev' })
          : json(401, {
              error: 'the registry token is unknown or revoked',
              code: 'REG_ERR_UNAUTHORIZED',
              message: '需要有效的仓库令牌',
              requestId: 'req-2',
            });
      }
      if (req.method === 'PUT' && refuseWith) {
        const { status, code, error } = refuseWith;
        return json(status, { error, code, message: '该令牌无权发布到此作用域', requestId: 'req-1' });
      }
      if (req.method === 'PUT') return json(201, { ok: true });
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  registry = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  widget = join(tmp.path, 'hello');
  copyFixture('hello-widget', widget);
  expect((await cli(['build', widget])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((r) => server.close(() => r()));
  await tmp.remove();
});

describe('cunmen login', () => {
  it('exchanges a user name and password for a token and saves it as npm does', async () => {
    const r = await cli([
      'login',
      '--registry',
      registry,
      '--username',
      'deqing-dev',
      '--password',
      'secret',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ logged in to ${registry} as deqing-dev`);
    const host = new URL(registry).host;
    expect(readFileSync(join(tmp.path, 'user.npmrc'), 'utf8')).toBe(
      `//${host}/:_authToken=tok-from-password\n`,
    );
    const login = received.find((x) => x.url === '/-/user/org.couchdb.user:deqing-dev');
    expect(login?.body).toMatchObject({ name: 'deqing-dev', password: 'secret', type: 'user' });
  });

  it('refuses a token the registry does not accept and saves nothing new', async () => {
    const before = readFileSync(join(tmp.path, 'user.npmrc'), 'utf8');
    const r = await cli(['login', '--registry', registry, '--token', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `the token was not accepted by ${registry} (401 REG_ERR_UNAUTHORIZED): the registry token is unknown or revoked`,
    );
    expect(r.stderr).toContain('docs: /docs/province/run-the-registry#reg_err_unauthorized');
    expect(readFileSync(join(tmp.path, 'user.npmrc'), 'utf8')).toBe(before);
  });
});

describe('cunmen publish', () => {
  it('sends the npm publish document with a tarball whose sha512 and sha1 match, showing progress', async () => {
    received.length = 0;
    const r = await cli(['publish', widget, '--registry', registry]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/integrity sha512-/);
    expect(r.stdout).toMatch(/upload {4}100% /);
    expect(r.stdout).toContain('✓ published @deqing/hello@1.0.0; it is pending provincial review');

    const put = received.find((x) => x.method === 'PUT');
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
    refuseWith = {
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
      refuseWith = null;
    }
  });

  it('refuses to publish without a build', async () => {
    const unbuilt = join(tmp.path, 'unbuilt');
    copyFixture('hello-widget', unbuilt);
    const r = await cli(['publish', unbuilt, '--registry', registry]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no build to publish: run cunmen build first');
  });
});
