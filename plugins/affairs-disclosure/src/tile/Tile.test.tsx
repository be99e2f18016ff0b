import { HostError } from '@cunmen/sdk';
import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixtureModule } from '../fixtures.js';
import { AffairsTile } from './Tile.js';

describe('AffairsTile', () => {
  it('shows how many items are published and the latest, and opens the page', async () => {
    const { host } = renderWithHost(<AffairsTile />, {
      capabilities: ['module.api'],
      user: null,
      module: fixtureModule,
    });
    expect(await screen.findByText('已公开 2 项 · 最新：2026年第三季度低保对象名单')).toBeDefined();
    fireEvent.click(screen.getByText('三务公开'));
    expect(host.navigations).toEqual(['/affairs-disclosure']);
  });

  it('says so when nothing is published, and shows no count on an error', async () => {
    renderWithHost(<AffairsTile />, { capabilities: ['module.api'], module: async () => ({ items: [] }) });
    expect(await screen.findByText('暂无公开内容')).toBeDefined();
  });

  it('keeps the tile usable when the server refuses', async () => {
    renderWithHost(<AffairsTile />, {
      capabilities: ['module.api'],
      module: async () => {
        throw new HostError({ code: 'MODULE_ERR_INTERNAL', message: '系统出错' });
      },
    });
    expect(await screen.findByText('三务公开')).toBeDefined();
    expect(screen.queryByText(/已公开/)).toBeNull();
  });
});
