import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { book, claim, queue, recorder } from '../test-data.js';
import { PointsCadre } from './Cadre.js';
import { parseItems } from './parse-items.js';

const capabilities = ['module.api', 'user.read'] as const;
const cadre = { id: 'c1', displayName: '沈**', role: 'cadre' as const };

describe('the committee’s queue', () => {
  it('approves an award and countersigns a deduction another member approved', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/claims') return queue();
      if (method === 'POST') return { status: 'approved', points: 5 };
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<PointsCadre path="/" />, { capabilities, user: cadre, module: r.module });
    expect(await screen.findByText(/待复核（初审：cadre-lu）/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    fireEvent.click(screen.getByRole('button', { name: '复核通过' }));
    await waitFor(() =>
      expect(r.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        `/claims/${claim().id}/approve`,
        '/claims/d-1/approve',
      ]),
    );
  });

  it('rejects with the reason typed', async () => {
    const r = recorder(({ method }) => (method === 'GET' ? { items: [claim()] } : { status: 'rejected' }));
    renderWithHost(<PointsCadre path="/" />, { capabilities, user: cadre, module: r.module });
    fireEvent.click(await screen.findByRole('button', { name: '不通过' }));
    fireEvent.change(screen.getByLabelText(/不通过的理由/), { target: { value: '照片看不清' } });
    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    await waitFor(() =>
      expect(r.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
        { reason: '照片看不清' },
      ]),
    );
  });
});

describe('the rule book', () => {
  it('records a new version with the assembly’s vote', async () => {
    const r = recorder(({ method }) =>
      method === 'GET' ? { inForce: book(), versions: [book()] } : { version: 2, adoptedOn: '2026-12-01' },
    );
    renderWithHost(<PointsCadre path="/rules" />, { capabilities, user: cadre, module: r.module });
    expect(await screen.findByText('现行规则：第 1 版，2026-11-01 起施行')).toBeDefined();
    fireEvent.change(screen.getByLabelText(/积分事项/), {
      target: { value: 'R01，垃圾分类做得好，5，照片，第三村民小组' },
    });
    fireEvent.change(screen.getByLabelText('会议日期'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('施行日期'), { target: { value: '2026-12-01' } });
    for (const [label, n] of [
      ['到会人数', '80'],
      ['赞成', '70'],
      ['反对', '5'],
      ['弃权', '5'],
    ] as const) {
      fireEvent.change(screen.getByLabelText(label), { target: { value: n } });
    }
    fireEvent.click(screen.getByRole('button', { name: '记录表决结果并施行' }));
    expect(await screen.findByText('已记录，第 2 版从 2026-12-01 起施行')).toBeDefined();
    expect(r.calls.find((c) => c.method === 'POST')?.body).toEqual({
      adoptedOn: '2026-12-01',
      assembly: { date: '2026-11-20', attendance: 80, votesFor: 70, votesAgainst: 5, abstaining: 5 },
      items: [
        { code: 'R01', title: '垃圾分类做得好', points: 5, evidence: '照片', proposer: '第三村民小组' },
      ],
    });
  });

  it.each([
    ['R01，垃圾分类，0，照片，组', 1],
    ['R01，垃圾分类，5，照片', 1],
    ['R01,a,5,b,c\n\nR02,x,ten,y,z', 3],
  ])('finds the bad line in %j', (text, line) => {
    expect(parseItems(text)).toEqual({ badLine: line });
  });
});

describe('a merchant on the staff console', () => {
  it('gets the counter instead of the committee’s tabs', async () => {
    const merchant = { id: 'm1', displayName: '仙潭村积分超市', role: 'merchant' as const };
    const r = recorder(({ path }) => {
      if (path === '/goods') return { items: [] };
      throw new Error(`unexpected ${path}`);
    });
    renderWithHost(<PointsCadre path="/" />, { capabilities, user: merchant, module: r.module });
    expect(await screen.findByLabelText(/户号/)).toBeDefined();
    expect(screen.queryByRole('button', { name: /待审核/ })).toBeNull();
    expect(r.calls.map((c) => c.path)).toEqual(['/goods']);
  });
});
