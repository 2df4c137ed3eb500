import { useState } from 'react';
import type { CallResult } from '../../../shared';
import { fieldErrors, formLevelError } from '../lib/errors';

/**
 * Runs a form's call and keeps what went wrong: problems by form field and
 * one form-wide sentence. `aliases` maps contract field paths to form fields.
 */
export function useFormCall(
  formFields: readonly string[],
  aliases: Record<string, string> = {},
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function run<T>(
    call: () => Promise<CallResult<T>>,
  ): Promise<T | undefined> {
    setBusy(true);
    try {
      const result = await call();
      if (result.ok) {
        setErrors({});
        setFormError(null);
        return result.value;
      }
      setErrors(fieldErrors(result.error, aliases));
      setFormError(formLevelError(result.error, formFields, aliases));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  /** Reports problems found before calling, such as an empty date. */
  function reject(problems: Record<string, string>): void {
    setErrors(problems);
    setFormError('Some fields need fixing.');
  }

  return { errors, formError, isBusy, run, reject };
}
