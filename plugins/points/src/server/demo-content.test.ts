// @vitest-environment node
/**
 * The demo content `npm start` seeds (demo-content.json) is played through the API as its accounts
 * would: it must be accepted as it stands, and leave the ledgers, queue and shop the demo shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleUser } from '@cunmen/module-api';
import { testUser } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { freshApp, ok, uploadPhoto } from './test-helpers.js';

const t = freshApp();
const demo = JSON.parse(readFileSync(join(import.meta.dirname, '../../demo-content.json'), 'utf8'));

interface DemoClaim {
  by: string;
  household?: string;
  item: string;
  evidence: string;
  photo?: boolean;
  decide: 'approve' | 'approve-twice' | 'pending' | 'reject';
  reason?: string;
}

describe('the demo content', () => {
  it.each(Object.keys(demo.villages))('plays through the API in %s', async (village) => {
    const v = demo.villages[village];
    const cadre = testUser('village-cadre', village, { name: 'cadre-1' });
    const cadre2 = testUser('village-cadre', village, { name: 'cadre-2' });
    const merchant = testUser('merchant', village);
    const resident = testUser('resident', village, { displayName: '张阿婆', household: 'H-0012' });
    const as = (name: string): ModuleUser => (name.endsWith('-resident') ? resident : cadre);
    await ok(t, cadre, 'PUT /settings', v.settings);
    await ok(t, cadre, 'POST /rulebooks', v.ruleBook);
    for (const h of v.households) {
      if (h.code !== resident.household) await ok(t, cadre, 'POST /households', h);
    }
    const goods = new Map<string, string>();
    for (const g of v.goods) goods.set(g.name, (await ok(t, cadre, 'POST /goods', g)).id);
    for (const c of v.claims as DemoClaim[]) {
      const by = as(c.by);
      const photo = c.photo ? { photo: await uploadPhoto(t, by) } : {};
      const household = c.household ? { household: c.household } : {};
      const claim = await ok(t, by, 'POST /claims', {
        item: c.item,
        evidence: c.evidence,
        ...photo,
        ...household,
      });
      if (c.decide.startsWith('approve')) await ok(t, cadre, `POST /claims/${claim.id}/approve`);
      if (c.decide === 'approve-twice') await ok(t, cadre2, `POST /claims/${claim.id}/approve`);
      if (c.decide === 'reject') await ok(t, cadre, `POST /claims/${claim.id}/reject`, { reason: c.reason });
    }
    for (const r of v.redemptions) {
      await ok(t, merchant, 'POST /redeem', { ...r, goods: goods.get(r.goods) });
    }
    const queue = await ok(t, cadre, 'GET /claims');
    expect(queue.items).toHaveLength((v.claims as DemoClaim[]).filter((c) => c.decide === 'pending').length);
    const board = await ok(t, cadre, 'GET /leaderboard');
    expect(board.items.length).toBeGreaterThan(0);
    const { items } = await ok(t, cadre, 'GET /households');
    for (const h of items) expect(h.balance.redeemable).toBeGreaterThanOrEqual(0);
  });
});
