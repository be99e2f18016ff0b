// 积分制 content (plugins/points/demo-content.json): per village the committee records the settings and
// the rule book the villagers' assembly adopted, registers households and stocks the shop; residents
// claim with a photo and the cadre for other households; the committee decides (a deduction by two
// members); the village's merchant redeems at the counter. Every step looks on the server first: the
// rule book, households, goods, claims (by household, item and evidence, carried on from their status)
// and redemptions (in the household's ledger) are made only when missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../bootstrap.mjs';

const MODULE = 'points';
const DEMO = JSON.parse(readFileSync(join(root, 'plugins', 'points', 'demo-content.json'), 'utf8'));
const STATUSES = ['pending', 'second', 'approved', 'rejected'];

/** The demo claims' evidence photo: a small PNG (a green square), as a phone would send one. */
const PHOTO = {
  name: '现场照片.png',
  type: 'image/png',
  bytes: Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000001649444154789c63d09be7' +
      '4f126218d530aa61f86a0000536f1b100d8e8ab40000000049454e44ae426082',
    'hex',
  ),
};

async function allClaims(cadre) {
  const lists = await Promise.all(STATUSES.map((s) => cadre.call('GET', `/claims?status=${s}`)));
  return lists.flatMap((l) => l.items);
}

/** Brings the village's points to where the content says; returns counts of what is there. */
export async function ensurePoints({ village, people, say }) {
  const none = { claims: 0, goods: 0, ledgers: 0 };
  const content = DEMO.villages[village] ?? null;
  const cadreName = people.accountOf(village, 'village-cadre');
  if (!content || !cadreName) return none;
  const cadreSession = await people.session(cadreName);
  if (!(await cadreSession.places(village, `@cunmen/${MODULE}`))) {
    say(`${village}: the portal has no 积分制; no points`);
    return none;
  }
  const cadre = cadreSession.module(village, MODULE);
  await cadre.call('PUT', '/settings', content.settings);
  const { versions } = await cadre.call('GET', '/rulebook');
  if (versions.length === 0) await cadre.call('POST', '/rulebooks', content.ruleBook);

  // A resident's own household is registered the first time they claim (under their own name).
  const residents = [...new Set(content.claims.map((c) => c.by))].filter(
    (name) => people.has(name) && people.roleOf(name) === 'resident',
  );
  const theirs = new Set();
  for (const name of residents) theirs.add((await people.session(name)).user.household);
  const registered = new Set((await cadre.call('GET', '/households')).items.map((h) => h.code));
  for (const h of content.households) {
    if (!registered.has(h.code) && !theirs.has(h.code)) await cadre.call('POST', '/households', h);
  }

  const stocked = new Map((await cadre.call('GET', '/goods')).items.map((g) => [g.name, g.id]));
  for (const g of content.goods) {
    if (!stocked.has(g.name)) stocked.set(g.name, (await cadre.call('POST', '/goods', g)).id);
  }

  const second = people.accountsOf(village, 'village-cadre')[1] ?? null;
  let claims = await allClaims(cadre);
  for (const spec of content.claims) {
    if (!people.has(spec.by) || (spec.decide === 'approve-twice' && !second)) continue;
    const by = await people.session(spec.by);
    const household = spec.household ?? by.user.household;
    let found = claims.find(
      (c) => c.household === household && c.itemCode === spec.item && c.evidence === spec.evidence,
    );
    if (!found) {
      const as = by.module(village, MODULE);
      const photo = spec.photo ? { photo: (await as.upload('/photos', PHOTO)).id } : {};
      found = await as.call('POST', '/claims', {
        item: spec.item,
        evidence: spec.evidence,
        ...photo,
        ...(spec.household ? { household: spec.household } : {}),
      });
    }
    if (found.status === 'pending' && spec.decide.startsWith('approve')) {
      // A decision answers with the claim's new status (and the points entered), not the claim.
      found = { ...found, ...(await cadre.call('POST', `/claims/${found.id}/approve`)) };
    }
    if (found.status === 'second' && spec.decide === 'approve-twice') {
      const member = (await people.session(second)).module(village, MODULE);
      found = { ...found, ...(await member.call('POST', `/claims/${found.id}/approve`)) };
    }
    if (found.status === 'pending' && spec.decide === 'reject') {
      await cadre.call('POST', `/claims/${found.id}/reject`, { reason: spec.reason });
    }
  }
  claims = await allClaims(cadre);

  const merchant = people.accountOf(village, 'merchant');
  for (const r of merchant ? content.redemptions : []) {
    const ledger = await cadre.call('GET', `/households/${encodeURIComponent(r.household)}/ledger`);
    if (ledger.entries.some((e) => e.kind === 'redemption' && e.itemTitle === r.goods)) continue;
    const counter = (await people.session(merchant)).module(village, MODULE);
    await counter.call('POST', '/redeem', { ...r, goods: stocked.get(r.goods) });
  }
  const ledgers = (await cadre.call('GET', '/households')).items.length;
  return { claims: claims.length, goods: stocked.size, ledgers };
}
