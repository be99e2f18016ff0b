// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { ElderlyModeSwitch } from './ElderlyModeSwitch.js';

afterEach(() => {
  localStorage.clear();
});

function Controlled({ onChange }: { onChange: (checked: boolean) => void }) {
  const [on, setOn] = useState(false);
  return (
    <ElderlyModeSwitch
      checked={on}
      onChange={(next) => {
        onChange(next);
        setOn(next);
      }}
    />
  );
}

describe('ElderlyModeSwitch', () => {
  it('is a labelled switch that toggles aria-checked and calls back', () => {
    const onChange = vi.fn();
    renderInTheme(<Controlled onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: '长辈版' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith(false);
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('without `checked` switches the ThemeProvider and the provider remembers it', () => {
    const onElderlyChange = vi.fn();
    const { container, unmount } = renderInTheme(<ElderlyModeSwitch />, {
      storageKey: 'cm-elderly',
      onElderlyChange,
    });
    const root = container.querySelector('.cm-root');
    expect(root?.getAttribute('data-cm-elderly')).toBe('false');
    fireEvent.click(screen.getByRole('switch'));
    expect(root?.getAttribute('data-cm-elderly')).toBe('true');
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(onElderlyChange).toHaveBeenCalledWith(true);
    expect(localStorage.getItem('cm-elderly')).toBe('true');
    unmount();
    const again = renderInTheme(<ElderlyModeSwitch />, { storageKey: 'cm-elderly' });
    expect(again.container.querySelector('.cm-root')?.getAttribute('data-cm-elderly')).toBe('true');
  });

  it('follows the locale', () => {
    renderInTheme(<ElderlyModeSwitch />, { locale: 'en' });
    expect(screen.getByRole('switch', { name: 'Senior mode' })).toBeTruthy();
  });
});
