import { HostError } from '@cunmen/sdk';
import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixtureModule } from '../fixtures.js';
import { AffairsCadre } from './Cadre.js';

const supervisor = { id: 's1', displayName: '王*明', role: 'supervisor' as const };

describe('AffairsCadre (review queue)', () => {
  it('shows a supervisor the masked preview with the count and only the review buttons', async () => {
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: ['module.api', 'user.read'],
      user: supervisor,
      module: fixtureModule,
    });
    fireEvent.click(screen.getByRole('button', { name: '审核与发布' }));
    fireEvent.click(await screen.findByRole('button', { name: '打开 2026年第三季度低保对象名单' }));
    expect(await screen.findByText('已脱敏 10 处')).toBeDefined();
    expect(screen.getByText('状态：待监督委员会审核')).toBeDefined();
    expect(screen.getByText('本事项的名单会隐去姓名')).toBeDefined();
    expect(screen.getByRole('button', { name: '审核通过' })).toBeDefined();
    expect(screen.getByRole('button', { name: '退回修改' })).toBeDefined();
    for (const name of ['发布', '提交审核', '记录两委审议通过', '上传附件', '删除草稿']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it('shows the server’s refusal in zh-CN', async () => {
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: ['module.api', 'user.read'],
      user: supervisor,
      module: async (call) => {
        if (call.method === 'POST') {
          throw new HostError({
            code: 'AFFAIRS_ERR_SELF_REVIEW',
            message: '起草人不能审核自己起草的公开',
            status: 403,
          });
        }
        return fixtureModule(call);
      },
    });
    fireEvent.click(screen.getByRole('button', { name: '审核与发布' }));
    fireEvent.click(await screen.findByRole('button', { name: '打开 2026年第三季度低保对象名单' }));
    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    expect(await screen.findByText('起草人不能审核自己起草的公开')).toBeDefined();
  });
});
