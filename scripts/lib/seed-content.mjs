// The demo villages' content, seeded once per data directory after the shell is up, so that a newcomer
// opens a working village: households in the register, 三务公开 disclosures published (and one waiting
// for the 村务监督委员会), 接诉即办 cases at every step of the loop with answers and ratings, a 党建 branch
// with its members and organisational life, machines in 找农机, pickups in 垃圾分类预约, and 积分制's rule
// book, ledgers, shop and claims. Everything goes through the shell's HTTP interfaces, signed in as
// the demo accounts (seed-shell.mjs) and the residents their cadres register — no database writes.
// Each piece is looked up on the server before it is made, so a run that stopped half-way carries on
// without duplicates; the marker file ends it for good. Node.js builtins only.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBookings } from './seed-content/bookings.mjs';
import { ContentSeedError } from './seed-content/client.mjs';
import { ensureComplaints } from './seed-content/complaints.mjs';
import { chinaToday } from './seed-content/dates.mjs';
import { ensureDisclosures } from './seed-content/disclosures.mjs';
import { ensureHouseholds } from './seed-content/households.mjs';
import { ensureMachinery } from './seed-content/machinery.mjs';
import { ensureParty } from './seed-content/party.mjs';
import { People } from './seed-content/people.mjs';
import { ensurePoints } from './seed-content/points.mjs';
import { DEMO_VILLAGES } from './seed-shell.mjs';

export { contentAccountsFile } from './seed-content/people.mjs';
export { ContentSeedError };

/** Written when every village's content is in place; its presence skips the seeding. */
export const contentMarker = (shellData) => join(shellData, '.seeded-content');

const NONE = {
  households: 0,
  published: 0,
  inReview: 0,
  questions: 0,
  complaints: 0,
  machines: 0,
  bookings: 0,
  pointsClaims: 0,
  goods: 0,
  ledgers: 0,
  branches: 0,
};

async function seedVillage(village, { people, today, say }) {
  const cadreName = people.accountOf(village.code, 'village-cadre');
  if (!cadreName) {
    // A data directory seeded before the village had a cadre account: nobody to write its content.
    say(`${village.name}: no village cadre account, no content`);
    return NONE;
  }
  const cadre = await people.session(cadreName);
  const ctx = { village: village.code, people, today, say };
  // Residents' accounts come with their households, so the register goes first.
  const households = await ensureHouseholds({ ...ctx, cadre });
  const [disclosures, complaints, machines, bookings, points, party] = await settled([
    ensureDisclosures(ctx),
    ensureComplaints(ctx),
    ensureMachinery(ctx),
    ensureBookings(ctx),
    ensurePoints(ctx),
    ensureParty(ctx),
  ]);
  const { claims: pointsClaims, goods, ledgers } = points;
  const counts = {
    households,
    ...disclosures,
    complaints,
    machines,
    bookings,
    pointsClaims,
    goods,
    ledgers,
    branches: party.branches,
  };
  const parts = [`${households} households`];
  if (counts.published + counts.inReview > 0)
    parts.push(`${counts.published} disclosures published and ${counts.inReview} in review`);
  parts.push(`${complaints} complaints`, `${machines} machines`, `${bookings} bookings`);
  if (ledgers > 0) parts.push(`${ledgers} points ledgers, ${pointsClaims} points claims, ${goods} goods`);
  if (party.branches > 0) parts.push(`a party branch (${party.meetings} meetings recorded)`);
  say(`${village.name}: ${parts.join(', ')}`);
  return counts;
}

/** Like Promise.all, but waits for every piece before failing with the first error. */
async function settled(promises) {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => r.value);
}

/**
 * Seeds the content into the shell running at `shellUrl` (residents) and `consoleUrl` (staff; the
 * resident origin when the shell runs without a console) with its data in `shellData`. Returns the
 * counts and a one-line summary, or null when the content was seeded before.
 *
 * @example
 * const content = await seedContent({ shellUrl: 'http://127.0.0.1:8080', shellData, say: console.log });
 * if (content) console.log(content.summary); // content: 7 disclosures (6 published, 1 in review), …
 */
export async function seedContent({ shellUrl, consoleUrl, shellData, say = () => {} }) {
  const marker = contentMarker(shellData);
  if (existsSync(marker)) return null;
  const started = Date.now();
  const trim = (url) => url?.replace(/\/+$/, '');
  const people = new People({ shellUrl: trim(shellUrl), consoleUrl: trim(consoleUrl), shellData, say });
  const ctx = { people, today: chinaToday(), say };
  const perVillage = await settled(DEMO_VILLAGES.map((v) => seedVillage(v, ctx)));
  const counts = { ...NONE };
  for (const c of perVillage) for (const key of Object.keys(counts)) counts[key] += c[key];
  const villages = perVillage.filter((c) => c !== NONE).length;
  const seconds = (Date.now() - started) / 1000;
  const summary =
    `content: ${counts.published + counts.inReview} disclosures (${counts.published} published, ` +
    `${counts.inReview} in review), ${counts.complaints} complaints, ${counts.machines} machines, ` +
    `${counts.bookings} bookings, ${counts.pointsClaims} points claims, ${counts.goods} goods, ` +
    `${counts.households} households in ${villages} villages ` +
    `(${seconds.toFixed(1)} s)`;
  writeFileSync(marker, `${JSON.stringify({ seededAt: new Date().toISOString(), counts })}\n`);
  return { counts, summary, seconds };
}
