/** A single-line text input with a visible label, hint and validation message. */
import type { ChangeEvent, InputHTMLAttributes, Ref } from 'react';
import { Field, type FieldBaseProps, fieldA11y, useFieldIds } from '../../internal/Field.js';

export interface TextFieldProps
  extends FieldBaseProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'size' | 'type' | 'value' | 'defaultValue'> {
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel';
  value?: string;
  defaultValue?: string;
  /** Called with the new text on every change. */
  onValueChange?: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * @example
 * <TextField label="姓名" required value={name} onValueChange={setName} error={nameError} />
 */
export function TextField({
  label,
  hint,
  error,
  id,
  type = 'text',
  className,
  onChange,
  onValueChange,
  required,
  'aria-describedby': describedBy,
  ...rest
}: TextFieldProps) {
  const ids = useFieldIds(id);
  const a11y = fieldA11y(ids, { hint, error }, describedBy);
  return (
    <Field ids={ids} label={label} hint={hint} error={error} required={required} className={className}>
      <input
        {...rest}
        {...a11y}
        id={ids.inputId}
        type={type}
        required={required}
        className="cm-input"
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          onChange?.(event);
          onValueChange?.(event.target.value);
        }}
      />
    </Field>
  );
}
