import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PartyTile } from './Tile.js';

describe('PartyTile', () => {
  it('opens the party page without asking the module anything', async () => {
    const paths: string[] = [];
    const { host } = renderWithHost(<PartyTile />, {
      capabilities: ['module.api', 'user.read'],
      user: null,
      module: async ({ path }) => paths.push(path),
    });
    fireEvent.click(await screen.findByRole('button', { name: /党建/ }));
    expect(host.navigations).toEqual(['/party']);
    expect(paths).toEqual([]);
  });
});
