/** What every MandatoryStore must do, run on each back end (kysely-store.test.ts). */
import { expect, it } from 'vitest';
import type { MandatoryStore } from './store.js';

const rule = (division: string, pkg: string) => ({
  division,
  package: pkg,
  setBy: 'dq-admin',
  setAt: '2026-12-07T06:00:00.000Z',
});

export function mandatoryStoreContract(open: () => Promise<MandatoryStore>): void {
  it('adds a rule once, lists by division and finds the province’s and the county’s rules of a village', async () => {
    const store = await open();
    expect(await store.add(rule('330521', '@cunmen/affairs-disclosure'))).toBe(true);
    expect(await store.add(rule('330521', '@cunmen/affairs-disclosure'))).toBe(false);
    expect(await store.add(rule('330000', '@cunmen/complaints'))).toBe(true);
    expect(await store.add(rule('370323', '@cunmen/complaints'))).toBe(true);
    expect((await store.list('3305')).map((r) => r.division)).toEqual(['330521']);
    expect(await store.list()).toHaveLength(3);
    expect(await store.forVillage('330521107201')).toEqual([
      rule('330000', '@cunmen/complaints'),
      rule('330521', '@cunmen/affairs-disclosure'),
    ]);
    expect(await store.forVillage('330522100201')).toEqual([rule('330000', '@cunmen/complaints')]);
  });

  it('removes a rule and says whether there was one', async () => {
    const store = await open();
    await store.add(rule('330521', '@deqing/find-machinery'));
    expect(await store.remove('330521', '@deqing/find-machinery')).toBe(true);
    expect(await store.remove('330521', '@deqing/find-machinery')).toBe(false);
    expect(await store.forVillage('330521107201')).toEqual([]);
  });

  it('migrates twice without harm (several instances start at once)', async () => {
    const store = await open();
    await store.migrate();
    await store.add(rule('330521', '@cunmen/complaints'));
    await store.migrate();
    expect(await store.list()).toHaveLength(1);
  });
}
