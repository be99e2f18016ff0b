import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../storage/index.js';
import type { Storage } from '../../storage/types.js';
import { whyNotProxied } from './policy.js';

let storage: Storage;

beforeAll(async () => {
  storage = await openStorage((await makeTempDir('cunmen-uplink-policy-')).path);
  await storage.accounts.createUser({ name: 'sx', role: 'county', county: '330600', scope: '@shaoxing' });
});

afterAll(async () => {
  await storage.close();
});

describe('whyNotProxied', () => {
  it.each([
    ['@cunmen/cli', '@cunmen is the province scope'],
    ['@yishui/anything', '@yishui is a county scope'],
    ['@shaoxing/anything', '@shaoxing belongs to an account of this registry'],
    ['@DEQING/evil', 'not an npm package name'],
    ['.bin', 'not an npm package name'],
    ['a'.repeat(215), 'not an npm package name'],
  ])('keeps %s from the uplink: %s', async (name, reason) => {
    expect(await whyNotProxied(storage, name)).toBe(reason);
  });

  it.each(['left-pad', 'JSONStream', '@types/node', '@rsbuild/core'])('lets %s be proxied', async (name) => {
    expect(await whyNotProxied(storage, name)).toBeNull();
  });
});
