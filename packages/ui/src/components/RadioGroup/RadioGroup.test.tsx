// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { RadioGroup } from './RadioGroup.js';

const options = [
  { value: 'am', label: '上午' },
  { value: 'pm', label: '下午' },
];

describe('RadioGroup', () => {
  it('is a radiogroup named by its legend with the error linked', () => {
    renderInTheme(<RadioGroup label="上门时间" options={options} required error="请选择上门时间" />);
    const group = screen.getByRole('radiogroup', { name: /上门时间/ });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-required')).toBe('true');
    expect(referenced(group).map((el) => el.textContent)).toEqual(['!请选择上门时间']);
  });

  it('selects an option by its label and calls back', () => {
    const onValueChange = vi.fn();
    renderInTheme(<RadioGroup label="上门时间" options={options} onValueChange={onValueChange} />);
    const pm = screen.getByLabelText('下午') as HTMLInputElement;
    fireEvent.click(pm);
    expect(onValueChange).toHaveBeenCalledWith('pm');
    expect(pm.checked).toBe(true);
    expect(pm.closest('.cm-radio')?.className).toContain('cm-radio--checked');
    expect((screen.getByLabelText('上午') as HTMLInputElement).name).toBe(pm.name);
  });
});
