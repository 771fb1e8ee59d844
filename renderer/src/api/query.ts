/**
 * Renderer data on TanStack Query. A read is a query keyed by [channel, input]; a write is a
 * mutation that, once it succeeds, invalidates the read areas shared/api/effects.ts names for it,
 * so every mounted page showing that data refetches by itself. Errors are ApiCallError.
 */
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiInput, ApiResult, Channel } from '../../../shared/api/contract';
import { ALWAYS_STALE, areaOf, isWriteChannel, WRITE_EFFECTS } from '../../../shared/api/effects';
import { type ApiCallError, api } from './client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // One local database and one officer: data changes only through our own writes, which
        // invalidate what they touch. No refetch on focus, no silent retries of a refused call.
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}

export function queryKeyOf<C extends Channel>(channel: C, input: ApiInput<C>): readonly [C, ApiInput<C>] {
  return [channel, input] as const;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  /** True while a request is in flight (the previous data stays visible meanwhile). */
  loading: boolean;
  reload: () => void;
}

/**
 * Reads a channel; re-reads when the input changes (compared by value), when `reload()` is
 * called, or when a write invalidates its area. The last data stays visible while a new input
 * loads. Pass `null` to skip.
 */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: ApiInput<C> | null,
  options: { keepPrevious?: boolean } = {},
): ApiState<ApiResult<C>> {
  const query = useQuery<ApiResult<C>, ApiCallError>({
    queryKey: [channel, input],
    queryFn: () => api.call(channel, input as ApiInput<C>),
    enabled: input !== null,
    placeholderData: options.keepPrevious === false ? undefined : (previous) => previous,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: input === null ? undefined : query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    reload,
  };
}

/** Invalidates the read areas a write changed (shared/api/effects.ts). */
export function invalidateAfter(client: QueryClient, channel: Channel): Promise<void> {
  if (!isWriteChannel(channel)) return Promise.resolve();
  const areas = new Set<string>([...WRITE_EFFECTS[channel], ...ALWAYS_STALE]);
  return client.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && areas.has(areaOf(q.queryKey[0])),
  });
}

/**
 * A write (or a job such as a preview or an export) through the typed client. On success the
 * areas it changed are invalidated before `mutateAsync` resolves.
 */
export function useApiMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<ApiResult<C>, ApiCallError, ApiInput<C>>({
    mutationFn: (input) => api.call(channel, input),
    onSuccess: () => invalidateAfter(client, channel),
  });
}
