/**
 * A number input that works with any phone keyboard: a text input with a numeric keypad (`inputMode`),
 * optional − / + buttons, a unit (亩, 元 …), and min/max checks shown when the field is left.
 */
import { type FocusEvent, type InputHTMLAttributes, type ReactNode, useEffect, useState } from 'react';
import { Field, type FieldBaseProps, fieldA11y, hasContent, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface NumberFieldProps
  extends FieldBaseProps,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'type' | 'value' | 'defaultValue' | 'min' | 'max' | 'step' | 'size' | 'onChange'
    > {
  value?: number | null;
  defaultValue?: number | null;
  /** Called with the number, or null when the field is empty or not a number. */
  onValueChange?: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Step of the − / + buttons; 1 by default. Decimals are allowed when it is not whole. */
  step?: number;
  /** Unit shown after the input, e.g. “亩”. */
  unit?: ReactNode;
  /** Shows − / + buttons; true by default. */
  stepper?: boolean;
}

function format(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}

function parse(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || !/^-?\d*(\.\d+)?$/.test(trimmed) || trimmed === '-') return null;
  return Number(trimmed);
}

function decimals(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * @example
 * <NumberField label="面积" unit="亩" min={0} max={500} value={area} onValueChange={setArea} />
 */
export function NumberField({
  label,
  hint,
  error,
  id,
  className,
  value,
  defaultValue,
  onValueChange,
  min,
  max,
  step = 1,
  unit,
  stepper = true,
  required,
  disabled,
  onBlur,
  'aria-describedby': describedBy,
  ...rest
}: NumberFieldProps) {
  const { t } = useTheme();
  const ids = useFieldIds(id);
  const unitId = `${ids.inputId}-unit`;
  const [text, setText] = useState(() => format(value !== undefined ? value : defaultValue));
  const [ownError, setOwnError] = useState<string | null>(null);

  // Follow a controlled value that changes from outside (unless the text already means that number).
  useEffect(() => {
    if (value === undefined) return;
    setText((old) => (parse(old) === value ? old : format(value)));
  }, [value]);

  const validate = (candidate: string): string | null => {
    if (candidate.trim() === '') return null;
    const n = parse(candidate);
    if (n === null) return t('numberInvalid');
    if (min !== undefined && n < min) return t('numberMin', { min });
    if (max !== undefined && n > max) return t('numberMax', { max });
    return null;
  };

  const commit = (next: string) => {
    setText(next);
    if (ownError !== null) setOwnError(validate(next));
    onValueChange?.(parse(next));
  };

  const current = parse(text);
  const stepBy = (direction: 1 | -1) => {
    let next = (current ?? min ?? 0) + direction * step;
    if (min !== undefined) next = Math.max(min, next);
    if (max !== undefined) next = Math.min(max, next);
    commit(format(Number(next.toFixed(decimals(step)))));
  };

  const shownError = hasContent(error) ? error : ownError;
  const a11y = fieldA11y(ids, { hint, error: shownError }, describedBy, hasContent(unit) && unitId);
  const wholeSteps = Number.isInteger(step) && (min === undefined || Number.isInteger(min));

  return (
    <Field ids={ids} label={label} hint={hint} error={shownError} required={required} className={className}>
      <div className="cm-number">
        {stepper ? (
          <button
            type="button"
            className="cm-number__step"
            aria-label={t('decrease')}
            aria-controls={ids.inputId}
            disabled={disabled || (min !== undefined && current !== null && current <= min)}
            onClick={() => stepBy(-1)}
          >
            <span aria-hidden="true">−</span>
          </button>
        ) : null}
        <input
          {...rest}
          {...a11y}
          id={ids.inputId}
          type="text"
          inputMode={wholeSteps ? 'numeric' : 'decimal'}
          autoComplete="off"
          className="cm-input cm-number__input"
          required={required}
          disabled={disabled}
          value={text}
          onChange={(event) => commit(event.target.value)}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            setOwnError(validate(event.target.value));
            onBlur?.(event);
          }}
        />
        {hasContent(unit) ? (
          <span className="cm-number__unit" id={unitId}>
            {unit}
          </span>
        ) : null}
        {stepper ? (
          <button
            type="button"
            className="cm-number__step"
            aria-label={t('increase')}
            aria-controls={ids.inputId}
            disabled={disabled || (max !== undefined && current !== null && current >= max)}
            onClick={() => stepBy(1)}
          >
            <span aria-hidden="true">+</span>
          </button>
        ) : null}
      </div>
    </Field>
  );
}
