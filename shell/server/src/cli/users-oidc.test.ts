/** Only an operator links an account to a person of the identity platform; both ways are audited. */
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../storage/index.js';
import { testContext } from './test-context.js';
import { oidcLinkCommands } from './users-oidc.js';

const [link, unlink] = oidcLinkCommands as [
  (typeof oidcLinkCommands)[number],
  (typeof oidcLinkCommands)[number],
];
const ISSUER = 'https://id.zj.gov.cn';

let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeEach(async () => {
  dir = await makeTempDir('cunmen-shell-oidc-link-');
  const storage = await openStorage(dir.path);
  for (const name of ['wang', 'li']) {
    await storage.identity.createUser({
      name,
      displayName: name,
      role: 'village-cadre',
      division: '330521107201',
    });
  }
  await storage.close();
});

afterEach(async () => dir.remove());

async function state() {
  const storage = await openStorage(dir.path);
  try {
    const subjects = await Promise.all(
      ['wang', 'li'].map(async (n) => (await storage.identity.findUserByName(n))?.oidcSubject),
    );
    const audit = (await storage.audit.list()).map((r) => [r.actor, r.action, r.subject, r.detail]);
    return { subjects, audit };
  } finally {
    await storage.close();
  }
}

describe('user link-oidc and unlink-oidc', () => {
  it('links by issuer and sub, unlinks, and records both', async () => {
    const ctx = testContext(dir.path, { name: 'wang', issuer: ISSUER, subject: 'a1b2c3' });
    await link.run(ctx);
    expect(ctx.stdout.join('')).toBe(`account wang signs in as ${ISSUER} a1b2c3\n`);
    await unlink.run(testContext(dir.path, { name: 'wang' }));
    expect(await state()).toEqual({
      subjects: [null, null],
      audit: [
        ['operator', 'auth.oidc-link', 'user:wang', { oidcSubject: `${ISSUER} a1b2c3` }],
        ['operator', 'auth.oidc-unlink', 'user:wang', { oidcSubject: `${ISSUER} a1b2c3` }],
      ],
    });
  });

  it.each([
    [
      'a person already linked to another account',
      { name: 'li', subject: 'a1b2c3' },
      '"wang"; unlink it there first',
    ],
    ['an account linked to another person', { name: 'wang', subject: 'zzz' }, 'unlink it first'],
    ['an unknown account', { name: 'nobody', subject: 'q' }, 'no account named "nobody"'],
  ])('refuses %s and changes nothing', async (_name, values, message) => {
    await link.run(testContext(dir.path, { name: 'wang', issuer: ISSUER, subject: 'a1b2c3' }));
    const before = await state();
    await expect(link.run(testContext(dir.path, { issuer: ISSUER, ...values }))).rejects.toThrow(message);
    expect(await state()).toEqual(before);
  });

  it('refuses to unlink an account that has no link', async () => {
    await expect(unlink.run(testContext(dir.path, { name: 'li' }))).rejects.toThrow(
      '"li" has no identity-platform link',
    );
    expect((await state()).audit).toEqual([]);
  });
});
