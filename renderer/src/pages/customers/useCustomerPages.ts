/**
 * On-demand paging for the virtualised customer list: pages of PAGE_SIZE rows are fetched as
 * they scroll into view. Each page is a cached query keyed like every other read
 * (['customers/list', input]), so a write that changes customers (a new customer, a tier run or
 * an R13 override, a manager change) invalidates the pages on screen and they refetch by
 * themselves, the old rows staying visible meanwhile. A new search or unit starts from page 0;
 * pages of an older query are never shown for it.
 */
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ApiInput } from '../../../../shared/api/contract';
import type { CustomerPage, CustomerRow, TierOrNone } from '../../../../shared/api/types';
import { type ApiCallError, api } from '../../api/client';

export const PAGE_SIZE = 100;

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

/** The list's filters: the search box, the unit and the tier in force. */
export interface CustomerFilter {
  search: string;
  unitId: number | null;
  tier: TierOrNone | null;
}

export function pageInput(filter: CustomerFilter, page: number): ApiInput<'customers/list'> {
  return { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/** Every row of a search, page after page (for 导出 Excel of the current search and filter). */
export async function fetchAllCustomers(filter: CustomerFilter): Promise<CustomerRow[]> {
  const limit = 1000;
  const rows: CustomerRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await api.call('customers/list', { ...filter, offset, limit });
    rows.push(...page.rows);
    if (page.rows.length < limit || rows.length >= page.total) return rows;
  }
}

export function useCustomerPages(filter: CustomerFilter): CustomerPages {
  const key = JSON.stringify([filter.search, filter.unitId, filter.tier]);
  // The pages asked for, per query; a new query starts with page 0 only.
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  const pages = wanted.key === key ? wanted.pages : [0];

  const results = useQueries({
    queries: pages.map((page) => {
      const input = pageInput(filter, page);
      return {
        queryKey: ['customers/list', input] as const,
        queryFn: () => api.call('customers/list', input),
      };
    }),
  });

  const byPage = useMemo(() => {
    const map = new Map<number, CustomerPage>();
    pages.forEach((page, i) => {
      const data = results[i]?.data as CustomerPage | undefined;
      if (data) map.set(page, data);
    });
    return map;
  }, [pages, results]);

  const rowAt = useCallback(
    (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    [byPage],
  );

  const ensureRows = useCallback(
    (first: number, last: number) => {
      setWanted((w) => {
        const have = new Set(w.key === key ? w.pages : [0]);
        const before = have.size;
        for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) have.add(page);
        if (w.key === key && have.size === before) return w;
        return { key, pages: [...have].sort((a, b) => a - b) };
      });
    },
    [key],
  );

  const failed = results.find((r) => r.error);
  const retry = useCallback(() => {
    for (const r of results) if (r.error) void r.refetch();
  }, [results]);

  return {
    total: (results[0]?.data as CustomerPage | undefined)?.total ?? null,
    error: (failed?.error as ApiCallError | null | undefined) ?? null,
    rowAt,
    ensureRows,
    retry,
  };
}
