// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { Select } from './Select.js';

const options = [
  { value: '1', label: '一组' },
  { value: '2', label: '二组' },
];

describe('Select', () => {
  it('is a native select with the 请选择 placeholder first', () => {
    const onValueChange = vi.fn();
    renderInTheme(<Select label="村民小组" options={options} onValueChange={onValueChange} />);
    const select = screen.getByLabelText('村民小组') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['请选择', '一组', '二组']);
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: '2' } });
    expect(onValueChange).toHaveBeenCalledWith('2');
  });

  it('links its validation message', () => {
    renderInTheme(<Select label="村民小组" options={options} error="请选择村民小组" />);
    const select = screen.getByLabelText('村民小组');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(referenced(select).map((el) => el.textContent)).toEqual(['!请选择村民小组']);
  });
});
