// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { Page } from './Page.js';

describe('Page', () => {
  it('is a section named by its h1 title and never a <main>', () => {
    const { container } = renderInTheme(
      <>
        <Page title="找农机">一</Page>
        <Page title="健康小屋" headingLevel={2}>
          二
        </Page>
      </>,
    );
    expect(container.querySelector('main')).toBeNull();
    const heading = screen.getByRole('heading', { level: 1, name: '找农机' });
    const section = heading.closest('section');
    expect(section?.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(screen.getByRole('heading', { level: 2, name: '健康小屋' })).toBeTruthy();
  });

  it('shows a back button only with onBack', () => {
    const onBack = vi.fn();
    const { rerender } = renderInTheme(<Page title="预约">x</Page>);
    expect(screen.queryByRole('button', { name: /返回/ })).toBeNull();
    rerender(
      <Page title="预约" onBack={onBack}>
        x
      </Page>,
    );
    fireEvent.click(screen.getByRole('button', { name: /返回/ }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
