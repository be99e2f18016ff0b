// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { isValidPhone, normalizePhone, PhoneField } from './PhoneField.js';

describe('PhoneField', () => {
  it('keeps digits only, at most 11', () => {
    const onValueChange = vi.fn();
    renderInTheme(<PhoneField label="联系电话" onValueChange={onValueChange} />);
    const input = screen.getByLabelText('联系电话') as HTMLInputElement;
    expect(input.type).toBe('tel');
    fireEvent.change(input, { target: { value: '138-0013-8000 9' } });
    expect(onValueChange).toHaveBeenLastCalledWith('13800138000');
    expect(input.value).toBe('13800138000');
  });

  it('explains an invalid number when the field is left, linked by aria-describedby', () => {
    renderInTheme(<PhoneField label="联系电话" />);
    const input = screen.getByLabelText('联系电话');
    fireEvent.change(input, { target: { value: '1380013' } });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(referenced(input).map((el) => el.textContent)).toEqual(['!请输入 11 位手机号码']);
    fireEvent.change(input, { target: { value: '13800138000' } });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('prefers the error from the form', () => {
    renderInTheme(<PhoneField label="联系电话" error="该号码已登记" />);
    expect(referenced(screen.getByLabelText('联系电话')).map((el) => el.textContent)).toEqual([
      '!该号码已登记',
    ]);
  });

  it('validates mainland mobile numbers', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('12800138000')).toBe(false);
    expect(isValidPhone('1380013800')).toBe(false);
  });

  it('validates landlines with their area code only when asked', () => {
    expect(isValidPhone('05728012345')).toBe(false);
    expect(isValidPhone('05728012345', { landline: true })).toBe(true);
    expect(isValidPhone('01062345678', { landline: true })).toBe(true);
    expect(isValidPhone('8012345', { landline: true })).toBe(false);
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('0572-801 2345')).toBe('05728012345');
  });

  it('takes a landline with allowLandline and explains both forms when invalid', () => {
    const onValueChange = vi.fn();
    renderInTheme(<PhoneField label="联系电话" allowLandline onValueChange={onValueChange} />);
    const input = screen.getByLabelText('联系电话') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '0572-8012345' } });
    expect(onValueChange).toHaveBeenLastCalledWith('05728012345');
    fireEvent.blur(input);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    fireEvent.change(input, { target: { value: '0572-80' } });
    fireEvent.blur(input);
    expect(referenced(input).map((el) => el.textContent)).toEqual(['!请输入手机号码，或带区号的固定电话']);
  });
});
