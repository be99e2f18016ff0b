import { CommandRefusal } from '@cunmen/command-line';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { injectPublish, widgetTarball } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { parseSpec } from '../services/review.js';
import { approve, listPending } from './review.js';
import { addUser, revokeToken } from './users.js';

async function dataDir(): Promise<string> {
  return (await makeTempDir('cunmen-commands-')).path;
}

describe('addUser', () => {
  it.each([
    [{ name: 'Bad Name' }, '--name "Bad Name" must be lower-case letters, digits, ".", "_" or "-"'],
    [{ role: 'admin' }, '--role "admin" must be "province", "county" or "usage-reporter"'],
    [{ county: '3305' }, '--county "3305" must be a 6-digit division code such as 330521'],
    [{ scope: 'deqing' }, '--scope "deqing" must be an npm scope such as @deqing'],
    [{ role: 'usage-reporter', scope: '@deqing' }, 'a usage-reporter publishes nothing: give it no --scope'],
  ])('refuses %j', async (override, message) => {
    const input = { dataDir: await dataDir(), name: 'u', role: 'county', county: '330521', ...override };
    await expect(addUser(input)).rejects.toThrow(new CommandRefusal(message));
  });

  it('refuses a duplicate name and a scope that belongs to someone else', async () => {
    const dir = await dataDir();
    await addUser({ dataDir: dir, name: 'a', role: 'county', county: '330521', scope: '@deqing' });
    await expect(addUser({ dataDir: dir, name: 'a', role: 'county', county: '330521' })).rejects.toThrow(
      'a user named "a" already exists',
    );
    await expect(
      addUser({ dataDir: dir, name: 'b', role: 'county', county: '330523', scope: '@deqing' }),
    ).rejects.toThrow('scope @deqing already belongs to another user');
  });
});

describe('parseSpec', () => {
  it('splits at the last @', () => {
    expect(parseSpec('@deqing/hello@1.2.3')).toEqual({ name: '@deqing/hello', version: '1.2.3' });
    expect(() => parseSpec('@deqing/hello')).toThrow('"@deqing/hello" is not <name>@<version>');
  });
});

describe('revokeToken', () => {
  it('makes the registry refuse the token', async () => {
    const dir = await dataDir();
    const { token } = await addUser({
      dataDir: dir,
      name: 'a',
      role: 'county',
      county: '330521',
      scope: '@deqing',
    });
    const app = await buildApp({ dataDir: dir, publicUrl: 'http://r.example' });
    try {
      const headers = { authorization: `Bearer ${token}` };
      expect((await app.inject({ url: '/-/whoami', headers })).statusCode).toBe(200);
      await revokeToken(dir, token);
      const after = await app.inject({ url: '/-/whoami', headers });
      expect(after.statusCode).toBe(401);
      expect(after.json()).toEqual(
        errorBody('REG_ERR_UNAUTHORIZED', 'the registry token is unknown or revoked'),
      );
      await expect(revokeToken(dir, token)).rejects.toThrow('that token is unknown or already revoked');
    } finally {
      await app.close();
    }
  });
});

describe('review list and approve', () => {
  it('lists pending versions until they are approved', async () => {
    const dir = await dataDir();
    const { token } = await addUser({
      dataDir: dir,
      name: 'dq',
      role: 'county',
      county: '330521',
      scope: '@deqing',
    });
    const app = await buildApp({ dataDir: dir, publicUrl: 'http://r.example' });
    try {
      const name = '@deqing/find-machinery';
      const tarball = widgetTarball(name, '1.0.0');
      const res = await injectPublish(app, token, name, '1.0.0');
      expect(res.statusCode).toBe(201);
      const pending = await listPending(dir);
      expect(pending).toEqual([
        {
          spec: `${name}@1.0.0`,
          publishedBy: 'dq',
          publishedAt: expect.any(String),
          tarballSize: tarball.length,
        },
      ]);
      expect(await approve(dir, `${name}@1.0.0`)).toMatchObject({
        status: 'approved',
        granted: ['store.read'],
      });
      await expect(approve(dir, `${name}@1.0.0`)).rejects.toThrow(
        `${name}@1.0.0 is approved, not pending review`,
      );
      expect(await listPending(dir)).toEqual([]);
      await expect(approve(dir, `${name}@2.0.0`)).rejects.toThrow(`${name}@2.0.0 has not been published`);
    } finally {
      await app.close();
    }
  });
});
