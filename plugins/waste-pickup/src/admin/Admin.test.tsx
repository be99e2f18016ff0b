import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Booking } from '../bookings.js';
import { config, sampleBookings } from '../test-data.js';
import { WastePickupAdmin } from './Admin.js';

function village() {
  const host = createMockHost({
    config,
    capabilities: ['store.read', 'store.write'],
    user: { id: 'cadre-1', displayName: '李*明', role: 'cadre' },
  });
  const docs = host.seed('bookings', sampleBookings());
  return { host, docs };
}

describe('WastePickupAdmin (cadres)', () => {
  it('lists the open bookings, soonest first, without closed ones', async () => {
    const { host } = village();
    renderWithHost(<WastePickupAdmin />, { host });
    const list = await screen.findByRole('list', { name: '待处理的预约' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('5 组 8 号');
    expect(rows[1]?.textContent).toContain('3 组 12 号');
    expect(screen.queryByText(/r-099/)).toBeNull();
  });

  it('closes a booking with a note, using the version it read', async () => {
    const { host, docs } = village();
    renderWithHost(<WastePickupAdmin />, { host });
    const list = await screen.findByRole('list', { name: '待处理的预约' });
    const row = within(list).getByText(/r-101/).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '办结' }));
    fireEvent.change(screen.getByLabelText(/^处理说明/), { target: { value: '已收走旧沙发 2 件' } });
    fireEvent.click(screen.getByRole('button', { name: '确认办结' }));
    expect(await screen.findByText('已办结')).toBeDefined();
    const doc = host.docs<Booking>('bookings').find((d) => d.id === docs[0]?.id);
    expect(doc?.version).toBe(2);
    expect(doc?.data).toMatchObject({ status: 'closed', closeNote: '已收走旧沙发 2 件', receiptId: 'r-101' });
    expect(new Date(doc?.data.closedAt ?? '').toString()).not.toBe('Invalid Date');
    expect(host.calls.find((c) => c.method === 'store.put')?.args[3]).toEqual({ ifVersion: 1 });
    await waitFor(() => expect(screen.queryByText(/r-101/)).toBeNull());
  });

  it('needs a note to close', async () => {
    const { host } = village();
    renderWithHost(<WastePickupAdmin />, { host });
    const list = await screen.findByRole('list', { name: '待处理的预约' });
    fireEvent.click(within(list).getAllByRole('button', { name: '办结' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: '确认办结' }));
    expect(await screen.findByText('请填写处理说明')).toBeDefined();
    expect(host.docs<Booking>('bookings').every((d) => d.version === 1)).toBe(true);
  });

  it('shows a version conflict when the booking changed meanwhile, and closes nothing', async () => {
    const { host, docs } = village();
    renderWithHost(<WastePickupAdmin />, { host });
    const list = await screen.findByRole('list', { name: '待处理的预约' });
    const row = within(list).getByText(/r-101/).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '办结' }));
    const id = docs[0]?.id ?? '';
    const changed = { ...(docs[0]?.data as Booking), address: '3 组 12 号（后门）' };
    await host.api.store.put('bookings', id, changed);
    fireEvent.change(screen.getByLabelText(/^处理说明/), { target: { value: '已收走' } });
    fireEvent.click(screen.getByRole('button', { name: '确认办结' }));
    expect((await screen.findByRole('alert')).textContent).toBe('数据已被他人修改，请刷新后重试');
    expect(host.docs<Booking>('bookings').find((d) => d.id === id)?.data.status).toBe('booked');
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await screen.findByText(/后门/)).toBeDefined();
  });

  it('says so when nothing is open', async () => {
    renderWithHost(<WastePickupAdmin />, { config, capabilities: ['store.read', 'store.write'] });
    expect(await screen.findByText('没有待处理的预约')).toBeDefined();
  });

  it('shows the UI kit’s error state when the bookings cannot be read', async () => {
    renderWithHost(<WastePickupAdmin />, { config, capabilities: [] });
    expect((await screen.findByRole('alert')).textContent).toBe(
      '本组件没有获得「store.read」权限，无法完成操作',
    );
  });
});
