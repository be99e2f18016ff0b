// @vitest-environment node
/**
 * Refused calls on the residents' side and the settings: questions by the wrong people or about the
 * wrong item, answers, the catalogue and the answer limit; and no route changes a published revision.
 * Each row: the exact code (and field), and nothing changed.
 */
import { type Refusal, refusal as r, refusalTable } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './index.js';
import {
  catalogueItem,
  expectRefused,
  freshApp,
  given as g,
  type Ids,
  publish,
  rosterDraft,
  users as u,
  XT,
} from './test-helpers.js';

const t = freshApp();
const run = (_name: string, row: Refusal<Ids>) => expectRefused(t, row);

const ask = { text: '这笔钱用在哪里了？' };
const answer = { text: '答复' };
const item = catalogueItem('县级专项', '县政府文件');

/** The province has replaced a default item once already. */
async function replaced(): Promise<Ids> {
  const res = await t.inject({
    as: u.province,
    method: 'POST',
    url: '/catalogue',
    payload: { ...item, replaces: 'dibao-roster' },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return {};
}

describe('questions and answers', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    r(g.draft, u.resident, 'POST /published/:id/questions', ask, '409 AFFAIRS_ERR_NOT_PUBLISHED id'),
    r(g.published, { village: XT, user: null }, 'POST /published/:id/questions', ask, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(g.published, null, 'POST /published/:id/questions', ask, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(g.published, u.cadre, 'POST /published/:id/questions', ask, '403 MODULE_ERR_FORBIDDEN'),
    r(g.published, u.residentWs, 'POST /published/:id/questions', ask, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
    r(g.published, u.resident, 'POST /published/:id/questions', { text: '为啥' }, '400 MODULE_ERR_INVALID_ARGUMENT text'),
    r(g.published, u.resident, 'POST /published/:id/questions', { text: '问'.repeat(501) }, '400 MODULE_ERR_INVALID_ARGUMENT text'),
    // Answering: only a cadre of the village, with text, once.
    r(g.question, u.resident, 'POST /questions/:qid/answer', answer, '403 MODULE_ERR_FORBIDDEN'),
    r(g.question, u.supervisor, 'POST /questions/:qid/answer', answer, '403 MODULE_ERR_FORBIDDEN'),
    r(g.question, u.cadreWs, 'POST /questions/:qid/answer', answer, '403 MODULE_ERR_FORBIDDEN'),
    r(g.question, u.cadre, 'POST /questions/:qid/answer', { text: '' }, '400 MODULE_ERR_INVALID_ARGUMENT text'),
    r(g.answered, u.cadre2, 'POST /questions/:qid/answer', { text: '再次答复' }, '409 AFFAIRS_ERR_ALREADY_ANSWERED'),
  ]))('%s', run);

  it('more than 20 questions a day from one resident, and the next day again', async () => {
    const { id } = await g.published(t);
    const url = `/published/${id}/questions`;
    for (let i = 0; i < 20; i++) {
      const res = await t.inject({
        as: u.resident,
        method: 'POST',
        url,
        payload: { text: `第 ${i + 1} 个问题：请说明` },
      });
      expect(res.statusCode).toBe(201);
    }
    await expectRefused(
      t,
      r(null, u.resident, `POST ${url}`, { text: '第二十一个问题' }, '429 AFFAIRS_ERR_TOO_MANY_QUESTIONS'),
    );
    t.clock.advance(86_400_000);
    const next = await t.inject({ as: u.resident, method: 'POST', url, payload: { text: '第二天的问题' } });
    expect(next.statusCode).toBe(201);
  });
});

describe('catalogue and settings', () => {
  const settings = (scope: string, answerDays = 7) => ({ scope, answerDays });

  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Who may add or replace catalogue items.
    r(null, u.resident, 'POST /catalogue', item, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.supervisor, 'POST /catalogue', item, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.township, 'POST /catalogue', item, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.county, 'POST /catalogue', { ...item, replaces: 'dibao-roster' }, '403 AFFAIRS_ERR_SCOPE replaces'),
    r(null, u.province, 'POST /catalogue', { ...item, replaces: 'no-such' }, '400 AFFAIRS_ERR_CATALOGUE_ITEM replaces'),
    r(null, u.county, 'POST /catalogue', { ...item, cadence: 'immediate' }, '400 MODULE_ERR_INVALID_ARGUMENT deadline'),
    r(replaced, u.province, 'POST /catalogue', { ...item, replaces: 'dibao-roster' }, '409 AFFAIRS_ERR_CATALOGUE_KEY replaces'),
    // Who may set the answer limit, and for which scope.
    r(null, u.cadre, 'PUT /settings', settings('330521'), '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.county, 'PUT /settings', settings('330000'), '403 AFFAIRS_ERR_SCOPE scope'),
    r(null, u.county, 'PUT /settings', settings('330521', 0), '400 MODULE_ERR_INVALID_ARGUMENT answerDays'),
    r(null, u.countyOther, 'PUT /settings', settings('330521'), '403 AFFAIRS_ERR_SCOPE scope'),
    r(null, u.province, 'PUT /settings', settings('370323'), '403 AFFAIRS_ERR_SCOPE scope'),
    r(null, u.province, 'PUT /settings', settings('370000'), '403 AFFAIRS_ERR_SCOPE scope'),
  ]))('%s', run);

  it('lets the province replace a default item and set a county of its own', async () => {
    await replaced();
    const put = await t.inject({
      as: u.province,
      method: 'PUT',
      url: '/settings',
      payload: settings('330521'),
    });
    expect(put.statusCode).toBe(200);
  });
});

describe('no route edits or deletes a published revision', () => {
  it('every route with an :id, called on a published revision, leaves it as it was', async () => {
    const id = await publish(t, rosterDraft, true);
    const published = async () =>
      JSON.stringify({
        item: await t.context.db
          .selectFrom('affairs_disclosure_item')
          .selectAll()
          .where('id', '=', id)
          .execute(),
        attachments: await t.context.db
          .selectFrom('affairs_disclosure_attachment')
          .selectAll()
          .where('item_id', '=', id)
          .execute(),
      });
    const before = await published();
    const aid = JSON.parse(before).attachments[0].id as string;
    const mutating = ROUTES.filter((route) => route.method !== 'GET' && route.url.includes(':id'));
    expect(mutating.length).toBeGreaterThanOrEqual(12);
    for (const route of mutating) {
      const url = route.url.replace(':id', id).replace(':aid', aid);
      for (const as of [u.cadre, u.cadre2, u.supervisor, u.township, u.county, u.resident]) {
        const res = await t.inject({
          as,
          method: route.method,
          url,
          payload: {
            title: '篡改',
            body: '篡改',
            reason: '篡改理由',
            meetingDate: '2026-11-02',
            text: '篡改的内容很长',
          },
        });
        expect(res.statusCode, `${route.method} ${route.url} as ${as.role}`).toBeLessThan(500);
        expect(await published(), `${route.method} ${route.url} as ${as.role}`).toBe(before);
      }
    }
  });
});
