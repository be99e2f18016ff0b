// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { NumberField } from './NumberField.js';

describe('NumberField', () => {
  it('steps within min and max and reports numbers', () => {
    const onValueChange = vi.fn();
    renderInTheme(
      <NumberField label="面积" unit="亩" min={0} max={2} defaultValue={1} onValueChange={onValueChange} />,
    );
    const input = screen.getByLabelText('面积') as HTMLInputElement;
    expect(input.inputMode).toBe('numeric');
    expect(referenced(input).map((el) => el.textContent)).toEqual(['亩']);
    const plus = screen.getByRole('button', { name: '增加' }) as HTMLButtonElement;
    fireEvent.click(plus);
    expect(onValueChange).toHaveBeenLastCalledWith(2);
    expect(input.value).toBe('2');
    expect(plus.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '减少' }));
    fireEvent.click(screen.getByRole('button', { name: '减少' }));
    expect(input.value).toBe('0');
    expect((screen.getByRole('button', { name: '减少' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('steps decimals without float noise', () => {
    renderInTheme(<NumberField label="重量" step={0.1} defaultValue={0.2} />);
    fireEvent.click(screen.getByRole('button', { name: '增加' }));
    expect((screen.getByLabelText('重量') as HTMLInputElement).value).toBe('0.3');
  });

  it('shows a linked message when left with text or a number out of range', () => {
    const onValueChange = vi.fn();
    renderInTheme(<NumberField label="人数" max={10} onValueChange={onValueChange} />);
    const input = screen.getByLabelText('人数');
    fireEvent.change(input, { target: { value: 'abc' } });
    expect(onValueChange).toHaveBeenLastCalledWith(null);
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(referenced(input).map((el) => el.textContent)).toEqual(['!请输入数字']);
    fireEvent.change(input, { target: { value: '12' } });
    expect(referenced(input).map((el) => el.textContent)).toEqual(['!不能大于 10']);
    fireEvent.change(input, { target: { value: '8' } });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(onValueChange).toHaveBeenLastCalledWith(8);
  });
});
