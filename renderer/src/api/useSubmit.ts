import { useCallback, useState } from 'react';
import { type ApiCallError, toApiCallError } from './client';
import { issuesByField } from './issues';

interface SubmitState {
  submitting: boolean;
  /** An error to show above the form (not one that belongs to a field). */
  error: ApiCallError | null;
  fieldErrors: Record<string, string>;
}

const IDLE: SubmitState = { submitting: false, error: null, fieldErrors: {} };

/**
 * Runs a write and spreads its failure over the form: validation issues onto the named fields,
 * anything else into `error`. Resolves to the result, or undefined when the write failed.
 */
export function useSubmit(fields: readonly string[]) {
  const [state, setState] = useState<SubmitState>(IDLE);
  const fieldKey = fields.join('|');

  const run = useCallback(
    async <T>(write: () => Promise<T>): Promise<T | undefined> => {
      setState({ submitting: true, error: null, fieldErrors: {} });
      try {
        const result = await write();
        setState(IDLE);
        return result;
      } catch (e) {
        const error = toApiCallError('', e);
        const known = fieldKey.split('|');
        const { byField, other } = issuesByField(error.issues, known);
        const field = error.details?.field;
        if (typeof field === 'string' && known.includes(field) && byField[field] === undefined) {
          byField[field] = error.message;
          setState({ submitting: false, error: null, fieldErrors: byField });
          return undefined;
        }
        const allOnFields = error.code === 'VALIDATION' && other.length === 0 && Object.keys(byField).length > 0;
        setState({ submitting: false, error: allOnFields ? null : error, fieldErrors: byField });
        return undefined;
      }
    },
    [fieldKey],
  );

  const setFieldError = useCallback((field: string, message: string | null) => {
    setState((s) => {
      const fieldErrors = { ...s.fieldErrors };
      if (message === null) delete fieldErrors[field];
      else fieldErrors[field] = message;
      return { ...s, fieldErrors };
    });
  }, []);

  const reset = useCallback(() => setState(IDLE), []);

  return { ...state, run, setFieldError, reset };
}
