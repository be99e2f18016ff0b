import { createMockHost, renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WastePickupTile } from './Tile.js';

describe('WastePickupTile', () => {
  it("shows the village's heading and opens the booking page without reading any booking", async () => {
    const host = createMockHost({ config: { heading: '垃圾预约', notice: '' }, capabilities: [] });
    renderWithHost(<WastePickupTile />, { host });
    fireEvent.click(await screen.findByRole('button', { name: /垃圾预约/ }));
    expect(screen.getByText('可回收物、大件垃圾上门收运')).toBeDefined();
    expect(host.navigations).toEqual(['/waste-pickup']);
    expect(host.calls).toEqual([]);
  });
});
