/** The identity store's TOTP lockout counters, pending factor and OIDC browser binding, on both back ends. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../test/backends.js';
import type { Storage } from '../storage/types.js';

describe.each(BACKENDS)('the identity store on %s', (backend) => {
  let opened: OpenedBackend;
  let a: Storage;
  let b: Storage;

  beforeEach(async () => {
    opened = await openBackend(backend);
    a = opened.storage;
    b = await opened.again();
  });

  afterEach(async () => {
    await b.close();
    await opened.close();
  });

  const newUser = () =>
    a.identity.createUser({ name: 'county', displayName: '县', role: 'county-admin', division: '330521' });

  it('counts wrong TOTP codes from two instances at once, and clears count and lock together', async () => {
    const user = await newUser();
    expect(user).toMatchObject({ totpFailures: 0, totpLockedUntil: null, totpPendingSecret: null });
    const counts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).identity.recordTotpFailure(user.id)),
    );
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const until = new Date(Date.now() + 60_000).toISOString();
    await a.identity.updateUser(user.id, { totpLockedUntil: until });
    expect(await b.identity.findUserById(user.id)).toMatchObject({ totpFailures: 6, totpLockedUntil: until });
    await b.identity.clearTotpFailures(user.id);
    expect(await a.identity.findUserById(user.id)).toMatchObject({ totpFailures: 0, totpLockedUntil: null });
  });

  it('keeps a pending secret beside the active one', async () => {
    const user = await newUser();
    await a.identity.updateUser(user.id, { totpSecret: 'OLD', totpEnabled: true, totpPendingSecret: 'NEW' });
    expect(await b.identity.findUserById(user.id)).toMatchObject({
      totpSecret: 'OLD',
      totpEnabled: true,
      totpPendingSecret: 'NEW',
    });
  });

  it('keeps the browser binding of an OIDC attempt', async () => {
    const attempt = {
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      createdAt: new Date().toISOString(),
      browserHash: 'f'.repeat(64),
    };
    await a.identity.saveOidcAttempt(attempt);
    expect(await b.identity.takeOidcAttempt('s')).toEqual(attempt);
  });
});
