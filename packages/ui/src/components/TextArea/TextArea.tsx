/** Multi-line text with a visible label, validation message and a character counter (with maxLength). */
import { type ChangeEvent, type Ref, type TextareaHTMLAttributes, useState } from 'react';
import { Field, type FieldBaseProps, fieldA11y, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface TextAreaProps
  extends FieldBaseProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue'> {
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Shows “n/max” under the field and stops input at max characters. */
  maxLength?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * @example
 * <TextArea label="问题描述" maxLength={200} value={text} onValueChange={setText} />
 */
export function TextArea({
  label,
  hint,
  error,
  id,
  className,
  value,
  defaultValue,
  onChange,
  onValueChange,
  maxLength,
  required,
  rows = 4,
  'aria-describedby': describedBy,
  ...rest
}: TextAreaProps) {
  const { t } = useTheme();
  const ids = useFieldIds(id);
  const counterId = `${ids.inputId}-counter`;
  const [own, setOwn] = useState(defaultValue ?? '');
  const current = value ?? own;
  const hasCounter = maxLength !== undefined;
  const a11y = fieldA11y(ids, { hint, error }, describedBy, hasCounter && counterId);
  const counter = hasCounter ? (
    <p className="cm-field__counter" id={counterId}>
      <span aria-hidden="true">
        {current.length}/{maxLength}
      </span>
      <span className="cm-visually-hidden">{t('counter', { count: current.length, max: maxLength })}</span>
    </p>
  ) : null;
  return (
    <Field
      ids={ids}
      label={label}
      hint={hint}
      error={error}
      required={required}
      className={className}
      footer={counter}
    >
      <textarea
        {...rest}
        {...a11y}
        id={ids.inputId}
        rows={rows}
        required={required}
        maxLength={maxLength}
        className="cm-input cm-textarea"
        value={value}
        defaultValue={value === undefined ? defaultValue : undefined}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          if (value === undefined) setOwn(event.target.value);
          onChange?.(event);
          onValueChange?.(event.target.value);
        }}
      />
    </Field>
  );
}
