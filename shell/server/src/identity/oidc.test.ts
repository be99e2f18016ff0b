/**
 * OIDC sign-in against a real OpenID provider (`oidc-provider`) on a free port: the shell redirects to
 * it, a person signs in and consents on its pages, the provider redirects back with a code, and the
 * shell checks state, nonce and PKCE, links the account and starts a session.
 */
import type { AddressInfo } from 'node:net';
import { freePort } from '@cunmen/test-utils';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phishingResistant } from './oidc.js';
import { identityTestApp } from './test-app.js';

let issuer: string;
let closeProvider: () => Promise<void>;
const REDIRECT = 'http://127.0.0.1:8080/api/auth/oidc/callback';

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cunmen-shell',
        client_secret: 'a-long-client-secret-for-tests',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, preferred_username: id }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.proxy = false;
  const server = provider.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  expect((server.address() as AddressInfo).port).toBe(port);
  closeProvider = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => closeProvider?.());

/** Follows the provider's sign-in and consent pages as a browser would, returning the callback URL. */
async function signInAtProvider(authorizeUrl: string, account: string): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair as string).split('=');
      jar.set(name as string, value.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizeUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(REDIRECT)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') as string, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt };
    const post = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    remember(post);
    url = new URL(post.headers.get('location') as string, url).href;
  }
  throw new Error('too many redirects');
}

const oidcOptions = () => ({
  issuer,
  clientId: 'cunmen-shell',
  clientSecret: 'a-long-client-secret-for-tests',
  redirectUri: REDIRECT,
  allowInsecure: true,
});

/** The cookies a response sets, as a `cookie` request header. */
function cookiesOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as string[];
  return all.map((c) => c.split(';')[0]).join('; ');
}

describe('OIDC sign-in through the provincial identity platform', () => {
  it('signs in an account an operator linked to the subject, in the browser that started it', async () => {
    const t = await identityTestApp({ oidc: oidcOptions() });
    try {
      const cadre = await t.addUser('wang-cadre', 'village-cadre', '330521001001');
      await t.store.updateUser(cadre.id, { oidcSubject: `${issuer} wang-cadre` });
      const start = await t.app.inject({ url: '/api/auth/oidc/login?returnTo=/admin/' });
      expect(start.statusCode).toBe(302);
      const authorize = start.headers.location as string;
      expect(authorize.startsWith(`${issuer}/auth?`)).toBe(true);
      expect(new URL(authorize).searchParams.get('code_challenge_method')).toBe('S256');
      expect(start.headers['set-cookie']).toMatch(
        /^cunmen_session_oidc=[\w-]{43}; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax/,
      );
      const browser = cookiesOf(start);

      const callback = await signInAtProvider(authorize, 'wang-cadre');
      const done = await t.app.inject({
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: browser },
      });
      expect(done.statusCode).toBe(302);
      expect(done.headers.location).toBe('/admin/');
      const cookie = cookiesOf(done)
        .split('; ')
        .find((c) => c.startsWith('cunmen_session=')) as string;
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
      expect(me.json()).toMatchObject({ user: { name: 'wang-cadre' }, mfa: 'passed' });
      expect(await t.actions()).toEqual([['wang-cadre', 'auth.login']]);

      // The same state cannot be used twice.
      const replay = await t.app.inject({
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: browser },
      });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().error).toBe('unknown or already used sign-in attempt (state)');
    } finally {
      await t.close();
    }
  });

  it('never links by preferred_username: an unlinked account of the same name stays unlinked', async () => {
    const t = await identityTestApp({ oidc: oidcOptions() });
    try {
      await t.addUser('li-cadre', 'village-cadre', '330521001001');
      const start = await t.app.inject({ url: '/api/auth/oidc/login' });
      const callback = await signInAtProvider(start.headers.location as string, 'li-cadre');
      const done = await t.app.inject({
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: cookiesOf(start) },
      });
      expect(done.statusCode).toBe(401);
      expect(done.json().code).toBe('SHELL_ERR_OIDC_FAILED');
      expect(done.headers['set-cookie']).not.toMatch(/cunmen_session=/);
      expect((await t.store.findUserByName('li-cadre'))?.oidcSubject).toBeNull();
      expect((await t.audit.list()).map((r) => [r.action, r.subject])).toEqual([
        ['auth.login-failed', `oidc:${issuer} li-cadre`],
      ]);
    } finally {
      await t.close();
    }
  });

  it.each([
    ['no cookie', () => ''],
    ['the cookie of another sign-in attempt', (other: string) => other],
  ])(
    'refuses a callback carried into another browser (%s) and starts no session',
    async (_name, cookieFor) => {
      const t = await identityTestApp({ oidc: oidcOptions() });
      try {
        const victim = await t.addUser('zhao-cadre', 'village-cadre', '330521001001');
        await t.store.updateUser(victim.id, { oidcSubject: `${issuer} zhao-cadre` });
        const attackerStart = await t.app.inject({ url: '/api/auth/oidc/login' });
        const otherStart = await t.app.inject({ url: '/api/auth/oidc/login' });
        const callback = await signInAtProvider(attackerStart.headers.location as string, 'zhao-cadre');
        const done = await t.app.inject({
          url: `${callback.pathname}${callback.search}`,
          headers: { cookie: cookieFor(cookiesOf(otherStart)) },
        });
        expect(done.statusCode).toBe(401);
        expect(done.json()).toMatchObject({
          code: 'SHELL_ERR_OIDC_FAILED',
          error: 'this sign-in was started in another browser',
        });
        expect(String(done.headers['set-cookie'])).not.toMatch(/cunmen_session=/);
        expect(await t.actions()).toEqual([['anonymous', 'auth.oidc-refused']]);
        // The attempt is spent: the right browser cannot finish it afterwards either.
        const late = await t.app.inject({
          url: `${callback.pathname}${callback.search}`,
          headers: { cookie: cookiesOf(attackerStart) },
        });
        expect(late.json().error).toBe('unknown or already used sign-in attempt (state)');
      } finally {
        await t.close();
      }
    },
  );

  it('refuses a person without a shell account, and never redirects off the site', async () => {
    const t = await identityTestApp({ oidc: oidcOptions() });
    try {
      const start = await t.app.inject({ url: '/api/auth/oidc/login?returnTo=//evil.example/' });
      const callback = await signInAtProvider(start.headers.location as string, 'stranger');
      const done = await t.app.inject({
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: cookiesOf(start) },
      });
      expect(done.statusCode).toBe(401);
      expect(done.json()).toMatchObject({
        code: 'SHELL_ERR_OIDC_FAILED',
        message: '该身份尚未开通村门账号，请联系县级管理员',
      });
      expect(String(done.headers['set-cookie'])).not.toMatch(/cunmen_session=/);
    } finally {
      await t.close();
    }
  });

  it('answers 404 when OIDC is not configured', async () => {
    const t = await identityTestApp();
    try {
      const res = await t.app.inject({ url: '/api/auth/oidc/login' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('SHELL_ERR_OIDC_NOT_CONFIGURED');
    } finally {
      await t.close();
    }
  });
});

describe('which amr stands in for the TOTP step', () => {
  it.each([
    [['hwk'], true],
    [['fido'], true],
    [['swk', 'pop'], true],
    [['pwd', 'hwk'], true],
    [['swk'], false],
    [['sms'], false],
    [['otp'], false],
    [['mfa'], false],
    [['pwd', 'mfa', 'otp', 'sms', 'tel'], false],
    [[], false],
  ])('%j → %s', (amr, expected) => {
    expect(phishingResistant(amr)).toBe(expected);
  });
});
