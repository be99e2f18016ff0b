/**
 * Per-collection visibility on reads (../visibility.ts): waste-pickup leaves `bookings` undeclared
 * (`owner`), declares `notices` `village` and `board` `public` (test/host-api.ts).
 */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, PNG, WASTE } from '../../../test/host-api.js';

const w = hostApiWorld();

const ids = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((d) => d.id)
    .sort();

describe('collection visibility', () => {
  it('owner: the author and the village staff read a document; another resident and nobody else', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const li = await w.tokenFor(WASTE, await w.login('lisi'));
    const cadre = await w.tokenFor(WASTE, await w.login('cadre'));
    const anonymous = await w.tokenFor(WASTE);
    const mine = (
      await w.call(zhang, 'POST', '/store/bookings', { data: { address: '仙潭村 3 组 12 号' } })
    ).json();
    const his = (
      await w.call(li, 'POST', '/store/bookings', { data: { address: '仙潭村 5 组 2 号' } })
    ).json();

    expect(ids(await w.call(zhang, 'GET', '/store/bookings?limit=100'))).toContain(mine.id);
    expect(ids(await w.call(zhang, 'GET', '/store/bookings?limit=100'))).not.toContain(his.id);
    const other = await w.call(li, 'GET', `/store/bookings/${mine.id}`);
    expectError(other, 404, 'SHELL_ERR_NOT_FOUND');
    expect(other.body).not.toContain('3 组');
    expect((await w.call(zhang, 'GET', `/store/bookings/${mine.id}`)).statusCode).toBe(200);
    expect(ids(await w.call(cadre, 'GET', '/store/bookings?limit=100'))).toEqual(
      expect.arrayContaining([mine.id, his.id].sort()),
    );
    expect((await w.call(cadre, 'GET', `/store/bookings/${mine.id}`)).statusCode).toBe(200);
    expectError(await w.call(anonymous, 'GET', '/store/bookings'), 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
    expectError(
      await w.call(anonymous, 'GET', `/store/bookings/${mine.id}`),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
  });

  it('village: every signed-in resident of the village reads, nobody anonymous or from elsewhere', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const li = await w.tokenFor(WASTE, await w.login('lisi'));
    const outsider = await w.tokenFor(WASTE, await w.login('wusi-resident'));
    const notice = (await w.call(zhang, 'POST', '/store/notices', { data: { text: '周三收大件' } })).json();
    expect(ids(await w.call(li, 'GET', '/store/notices'))).toContain(notice.id);
    expect((await w.call(li, 'GET', `/store/notices/${notice.id}`)).statusCode).toBe(200);
    for (const token of [await w.tokenFor(WASTE), outsider]) {
      expectError(await w.call(token, 'GET', '/store/notices'), 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
      expectError(
        await w.call(token, 'GET', `/store/notices/${notice.id}`),
        401,
        'SHELL_ERR_SIGN_IN_REQUIRED',
      );
    }
  });

  it('public: anybody reads, anonymously too', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const post = (await w.call(zhang, 'POST', '/store/board', { data: { text: '旧沙发送人' } })).json();
    const anonymous = await w.tokenFor(WASTE);
    expect(ids(await w.call(anonymous, 'GET', '/store/board'))).toContain(post.id);
    expect((await w.call(anonymous, 'GET', `/store/board/${post.id}`)).json().data).toEqual({
      text: '旧沙发送人',
    });
  });

  it('a photo takes the visibility of the collection it was uploaded for, and needs a credential', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const li = await w.tokenFor(WASTE, await w.login('lisi'));
    const cadre = await w.tokenFor(WASTE, await w.login('cadre'));
    const anonymous = await w.tokenFor(WASTE);
    const upload = async (collection?: string) => {
      const res = await w.shell.app.inject({
        method: 'POST',
        url: '/api/host/v1/media',
        headers: {
          authorization: `Bearer ${zhang}`,
          'content-type': 'image/png',
          'x-filename': 'a.png',
          ...(collection ? { 'x-collection': collection } : {}),
        },
        payload: PNG,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().url as string;
    };
    const get = (url: string, token?: string) =>
      w.shell.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

    const owned = await upload();
    expect((await get(owned, zhang)).statusCode).toBe(200);
    expect((await get(owned, cadre)).statusCode).toBe(200);
    expectError(await get(owned, li), 404, 'SHELL_ERR_NOT_FOUND');
    expectError(await get(owned, anonymous), 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
    expectError(await get(owned), 401, 'SHELL_ERR_TOKEN_INVALID');

    const forVillage = await upload('notices');
    expect((await get(forVillage, li)).statusCode).toBe(200);
    expectError(await get(forVillage, anonymous), 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
    const forAll = await upload('board');
    expect((await get(forAll, anonymous)).statusCode).toBe(200);
  });
});
