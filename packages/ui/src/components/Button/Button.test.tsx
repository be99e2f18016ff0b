// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { Button } from './Button.js';

describe('Button', () => {
  it('runs onClick and defaults to type="button"', () => {
    const onClick = vi.fn();
    renderInTheme(<Button onClick={onClick}>提交</Button>);
    const button = screen.getByRole('button', { name: '提交' });
    expect(button.getAttribute('type')).toBe('button');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('while loading is disabled, aria-busy, and ignores clicks', () => {
    const onClick = vi.fn();
    renderInTheme(
      <Button loading onClick={onClick}>
        提交
      </Button>,
    );
    const button = screen.getByRole('button', { name: /提交/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.textContent).toContain('加载中…');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('uses the variant class', () => {
    renderInTheme(<Button variant="danger">删除</Button>);
    expect(screen.getByRole('button').className).toContain('cm-button--danger');
  });
});
