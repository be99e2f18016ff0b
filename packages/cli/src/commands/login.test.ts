/**
 * `cunmen login` against an in-test registry: a token or a user name and password in, the token in the
 * user's .npmrc out; the password from standard input, CUNMEN_PASSWORD or (discouraged) --password.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_PASSWORD, type FakeRegistry, startFakeRegistry } from '../../test/fake-registry.js';
import { cli } from '../../test/run-cli.js';
import { readSecret } from './login.js';

let fake: FakeRegistry;
let registry = '';
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let npmrc = '';

/** Standard input as a pipe carrying `text` (not a terminal). */
function pipeStdin(text: string) {
  const stream = Object.assign(Readable.from([Buffer.from(text)]), { isTTY: false });
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(stream as unknown as typeof process.stdin);
}

const passwordLogin = (...extra: string[]) =>
  cli(['login', '--registry', registry, '--username', 'deqing-dev', ...extra]);

const loginBody = () => fake.received.find((x) => x.url === '/-/user/org.couchdb.user:deqing-dev')?.body;

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-login-');
  npmrc = join(tmp.path, 'user.npmrc');
  fake = await startFakeRegistry();
  registry = fake.url;
});

beforeEach(() => {
  vi.stubEnv('NPM_CONFIG_USERCONFIG', npmrc);
  vi.stubEnv('CUNMEN_PASSWORD', '');
  rmSync(npmrc, { force: true });
  fake.received.length = 0;
  pipeStdin('');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await fake.close();
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
      FAKE_PASSWORD,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ logged in to ${registry} as deqing-dev`);
    expect(r.stderr).toContain('--password leaves the password in the shell history');
    const host = new URL(registry).host;
    expect(readFileSync(npmrc, 'utf8')).toBe(`//${host}/:_authToken=tok-from-password\n`);
    expect(loginBody()).toMatchObject({ name: 'deqing-dev', password: FAKE_PASSWORD, type: 'user' });
  });

  it.each([
    ['printf', FAKE_PASSWORD],
    ['echo', `${FAKE_PASSWORD}\n`],
    ['a Windows file', `${FAKE_PASSWORD}\r\n`],
  ])('reads the password from standard input with --password-stdin (%s)', async (_, input) => {
    pipeStdin(input);
    const r = await passwordLogin('--password-stdin');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(loginBody()).toMatchObject({ password: FAKE_PASSWORD });
    expect(readFileSync(npmrc, 'utf8')).toContain(':_authToken=tok-from-password');
  });

  it('reads the password from CUNMEN_PASSWORD', async () => {
    vi.stubEnv('CUNMEN_PASSWORD', FAKE_PASSWORD);
    const r = await passwordLogin();
    expect(r.code).toBe(0);
    expect(loginBody()).toMatchObject({ password: FAKE_PASSWORD });
  });

  it("prints the registry's refusal of a wrong password with its code, next step, docs link and request id", async () => {
    pipeStdin('wrong\n');
    const r = await passwordLogin('--password-stdin');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `login refused by ${registry} (401 REG_ERR_BAD_LOGIN): wrong user name or password`,
    );
    expect(r.stderr).toContain('next: check the user name and password (the province sets them)');
    expect(r.stderr).toContain('docs: /docs/province/run-the-registry#reg_err_bad_login');
    expect(r.stderr).toContain('request id: req-3');
    expect(existsSync(npmrc)).toBe(false);
  });

  it('says when the registry limits login attempts', async () => {
    fake.refuseWith = { status: 429, code: 'REG_ERR_RATE_LIMITED', error: 'too many login attempts' };
    pipeStdin(FAKE_PASSWORD);
    try {
      const r = await passwordLogin('--password-stdin');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('(429 REG_ERR_RATE_LIMITED): too many login attempts');
      expect(r.stderr).toContain('docs: /docs/province/run-the-registry#reg_err_rate_limited');
    } finally {
      fake.refuseWith = null;
    }
  });

  it('refuses a token the registry does not accept and saves nothing new', async () => {
    const r = await cli(['login', '--registry', registry, '--token', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `the token was not accepted by ${registry} (401 REG_ERR_UNAUTHORIZED): the registry token is unknown or revoked`,
    );
    expect(r.stderr).toContain('docs: /docs/province/run-the-registry#reg_err_unauthorized');
    expect(existsSync(npmrc)).toBe(false);
  });

  it.each<[string, string[], string, RegExp]>([
    ['no user name or token', [], '', /login needs --token <token>, or --username <name>/],
    [
      'an empty standard input',
      ['--username', 'deqing-dev', '--password-stdin'],
      '',
      /--password-stdin: standard input was empty/,
    ],
    [
      'no password anywhere (standard input is not a terminal)',
      ['--username', 'deqing-dev'],
      FAKE_PASSWORD,
      /no password for deqing-dev: pipe it to --password-stdin or set CUNMEN_PASSWORD/,
    ],
    [
      'both --password and --password-stdin',
      ['--username', 'deqing-dev', '--password', 'x', '--password-stdin'],
      FAKE_PASSWORD,
      /--password and --password-stdin cannot be used together/,
    ],
    [
      'a token and a password',
      ['--token', 'tok-1', '--username', 'deqing-dev', '--password-stdin'],
      FAKE_PASSWORD,
      /give either --token or a password, not both/,
    ],
  ])('refuses %s (exit 2) and sends nothing', async (_, args, input, message) => {
    pipeStdin(input);
    const r = await cli(['login', '--registry', registry, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fake.received).toEqual([]);
  });
});

describe('readSecret', () => {
  it('keeps everything but one final line break', async () => {
    expect(await readSecret(Readable.from(['pa', 'ss word \n']))).toBe('pass word ');
    expect(await readSecret(Readable.from(['two\n\n']))).toBe('two\n');
  });
});
