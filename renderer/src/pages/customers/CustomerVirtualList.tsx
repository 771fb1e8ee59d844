import { Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/api/types';
import { CustomerIdText } from '../../components/CustomerIdText';
import { cellValue, displayValue, type ListColumn } from '../../components/list/columns';
import { spacedCustomerId } from '../../domain/customer-id';
import { formatCount } from '../../i18n/format';
import { formatScore, managersText, responsibleText, StandingTier, scopeText, tierText } from './CustomerStanding';
import type { CustomerPages } from './useCustomerPages';

export const ROW_HEIGHT = 38;
/** The sticky header's height: rows start below it inside the scroll container. */
const HEADER_HEIGHT = 34;
const FETCH_SETTLE_MS = 60;
/** One grid for header, rows and placeholders; the columns are customerColumns' order. */
const GRID_COLUMNS =
  '11.5em minmax(12em, 2.4fr) 6em 3em 2.5em minmax(3.5em, 0.6fr) minmax(7.5em, 1fr) minmax(7.5em, 1fr) minmax(6em, 1.1fr) minmax(4em, 0.7fr) minmax(6em, 1fr)';
const PLACEHOLDER_WIDTHS: Record<string, number> = {
  id: 150,
  name: 240,
  tier: 50,
  score: 24,
  scope: 30,
  responsible: 110,
};

/**
 * The list's columns, declared once: the header and each row show them, and 导出 Excel writes
 * their titles and values (the hub's tier, scope, responsible unit and managers included).
 */
export function customerColumns(t: TFunction): ListColumn<CustomerRow>[] {
  const title = t('customers.columns', { returnObjects: true });
  return [
    { key: 'id', title: title.id, render: (row) => <CustomerIdText id={row.id} size="sm" /> },
    {
      key: 'name',
      title: title.name,
      render: (row) => {
        // A row found through a field the list does not show says which one (credit code, pinyin).
        const hidden = row.matchedOn === 'creditCode' || row.matchedOn === 'pinyin' ? row.matchedOn : null;
        return (
          <span className="kam-name-cell">
            <span className="kam-cell-strong kam-ellipsis" title={row.name}>
              {row.name}
            </span>
            {hidden && (
              <Text span size="xs" c="dimmed" className="kam-nowrap" data-testid="customer-row-match">
                {t('customers.matchedOn', { field: t(`customers.matchField.${hidden}`) })}
              </Text>
            )}
          </span>
        );
      },
    },
    {
      key: 'tier',
      title: title.tier,
      value: (row) => tierText(t, row),
      render: (row) => <StandingTier standing={row} testId="customer-row-tier" short />,
    },
    {
      key: 'score',
      title: title.score,
      value: (row) => row.score,
      render: (row) => (
        <span className="kam-num" data-testid="customer-row-score">
          {row.score === null ? '' : formatScore(row.score)}
        </span>
      ),
    },
    { key: 'scope', title: title.scope, value: (row) => scopeText(t, row) },
    { key: 'shortName', title: title.shortName },
    { key: 'unit', title: title.unit },
    {
      key: 'responsible',
      title: title.responsible,
      // Without an R15 unit from the run, the customer's own unit looks after it (shown dimmed).
      value: (row) => row.responsibleUnit?.name ?? row.unit,
      render: (row) =>
        row.responsibleUnit ? (
          <span title={row.responsibleUnit.name}>{row.responsibleUnit.name}</span>
        ) : (
          <Text span size="sm" c="dimmed" title={responsibleText(t, row, row.unit)}>
            {row.unit}
          </Text>
        ),
    },
    { key: 'managers', title: title.managers, value: (row) => managersText(row) || null },
    { key: 'industry', title: title.industry },
    {
      key: 'structure',
      title: title.structure,
      value: (row) =>
        row.parentId
          ? t('customers.branchOf', { name: row.parentName ?? spacedCustomerId(row.parentId) })
          : row.branchCount > 0
            ? t('customers.branchCount', { count: row.branchCount })
            : null,
      render: (row) =>
        row.parentId ? (
          <Text span size="xs" c="dimmed">
            {t('customers.branchOf', { name: row.parentName ?? spacedCustomerId(row.parentId) })}
          </Text>
        ) : row.branchCount > 0 ? (
          t('customers.branchCount', { count: row.branchCount })
        ) : (
          ''
        ),
    },
  ];
}

interface Props {
  pages: CustomerPages;
  total: number;
  /** Changes whenever the query changes, to scroll back to the top. */
  queryKey: string;
  /** True once the query's row count is known (the restored scroll position then fits). */
  ready: boolean;
  /** Where to scroll to once ready (returning to the list). */
  initialScrollTop: number;
  onScrollTopChange: (scrollTop: number) => void;
  onOpen: (row: CustomerRow) => void;
  /** Set by the page so the search box can move focus into the list (ArrowDown). */
  focusFirstRef?: React.RefObject<(() => void) | null>;
}

/**
 * The customer table, virtualised: only the rows in view (plus overscan) are in the DOM; their
 * pages are fetched on demand and placeholders stand in while a page loads. ARIA table roles,
 * row count and row index let assistive technology and tests read it as a table.
 */
export function CustomerVirtualList({
  pages,
  total,
  queryKey,
  ready,
  initialScrollTop,
  onScrollTopChange,
  onOpen,
  focusFirstRef,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: initialScrollTop,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRows, error } = pages;

  // Fetch the pages in view once the range settles briefly, so a fast fling through thousands
  // of rows does not request every page it passes.
  useEffect(() => {
    if (total === 0 || error !== null) return;
    const timer = window.setTimeout(() => ensureRows(first, Math.min(last, total - 1)), FETCH_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [ensureRows, first, last, total, error]);

  // A new search starts at the top; the first query of a visit restores the remembered position.
  const shownKey = useRef(queryKey);
  const pendingRestore = useRef(initialScrollTop);
  useEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    pendingRestore.current = 0;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);
  useEffect(() => {
    if (!ready || pendingRestore.current === 0 || !scrollRef.current) return;
    scrollRef.current.scrollTop = pendingRestore.current;
    pendingRestore.current = 0;
  }, [ready]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only be rendered after the scroll; try now and on the next frames.
    let tries = 0;
    const attempt = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (el) el.focus();
      else if (tries++ < 30) requestAnimationFrame(attempt);
    };
    attempt();
  };

  useEffect(() => {
    if (focusFirstRef) focusFirstRef.current = () => focusRow(0);
  });

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: CustomerRow | undefined) => {
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

  const columns = useMemo(() => customerColumns(t), [t]);
  const grid = { gridTemplateColumns: GRID_COLUMNS };

  return (
    <div
      ref={scrollRef}
      className="kam-vscroll"
      data-testid="customer-scroll"
      onScroll={(e) => onScrollTopChange(e.currentTarget.scrollTop)}
    >
      <table
        className="kam-vtable"
        aria-label={t('customers.listLabel')}
        aria-rowcount={total + 1}
        data-testid="customer-list"
      >
        <thead className="kam-vhead">
          <tr aria-rowindex={1} className="kam-vrow kam-vrow-head" style={grid}>
            {columns.map((c) => (
              <th scope="col" key={c.key} data-column={c.key}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kam-vbody" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            const common = {
              'aria-rowindex': item.index + 2,
              'data-index': item.index,
              tabIndex: 0,
              onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onRowKeyDown(e, item.index, row),
              style: { ...grid, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` },
            } as const;
            if (!row) {
              return (
                <tr
                  key={item.key}
                  {...common}
                  className="kam-vrow kam-vrow-body kam-vrow-placeholder"
                  aria-busy="true"
                  aria-label={t('customers.rowLoading', { row: formatCount(item.index + 1) })}
                  data-testid="customer-row-placeholder"
                >
                  {columns.map((c) => (
                    <td key={c.key}>
                      <Skeleton height={10} width={PLACEHOLDER_WIDTHS[c.key] ?? 70} maw="90%" radius="xl" />
                    </td>
                  ))}
                </tr>
              );
            }
            return (
              <tr
                key={item.key}
                {...common}
                className="kam-vrow kam-vrow-body"
                data-testid="customer-row"
                data-customer-id={row.id}
                onClick={() => onOpen(row)}
              >
                {columns.map((c) => {
                  const text = displayValue(cellValue(c, row));
                  return (
                    <td key={c.key} title={c.render ? undefined : text || undefined}>
                      {c.render ? c.render(row) : text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
