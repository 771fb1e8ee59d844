/**
 * The one list table of the app, on mantine-datatable: sortable columns, a 显示列 menu (kept per
 * list), a sticky header inside its own scroll box, row click, optional selection, an empty state
 * that offers to clear the filters, and 导出 Excel of exactly what is shown (the visible columns,
 * the filters, the rows in their current order). A page declares its columns once; a new list is
 * a column array and one <ListTable>.
 */
import { Button, Checkbox, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableSortStatus, useDataTableColumns } from 'mantine-datatable';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListColumnFormat } from '../../../../shared/domain/exports/list-table';
import { EmptyBlock } from '../EmptyBlock';
import { cellValue, displayValue, type ListColumn, sortRows } from './columns';
import { ExportButton } from './ExportButton';

export type { ListColumn } from './columns';

export interface ListTableProps<T> {
  /** Stable id: where the column choice is kept, and the test id's stem. */
  id: string;
  /** The list's name: the sheet's title and the file name of its export. */
  title: string;
  records: readonly T[];
  columns: readonly ListColumn<T>[];
  rowKey: (row: T) => string | number;
  /** The filters in force, as "单位：金平区分公司" lines (printed on the export). */
  filters?: readonly string[];
  /** Offered in the empty state when filters hide every row. */
  onClearFilters?: () => void;
  /** What to say when there is nothing at all (no filters). */
  emptyText: string;
  emptyAction?: ReactNode;
  onRowClick?: (row: T) => void;
  rowAttributes?: (row: T) => Record<string, string | number | boolean | undefined>;
  rowClassName?: (row: T) => string | undefined;
  selection?: { selected: T[]; onChange: (rows: T[]) => void; isSelectable?: (row: T) => boolean };
  /** The scroll box's height; the header sticks inside it. Default: 46% of the window. */
  maxHeight?: number | string;
  /** The whole list for the export, when `records` is only a page of it. */
  exportRows?: () => Promise<readonly T[]>;
  /** How many rows the whole list has, when `records` is only a page of it (the toolbar's count). */
  total?: number;
  /** More controls on the toolbar's left (filters). */
  toolbar?: ReactNode;
  /** Hide the toolbar's count and buttons (a small table inside a drawer). */
  bare?: boolean;
  testId?: string;
  ariaLabel?: string;
}

