// @vitest-environment node
/** Every bad input and every forbidden actor: the exact code, and proof that nothing changed. */
import { randomUUID } from 'node:crypto';
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, inV, JPEG, must, refused, setup, submit, T, upload, type users, V } from './test-helpers.js';

let t: ModuleTestApp;
let u: ReturnType<typeof users>;
beforeEach(async () => {
  ({ t, u } = await setup());
});
afterEach(async () => {
  await t.close();
});

const post = (as: Parameters<ModuleTestApp['inject']>[0]['as'], payload: unknown) =>
  t.inject({ as, method: 'POST', url: '/cases', payload: payload as object });

describe('photos', () => {
  it('refuses an oversized photo (413)', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]);
    await refused(t, () => upload(t, u.resident, big), 413, 'COMPLAINTS_ERR_PHOTO_TOO_LARGE', 'photo');
  });

  it('refuses a photo above a configured limit', async () => {
    await t.close();
    ({ t, u } = await setup({ photoMaxBytes: 100 }));
    await refused(t, () => upload(t, u.resident, JPEG), 413, 'COMPLAINTS_ERR_PHOTO_TOO_LARGE', 'photo');
  });

  it('refuses what is not a JPEG, PNG or WebP whatever the content type says (415)', async () => {
    await refused(
      t,
      () =>
        upload(t, u.resident, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/jpeg'),
      415,
      'COMPLAINTS_ERR_PHOTO_TYPE',
      'photo',
    );
    await refused(
      t,
      () => upload(t, u.resident, Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif'),
      415,
      'COMPLAINTS_ERR_PHOTO_TYPE',
      'photo',
    );
    await refused(
      t,
      () => upload(t, u.resident, Buffer.from('hello'), 'text/plain'),
      415,
      'COMPLAINTS_ERR_PHOTO_TYPE',
      'photo',
    );
    await refused(t, () => upload(t, u.resident, Buffer.alloc(0)), 415, 'COMPLAINTS_ERR_PHOTO_TYPE', 'photo');
  });

  it('sniffs photos sent as application/octet-stream (the SDK’s type for files without one) and refuses non-images', async () => {
    const ok = await t.inject({
      as: u.resident,
      method: 'POST',
      url: '/photos',
      payload: JPEG,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().type).toBe('image/jpeg');
    await refused(
      t,
      () =>
        t.inject({
          as: u.resident,
          method: 'POST',
          url: '/photos',
          payload: Buffer.from('%PDF-1.7'),
          headers: { 'content-type': 'application/pdf' },
        }),
      415,
      'COMPLAINTS_ERR_PHOTO_TYPE',
      'photo',
    );
  });

  it('refuses uploads by anyone but a signed-in resident', async () => {
    await refused(t, () => upload(t, null as never), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(
      t,
      () =>
        t.inject({
          as: { village: V, user: null },
          method: 'POST',
          url: '/photos',
          payload: JPEG,
          headers: { 'content-type': 'image/jpeg' },
        }),
      401,
      'MODULE_ERR_SIGN_IN_REQUIRED',
    );
    await refused(t, () => upload(t, u.cadre), 403, 'COMPLAINTS_ERR_ROLE');
  });

  it('refuses more than 6 photos', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await upload(t, u.resident)).json().id);
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '路灯坏了', photos: ids }),
      400,
      'COMPLAINTS_ERR_TOO_MANY_PHOTOS',
      'photos',
    );
  });

  it('refuses photos not uploaded by this caller, unknown or already used, and the same photo twice', async () => {
    const theirs = (await upload(t, u.neighbour)).json().id;
    const mine = (await upload(t, u.resident)).json().id;
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '路灯坏了', photos: [mine, theirs] }),
      400,
      'COMPLAINTS_ERR_PHOTO_UNKNOWN',
      'photos.1',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '路灯坏了', photos: [randomUUID()] }),
      400,
      'COMPLAINTS_ERR_PHOTO_UNKNOWN',
      'photos.0',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '路灯坏了', photos: ['../../etc/passwd'] }),
      400,
      'COMPLAINTS_ERR_PHOTO_UNKNOWN',
      'photos.0',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '路灯坏了', photos: [mine, mine] }),
      400,
      'COMPLAINTS_ERR_PHOTO_UNKNOWN',
      'photos',
    );
    await submit(t, u.resident, { photos: [mine] });
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '又一件事', photos: [mine] }),
      400,
      'COMPLAINTS_ERR_PHOTO_UNKNOWN',
      'photos.0',
    );
  });

  it('keeps photo bytes to the owner: forged and other people’s photo ids are 404', async () => {
    const mine = (await upload(t, u.resident)).json().id;
    // Unattached photos are not shown to staff either.
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: `/photos/${mine}` }),
      404,
      'COMPLAINTS_ERR_PHOTO_NOT_FOUND',
    );
    await refused(
      t,
      () => t.inject({ as: u.neighbour, url: `/photos/${mine}` }),
      404,
      'COMPLAINTS_ERR_PHOTO_NOT_FOUND',
    );
    await refused(
      t,
      () => t.inject({ as: u.resident, url: '/photos/abc' }),
      404,
      'COMPLAINTS_ERR_PHOTO_NOT_FOUND',
    );
  });
});

