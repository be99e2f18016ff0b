import { HostError } from '@cunmen/sdk';
import { renderWithHost } from '@cunmen/sdk/testing';
import { ThemeProvider } from '@cunmen/ui';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { book, goods, leaderboard, me, recorder, summary } from '../test-data.js';
import { PointsPage } from './Page.js';

const capabilities = ['module.api', 'user.read'] as const;

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1])], 'a.jpg', { type: 'image/jpeg' });

describe('the resident’s points', () => {
  it('shows what the household may spend, its score and its ledger', async () => {
    renderWithHost(<PointsPage path="/" />, { capabilities, module: async () => me() });
    expect((await screen.findByTestId('redeemable')).textContent).toBe('可兑换积分 15');
    expect(screen.getByText('总积分 75 分（含不可兑换的基础分）')).toBeDefined();
    expect(screen.getByText('参加义务劳动')).toBeDefined();
    expect(screen.getByText('+15')).toBeDefined();
    expect(screen.getByText('未通过')).toBeDefined();
  });

  it('claims an item of the rule book with a photo: the photo first, then the claim naming it', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/rulebook') return { inForce: book(), versions: [book()] };
      if (path === '/photos') return { id: 'p-9', mime: 'image/jpeg', size: 5 };
      if (method === 'POST' && path === '/claims') return {};
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<PointsPage path="/claim" />, { capabilities, module: r.module });
    fireEvent.change(await screen.findByLabelText(/做了哪件事/), { target: { value: 'R01' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('请拍一张照片')).toBeDefined();
    fireEvent.change(screen.getByTestId('camera'), { target: { files: [photo()] } });
    fireEvent.change(screen.getByLabelText(/说明/), { target: { value: '分好了四类' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('已提交，村委会审核后记入积分')).toBeDefined();
    const writes = r.calls.filter((c) => c.method === 'POST');
    expect(writes.map((c) => `${c.kind} ${c.path}`)).toEqual(['upload /photos', 'request /claims']);
    expect(writes[1]?.body).toEqual({ item: 'R01', photo: 'p-9', evidence: '分好了四类' });
  });

  it('refuses a photo of another type before anything is sent', async () => {
    const r = recorder(() => ({ inForce: book(), versions: [] }));
    renderWithHost(<PointsPage path="/claim" />, { capabilities, module: r.module });
    const gif = new File([new Uint8Array([0x47, 0x49, 0x46])], 'a.gif', { type: 'image/gif' });
    fireEvent.change(await screen.findByTestId('camera'), { target: { files: [gif] } });
    expect(await screen.findByText('请选 JPG、PNG 或 WebP 格式的照片')).toBeDefined();
    expect(r.calls).toHaveLength(1);
  });

  it('lists the shop’s goods with prices and what is left', async () => {
    renderWithHost(<PointsPage path="/shop" />, { capabilities, module: async () => goods() });
    expect(await screen.findByText('洗衣液')).toBeDefined();
    expect(screen.getByText('30 分')).toBeDefined();
    expect(screen.getByText('已兑完')).toBeDefined();
  });

  it('shows a visitor the leaderboard with masked names and asks them to sign in', async () => {
    const r = recorder(({ path }) => (path.startsWith('/leaderboard') ? leaderboard() : summary()));
    renderWithHost(<PointsPage path="/" />, { capabilities, user: null, module: r.module });
    expect(await screen.findByText('1. 张**')).toBeDefined();
    expect(screen.getByText('登录后才能查看和申请积分。')).toBeDefined();
    expect(r.calls.some((c) => c.path === '/me')).toBe(false);
  });

  it('keeps its buttons the UI kit’s (60 px targets in elderly mode)', async () => {
    renderWithHost(
      <ThemeProvider elderly>
        <PointsPage path="/" />
      </ThemeProvider>,
      { capabilities, module: async () => me() },
    );
    const button = await screen.findByRole('button', { name: /申请积分/ });
    expect(button.className).toContain('cm-button');
    expect(button.closest('[data-cm-elderly]')?.getAttribute('data-cm-elderly')).toBe('true');
  });
});

describe('the merchant’s counter', () => {
  const merchant = { id: 'm1', displayName: '仙潭小超市', role: 'merchant' as const };

  it('looks the household up and redeems, showing what is left', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/goods') return goods();
      if (path === '/counter/H-0012')
        return { code: 'H-0012', name: '张**', balance: { total: 75, redeemable: 45 } };
      if (method === 'POST' && path === '/redeem') return { seq: 3, points: -30, redeemable: 15, stock: 11 };
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<PointsPage path="/" />, { capabilities, user: merchant, module: r.module });
    fireEvent.change(await screen.findByLabelText(/户号/), { target: { value: 'H-0012' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect((await screen.findByTestId('counter-balance')).textContent).toBe('张** 可兑换 45 分');
    fireEvent.change(screen.getByLabelText(/兑换商品/), { target: { value: 'g1' } });
    fireEvent.click(screen.getByRole('button', { name: '兑换' }));
    expect(await screen.findByText('已兑换，扣 30 分，剩余 15 分')).toBeDefined();
    expect(r.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { household: 'H-0012', goods: 'g1', quantity: 1 },
    ]);
  });

  it('shows the server’s refusal as it comes', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/goods') return goods();
      if (method === 'GET') return { code: 'H-0012', name: '张**', balance: { total: 5, redeemable: 5 } };
      throw new HostError({ code: 'POINTS_ERR_BALANCE', message: '该户可兑换积分不足', status: 409 });
    });
    renderWithHost(<PointsPage path="/" />, { capabilities, user: merchant, module: r.module });
    fireEvent.change(await screen.findByLabelText(/户号/), { target: { value: 'H-0012' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await screen.findByTestId('counter-balance');
    fireEvent.change(screen.getByLabelText(/兑换商品/), { target: { value: 'g1' } });
    fireEvent.click(screen.getByRole('button', { name: '兑换' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('该户可兑换积分不足'));
  });
});
