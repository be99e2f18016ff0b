// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { Button } from '../Button/Button.js';
import { List, ListItem } from './List.js';

describe('List', () => {
  it('renders rows with title, description and a separate trailing action', () => {
    const book = vi.fn();
    const open = vi.fn();
    renderInTheme(
      <List label="农机">
        <ListItem
          title="旋耕机"
          description="2 公里"
          onClick={open}
          trailing={<Button onClick={book}>预约</Button>}
        />
        <ListItem title="通知" href="#/n" />
      </List>,
    );
    expect(screen.getByRole('list', { name: '农机' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const main = screen.getByRole('button', { name: /旋耕机/ });
    expect(main.textContent).toBe('旋耕机2 公里');
    // The trailing button is not inside the row's button.
    expect(main.contains(screen.getByRole('button', { name: '预约' }))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '预约' }));
    expect(book).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: '通知' }).getAttribute('href')).toBe('#/n');
  });
});
