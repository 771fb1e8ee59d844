/**
 * On-demand paging for the virtualised customer list: pages of PAGE_SIZE rows are fetched as
 * they scroll into view and cached by page index. A new query (search or unit) starts a new
 * cache; responses that belong to an older query are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerRow } from '../../../../shared/api/types';
import { type ApiCallError, api, toApiCallError } from '../../api/client';

export const PAGE_SIZE = 100;

interface PageStore {
  key: string;
  pages: Map<number, CustomerRow[]>;
  inflight: Set<number>;
}

export interface CustomerPages {
  /** Row count of the current query; null until its first page arrives. */
  total: number | null;
  error: ApiCallError | null;
  /** The row at an index, or undefined while its page is loading. */
  rowAt: (index: number) => CustomerRow | undefined;
  /** Asks for the pages covering rows [first, last]. */
  ensureRows: (first: number, last: number) => void;
  retry: () => void;
}

export function useCustomerPages(search: string, unitId: number | null): CustomerPages {
  const key = JSON.stringify([search, unitId]);
  const storeRef = useRef<PageStore>({ key, pages: new Map(), inflight: new Set() });
  const [totalState, setTotalState] = useState<{ key: string; total: number } | null>(null);
  const [errorState, setErrorState] = useState<{ key: string; error: ApiCallError } | null>(null);
  const [, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  // A new query gets a new store at once, so no row of the old query is ever shown for it.
  if (storeRef.current.key !== key) storeRef.current = { key, pages: new Map(), inflight: new Set() };

  const fetchPage = useCallback(
    (page: number) => {
      const store = storeRef.current;
      if (store.key !== key || store.pages.has(page) || store.inflight.has(page)) return;
      store.inflight.add(page);
      api.call('customers/list', { search, unitId, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          store.inflight.delete(page);
          if (storeRef.current !== store) return;
          store.pages.set(page, result.rows);
          setTotalState({ key: store.key, total: result.total });
          setVersion((v) => v + 1);
        },
        (e: unknown) => {
          store.inflight.delete(page);
          if (storeRef.current !== store) return;
          setErrorState({ key: store.key, error: toApiCallError('customers/list', e) });
        },
      );
    },
    [key, search, unitId],
  );

  // The first page tells the total; fetch it for every new query and on retry.
  useEffect(() => {
    if (attempt >= 0) fetchPage(0);
  }, [fetchPage, attempt]);

  const rowAt = useCallback(
    (index: number) => {
      const store = storeRef.current;
      if (store.key !== key) return undefined;
      return store.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
    },
    [key],
  );

  const ensureRows = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) fetchPage(page);
    },
    [fetchPage],
  );

  const retry = useCallback(() => {
    setErrorState(null);
    setAttempt((a) => a + 1);
  }, []);

  return {
    total: totalState?.key === key ? totalState.total : null,
    error: errorState?.key === key ? errorState.error : null,
    rowAt,
    ensureRows,
    retry,
  };
}
