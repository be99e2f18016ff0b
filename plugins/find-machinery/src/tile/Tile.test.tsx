import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { config, owners } from '../test-data.js';
import { FindMachineryTile } from './Tile.js';

describe('FindMachineryTile', () => {
  it('counts the available machines and opens the page', async () => {
    const host = createMockHost({ config, capabilities: ['store.read'] });
    host.seed('owners', owners);
    renderWithHost(<FindMachineryTile />, { host });
    const tile = await screen.findByRole('button', { name: /可用农机 2 台/ });
    fireEvent.click(tile);
    expect(host.navigations).toEqual(['/find-machinery']);
  });

  it('counts zero in an empty village', async () => {
    renderWithHost(<FindMachineryTile />, { config, capabilities: ['store.read'] });
    expect(await screen.findByText('可用农机 0 台')).toBeDefined();
  });
});
