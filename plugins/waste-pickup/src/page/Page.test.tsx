import { renderWithHost } from '@cunmen/sdk/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WastePickupPage } from './Page.js';

const config = { heading: '垃圾分类预约', pageSize: 20 };

describe('WastePickupPage', () => {
  it('adds an entry to the village store and lists it', async () => {
    const { host } = renderWithHost(<WastePickupPage />, {
      config,
      capabilities: ['store.read', 'store.write'],
    });
    expect(await screen.findByText('还没有内容')).toBeDefined();
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '第一条' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('第一条')).toBeDefined();
    const page = await host.api.store.list<{ text: string }>('entries');
    expect(page.items.map((d) => d.data.text)).toEqual(['第一条']);
  });

  it('explains an empty entry and stores nothing', async () => {
    const { host } = renderWithHost(<WastePickupPage />, {
      config,
      capabilities: ['store.read', 'store.write'],
    });
    fireEvent.click(await screen.findByRole('button', { name: '添加' }));
    expect(await screen.findByText('请填写内容')).toBeDefined();
    await waitFor(async () => expect((await host.api.store.list('entries')).items).toEqual([]));
  });
});
