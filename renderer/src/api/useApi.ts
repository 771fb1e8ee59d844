import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiInput, ApiResult, Channel } from '../../../shared/api/contract';
import { type ApiCallError, api, toApiCallError } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  /** True while a request is in flight (the previous data stays visible meanwhile). */
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a read channel and re-calls it whenever the input changes (compared by value) or
 * `reload()` is called. Responses to superseded requests are ignored. Pass `null` to skip.
 */
export function useApi<C extends Channel>(channel: C, input: ApiInput<C> | null): ApiState<ApiResult<C>> {
  const key = input === null ? null : JSON.stringify(input);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data?: ApiResult<C>; error?: ApiCallError; loading: boolean }>({
    loading: key !== null,
  });

  // A new object per input or reload: the effect below re-runs exactly then.
  const request = useMemo(() => (key === null ? null : { key, tick }), [key, tick]);

  useEffect(() => {
    if (request === null) {
      setState({ loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ data: s.data, loading: true }));
    api.call(channel, JSON.parse(request.key) as ApiInput<C>).then(
      (data) => {
        if (current) setState({ data, loading: false });
      },
      (e: unknown) => {
        if (current) setState((s) => ({ data: s.data, error: toApiCallError(channel, e), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [channel, request]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
