import { maskName, maskPhone } from '@cunmen/pii';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, startShell, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';

let shell: TestShell;
beforeAll(async () => {
  shell = await startShell();
});
afterAll(async () => shell?.close());

const json = { ...admin, 'content-type': 'application/json' };

describe('masking (the one policy of @cunmen/pii)', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张**'],
    ['欧阳小明', '欧阳**'],
    ['王', '*'],
  ])('masks the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0572-8012345')).toBe('*******2345');
  });
});

describe('households and residents', () => {
  it('creates a household, lists it with the head masked, and refuses a duplicate number', async () => {
    const created = await shell.app.inject({
      method: 'POST',
      url: `/api/villages/${XIANTAN}/households`,
      headers: json,
      payload: { number: '0012', head: '沈国强', address: '仙潭村 3 组' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ village: XIANTAN, number: '0012', head: '沈国强' });
    const list = await shell.app.inject({ url: `/api/villages/${XIANTAN}/households`, headers: admin });
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ number: '0012', head: '沈**' }] });
    const again = await shell.app.inject({
      method: 'POST',
      url: `/api/villages/${XIANTAN}/households`,
      headers: json,
      payload: { number: '0012', head: '别人' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ field: 'number', message: '户号 0012 已存在' });
    expect(
      (await shell.app.inject({ url: `/api/villages/${WUSI}/households`, headers: admin })).json().total,
    ).toBe(0);
  });

  it('adds residents with masked phones and an optional resident account scoped to the village', async () => {
    const h = (
      await shell.app.inject({
        method: 'POST',
        url: `/api/villages/${XIANTAN}/households`,
        headers: json,
        payload: { number: '0013', head: '沈阿婆' },
      })
    ).json();
    const added = await shell.app.inject({
      method: 'POST',
      url: `/api/villages/${XIANTAN}/households/${h.id}/residents`,
      headers: json,
      payload: {
        name: '沈阿婆',
        relation: '户主',
        phone: '13812345678',
        account: { name: 'shen-apo', password: 'a long passphrase' },
      },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ phone: '138****5678', hasAccount: true });
    const detail = (
      await shell.app.inject({ url: `/api/villages/${XIANTAN}/households/${h.id}`, headers: admin })
    ).json();
    expect(detail.residents).toEqual([
      { id: expect.any(Number), name: '沈阿婆', relation: '户主', phone: '138****5678', hasAccount: true },
    ]);
    expect(JSON.stringify(detail)).not.toContain('13812345678');
    const login = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'shen-apo', password: 'a long passphrase' },
    });
    expect(login.json()).toMatchObject({
      user: { role: 'resident', division: XIANTAN, household: '0013' },
      mfa: 'passed',
    });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const h = (
      await shell.app.inject({
        method: 'POST',
        url: `/api/villages/${XIANTAN}/households`,
        headers: json,
        payload: { number: '0014', head: '李' },
      })
    ).json();
    for (const [payload, field] of [
      [{ name: '李', relation: '邻居' }, 'relation'],
      [{ name: '李', relation: '子女', phone: '12345' }, 'phone'],
      [{ name: '李', relation: '子女', account: { name: 'li', password: 'short' } }, 'account.password'],
    ] as const) {
      const r = await shell.app.inject({
        method: 'POST',
        url: `/api/villages/${XIANTAN}/households/${h.id}/residents`,
        headers: json,
        payload,
      });
      expect(r.statusCode, field).toBe(400);
      expect(r.json().field).toBe(field);
    }
    const detail = (
      await shell.app.inject({ url: `/api/villages/${XIANTAN}/households/${h.id}`, headers: admin })
    ).json();
    expect(detail.residents).toEqual([]);
    const unknown = await shell.app.inject({ url: '/api/villages/330521999999/households', headers: admin });
    expect(unknown.json().code).toBe('SHELL_ERR_UNKNOWN_VILLAGE');
    const anonymous = await shell.app.inject({ url: `/api/villages/${XIANTAN}/households` });
    expect(anonymous.statusCode).toBe(401);
  });
});
