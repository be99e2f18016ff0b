import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me } from '../test-data.js';
import { PointsTile } from './Tile.js';

const capabilities = ['module.api', 'user.read'] as const;

describe('PointsTile', () => {
  it('shows the resident’s points to spend and opens the page', async () => {
    const paths: string[] = [];
    const { host } = renderWithHost(<PointsTile />, {
      capabilities,
      module: async ({ path }) => {
        paths.push(path);
        return me();
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /我家可兑换 15 分/ }));
    expect(host.navigations).toEqual(['/points']);
    expect(paths).toEqual(['/me']);
  });

  it('invites a visitor to the leaderboard without asking the module', async () => {
    const paths: string[] = [];
    renderWithHost(<PointsTile />, {
      capabilities,
      user: null,
      module: async ({ path }) => paths.push(path),
    });
    expect(await screen.findByText('看看积分榜')).toBeDefined();
    expect(paths).toEqual([]);
  });
});
