import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { board } from '../test-data.js';
import { ComplaintsTile } from './Tile.js';

const capabilities = ['module.api', 'user.read'] as const;

describe('ComplaintsTile', () => {
  it('counts the signed-in resident’s open cases and opens the page', async () => {
    const paths: string[] = [];
    const { host } = renderWithHost(<ComplaintsTile />, {
      capabilities,
      module: async ({ path }) => {
        paths.push(path);
        return { items: [], open: 2 };
      },
    });
    const tile = await screen.findByRole('button', { name: /进行中 2 件/ });
    fireEvent.click(tile);
    expect(host.navigations).toEqual(['/complaints']);
    expect(paths).toEqual(['/cases/mine']);
  });

  it('shows the board summary to an anonymous visitor', async () => {
    const paths: string[] = [];
    renderWithHost(<ComplaintsTile />, {
      capabilities,
      user: null,
      module: async ({ path }) => {
        paths.push(path);
        return board();
      },
    });
    expect(await screen.findByText('已答复 1 件')).toBeDefined();
    expect(paths).toEqual(['/board']);
  });
});
