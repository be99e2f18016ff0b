/** Submit a form (a booking, a sign-up; needs `form.submit`). */
import { useCallback, useState } from 'react';
import type { HostError } from '../core/errors.js';
import type { FormReceipt } from '../core/host-api.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface SubmitForm {
  /** Resolves the receipt, or `undefined` on failure (see `error`). */
  submit(data: unknown): Promise<FormReceipt | undefined>;
  pending: boolean;
  error: HostError | null;
  /** The last successful submission's receipt. */
  result: FormReceipt | null;
  /** Clears `result` and `error`, e.g. to fill the form in again. */
  reset(): void;
}

/**
 * @example
 * const { submit, pending, error, result } = useSubmitForm('waste-pickup');
 * if (result) return <p>{t('booked')}</p>;
 */
export function useSubmitForm(formId: string): SubmitForm {
  const { api } = useHost();
  const { track, pending, error, clearError } = useTracked();
  const [result, setResult] = useState<FormReceipt | null>(null);
  const submit = useCallback(
    async (data: unknown) => {
      const outcome = await track(() => api.forms.submit(formId, data));
      if (!outcome.ok) return undefined;
      setResult(outcome.value);
      return outcome.value;
    },
    [api, formId, track],
  );
  const reset = useCallback(() => {
    setResult(null);
    clearError();
  }, [clearError]);
  return { submit, pending, error, result, reset };
}
