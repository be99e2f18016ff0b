/**
 * A mainland mobile number: telephone keypad, digits only, at most 11, and “请输入 11 位手机号码” when
 * the field is left with an invalid number (a message passed in `error` takes precedence).
 */
import { type FocusEvent, type InputHTMLAttributes, type Ref, useState } from 'react';
import { Field, type FieldBaseProps, fieldA11y, hasContent, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

/** Landline with its area code: 010 / 02x and 8 digits, or a 4-digit area code and 7–8 digits. */
const LANDLINE = /^(0(10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$/;

/**
 * Digits only, as people type numbers: spaces, dashes, brackets and a +86 / 0086 prefix removed.
 *
 * @example
 * normalizePhone('0572-801 2345') // '05728012345'
 */
export function normalizePhone(value: string): string {
  return value.replace(/[\s\-()（）]/g, '').replace(/^(\+|00)86/, '');
}

/**
 * True for an 11-digit mainland mobile number (1, then 3–9, then 9 digits) or, with `landline`, also a
 * fixed-line number with its area code. Pass digits (see `normalizePhone`).
 *
 * @example
 * isValidPhone('13800138000') // true
 * isValidPhone('05728012345', { landline: true }) // true
 */
export function isValidPhone(value: string, options: { landline?: boolean } = {}): boolean {
  return /^1[3-9]\d{9}$/.test(value) || (options.landline === true && LANDLINE.test(value));
}

export interface PhoneFieldProps
  extends FieldBaseProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'size' | 'onChange'> {
  value?: string;
  defaultValue?: string;
  /** Called with the digits typed so far (spaces and dashes removed). */
  onValueChange?: (value: string) => void;
  /** Also accept a landline with its area code (up to 12 digits), e.g. a business number. */
  allowLandline?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * @example
 * <PhoneField label="联系电话" required value={phone} onValueChange={setPhone} />
 */
export function PhoneField({
  label,
  hint,
  error,
  id,
  className,
  value,
  defaultValue,
  onValueChange,
  allowLandline = false,
  onBlur,
  required,
  'aria-describedby': describedBy,
  ...rest
}: PhoneFieldProps) {
  const { t } = useTheme();
  const ids = useFieldIds(id);
  const [own, setOwn] = useState(defaultValue ?? '');
  const [ownError, setOwnError] = useState<string | null>(null);
  const current = value ?? own;
  const check = (digits: string) =>
    digits === '' || isValidPhone(digits, { landline: allowLandline })
      ? null
      : t(allowLandline ? 'phoneOrLandlineInvalid' : 'phoneInvalid');
  const shownError = hasContent(error) ? error : ownError;
  const a11y = fieldA11y(ids, { hint, error: shownError }, describedBy);
  return (
    <Field ids={ids} label={label} hint={hint} error={shownError} required={required} className={className}>
      <input
        autoComplete="tel-national"
        {...rest}
        {...a11y}
        id={ids.inputId}
        type="tel"
        inputMode="numeric"
        required={required}
        className="cm-input cm-phone"
        value={current}
        onChange={(event) => {
          const digits = normalizePhone(event.target.value)
            .replace(/\D/g, '')
            .slice(0, allowLandline ? 12 : 11);
          if (value === undefined) setOwn(digits);
          if (ownError !== null) setOwnError(check(digits));
          onValueChange?.(digits);
        }}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          setOwnError(check(current));
          onBlur?.(event);
        }}
      />
    </Field>
  );
}
