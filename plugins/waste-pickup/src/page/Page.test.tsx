import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoDate } from '../dates.js';
import { config, residentCapabilities, sampleBookings } from '../test-data.js';
import { WastePickupPage } from './Page.js';

const options = { config, capabilities: residentCapabilities };

function fill(values: {
  quantity?: string;
  address?: string;
  date?: string;
  unit?: string;
  bulky?: boolean;
}) {
  if (values.bulky) fireEvent.click(screen.getByLabelText(/^大件垃圾/));
  if (values.quantity !== undefined)
    fireEvent.change(screen.getByLabelText(/^数量/), { target: { value: values.quantity } });
  if (values.unit !== undefined)
    fireEvent.change(screen.getByLabelText('单位'), { target: { value: values.unit } });
  if (values.address !== undefined)
    fireEvent.change(screen.getByLabelText(/^上门地址/), { target: { value: values.address } });
  if (values.date !== undefined)
    fireEvent.change(screen.getByLabelText(/^上门日期/), { target: { value: values.date } });
}

const tomorrow = () => isoDate(new Date(), 1);

afterEach(() => {
  vi.useRealTimers();
});

describe('WastePickupPage (residents)', () => {
  it('submits one form and records one booked booking for the resident', async () => {
    const { host } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    fill({ bulky: true, quantity: '3', unit: 'piece', address: ' 3 组 12 号 ', date: tomorrow() });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(await screen.findByText('预约成功')).toBeDefined();

    expect(host.submissions).toHaveLength(1);
    const [submission] = host.submissions;
    expect(submission).toMatchObject({
      formId: 'pickup',
      data: { kind: 'bulky', quantity: 3, unit: 'piece', address: '3 组 12 号', date: tomorrow() },
    });
    expect(submission?.data).not.toHaveProperty('photo');
    const docs = host.docs('bookings');
    expect(docs).toHaveLength(1);
    expect(docs[0]?.data).toEqual({
      kind: 'bulky',
      quantity: 3,
      unit: 'piece',
      address: '3 组 12 号',
      date: tomorrow(),
      status: 'booked',
      receiptId: submission?.id,
      userId: 'resident-1',
      userName: '张*华',
    });
    expect(screen.getByText(`预约编号：${submission?.id}`)).toBeDefined();
    // …and it is listed under 我的预约.
    const mine = await screen.findByRole('list', { name: '我的预约' });
    expect(within(mine).getByText('大件垃圾 3 件')).toBeDefined();
    expect(within(mine).getByText('已预约')).toBeDefined();
  });

  it('starts a new booking with 再预约一次', async () => {
    const { host } = renderWithHost(<WastePickupPage />, options);
    fill({ address: '3 组 12 号', date: tomorrow() });
    fireEvent.click(await screen.findByRole('button', { name: '提交预约' }));
    fireEvent.click(await screen.findByRole('button', { name: '再预约一次' }));
    expect((screen.getByLabelText(/^上门地址/) as HTMLInputElement).value).toBe('');
    fill({ address: '3 组 12 号', date: tomorrow() });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    await screen.findByText('预约成功');
    expect(host.submissions).toHaveLength(2);
    expect(host.docs('bookings')).toHaveLength(2);
  });

  it.each<[string, { address: string; quantity?: string; date?: string }, string]>([
    ['a missing address', { address: '  ', date: 'tomorrow' }, '请填写上门地址'],
    ['quantity 0', { address: '3 组', quantity: '0', date: 'tomorrow' }, '数量应在 1 到 50 之间'],
    ['quantity 51', { address: '3 组', quantity: '51', date: 'tomorrow' }, '数量应在 1 到 50 之间'],
    ['an empty quantity', { address: '3 组', quantity: '', date: 'tomorrow' }, '数量应在 1 到 50 之间'],
    ['no date', { address: '3 组' }, '请选择今后 7 天内的上门日期'],
  ])('explains %s and submits nothing', async (_, values, message) => {
    const { host } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    fill({ ...values, date: values.date === 'tomorrow' ? tomorrow() : values.date });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(await screen.findByText(message)).toBeDefined();
    expect(host.submissions).toEqual([]);
    expect(host.docs('bookings')).toEqual([]);
    expect(host.calls.filter((c) => c.method !== 'store.list')).toEqual([]);
  });

  it('refuses a date that is no longer within the next 7 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 2, 1, 23, 0));
    const { host } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    fill({ address: '3 组 12 号', date: '2025-03-02' });
    // The page stayed open for two days: 3 月 2 日 is in the past now.
    vi.setSystemTime(new Date(2025, 2, 3, 8, 0));
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(await screen.findByText('请选择今后 7 天内的上门日期')).toBeDefined();
    expect(host.submissions).toEqual([]);
    expect(host.docs('bookings')).toEqual([]);
  });

  it('offers tomorrow and the 6 days after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 2, 1, 9, 0));
    renderWithHost(<WastePickupPage />, options);
    const select = (await screen.findByLabelText(/^上门日期/)) as HTMLSelectElement;
    const values = Array.from(select.options)
      .map((o) => o.value)
      .filter(Boolean);
    expect(values).toEqual([
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
    ]);
    expect(select.options[1]?.textContent).toBe('3月2日 周日');
  });

  it('uploads a photo and attaches its media id to the form and the booking', async () => {
    const { host, container } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    const photo = new File(['jpeg-bytes'], '旧沙发.jpg', { type: 'image/jpeg' });
    fireEvent.change(input, { target: { files: [photo] } });
    await waitFor(() => expect(host.uploads).toHaveLength(1));
    const mediaId = host.uploads[0]?.id;
    expect(host.uploads[0]).toMatchObject({ filename: '旧沙发.jpg', type: 'image/jpeg' });
    fill({ address: '3 组 12 号', date: tomorrow() });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '提交预约' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    await screen.findByText('预约成功');
    expect(host.submissions[0]?.data).toMatchObject({ photo: mediaId });
    expect(host.docs('bookings')[0]?.data).toMatchObject({ photo: mediaId, photoUrl: host.uploads[0]?.url });
  });

  it('hides the photo field without media.upload and still books', async () => {
    const { host, container } = renderWithHost(<WastePickupPage />, {
      config,
      capabilities: residentCapabilities.filter((c) => c !== 'media.upload'),
    });
    await screen.findByText('还没有预约');
    expect(screen.queryByText('物品照片（可选）')).toBeNull();
    expect(screen.queryByRole('button', { name: /添加图片/ })).toBeNull();
    expect(container.querySelector('input[type="file"]')).toBeNull();
    fill({ address: '3 组 12 号', date: tomorrow() });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    await screen.findByText('预约成功');
    expect(host.submissions).toHaveLength(1);
  });

  it('lists only the signed-in resident’s bookings under 我的预约, with their status', async () => {
    const host = createMockHost(options);
    host.seed('bookings', sampleBookings());
    renderWithHost(<WastePickupPage />, { host });
    const mine = await screen.findByRole('list', { name: '我的预约' });
    const rows = within(mine).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(mine).getByText('大件垃圾 2 件')).toBeDefined();
    expect(within(mine).getByText('可回收物 10 公斤')).toBeDefined();
    expect(within(mine).queryByText(/5 组 8 号/)).toBeNull();
    expect(within(mine).getByText('已预约')).toBeDefined();
    expect(within(mine).getByText('已完成')).toBeDefined();
    expect(within(mine).getByText(/处理说明：已收走纸板 10 公斤/)).toBeDefined();
  });

  it('shows the error and stores nothing when the form cannot be sent; a retry sends it once', async () => {
    const { host } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    host.failNext('forms.submit');
    fill({ address: '3 组 12 号', date: tomorrow() });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect((await screen.findByRole('alert')).textContent).toBe('网络不稳定，请稍后重试');
    expect(host.docs('bookings')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    await screen.findByText('预约成功');
    expect(host.submissions).toHaveLength(1);
    expect(host.docs('bookings')).toHaveLength(1);
  });

  it('does not send the form twice when only recording the booking failed', async () => {
    const { host } = renderWithHost(<WastePickupPage />, options);
    await screen.findByText('还没有预约');
    host.failNext('store.create');
    fill({ address: '3 组 12 号', date: tomorrow() });
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    expect(await screen.findByRole('alert')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '提交预约' }));
    await screen.findByText('预约成功');
    expect(host.submissions).toHaveLength(1);
    expect(host.docs('bookings')[0]?.data).toMatchObject({ receiptId: host.submissions[0]?.id });
  });

  it('asks to sign in when nobody is signed in', async () => {
    const { host } = renderWithHost(<WastePickupPage />, { ...options, user: null });
    expect(await screen.findByText('请先登录后再预约')).toBeDefined();
    expect(screen.queryByRole('button', { name: '提交预约' })).toBeNull();
    expect(host.submissions).toEqual([]);
  });
});
