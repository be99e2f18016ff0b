import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { ThemeProvider } from '@cunmen/ui';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { config, owners } from '../test-data.js';
import { FindMachineryPage } from './Page.js';

function seeded(showUnavailable = false) {
  const host = createMockHost({
    config: { ...config, showUnavailable },
    capabilities: ['store.read', 'store.write'],
  });
  host.seed('owners', owners);
  return host;
}

/** The names of the machines in the result list, in order. */
function names(): string[] {
  return within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((a) => a.textContent?.split(' · ')[0] ?? '');
}

describe('FindMachineryPage (residents)', () => {
  it('lists available machines and hides unavailable ones by default', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded() });
    expect(await screen.findByText('找到 2 台农机')).toBeDefined();
    expect(names().sort()).toEqual(['李建国', '王师傅']);
    expect(screen.queryByText(/陈大姐/)).toBeNull();
  });

  it('lists unavailable machines last, marked, when the config says so', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded(true) });
    expect(await screen.findByText('找到 3 台农机')).toBeDefined();
    expect(names()[2]).toBe('陈大姐');
    expect(screen.getByText('暂不可用')).toBeDefined();
  });

  it('filters by type', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded() });
    await screen.findByText('找到 2 台农机');
    fireEvent.change(screen.getByLabelText('农机类型'), { target: { value: '收割机' } });
    expect(await screen.findByText('找到 1 台农机')).toBeDefined();
    expect(names()).toEqual(['王师傅']);
    fireEvent.change(screen.getByLabelText('农机类型'), { target: { value: '烘干机' } });
    expect(await screen.findByText('没有找到符合条件的农机')).toBeDefined();
  });

  it('filters by a keyword in the name, the area or the capacity', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded() });
    await screen.findByText('找到 2 台农机');
    const keyword = screen.getByLabelText('关键词');
    fireEvent.change(keyword, { target: { value: '李' } });
    expect(names()).toEqual(['李建国']);
    fireEvent.change(keyword, { target: { value: '东山' } });
    expect(names()).toEqual(['王师傅']);
    fireEvent.change(keyword, { target: { value: '旋耕' } });
    expect(names()).toEqual(['李建国']);
    fireEvent.change(keyword, { target: { value: '全镇' } });
    expect(await screen.findByText('没有找到符合条件的农机')).toBeDefined();
  });

  it('combines type and keyword', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded() });
    await screen.findByText('找到 2 台农机');
    fireEvent.change(screen.getByLabelText('农机类型'), { target: { value: '拖拉机' } });
    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '王' } });
    expect(await screen.findByText('没有找到符合条件的农机')).toBeDefined();
  });

  it('calls the owner through a real tel: link', async () => {
    renderWithHost(<FindMachineryPage />, { host: seeded() });
    const link = await screen.findByRole('link', { name: /王师傅/ });
    expect(link.getAttribute('href')).toBe('tel:13800138000');
    expect(link.textContent).toContain('拨打 13800138000');
    expect(screen.getByRole('link', { name: /李建国/ }).getAttribute('href')).toBe('tel:05728012345');
  });

  it('makes the tel: link the list row, the UI kit’s touch target (60 px in elderly mode)', async () => {
    renderWithHost(
      <ThemeProvider elderly>
        <FindMachineryPage />
      </ThemeProvider>,
      { host: seeded() },
    );
    const link = await screen.findByRole('link', { name: /王师傅/ });
    expect(link.className).toContain('cm-list-item__main');
    expect(link.closest('[data-cm-elderly]')?.getAttribute('data-cm-elderly')).toBe('true');
  });

  it('says so when the village has no machinery yet', async () => {
    renderWithHost(<FindMachineryPage />, { config, capabilities: ['store.read'] });
    expect(await screen.findByText('本村还没有登记农机')).toBeDefined();
  });

  it('shows the UI kit’s error state when the list cannot be read', async () => {
    renderWithHost(<FindMachineryPage />, { config, capabilities: [] });
    expect((await screen.findByRole('alert')).textContent).toBe(
      '本组件没有获得「store.read」权限，无法完成操作',
    );
    expect(screen.getByRole('button', { name: '重试' })).toBeDefined();
  });
});
