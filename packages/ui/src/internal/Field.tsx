/**
 * The chrome every form field shares: a visible label, an optional hint, the control, and a validation
 * message. The control gets `aria-invalid` and an `aria-describedby` that names the hint and the message
 * (see {@link fieldA11y}).
 */
import { type ReactNode, useId } from 'react';
import { useTheme } from '../components/ThemeProvider/useTheme.js';
import { cx } from './cx.js';

export interface FieldBaseProps {
  /** Visible label. */
  label: ReactNode;
  /** Help text under the label. */
  hint?: ReactNode;
  /** Validation message; marks the control invalid. */
  error?: ReactNode;
}

export interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
}

export function useFieldIds(id?: string): FieldIds {
  const auto = useId();
  const base = id ?? `cm${auto.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return { inputId: base, hintId: `${base}-hint`, errorId: `${base}-error` };
}

export function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== '';
}

/** Joins ids for aria-describedby; undefined when there are none. */
export function joinIds(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** The aria attributes of a control inside a Field. */
export function fieldA11y(
  ids: FieldIds,
  { hint, error }: { hint?: ReactNode; error?: ReactNode },
  ...extra: Array<string | false | null | undefined>
): { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined } {
  const invalid = hasContent(error);
  return {
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': joinIds(hasContent(hint) && ids.hintId, ...extra, invalid && ids.errorId),
  };
}

export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useTheme();
  if (!required) return null;
  // The control carries `required`; the visible word is for sighted readers only.
  return (
    <span className="cm-field__required" aria-hidden="true">
      {t('required')}
    </span>
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hasContent(hint)) return null;
  return (
    <p className="cm-field__hint" id={id}>
      {hint}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: ReactNode }) {
  if (!hasContent(error)) return null;
  return (
    <p className="cm-field__error" id={id}>
      <span className="cm-field__error-icon" aria-hidden="true">
        !
      </span>
      {error}
    </p>
  );
}

export interface FieldProps extends FieldBaseProps {
  ids: FieldIds;
  required?: boolean;
  className?: string;
  /** Rendered between the control and the error (e.g. a counter). */
  footer?: ReactNode;
  children: ReactNode;
}

export function Field({ ids, label, hint, error, required, className, footer, children }: FieldProps) {
  return (
    <div className={cx('cm-field', hasContent(error) && 'cm-field--invalid', className)}>
      <label className="cm-field__label" htmlFor={ids.inputId}>
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldHint id={ids.hintId} hint={hint} />
      {children}
      {footer}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}
