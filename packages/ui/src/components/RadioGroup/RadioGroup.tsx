/**
 * One choice out of a few, as large tappable rows. A fieldset with role="radiogroup" named by its legend;
 * the validation message is linked with aria-describedby and aria-invalid on the group. Each native
 * radio input covers its whole row, so the touch target is the row.
 */
import { type ReactNode, useId, useState } from 'react';
import { cx } from '../../internal/cx.js';
import {
  type FieldBaseProps,
  FieldError,
  FieldHint,
  fieldA11y,
  RequiredMark,
  useFieldIds,
} from '../../internal/Field.js';

export interface RadioOption {
  value: string;
  label: ReactNode;
  /** Second line under the label. */
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps extends FieldBaseProps {
  options: RadioOption[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Form field name; generated when absent. */
  name?: string;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  className?: string;
}

/**
 * @example
 * <RadioGroup label="上门时间" options={[{ value: 'am', label: '上午' }, { value: 'pm', label: '下午' }]} />
 */
export function RadioGroup({
  label,
  hint,
  error,
  options,
  value,
  defaultValue,
  onValueChange,
  name,
  required,
  disabled,
  id,
  className,
}: RadioGroupProps) {
  const ids = useFieldIds(id);
  const legendId = `${ids.inputId}-legend`;
  const autoName = useId();
  const [own, setOwn] = useState(defaultValue);
  const selected = value ?? own;
  const a11y = fieldA11y(ids, { hint, error });
  return (
    <fieldset
      {...a11y}
      id={ids.inputId}
      // A fieldset may take role="radiogroup" (ARIA in HTML); that role carries aria-invalid/-required.
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: radiogroup is an allowed role of fieldset
      role="radiogroup"
      aria-labelledby={legendId}
      aria-required={required || undefined}
      className={cx('cm-field', 'cm-radio-group', a11y['aria-invalid'] && 'cm-field--invalid', className)}
      disabled={disabled}
    >
      <legend className="cm-field__label" id={legendId}>
        {label}
        <RequiredMark required={required} />
      </legend>
      <FieldHint id={ids.hintId} hint={hint} />
      {options.map((option, index) => {
        const optionId = `${ids.inputId}-${index}`;
        const checked = selected === option.value;
        return (
          <div
            key={option.value}
            className={cx(
              'cm-radio',
              checked && 'cm-radio--checked',
              option.disabled && 'cm-radio--disabled',
            )}
          >
            <input
              type="radio"
              className="cm-radio__input"
              id={optionId}
              name={name ?? autoName}
              value={option.value}
              checked={checked}
              disabled={option.disabled}
              required={required}
              onChange={() => {
                if (value === undefined) setOwn(option.value);
                onValueChange?.(option.value);
              }}
            />
            <span className="cm-radio__mark" aria-hidden="true" />
            <label className="cm-radio__label" htmlFor={optionId}>
              <span className="cm-radio__text">{option.label}</span>
              {option.description ? (
                <span className="cm-radio__description">{option.description}</span>
              ) : null}
            </label>
          </div>
        );
      })}
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}
