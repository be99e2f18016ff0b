/** `cunmen-shell user add --phone`: an operator pre-registers a resident by mobile number. */
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../storage/index.js';
import { testContext } from './test-context.js';
import { userCommands } from './users.js';

// The password comes from standard input: none (an account that signs in by phone only).
vi.mock('@cunmen/command-line', async (original) => ({
  ...(await original<typeof import('@cunmen/command-line')>()),
  readStdin: async () => '',
}));

const add = userCommands.find((c) => c.name === 'user add') as (typeof userCommands)[number];
const XIANTAN = '330521107201';
let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeEach(async () => {
  dir = await makeTempDir('cunmen-shell-user-phone-');
});
afterEach(async () => dir.remove());

const run = (values: Record<string, string>) =>
  add.run(testContext(dir.path, { role: 'resident', division: XIANTAN, ...values }));

async function accounts() {
  const storage = await openStorage(dir.path);
  try {
    return (await storage.modules.database
      .selectFrom('identity_users')
      .select(['name', 'phone', 'phone_verified_at'])
      .execute()) as {
      name: string;
      phone: string | null;
    }[];
  } finally {
    await storage.close();
  }
}

describe('user add --phone', () => {
  it('pre-registers a resident by phone, not yet proven', async () => {
    await run({ name: 'zhang', phone: '13812345678' });
    expect(await accounts()).toEqual([{ name: 'zhang', phone: '13812345678', phone_verified_at: null }]);
  });

  it.each([
    [
      { name: 'li', phone: '1381234567' },
      '--phone "1381234567" must be a mainland mobile number: 11 digits, starting with 13–19',
    ],
    [{ name: 'li', phone: '13812345678', role: 'village-cadre' }, '--phone is for residents only'],
  ])('refuses %j', async (values, message) => {
    await expect(run(values)).rejects.toThrow(`usage: ${message}`);
    expect(await accounts()).toEqual([]);
  });

  it('refuses a number another account has', async () => {
    await run({ name: 'zhang', phone: '13812345678' });
    await expect(run({ name: 'wang', phone: '13812345678' })).rejects.toThrow(
      'usage: the phone number 138****5678 belongs to another account',
    );
    expect((await accounts()).map((a) => a.name)).toEqual(['zhang']);
  });
});
