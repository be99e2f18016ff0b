import { HostError } from '@cunmen/sdk';
import { type MockModuleCall, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../common/model.js';
import { CASE_ID, caseDetail, metrics } from '../test-data.js';
import { ComplaintsCadre } from './Cadre.js';

// The canvas chart itself is ECharts' business; the test reads the numbers from the tables beside it.
vi.mock('./MetricsChart.js', () => ({
  default: ({ label }: { label: string }) => <div role="img" aria-label={label} data-testid="chart" />,
}));

const capabilities = ['module.api', 'user.read'] as const;
const cadre = { id: 'c1', displayName: '仙潭村干部', role: 'cadre' as const };

function recorder(answer: (call: MockModuleCall) => unknown) {
  const calls: MockModuleCall[] = [];
  return {
    calls,
    module: async (call: MockModuleCall) => {
      calls.push(call);
      return answer(call);
    },
  };
}

describe('the cadre page', () => {
  it('lists the queue with overdue flags and opens a case with only the allowed actions', async () => {
    const late = caseDetail({
      deadlines: { ...caseDetail().deadlines, acceptOverdue: true, escalatedAt: '2026-11-02T03:00:01.000Z' },
      actions: ['accept'],
      resident: { name: '张阿婆', household: 'H1' },
      targets: [],
      location: { lat: 30.544712, lng: 119.977599 },
    });
    const r = recorder(({ method, path }) => {
      if (method === 'GET' && path.startsWith('/cases?')) return { items: [late], total: 1 };
      if (method === 'GET' && path === `/cases/${CASE_ID}`) return late;
      if (method === 'POST' && path === `/cases/${CASE_ID}/accept`)
        return { ...late, status: 'accepted', actions: [] };
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<ComplaintsCadre path="/" />, { capabilities, user: cadre, module: r.module });
    expect((await screen.findByTestId('overdue')).textContent).toBe('受理超时 · 已提级乡镇');
    expect(r.calls[0]?.path).toBe('/cases?status=open&scope=village');
    fireEvent.click(screen.getByRole('button', { name: /JS20261102-0001/ }));
    expect(await screen.findByText('反映人：张阿婆（户号 H1）')).toBeDefined();
    expect(screen.getByText('位置：30.544712, 119.977599')).toBeDefined();
    expect(screen.getByRole('heading', { name: '受理' })).toBeDefined();
    expect(screen.queryByRole('heading', { name: '答复' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '办结' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '受理' }));
    await screen.findByText('已受理');
    expect(r.calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
      [`/cases/${CASE_ID}/accept`, {}],
    ]);
  });

  it('shows the server’s refusal of an action and changes nothing on screen', async () => {
    const d = caseDetail({ status: 'dispatched', actions: ['reply'], targets: [] });
    renderWithHost(<ComplaintsCadre path={`/cases/${CASE_ID}`} />, {
      capabilities,
      user: cadre,
      module: async ({ method }) => {
        if (method === 'GET') return d;
        throw new HostError({
          code: 'COMPLAINTS_ERR_NOT_YOUR_UNIT',
          message: '只有当前承办单位可以进行这项操作',
          status: 403,
        });
      },
    });
    await screen.findByRole('heading', { name: '答复' });
    fireEvent.change(screen.getByLabelText(/答复内容/), { target: { value: '已处理' } });
    fireEvent.click(screen.getByRole('button', { name: '答复' }));
    expect((await screen.findByRole('alert')).textContent).toBe('只有当前承办单位可以进行这项操作');
  });

  it('shows metrics as charts with the numbers in tables beside them', async () => {
    const r = recorder(({ path }) => {
      if (path.startsWith('/metrics')) return metrics();
      throw new Error(`unexpected ${path}`);
    });
    renderWithHost(<ComplaintsCadre path="/metrics" />, { capabilities, user: cadre, module: r.module });
    const units = await screen.findByTestId('metrics-by-unit');
    const rows = within(units)
      .getAllByRole('row')
      .map((row) => Array.from(row.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['单位', '诉求数', '响应率', '解决率', '满意率', '综合得分'],
      ['仙潭村', '4', '75.0%', '50.0%', '50.0%', '57.5'],
      ['劳岭村', '0', '—', '—', '—', '—'],
      ['莫干山镇 合计', '4', '75.0%', '50.0%', '50.0%', '57.5'],
    ]);
    const months = within(screen.getByTestId('metrics-by-month'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children).map((c) => c.textContent));
    expect(months).toEqual([
      ['2026-10', '1', '100.0%', '100.0%', '100.0%', '100.0'],
      ['2026-11', '3', '66.7%', '33.3%', '0.0%', '31.7'],
      ['2026-12', '0', '—', '—', '—', '—'],
    ]);
    const charts = await screen.findAllByTestId('chart');
    expect(charts).toHaveLength(2);
    expect(charts[0]?.getAttribute('aria-label')).toContain('仙潭村：诉求 4 件，响应率 75.0%');
    expect(r.calls[0]?.path).toMatch(/^\/metrics\?period=\d{4}-\d{2}$/);
    fireEvent.click(within(units).getByRole('button', { name: '仙潭村' }));
    await vi.waitFor(() => expect(r.calls.at(-1)?.path).toMatch(/^\/metrics\?division=330521107201&period=/));
  });

  it('saves time limits and refuses weights that do not add up to 100 before sending', async () => {
    const r = recorder(({ method, body }) => {
      if (method === 'GET')
        return {
          division: '330521',
          source: 'default',
          settings: DEFAULT_SETTINGS,
          defaults: DEFAULT_SETTINGS,
          updatedAt: null,
          updatedBy: null,
        };
      return {
        division: '330521',
        source: 'division',
        settings: body,
        defaults: DEFAULT_SETTINGS,
        updatedAt: '2026-11-02T01:00:00.000Z',
        updatedBy: 'admin',
      };
    });
    renderWithHost(<ComplaintsCadre path="/settings" />, { capabilities, user: cadre, module: r.module });
    const accept = await screen.findByLabelText('受理时限（小时）');
    fireEvent.change(accept, { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('响应率权重（%）'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByRole('alert')).textContent).toBe('三项权重相加必须等于 100');
    expect(r.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    fireEvent.change(screen.getByLabelText('响应率权重（%）'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('已保存')).toBeDefined();
    const put = r.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/settings?division=330521');
    expect(put?.body).toEqual({ ...DEFAULT_SETTINGS, acceptHours: 4 });
  });
});
