import { renderWithHost } from '@cunmen/sdk/testing';
import { ThemeProvider } from '@cunmen/ui';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixtureModule } from '../fixtures.js';
import { AffairsPage } from './Page.js';

const elderly = ({ children }: { children: React.ReactNode }) => (
  <ThemeProvider elderly>{children}</ThemeProvider>
);

describe('AffairsPage (residents)', () => {
  it('lists by category, opens an item with its masked list, history and answers, in elderly mode', async () => {
    const calls: string[] = [];
    renderWithHost(<AffairsPage path="/" />, {
      capabilities: ['module.api', 'user.read'],
      elderly: true,
      wrapper: elderly,
      module: async (call) => {
        calls.push(call.path);
        return fixtureModule(call);
      },
    });
    expect(await screen.findByText('2026年第三季度低保对象名单')).toBeDefined();
    expect(screen.getByRole('button', { name: '村务' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '财务' }));
    expect(await screen.findByText('2026年10月财务收支明细')).toBeDefined();
    expect(calls).toContain('/published?category=finance');
    fireEvent.change(screen.getByLabelText('公开期次'), { target: { value: '2026-Q3' } });
    await screen.findByText('2026年10月财务收支明细');
    expect(calls).toContain('/published?category=finance&period=2026-Q3');
    fireEvent.click(screen.getByRole('button', { name: '村务' }));
    fireEvent.click(await screen.findByText('2026年第三季度低保对象名单'));
    expect(await screen.findByRole('heading', { name: '2026年第三季度低保对象名单' })).toBeDefined();
    expect(screen.getByText('330521***********4')).toBeDefined();
    expect(screen.getByText('名单中的身份证号、手机号、银行卡号已隐去部分数字')).toBeDefined();
    expect(screen.getByText(/村委会答复：该户另一名成员已外出务工/)).toBeDefined();
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeDefined();
    expect(screen.getByLabelText(/您的问题/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '返回列表' }));
    expect(await screen.findByText('2026年第三季度低保对象名单')).toBeDefined();
  });

  it('refuses a too-short question before sending it', async () => {
    const calls: string[] = [];
    renderWithHost(<AffairsPage path="/" />, {
      capabilities: ['module.api', 'user.read'],
      module: async (call) => {
        calls.push(`${call.method} ${call.path}`);
        return fixtureModule(call);
      },
    });
    fireEvent.click(await screen.findByText('2026年第三季度低保对象名单'));
    fireEvent.change(await screen.findByLabelText(/您的问题/), { target: { value: '为啥' } });
    fireEvent.click(screen.getByRole('button', { name: '提交提问' }));
    expect(await screen.findByText('请至少写 5 个字')).toBeDefined();
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  });
});
