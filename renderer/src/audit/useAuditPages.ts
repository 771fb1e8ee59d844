/**
 * The audit log a page at a time, newest first, going back with `before` (the oldest id shown):
 * the log only grows, so a page once read never shifts under the next. Keyed under `audit/list`,
 * so a write (which always adds a row) refetches it like every other read of the area.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiInput } from '../../../shared/api/contract';
import type { AuditPage, AuditRowView } from '../../../shared/api/types';
import { type ApiCallError, api } from '../api/client';

export type AuditFilter = Omit<ApiInput<'audit/list'>, 'before' | 'limit'>;

export interface AuditPages {
  rows: AuditRowView[];
  total: number;
  loading: boolean;
  error: ApiCallError | undefined;
  hasMore: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  reload: () => void;
}

export function useAuditPages(filter: AuditFilter, pageSize = 50): AuditPages {
  const query = useInfiniteQuery<AuditPage, ApiCallError, { pages: AuditPage[] }, unknown[], number | null>({
    queryKey: ['audit/list', { ...filter, limit: pageSize, paged: true }],
    queryFn: ({ pageParam }) => api.call('audit/list', { ...filter, before: pageParam, limit: pageSize }),
    initialPageParam: null,
    getNextPageParam: (last) => (last.rows.length < pageSize ? undefined : (last.rows.at(-1)?.id ?? undefined)),
    placeholderData: (previous) => previous,
  });
  const pages = query.data?.pages ?? [];
  return {
    rows: pages.flatMap((p) => p.rows),
    total: pages[0]?.total ?? 0,
    loading: query.isPending,
    error: query.error ?? undefined,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
    reload: () => void query.refetch(),
  };
}