export function ListTable<T>({
  id,
  title,
  records,
  columns,
  rowKey,
  filters = [],
  onClearFilters,
  emptyText,
  emptyAction,
  onRowClick,
  rowAttributes,
  rowClassName,
  selection,
  maxHeight = '46vh',
  exportRows,
  total,
  toolbar,
  bare = false,
  testId,
  ariaLabel,
}: ListTableProps<T>) {
  const { t, i18n } = useTranslation();
  // No column sorted until the officer clicks one: the rows keep the order the backend gave.
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<T>>({ columnAccessor: '', direction: 'asc' });
  const sortKey = String(sortStatus.columnAccessor);

  const tableColumns = useMemo<DataTableColumn<T>[]>(
    () =>
      columns.map((c) => ({
        accessor: c.key,
        title: c.header ?? c.title,
        render: c.render ?? ((row: T) => displayValue(cellValue(c, row), c.format)),
        sortable: c.sortable ?? true,
        width: c.width,
        textAlign: c.textAlign ?? (c.format && c.format !== 'text' ? 'right' : 'left'),
        toggleable: c.toggleable ?? true,
        defaultToggle: !c.hiddenByDefault,
        ...(c.ellipsis ? { ellipsis: true as const } : { noWrap: c.noWrap }),
      })),
    [columns],
  );
  const { effectiveColumns, columnsToggle, setColumnsToggle, resetColumnsToggle } = useDataTableColumns<T>({
    key: `kam-list-${id}`,
    columns: tableColumns,
  });
  const visibleKeys = new Set(effectiveColumns.filter((c) => !c.hidden).map((c) => String(c.accessor)));
  // The table gets only the shown columns, without its own per-header hide buttons: columns are
  // chosen in the 显示列 menu, one place, and the headers stay clean.
  const displayColumns = useMemo(
    () => effectiveColumns.filter((c) => !c.hidden).map(({ toggleable: _t, defaultToggle: _d, ...c }) => c),
    [effectiveColumns],
  );
  const shownColumns = columns.filter((c) => visibleKeys.has(c.key) && c.exportable !== false);

  const sorted = useMemo(
    () => (sortKey !== '' ? sortRows(records, columns, sortKey, sortStatus.direction, i18n.language) : records),
    [records, columns, sortKey, sortStatus.direction, i18n.language],
  );

  const filtered = filters.length > 0;
  const empty =
    filtered && onClearFilters ? (
      <EmptyBlock description={t('common.list.noMatches')} testId={`${id}-empty`}>
        <Button variant="light" onClick={onClearFilters} data-testid={`${id}-clear-filters`}>
          {t('common.list.clearFilters')}
        </Button>
      </EmptyBlock>
    ) : (
      <EmptyBlock description={emptyText} testId={`${id}-empty`}>
        {emptyAction}
      </EmptyBlock>
    );

  return (
    <Stack gap="xs">
      {(!bare || toolbar) && (
        <Group justify="space-between" align="flex-end" gap="sm" wrap="nowrap">
          <Group align="flex-end" gap="md">
            {toolbar}
          </Group>
          {!bare && (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" data-testid={`${id}-count`}>
                {t('common.list.count', { count: total ?? records.length })}
              </Text>
              <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
                <Menu.Target>
                  <Button variant="default" size="xs" data-testid={`${id}-columns`}>
                    {t('common.list.columns')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {columnsToggle
                    .filter((toggle) => toggle.toggleable)
                    .map((toggle) => {
                      const column = columns.find((c) => c.key === toggle.accessor);
                      return (
                        <Menu.Item
                          key={toggle.accessor}
                          leftSection={
                            <Checkbox
                              size="xs"
                              checked={toggle.toggled}
                              readOnly
                              tabIndex={-1}
                              aria-hidden="true"
                              style={{ pointerEvents: 'none' }}
                            />
                          }
                          onClick={() =>
                            setColumnsToggle(
                              columnsToggle.map((c) =>
                                c.accessor === toggle.accessor ? { ...c, toggled: !c.toggled } : c,
                              ),
                            )
                          }
                        >
                          {column?.title ?? toggle.accessor}
                        </Menu.Item>
                      );
                    })}
                  <Menu.Divider />
                  <Menu.Item onClick={resetColumnsToggle}>{t('common.list.resetColumns')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <ExportButton
                listId={id}
                title={title}
                filters={filters}
                columns={shownColumns}
                rows={async () => {
                  const all = exportRows ? await exportRows() : sorted;
                  return exportRows && sortKey !== ''
                    ? sortRows(all, columns, sortKey, sortStatus.direction, i18n.language)
                    : all;
                }}
                disabled={records.length === 0}
              />
            </Group>
          )}
        </Group>
      )}
      {records.length === 0 ? (
        // Not the table's own empty overlay: that one takes no clicks, and 清除筛选条件 must.
        <Paper withBorder data-testid={testId} aria-label={ariaLabel ?? title}>
          {empty}
        </Paper>
      ) : (
        <Paper withBorder>
          <DataTable<T>
            records={sorted as T[]}
            columns={displayColumns}
            idAccessor={(row: T) => rowKey(row)}
            sortStatus={sortStatus}
            onSortStatusChange={setSortStatus}
            onRowClick={onRowClick ? ({ record }) => onRowClick(record) : undefined}
            customRowAttributes={rowAttributes ? (row) => rowAttributes(row) : undefined}
            rowClassName={rowClassName ? (row) => rowClassName(row) : undefined}
            selectedRecords={selection?.selected}
            onSelectedRecordsChange={selection?.onChange}
            isRecordSelectable={selection?.isSelectable}
            maxHeight={maxHeight}
            striped
            highlightOnHover
            withColumnBorders={false}
            verticalSpacing="xs"
            fz="sm"
            data-testid={testId}
            aria-label={ariaLabel ?? title}
          />
        </Paper>
      )}
    </Stack>
  );
}

export type { ListColumnFormat };
