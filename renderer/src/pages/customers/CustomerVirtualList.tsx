import { Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/api/types';
import { CustomerIdText } from '../../components/CustomerIdText';
import { spacedCustomerId } from '../../domain/customer-id';
import { formatCount } from '../../i18n/format';
import type { CustomerPages } from './useCustomerPages';

export const ROW_HEIGHT = 38;
const PLACEHOLDER_WIDTHS = [
  ['id', 150],
  ['name', 260],
  ['shortName', 90],
  ['unit', 120],
  ['industry', 80],
  ['structure', 90],
] as const;

interface Props {
  pages: CustomerPages;
  total: number;
  /** Changes whenever the query changes, to scroll back to the top. */
  queryKey: string;
  onOpen: (row: CustomerRow) => void;
  /** Set by the page so the search box can move focus into the list (ArrowDown). */
  focusFirstRef?: React.RefObject<(() => void) | null>;
}

/**
 * The customer table, virtualised: only the rows in view (plus overscan) are in the DOM; their
 * pages are fetched on demand and placeholders stand in while a page loads. ARIA table roles,
 * row count and row index let assistive technology and tests read it as a table.
 */
export function CustomerVirtualList({ pages, total, queryKey, onOpen, focusFirstRef }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRows, error } = pages;

  useEffect(() => {
    if (total > 0 && error === null) ensureRows(first, Math.min(last, total - 1));
  }, [ensureRows, first, last, total, error]);

  // A new search starts at the top.
  useEffect(() => {
    if (queryKey && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only be rendered after the scroll; try now and on the next frames.
    let tries = 0;
    const attempt = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (el) el.focus();
      else if (tries++ < 5) requestAnimationFrame(attempt);
    };
    attempt();
  };

  useEffect(() => {
    if (focusFirstRef) focusFirstRef.current = () => focusRow(0);
  });

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: CustomerRow | undefined) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: total - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      focusRow(to);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      onOpen(row);
    }
  };

  const columns = t('customers.columns', { returnObjects: true });

  return (
    <div
      className="kam-vtable"
      role="table"
      aria-label={t('customers.listLabel')}
      aria-rowcount={total + 1}
      data-testid="customer-list"
    >
      <div role="rowgroup" className="kam-vhead">
        <div role="row" aria-rowindex={1} className="kam-vrow kam-vrow-head">
          <div role="columnheader">{columns.id}</div>
          <div role="columnheader">{columns.name}</div>
          <div role="columnheader">{columns.shortName}</div>
          <div role="columnheader">{columns.unit}</div>
          <div role="columnheader">{columns.industry}</div>
          <div role="columnheader">{columns.structure}</div>
        </div>
      </div>
      <div ref={scrollRef} className="kam-vscroll" data-testid="customer-scroll">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            const common = {
              role: 'row',
              'aria-rowindex': item.index + 2,
              'data-index': item.index,
              tabIndex: 0,
              onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => onRowKeyDown(e, item.index, row),
              style: { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` },
            } as const;
            if (!row) {
              return (
                <div
                  key={`p${item.index}`}
                  {...common}
                  className="kam-vrow kam-vrow-body kam-vrow-placeholder"
                  aria-busy="true"
                  aria-label={t('customers.rowLoading', { row: formatCount(item.index + 1) })}
                  data-testid="customer-row-placeholder"
                >
                  {PLACEHOLDER_WIDTHS.map(([column, w]) => (
                    <div role="cell" key={column}>
                      <Skeleton height={10} width={w} maw="90%" radius="xl" />
                    </div>
                  ))}
                </div>
              );
            }
            return (
              <div
                key={row.id}
                {...common}
                className="kam-vrow kam-vrow-body"
                data-testid="customer-row"
                data-customer-id={row.id}
                onClick={() => onOpen(row)}
              >
                <div role="cell">
                  <CustomerIdText id={row.id} size="sm" />
                </div>
                <div role="cell" className="kam-cell-strong" title={row.name}>
                  {row.name}
                </div>
                <div role="cell" title={row.shortName ?? undefined}>
                  {row.shortName ?? ''}
                </div>
                <div role="cell" title={row.unit}>
                  {row.unit}
                </div>
                <div role="cell">{row.industry ?? ''}</div>
                <div role="cell">
                  {row.parentId ? (
                    <Text span size="xs" c="dimmed">
                      {t('customers.branchOf', { id: spacedCustomerId(row.parentId) })}
                    </Text>
                  ) : row.branchCount > 0 ? (
                    t('customers.branchCount', { count: row.branchCount })
                  ) : (
                    ''
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
