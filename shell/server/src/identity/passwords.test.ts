/** Password hashes carry their scrypt cost; old ones still verify and are replaced at the next sign-in. */
import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, needsRehash, PASSWORD_COST } from './passwords.js';
import { identityTestApp, PASSWORD } from './test-app.js';

/** A hash as the shell wrote them before costs were stored: `scrypt$salt$key`, Node's default cost. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

describe('password hashes', () => {
  it('store N, r and p with the salt and key, at the raised cost', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(PASSWORD_COST.N * PASSWORD_COST.r * PASSWORD_COST.p).toBeGreaterThan(2 ** 14 * 8);
    expect(await checkPassword(PASSWORD, stored)).toBe(true);
    expect(await checkPassword('another password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verify a legacy hash and ask for it to be replaced', async () => {
    const stored = legacyHash(PASSWORD);
    expect(await checkPassword(PASSWORD, stored)).toBe(true);
    expect(await checkPassword('another password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it.each([
    ['an unknown scheme', 'bcrypt$x$y'],
    ['a cost that is not a power of two', 'scrypt$30000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['a cost too large to compute', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA`],
    ['missing parts', 'scrypt$32768$8$3$AAAA'],
    ['no hash at all', null],
  ])('refuse %s', async (_name, stored) => {
    expect(await checkPassword(PASSWORD, stored)).toBe(false);
  });
});

describe('upgrading at sign-in', () => {
  let t: Awaited<ReturnType<typeof identityTestApp>>;
  afterEach(async () => t?.close());

  const login = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'cadre', password } });

  it('replaces a legacy hash after a right password, never after a wrong one', async () => {
    t = await identityTestApp();
    const old = legacyHash(PASSWORD);
    const user = await t.store.createUser({
      name: 'cadre',
      displayName: 'cadre',
      role: 'village-cadre',
      division: '330521001001',
      passwordHash: old,
    });
    expect((await login('wrong password!')).json().code).toBe('SHELL_ERR_BAD_LOGIN');
    expect((await t.store.findUserById(user.id))?.passwordHash).toBe(old);

    expect((await login(PASSWORD)).statusCode).toBe(200);
    const upgraded = (await t.store.findUserById(user.id))?.passwordHash as string;
    expect(upgraded).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await login(PASSWORD)).statusCode).toBe(200);
    // Already at today's cost: the second sign-in leaves the hash as it is.
    expect((await t.store.findUserById(user.id))?.passwordHash).toBe(upgraded);
  });
});
