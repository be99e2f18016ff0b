import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detail, members, recorder, summaries } from '../test-data.js';
import { PartyCadre } from './Cadre.js';

const capabilities = ['module.api', 'user.read'] as const;
const cadre = { id: 'c1', displayName: '沈**', role: 'cadre' as const };

describe('the branch pages', () => {
  it('shows what is due and overdue, and records a 主题党日 with the sign-in sheet', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/branches') return summaries();
      if (path === '/branches/b-1') return detail();
      if (path === '/branches/b-1/members') return members();
      if (method === 'POST') return { status: 'held' };
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<PartyCadre path="/" />, { capabilities, user: cadre, module: r.module });
    expect(await screen.findByText('支部委员会 · 2026-10')).toBeDefined();
    expect(screen.getByText('已逾期')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '记录' }));
    fireEvent.change(screen.getByLabelText('会议记录'), { target: { value: '清理河道垃圾两车' } });
    fireEvent.click(await screen.findByLabelText('沈建国'));
    expect((screen.getByLabelText(/张卫东/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '提交记录（提交后不能修改）' }));
    await waitFor(() => {
      const post = r.calls.find((c) => c.method === 'POST');
      expect(post?.path).toBe('/branches/b-1/meetings/mt-1/record');
      expect(post?.body).toEqual({
        heldOn: '2026-11-02',
        minutes: '清理河道垃圾两车',
        attendees: ['m-3', 'm-1'],
      });
    });
  });

  it('tells a cadre who is no officer that they may only read, and offers no forms', async () => {
    renderWithHost(<PartyCadre path="/" />, {
      capabilities,
      user: cadre,
      module: async ({ path }) => (path === '/branches' ? summaries() : detail(false)),
    });
    expect(await screen.findByText(/您不是本支部的书记、副书记或支委/)).toBeDefined();
    expect(screen.queryByRole('button', { name: '记录' })).toBeNull();
    expect(screen.queryByText('安排会议')).toBeNull();
  });
});
