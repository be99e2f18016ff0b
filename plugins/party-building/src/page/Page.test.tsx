import { HostError } from '@cunmen/sdk';
import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, publicView, recorder } from '../test-data.js';
import { PartyPage } from './Page.js';

const capabilities = ['module.api', 'user.read'] as const;

describe('the public side', () => {
  it('shows the branch contact, the news and the pioneers to a visitor', async () => {
    renderWithHost(<PartyPage path="/" />, { capabilities, user: null, module: async () => publicView() });
    expect(await screen.findByText('仙潭村党支部')).toBeDefined();
    expect(screen.getByText('书记：沈建国')).toBeDefined();
    expect(screen.getByText('党员 38 名')).toBeDefined();
    expect(screen.getByRole('link', { name: '拨打 0572-8401234' }).getAttribute('href')).toBe(
      'tel:0572-8401234',
    );
    expect(screen.getByText('仙潭村党支部开展河道清理志愿活动')).toBeDefined();
    expect(screen.getByText('张卫东 · 优秀共产党员')).toBeDefined();
  });

  it('asks a visitor to sign in on the member side, without calling the module', async () => {
    const r = recorder(() => me());
    renderWithHost(<PartyPage path="/member" />, { capabilities, user: null, module: r.module });
    expect(await screen.findByText('党员请登录后查看学习资料、通知和积分。')).toBeDefined();
    expect(r.calls).toEqual([]);
  });
});

describe('the member side', () => {
  it('shows the member’s points, notices and study, and records a finished study material', async () => {
    const r = recorder(({ method, path }) => {
      if (path === '/me') return me();
      if (method === 'POST') return { done: true };
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<PartyPage path="/member" />, { capabilities, module: r.module });
    expect((await screen.findByTestId('party-points')).textContent).toBe('5 分');
    expect(screen.getByText('关于缴纳11月党费的通知')).toBeDefined();
    expect(screen.getByText('党课：书记讲党课')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '学完了，记 1 分' }));
    await waitFor(() =>
      expect(r.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/study/s-1/done']),
    );
  });

  it('tells a resident who is no party member whom to ask', async () => {
    renderWithHost(<PartyPage path="/member" />, {
      capabilities,
      module: async () => {
        throw new HostError({
          code: 'PARTY_ERR_NOT_MEMBER',
          message: '您的账号还没有登记为本村党员',
          status: 403,
        });
      },
    });
    expect(await screen.findByText('您的账号还没有登记为本村党员，请联系支部书记。')).toBeDefined();
  });
});
