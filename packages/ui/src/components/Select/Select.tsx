/** A native select (the phone's own picker, which elderly users know) with label and validation. */
import type { ChangeEvent, Ref, SelectHTMLAttributes } from 'react';
import { Field, type FieldBaseProps, fieldA11y, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps
  extends FieldBaseProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'defaultValue' | 'multiple'> {
  options: SelectOption[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** First, empty option; defaults to the built-in “请选择”. Pass `false` for none. */
  placeholder?: string | false;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * @example
 * <Select label="所在村组" options={[{ value: '1', label: '一组' }]} value={group} onValueChange={setGroup} />
 */
export function Select({
  label,
  hint,
  error,
  id,
  className,
  options,
  placeholder,
  onChange,
  onValueChange,
  required,
  value,
  defaultValue,
  'aria-describedby': describedBy,
  ...rest
}: SelectProps) {
  const { t } = useTheme();
  const ids = useFieldIds(id);
  const a11y = fieldA11y(ids, { hint, error }, describedBy);
  const placeholderText = placeholder === false ? null : (placeholder ?? t('selectPlaceholder'));
  return (
    <Field ids={ids} label={label} hint={hint} error={error} required={required} className={className}>
      <span className="cm-select">
        <select
          {...rest}
          {...a11y}
          id={ids.inputId}
          required={required}
          className="cm-input cm-select__control"
          value={value}
          defaultValue={
            value === undefined ? (defaultValue ?? (placeholderText === null ? undefined : '')) : undefined
          }
          onChange={(event: ChangeEvent<HTMLSelectElement>) => {
            onChange?.(event);
            onValueChange?.(event.target.value);
          }}
        >
          {placeholderText === null ? null : (
            <option value="" disabled={required}>
              {placeholderText}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="cm-select__arrow" aria-hidden="true" />
      </span>
    </Field>
  );
}
