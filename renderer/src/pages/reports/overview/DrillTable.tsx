import { type ListColumn, ListTable } from '../../../components/list/ListTable';

/**
 * A chart's numbers as a table. When a row stands for a bar that lists customers, the row opens
 * the same drawer as the bar: by click, or by Enter/Space once focused (Tab reaches every row).
 */
export function DrillTable<T>({
  id,
  title,
  records,
  columns,
  rowKey,
  onOpen,
  openLabel,
  emptyText,
  maxHeight,
}: {
  id: string;
  title: string;
  records: readonly T[];
  columns: readonly ListColumn<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  openLabel?: (row: T) => string;
  emptyText: string;
  maxHeight?: number | string;
}) {
  const byKey = new Map(records.map((r) => [rowKey(r), r]));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the rows inside are focusable; Enter on one opens its customers
    <div
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        const row = target.tagName === 'TR' ? byKey.get(target.dataset.rowKey ?? '') : undefined;
        if (row && onOpen && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen(row);
        }
      }}
    >
      <ListTable
        id={id}
        title={title}
        records={records}
        columns={columns}
        rowKey={rowKey}
        emptyText={emptyText}
        onRowClick={onOpen}
        rowAttributes={(row) => ({
          'data-testid': `${id}-row`,
          'data-row-key': rowKey(row),
          ...(onOpen ? { tabIndex: 0, 'aria-label': openLabel?.(row) } : {}),
        })}
        rowClassName={onOpen ? () => 'kam-click-row' : undefined}
        maxHeight={maxHeight}
        bare
        testId={id}
      />
    </div>
  );
}
