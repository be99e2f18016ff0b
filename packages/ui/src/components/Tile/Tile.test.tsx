// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { Tile } from './Tile.js';
import { TileGrid } from './TileGrid.js';

describe('Tile', () => {
  it('is a real link with href, its name from title, subtitle and badge label', () => {
    renderInTheme(
      <Tile
        icon="tractor"
        title="找农机"
        subtitle="附近 12 台"
        badge={3}
        badgeLabel="3 条新消息"
        href="#/m"
      />,
    );
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('#/m');
    expect(link.textContent).toContain('找农机');
    // The icon and the bare badge number are hidden; the badge label is read instead.
    expect(link.querySelector('.cm-tile__icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(link.querySelector('.cm-tile__badge')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('3 条新消息').className).toBe('cm-visually-hidden');
  });

  it('draws a kit icon by name, or the element it is given, and keeps a long title whole as the tooltip', () => {
    const long = '村级集体经济组织农村产权流转交易服务平台（试运行）';
    const { container } = renderInTheme(
      <>
        <Tile icon="tractor" title={long} href="#/a" />
        <Tile icon={<img src="/own.svg" alt="" />} title="自带图标" href="#/b" />
      </>,
    );
    const [first, second] = Array.from(container.querySelectorAll('.cm-tile'));
    expect(first?.querySelector('.cm-tile__icon svg use')?.getAttribute('href')).toBe('#cm-icon-tractor');
    expect(first?.querySelector('.cm-tile__title')?.getAttribute('title')).toBe(long);
    expect(second?.querySelector('.cm-tile__icon img')?.getAttribute('src')).toBe('/own.svg');
  });

  it('is a button with onClick', () => {
    const onClick = vi.fn();
    renderInTheme(<Tile title="党建" onClick={onClick} />);
    const button = screen.getByRole('button', { name: '党建' });
    expect(button.getAttribute('type')).toBe('button');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('TileGrid puts every tile in a list item', () => {
    renderInTheme(
      <TileGrid label="服务" columns={3}>
        <Tile title="一" href="#1" />
        <Tile title="二" href="#2" />
      </TileGrid>,
    );
    const list = screen.getByRole('list', { name: '服务' });
    expect(list.parentElement?.className).toContain('cm-tile-grid--3');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
