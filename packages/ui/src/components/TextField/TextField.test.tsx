// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { TextField } from './TextField.js';

describe('TextField', () => {
  it('labels the input and links the validation message with aria-describedby and aria-invalid', () => {
    renderInTheme(<TextField label="姓名" hint="请填写身份证上的姓名" error="请填写姓名" required />);
    const input = screen.getByLabelText(/姓名/);
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.hasAttribute('required')).toBe(true);
    const described = referenced(input).map((el) => el.textContent);
    expect(described).toEqual(['请填写身份证上的姓名', '!请填写姓名']);
  });

  it('is not invalid without an error and names only the hint', () => {
    renderInTheme(<TextField label="姓名" hint="提示" />);
    const input = screen.getByLabelText('姓名');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(referenced(input).map((el) => el.textContent)).toEqual(['提示']);
  });

  it('keeps an aria-describedby passed by the caller', () => {
    renderInTheme(
      <>
        <p id="extra">另见说明</p>
        <TextField label="姓名" aria-describedby="extra" error="错误" />
      </>,
    );
    const input = screen.getByLabelText('姓名');
    expect(referenced(input).map((el) => el.id)).toEqual(['extra', expect.stringMatching(/-error$/)]);
  });

  it('reports the typed value', () => {
    const onValueChange = vi.fn();
    renderInTheme(<TextField label="姓名" onValueChange={onValueChange} />);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '张三' } });
    expect(onValueChange).toHaveBeenCalledWith('张三');
  });
});
