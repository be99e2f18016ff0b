// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { Button } from '../Button/Button.js';
import { useToast } from './useToast.js';

function SaveButton({ durationMs }: { durationMs?: number | null }) {
  const toast = useToast();
  return <Button onClick={() => toast.show('已保存', { tone: 'success', durationMs })}>保存</Button>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useToast', () => {
  it('shows an overlay in the polite live region in normal mode and hides it after 3 s', () => {
    vi.useFakeTimers();
    renderInTheme(<SaveButton />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.className).toContain('cm-toast-region--overlay');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const toast = region.querySelector('.cm-toast');
    expect(toast?.textContent).toBe('已保存');
    expect(toast?.getAttribute('data-cm-toast')).toBe('overlay');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(region.textContent).toBe('');
  });

  it('is an inline status message in elderly mode: in the flow, no overlay, stays until closed', () => {
    vi.useFakeTimers();
    const { container } = renderInTheme(<SaveButton />, { elderly: true });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.className).toContain('cm-toast-region--inline');
    expect(region.className).not.toContain('overlay');
    const toast = region.querySelector('.cm-toast');
    expect(toast?.getAttribute('data-cm-toast')).toBe('inline');
    expect(toast?.className).toContain('cm-toast--inline');
    // In the flow: the region is a sibling after the content, inside the themed root.
    expect(region.parentElement).toBe(container.querySelector('.cm-root'));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(region.textContent).toContain('已保存');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(region.textContent).toBe('');
  });

  it('throws a clear error outside a ThemeProvider', async () => {
    const { render } = await import('@testing-library/react');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<SaveButton />)).toThrow('useToast() needs a <ThemeProvider> above it');
    spy.mockRestore();
  });
});
