// @vitest-environment node
/**
 * Refused photos, submissions and reads of cases: each row checks the exact code (and field), and that
 * nothing changed — every row of every table and the audit log are the same before and after.
 */
import { randomUUID } from 'node:crypto';
import { type Refusal, refusal as r, refusalTable } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import {
  expectRefused,
  freshApp,
  givenFor,
  type Ids,
  inV,
  JPEG,
  photoRow as ph,
  submit,
  users,
  V,
  withLimits,
} from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givenFor(u);
const run = (_name: string, row: Refusal<Ids>) => expectRefused(t, row);

const limits = (options: Parameters<typeof withLimits>[0]) => async (): Promise<Ids> => {
  await t.replace(await withLimits(options));
  return {};
};
const photos = (ids: string[]) => ({ category: 'roads', text: '路灯坏了', photos: ids });
const BIG = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]);
const CASE = { category: 'roads', text: '路灯坏了' };

describe('photos', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Too large, by default and under a configured limit.
    ph(null, u.resident, BIG, 'image/jpeg', '413 COMPLAINTS_ERR_PHOTO_TOO_LARGE photo'),
    ph(limits({ photoMaxBytes: 100 }), u.resident, JPEG, 'image/jpeg', '413 COMPLAINTS_ERR_PHOTO_TOO_LARGE photo'),
    // Not a JPEG, PNG or WebP, whatever the content type says.
    ph(null, u.resident, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/jpeg', '415 COMPLAINTS_ERR_PHOTO_TYPE photo'),
    ph(null, u.resident, Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif', '415 COMPLAINTS_ERR_PHOTO_TYPE photo'),
    ph(null, u.resident, Buffer.from('hello'), 'text/plain', '415 COMPLAINTS_ERR_PHOTO_TYPE photo'),
    ph(null, u.resident, Buffer.alloc(0), 'image/jpeg', '415 COMPLAINTS_ERR_PHOTO_TYPE photo'),
    ph(null, u.resident, Buffer.from('%PDF-1.7'), 'application/pdf', '415 COMPLAINTS_ERR_PHOTO_TYPE photo'),
    // Anyone but a signed-in resident.
    ph(null, null, JPEG, 'image/jpeg', '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    ph(null, { village: V, user: null }, JPEG, 'image/jpeg', '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    ph(null, u.cadre, JPEG, 'image/jpeg', '403 COMPLAINTS_ERR_ROLE'),
    // More than 6; not uploaded by this caller, unknown, a path, the same twice, already used.
    r(g.sevenPhotos, u.resident, 'POST /cases', (p: Ids) => photos((p.photos as string).split(',')), '400 COMPLAINTS_ERR_TOO_MANY_PHOTOS photos'),
    r(g.mineAndTheirs, u.resident, 'POST /cases', (p: Ids) => photos([p.mine as string, p.theirs as string]), '400 COMPLAINTS_ERR_PHOTO_UNKNOWN photos.1'),
    r(null, u.resident, 'POST /cases', photos([randomUUID()]), '400 COMPLAINTS_ERR_PHOTO_UNKNOWN photos.0'),
    r(null, u.resident, 'POST /cases', photos(['../../etc/passwd']), '400 COMPLAINTS_ERR_PHOTO_UNKNOWN photos.0'),
    r(g.mine, u.resident, 'POST /cases', (p: Ids) => photos([p.mine as string, p.mine as string]), '400 COMPLAINTS_ERR_PHOTO_UNKNOWN photos'),
    r(g.used, u.resident, 'POST /cases', (p: Ids) => ({ ...photos([p.mine as string]), text: '又一件事' }), '400 COMPLAINTS_ERR_PHOTO_UNKNOWN photos.0'),
    // Photo bytes only to their owner: not to staff while unattached, not to a neighbour, not for a forged id.
    r(g.mine, u.cadre, 'GET /photos/:mine', undefined, '404 COMPLAINTS_ERR_PHOTO_NOT_FOUND'),
    r(g.mine, u.neighbour, 'GET /photos/:mine', undefined, '404 COMPLAINTS_ERR_PHOTO_NOT_FOUND'),
    r(null, u.resident, 'GET /photos/abc', undefined, '404 COMPLAINTS_ERR_PHOTO_NOT_FOUND'),
  ]))('%s', run);

  it('sniffs photos sent as application/octet-stream (the SDK’s type for files without one)', async () => {
    const ok = await t.inject({
      as: u.resident,
      method: 'POST',
      url: '/photos',
      payload: JPEG,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().type).toBe('image/jpeg');
  });
});

