import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { config, owners } from '../test-data.js';
import { FindMachineryAdmin } from './Admin.js';

const capabilities = ['store.read', 'store.write'] as const;

function fill(values: { name?: string; type?: string; capacity?: string; phone?: string; area?: string }) {
  const set = (label: RegExp, value: string | undefined) => {
    if (value !== undefined) fireEvent.change(screen.getByLabelText(label), { target: { value } });
  };
  set(/^机主姓名/, values.name);
  set(/^农机类型/, values.type);
  set(/^作业能力/, values.capacity);
  set(/^联系电话/, values.phone);
  set(/^服务范围/, values.area);
}

const valid = {
  name: '王师傅',
  type: '收割机',
  capacity: '每天 80 亩',
  phone: '138 0013 8000',
  area: '本村',
};

describe('FindMachineryAdmin (cadres)', () => {
  it('adds an owner to the store, available, with the phone as digits', async () => {
    const { host } = renderWithHost(<FindMachineryAdmin />, { config, capabilities });
    expect(await screen.findByText('本村还没有登记农机')).toBeDefined();
    fill(valid);
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('已添加')).toBeDefined();
    expect(host.docs('owners').map((d) => d.data)).toEqual([
      {
        name: '王师傅',
        type: '收割机',
        capacity: '每天 80 亩',
        phone: '13800138000',
        area: '本村',
        available: true,
      },
    ]);
    expect(await screen.findByText('王师傅 · 收割机')).toBeDefined();
    expect((screen.getByLabelText(/^机主姓名/) as HTMLInputElement).value).toBe('');
  });

  it('accepts a landline with its area code', async () => {
    const { host } = renderWithHost(<FindMachineryAdmin />, { config, capabilities });
    fill({ ...valid, phone: '0572-8012345' });
    fireEvent.click(await screen.findByRole('button', { name: '添加' }));
    await screen.findByText('已添加');
    expect(host.docs<{ phone: string }>('owners')[0]?.data.phone).toBe('05728012345');
  });

  it.each([
    ['a short number', '1380013800'],
    ['a number that is no mobile', '12800138000'],
    ['a landline without its area code', '8012345'],
    ['letters', 'abc'],
  ])('explains an invalid phone (%s) and stores nothing', async (_, phone) => {
    const { host } = renderWithHost(<FindMachineryAdmin />, { config, capabilities });
    fill({ ...valid, phone });
    fireEvent.click(await screen.findByRole('button', { name: '添加' }));
    expect(await screen.findByText('请输入正确的手机号码或固定电话（含区号）')).toBeDefined();
    expect(screen.getByLabelText(/^联系电话/).getAttribute('aria-invalid')).toBe('true');
    expect(host.docs('owners')).toEqual([]);
    expect(host.calls.filter((c) => c.method !== 'store.list')).toEqual([]);
  });

  it('requires a name, a type and a phone', async () => {
    const { host } = renderWithHost(<FindMachineryAdmin />, { config, capabilities });
    fireEvent.click(await screen.findByRole('button', { name: '添加' }));
    expect(await screen.findByText('请填写机主姓名')).toBeDefined();
    expect(screen.getByText('请选择农机类型')).toBeDefined();
    expect(screen.getByText('请填写联系电话')).toBeDefined();
    fill({ ...valid, name: '   ' });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('请填写机主姓名')).toBeDefined();
    expect(host.docs('owners')).toEqual([]);
  });

  it('edits an owner with the version it read', async () => {
    const host = createMockHost({ config, capabilities });
    host.seed('owners', owners.slice(0, 1));
    renderWithHost(<FindMachineryAdmin />, { host });
    fireEvent.click(await screen.findByRole('button', { name: '修改' }));
    expect((screen.getByLabelText(/^机主姓名/) as HTMLInputElement).value).toBe('王师傅');
    fill({ capacity: '每天 100 亩' });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存')).toBeDefined();
    const [doc] = host.docs<{ capacity: string; available: boolean }>('owners');
    expect(doc).toMatchObject({ version: 2, data: { capacity: '每天 100 亩', available: true } });
    expect(host.calls.find((c) => c.method === 'store.put')?.args[3]).toEqual({ ifVersion: 1 });
  });

  it('marks an owner unavailable and available again', async () => {
    const host = createMockHost({ config, capabilities });
    host.seed('owners', owners.slice(0, 1));
    renderWithHost(<FindMachineryAdmin />, { host });
    fireEvent.click(await screen.findByRole('button', { name: '标记暂不可用' }));
    fireEvent.click(await screen.findByRole('button', { name: '恢复可用' }));
    await screen.findByRole('button', { name: '标记暂不可用' });
    expect(host.docs<{ available: boolean }>('owners')[0]).toMatchObject({
      version: 3,
      data: { available: true },
    });
  });

  it('stores the unavailable mark', async () => {
    const host = createMockHost({ config, capabilities });
    host.seed('owners', owners.slice(0, 1));
    renderWithHost(<FindMachineryAdmin />, { host });
    fireEvent.click(await screen.findByRole('button', { name: '标记暂不可用' }));
    await screen.findByRole('button', { name: '恢复可用' });
    expect(host.docs<{ available: boolean }>('owners')[0]?.data.available).toBe(false);
    expect(screen.getByText(/^暂不可用 · /)).toBeDefined();
  });

  it('removes an owner after a second tap', async () => {
    const host = createMockHost({ config, capabilities });
    host.seed('owners', owners.slice(0, 2));
    renderWithHost(<FindMachineryAdmin />, { host });
    const row = (await screen.findByText('王师傅 · 收割机')).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '删除' }));
    expect(host.docs('owners')).toHaveLength(2);
    fireEvent.click(within(row).getByRole('button', { name: '确认删除' }));
    expect(await screen.findByText('已删除')).toBeDefined();
    await waitFor(() => expect(screen.queryByText('王师傅 · 收割机')).toBeNull());
    expect(host.docs<{ name: string }>('owners').map((d) => d.data.name)).toEqual(['李建国']);
  });

  it('shows the UI kit’s error when store.write was not granted, and stores nothing', async () => {
    const { host } = renderWithHost(<FindMachineryAdmin />, { config, capabilities: ['store.read'] });
    await screen.findByText('本村还没有登记农机');
    fill(valid);
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('本组件没有获得「store.write」权限，无法完成操作');
    expect(alert.closest('.cm-state--error')).not.toBeNull();
    expect(host.docs('owners')).toEqual([]);
    expect(screen.queryByText('已添加')).toBeNull();
    // The form keeps what was typed.
    expect((screen.getByLabelText(/^机主姓名/) as HTMLInputElement).value).toBe('王师傅');
  });

  it('reports a version conflict when someone else changed the owner first', async () => {
    const host = createMockHost({ config, capabilities });
    const [seed] = host.seed('owners', owners.slice(0, 1));
    renderWithHost(<FindMachineryAdmin />, { host });
    fireEvent.click(await screen.findByRole('button', { name: '修改' }));
    await host.api.store.put('owners', seed?.id ?? '', { ...owners[0], area: '别人改过' });
    fill({ capacity: '每天 100 亩' });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toBe('数据已被他人修改，请刷新后重试');
    expect(host.docs<{ area: string }>('owners')[0]?.data.area).toBe('别人改过');
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await screen.findByText(/别人改过/)).toBeDefined();
  });
});