describe('submissions', () => {
  it('refuses empty, whitespace-only and 10,000-character texts', async () => {
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '' }),
      400,
      'COMPLAINTS_ERR_TEXT_REQUIRED',
      'text',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: ' \n ' }),
      400,
      'COMPLAINTS_ERR_TEXT_REQUIRED',
      'text',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '长'.repeat(10_000) }),
      400,
      'COMPLAINTS_ERR_TEXT_TOO_LONG',
      'text',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '长'.repeat(2001) }),
      400,
      'COMPLAINTS_ERR_TEXT_TOO_LONG',
      'text',
    );
  });

  it('refuses an unknown category and malformed bodies', async () => {
    await refused(
      t,
      () => post(u.resident, { category: 'ufo', text: '外星人' }),
      400,
      'COMPLAINTS_ERR_CATEGORY',
      'category',
    );
    await refused(
      t,
      () => post(u.resident, { category: '__proto__', text: 'x' }),
      400,
      'COMPLAINTS_ERR_CATEGORY',
      'category',
    );
    await refused(t, () => post(u.resident, { text: 'x' }), 400, 'MODULE_ERR_INVALID_ARGUMENT', 'category');
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: 'x', location: { lat: 200, lng: 0 } }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'location.lat',
    );
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: 'x', public: 'yes' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'public',
    );
  });

  it('refuses anonymous, staff and other villages’ residents', async () => {
    const body = { category: 'roads', text: '路灯坏了' };
    await refused(t, () => post(null, body), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(t, () => post({ village: V, user: null }, body), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(t, () => post(u.cadre, body), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(
      t,
      () => post({ village: V, user: u.residentB }, body),
      403,
      'COMPLAINTS_ERR_OTHER_VILLAGE',
    );
  });

  it('limits submissions per resident and day', async () => {
    await t.close();
    ({ t, u } = await setup({ submissionsPerDay: 2 }));
    await submit(t, u.resident);
    await submit(t, u.resident);
    await refused(
      t,
      () => post(u.resident, { category: 'roads', text: '第三件' }),
      429,
      'COMPLAINTS_ERR_RATE_LIMIT',
    );
  });
});

describe('reading cases', () => {
  it('answers 404, not 500, for forged ids', async () => {
    for (const id of ['not-a-uuid', randomUUID(), "1' OR '1'='1", '%00']) {
      await refused(
        t,
        () => t.inject({ as: u.cadre, url: `/cases/${encodeURIComponent(id)}` }),
        404,
        'COMPLAINTS_ERR_NOT_FOUND',
      );
      await refused(
        t,
        () => act(t, u.cadre, encodeURIComponent(id), 'accept'),
        404,
        'COMPLAINTS_ERR_NOT_FOUND',
      );
    }
  });

  it('hides a case from other residents, other villages’ cadres and other townships (404)', async () => {
    const { id } = await submit(t, u.resident);
    for (const as of [
      u.neighbour,
      u.residentB,
      u.cadreB,
      inV(u.townB, '330521003201'),
      inV(u.countyB, '370323108213'),
      u.merchant,
    ]) {
      await refused(t, () => t.inject({ as, url: `/cases/${id}` }), 404, 'COMPLAINTS_ERR_NOT_FOUND');
    }
    await refused(t, () => t.inject({ url: `/cases/${id}` }), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
  });

  it('refuses the queue to residents, merchants and anonymous callers', async () => {
    await refused(t, () => t.inject({ as: u.resident, url: '/cases' }), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => t.inject({ as: u.merchant, url: '/cases' }), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => t.inject({ url: '/cases' }), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: '/cases?status=lost' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'status',
    );
    await refused(
      t,
      () => t.inject({ as: { village: V, user: u.cadreB }, url: '/cases' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(t, () => t.inject({ as: u.cadre, url: '/cases/mine' }), 403, 'COMPLAINTS_ERR_ROLE');
  });
});

describe('transitions', () => {
  it('refuses reply before accept, close before reply, close twice and dispatch after close (409)', async () => {
    const { id } = await submit(t, u.resident);
    await refused(t, () => act(t, u.cadre, id, 'reply', { answer: '好' }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await refused(t, () => act(t, u.cadre, id, 'dispatch', { target: T }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await must(t, u.cadre, id, 'accept');
    await refused(t, () => act(t, u.cadre, id, 'accept'), 409, 'COMPLAINTS_ERR_TRANSITION');
    await refused(
      t,
      () => act(t, u.cadre, id, 'close', { resolved: true }),
      409,
      'COMPLAINTS_ERR_TRANSITION',
    );
    await refused(t, () => act(t, u.cadre, id, 'return', { reason: 'x' }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await refused(t, () => act(t, u.cadre, id, 'follow-up', { note: 'x' }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await must(t, u.cadre, id, 'reply', { answer: '已修好' });
    await refused(
      t,
      () => act(t, u.cadre, id, 'reply', { answer: '再答一次' }),
      409,
      'COMPLAINTS_ERR_TRANSITION',
    );
    await must(t, u.cadre, id, 'close', { resolved: true });
    await refused(
      t,
      () => act(t, u.cadre, id, 'close', { resolved: true }),
      409,
      'COMPLAINTS_ERR_TRANSITION',
    );
    await refused(t, () => act(t, u.cadre, id, 'dispatch', { target: T }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await refused(t, () => act(t, u.cadre, id, 'transfer', { target: T }), 409, 'COMPLAINTS_ERR_TRANSITION');
    await must(t, u.cadre, id, 'follow-up', { note: '满意' });
    await refused(
      t,
      () => act(t, u.cadre, id, 'follow-up', { note: '再访' }),
      409,
      'COMPLAINTS_ERR_TRANSITION',
    );
  });

  it('refuses roles that must not act', async () => {
    const { id } = await submit(t, u.resident);
    await refused(t, () => act(t, u.resident, id, 'accept'), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, u.supervisor, id, 'accept'), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, u.merchant, id, 'accept'), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, u.province, id, 'accept'), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, null as never, id, 'accept'), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(
      t,
      () => act(t, inV(u.townB, '330521003201'), id, 'accept'),
      404,
      'COMPLAINTS_ERR_NOT_FOUND',
    );
    await refused(t, () => act(t, u.cadreB, id, 'accept'), 404, 'COMPLAINTS_ERR_NOT_FOUND');
    await must(t, u.cadre, id, 'accept');
    await refused(t, () => act(t, u.supervisor, id, 'reply', { answer: '好' }), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, u.merchant, id, 'reply', { answer: '好' }), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => act(t, u.resident, id, 'reply', { answer: '好' }), 403, 'COMPLAINTS_ERR_ROLE');
    // The township covers the village but is not the owner.
    await refused(
      t,
      () => act(t, inV(u.town), id, 'reply', { answer: '好' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(
      t,
      () => act(t, inV(u.town), id, 'dispatch', { target: T }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
  });

  it('keeps a village cadre off a case dispatched to the township', async () => {
    const { id } = await submit(t, u.resident);
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'dispatch', { target: T });
    await refused(
      t,
      () => act(t, u.cadre, id, 'reply', { answer: '村里答复' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'return', { reason: '不归我们' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(
      t,
      () => act(t, inV(u.county), id, 'reply', { answer: '县里答复' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await must(t, inV(u.town), id, 'reply', { answer: '镇里答复' });
    await refused(
      t,
      () => act(t, inV(u.town), id, 'close', { resolved: true }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
  });

  it('checks the target, the reason, the answer and the follow-up note', async () => {
    const { id } = await submit(t, u.resident);
    await must(t, u.cadre, id, 'accept');
    await refused(
      t,
      () => act(t, u.cadre, id, 'dispatch', { target: '330521003' }),
      400,
      'COMPLAINTS_ERR_TARGET',
      'target',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'dispatch', { target: '370323' }),
      400,
      'COMPLAINTS_ERR_TARGET',
      'target',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'dispatch', { target: 'town' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'target',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'dispatch', { target: V }),
      400,
      'COMPLAINTS_ERR_SAME_UNIT',
      'target',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'dispatch', { target: T, department: '部'.repeat(31) }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'department',
    );
    await refused(
      t,
      () => act(t, u.cadre, id, 'reply', { answer: '  ' }),
      400,
      'COMPLAINTS_ERR_ANSWER_REQUIRED',
      'answer',
    );
    await refused(t, () => act(t, u.cadre, id, 'reply', {}), 400, 'MODULE_ERR_INVALID_ARGUMENT', 'answer');
    await must(t, u.cadre, id, 'dispatch', { target: T });
    await refused(
      t,
      () => act(t, inV(u.town), id, 'transfer', { target: T }),
      400,
      'COMPLAINTS_ERR_SAME_UNIT',
      'target',
    );
    await refused(
      t,
      () => act(t, inV(u.town), id, 'return', {}),
      400,
      'COMPLAINTS_ERR_REASON_REQUIRED',
      'reason',
    );
    await refused(
      t,
      () => act(t, inV(u.town), id, 'return', { reason: ' ' }),
      400,
      'COMPLAINTS_ERR_REASON_REQUIRED',
      'reason',
    );
    await must(t, inV(u.town), id, 'reply', { answer: '已处理' });
    await refused(t, () => act(t, u.cadre, id, 'close', {}), 400, 'MODULE_ERR_INVALID_ARGUMENT', 'resolved');
    await must(t, u.cadre, id, 'close', { resolved: true });
    await refused(t, () => act(t, u.cadre, id, 'follow-up', {}), 400, 'COMPLAINTS_ERR_NOTE_REQUIRED', 'note');
  });
});

describe('ratings', () => {
  async function closed() {
    const { id } = await submit(t, u.resident);
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'reply', { answer: '已处理' });
    return id;
  }

  it('refuses a rating before close', async () => {
    const id = await closed();
    await refused(
      t,
      () => act(t, u.resident, id, 'rate', { rating: 'satisfied' }),
      409,
      'COMPLAINTS_ERR_NOT_CLOSED',
    );
  });

  it('refuses a second rating', async () => {
    const id = await closed();
    await must(t, u.cadre, id, 'close', { resolved: true });
    await must(t, u.resident, id, 'rate', { rating: 'satisfied' });
    await refused(
      t,
      () => act(t, u.resident, id, 'rate', { rating: 'dissatisfied' }),
      409,
      'COMPLAINTS_ERR_ALREADY_RATED',
    );
  });

  it('refuses rating someone else’s case, staff ratings and bad values', async () => {
    const id = await closed();
    await must(t, u.cadre, id, 'close', { resolved: true });
    await refused(
      t,
      () => act(t, u.neighbour, id, 'rate', { rating: 'satisfied' }),
      404,
      'COMPLAINTS_ERR_NOT_FOUND',
    );
    await refused(
      t,
      () => act(t, u.residentB, id, 'rate', { rating: 'satisfied' }),
      404,
      'COMPLAINTS_ERR_NOT_FOUND',
    );
    await refused(t, () => act(t, u.cadre, id, 'rate', { rating: 'satisfied' }), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(
      t,
      () => act(t, u.resident, id, 'rate', { rating: 'great' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'rating',
    );
  });
});

describe('metrics, board and settings', () => {
  it('refuses metrics outside the caller’s division, bad periods and residents', async () => {
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: `/metrics?division=${T}` }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(
      t,
      () => t.inject({ as: inV(u.town), url: '/metrics?division=330521003' }),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: '/metrics?period=2026-13' }),
      400,
      'COMPLAINTS_ERR_PERIOD',
      'period',
    );
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: '/metrics?from=2026-11-30&to=2026-11-01' }),
      400,
      'COMPLAINTS_ERR_PERIOD',
      'to',
    );
    await refused(
      t,
      () => t.inject({ as: u.cadre, url: '/metrics?division=abc' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'division',
    );
    await refused(
      t,
      () => t.inject({ as: inV(u.county), url: '/metrics?division=330521999' }),
      404,
      'COMPLAINTS_ERR_DIVISION',
      'division',
    );
    await refused(t, () => t.inject({ as: u.resident, url: '/metrics' }), 403, 'COMPLAINTS_ERR_ROLE');
  });

  it('refuses a board without a village or for an unknown one', async () => {
    await refused(t, () => t.inject({ url: '/board' }), 400, 'COMPLAINTS_ERR_VILLAGE', 'village');
    await refused(
      t,
      () => t.inject({ url: '/board?village=3305' }),
      400,
      'COMPLAINTS_ERR_VILLAGE',
      'village',
    );
    await refused(
      t,
      () => t.inject({ url: '/board?village=330521107999' }),
      404,
      'COMPLAINTS_ERR_VILLAGE',
      'village',
    );
  });

  it('refuses settings changes by other roles, outside the division and with bad values', async () => {
    const good = {
      acceptHours: 2,
      replyHours: { emergency: 2, utilities: 24, general: 168, complex: 360 },
      weights: { response: 30, resolution: 35, satisfaction: 35 },
    };
    const put = (as: Parameters<ModuleTestApp['inject']>[0]['as'], division: string, body: unknown) =>
      t.inject({ as, method: 'PUT', url: `/settings?division=${division}`, payload: body as object });
    await refused(t, () => put(u.cadre, '330521', good), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => put(inV(u.town), '330521', good), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(t, () => put(u.resident, '330521', good), 403, 'COMPLAINTS_ERR_ROLE');
    await refused(
      t,
      () => put(inV(u.countyB, '370323108213'), '330521', good),
      403,
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    await refused(t, () => put(inV(u.county), '330000', good), 403, 'COMPLAINTS_ERR_NOT_YOUR_UNIT');
    await refused(t, () => put(inV(u.county), '330521107', good), 400, 'COMPLAINTS_ERR_DIVISION', 'division');
    await refused(
      t,
      () =>
        put(inV(u.county), '330521', {
          ...good,
          weights: { response: 50, resolution: 35, satisfaction: 35 },
        }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'weights',
    );
    await refused(
      t,
      () => put(inV(u.county), '330521', { ...good, acceptHours: 0 }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'acceptHours',
    );
    await refused(
      t,
      () => put(inV(u.county), '330521', { ...good, replyHours: { emergency: 2 } }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'replyHours.utilities',
    );
    await refused(t, () => t.inject({ as: u.resident, url: '/settings' }), 403, 'COMPLAINTS_ERR_ROLE');
    expect((await put(inV(u.county), '330521', good)).statusCode).toBe(200);
  });
});
