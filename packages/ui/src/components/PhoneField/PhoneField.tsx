/**
 * A mainland mobile number: telephone keypad, digits only, at most 11, and “请输入 11 位手机号码” when
 * the field is left with an invalid number (a message passed in `error` takes precedence).
 */
import { type FocusEvent, type InputHTMLAttributes, type Ref, useState } from 'react';
import { Field, type FieldBaseProps, fieldA11y, hasContent, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

/**
 * True for an 11-digit mainland mobile number (1, then 3–9, then 9 digits).
 *
 * @example
 * isValidPhone('13800138000') // true
 */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

export interface PhoneFieldProps
  extends FieldBaseProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'size' | 'onChange'> {
  value?: string;
  defaultValue?: string;
  /** Called with the digits typed so far (spaces and dashes removed). */
  onValueChange?: (value: string) => void;
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
  const check = (digits: string) => (digits === '' || isValidPhone(digits) ? null : t('phoneInvalid'));
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
          const digits = event.target.value.replace(/\D/g, '').slice(0, 11);
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