describe('submissions', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Empty, whitespace-only and too long texts.
    r(null, u.resident, 'POST /cases', { category: 'roads', text: '' }, '400 COMPLAINTS_ERR_TEXT_REQUIRED text'),
    r(null, u.resident, 'POST /cases', { category: 'roads', text: ' \n ' }, '400 COMPLAINTS_ERR_TEXT_REQUIRED text'),
    r(null, u.resident, 'POST /cases', { category: 'roads', text: '长'.repeat(10_000) }, '400 COMPLAINTS_ERR_TEXT_TOO_LONG text'),
    r(null, u.resident, 'POST /cases', { category: 'roads', text: '长'.repeat(2001) }, '400 COMPLAINTS_ERR_TEXT_TOO_LONG text'),
    // An unknown category and malformed bodies.
    r(null, u.resident, 'POST /cases', { category: 'ufo', text: '外星人' }, '400 COMPLAINTS_ERR_CATEGORY category'),
    r(null, u.resident, 'POST /cases', { category: '__proto__', text: 'x' }, '400 COMPLAINTS_ERR_CATEGORY category'),
    r(null, u.resident, 'POST /cases', { text: 'x' }, '400 MODULE_ERR_INVALID_ARGUMENT category'),
    r(null, u.resident, 'POST /cases', { category: 'roads', text: 'x', location: { lat: 200, lng: 0 } }, '400 MODULE_ERR_INVALID_ARGUMENT location.lat'),
    r(null, u.resident, 'POST /cases', { category: 'roads', text: 'x', public: 'yes' }, '400 MODULE_ERR_INVALID_ARGUMENT public'),
    // Anonymous, staff and other villages' residents.
    r(null, null, 'POST /cases', CASE, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(null, { village: V, user: null }, 'POST /cases', CASE, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(null, u.cadre, 'POST /cases', CASE, '403 COMPLAINTS_ERR_ROLE'),
    r(null, { village: V, user: u.residentB }, 'POST /cases', CASE, '403 COMPLAINTS_ERR_OTHER_VILLAGE'),
  ]))('%s', run);

  it('limits submissions per resident and day', async () => {
    await t.replace(await withLimits({ submissionsPerDay: 2 }));
    await submit(t, u.resident);
    await submit(t, u.resident);
    await expectRefused(
      t,
      r(null, u.resident, 'POST /cases', { ...CASE, text: '第三件' }, '429 COMPLAINTS_ERR_RATE_LIMIT'),
    );
  });
});

describe('reading cases', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Forged ids are 404, not 500.
    ...['not-a-uuid', randomUUID(), "1' OR '1'='1", '%00'].map(encodeURIComponent).flatMap((id) => [
      r(null, u.cadre, `GET /cases/${id}`, undefined, '404 COMPLAINTS_ERR_NOT_FOUND'),
      r(null, u.cadre, `POST /cases/${id}/accept`, {}, '404 COMPLAINTS_ERR_NOT_FOUND'),
    ]),
    // A case is hidden from other residents, other villages' cadres, other townships and counties (404).
    ...[u.neighbour, u.residentB, u.cadreB, inV(u.townB, '330521003201'), inV(u.countyB, '370323108213'), u.merchant].map((as) =>
      r(g.submitted, as, 'GET /cases/:id', undefined, '404 COMPLAINTS_ERR_NOT_FOUND'),
    ),
    r(g.submitted, null, 'GET /cases/:id', undefined, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    // The queue: not for residents, merchants, anonymous callers or another village's cadre.
    r(null, u.resident, 'GET /cases', undefined, '403 COMPLAINTS_ERR_ROLE'),
    r(null, u.merchant, 'GET /cases', undefined, '403 COMPLAINTS_ERR_ROLE'),
    r(null, null, 'GET /cases', undefined, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(null, u.cadre, 'GET /cases?status=lost', undefined, '400 MODULE_ERR_INVALID_ARGUMENT status'),
    r(null, { village: V, user: u.cadreB }, 'GET /cases', undefined, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(null, u.cadre, 'GET /cases/mine', undefined, '403 COMPLAINTS_ERR_ROLE'),
  ]))('%s', run);
});
