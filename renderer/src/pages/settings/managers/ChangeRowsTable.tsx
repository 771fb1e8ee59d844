import { Badge, Group, Text, Title } from '@mantine/core';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerChangePreview, ManagerChangeRowView } from '../../../../../shared/api/types-archives';
import { MANAGER_CHANGE_KIND_NAMES_ZH } from '../../../../../shared/domain/managers/change-sheet';
import { type ListColumn, ListTable } from '../../../components/list/ListTable';
import { useFormat } from '../../../i18n/useFormat';
import { PagedTableFooter } from '../../submissions/PagedTableFooter';
import { pageOf } from '../../submissions/wizard';

/** The row's summary without its leading "新增：" (the kind has its own column). */
export function withoutKind(r: Pick<ManagerChangeRowView, 'kind' | 'summary'>): string {
  const prefix = `${MANAGER_CHANGE_KIND_NAMES_ZH[r.kind]}：`;
  return r.summary.startsWith(prefix) ? r.summary.slice(prefix.length) : r.summary;
}

// Short pages rather than a scroll box inside the settings page (as the revenue import's preview).
const PAGE_SIZE = 25;

/** The file, the sheet read, and the preview's counts as badges (errors red, late changes red). */
export function ChangePreviewSummary({
  preview,
  headingRef,
}: {
  preview: ManagerChangePreview;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = preview.counts;
  return (
    <div>
      <Title
        order={3}
        size="h5"
        ref={headingRef}
        tabIndex={-1}
        style={{ outline: 'none', overflowWrap: 'anywhere', scrollMarginTop: 72 }}
      >
        {preview.fileName}
      </Title>
      <Text size="sm" c="dimmed" mb="xs" data-testid="manager-change-sheet">
        {preview.sheet === null
          ? t('managerChanges.noSheet')
          : t('managerChanges.previewOf', { sheet: preview.sheet, date: f.date(preview.asOf, 'iso') })}
      </Text>
      <Group gap="xs" data-testid="manager-change-counts">
        <Badge color="postal" variant="light" size="lg" data-testid="manager-change-ready">
          {t('managerChanges.counts.ready', { count: c.ready })}
        </Badge>
        <Badge
          color={c.errorRows > 0 ? 'red' : 'gray'}
          variant="light"
          size="lg"
          data-testid="manager-change-error-rows"
        >
          {t('managerChanges.counts.errorRows', { count: c.errorRows })}
        </Badge>
        <Badge color={c.warnings > 0 ? 'orange' : 'gray'} variant="light" size="lg">
          {t('managerChanges.counts.warnings', { count: c.warnings })}
        </Badge>
        <Badge color={c.late > 0 ? 'red' : 'gray'} variant="light" size="lg" data-testid="manager-change-late-count">
          {t('managerChanges.counts.late', { count: c.late })}
        </Badge>
      </Group>
    </div>
  );
}

/** The changes the import would record, in the file's order, each late one marked 逾期 (R30). */
export function ChangeRowsTable({ preview }: { preview: ManagerChangePreview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const current = pageOf(preview.rows, page, PAGE_SIZE);
  // Not sortable: a page sorted alone would mislead; the backend's order is the file's.
  const columns: ListColumn<ManagerChangeRowView>[] = (
    [
      {
        key: 'row',
        title: t('managerChanges.columns.where'),
        width: 80,
        noWrap: true,
        toggleable: false,
        value: (r) => r.row,
        render: (r) => <span className="kam-num">{t('managerChanges.where', { row: r.row })}</span>,
      },
      { key: 'unitName', title: t('managerChanges.columns.unit'), noWrap: true },
      {
        key: 'name',
        title: t('managerChanges.columns.name'),
        toggleable: false,
        noWrap: true,
        render: (r) => (
          <Text fw={600} size="sm">
            {r.name}
          </Text>
        ),
      },
      {
        key: 'kind',
        title: t('managerChanges.columns.kind'),
        noWrap: true,
        value: (r) => t(`managerChanges.kind.${r.kind}`),
        render: (r) => (
          <Badge
            variant="light"
            color={r.kind === 'leave' || r.kind === 'out' ? 'gray' : r.kind === 'edit' ? 'blue' : 'postal'}
            styles={{ label: { textTransform: 'none' } }}
          >
            {t(`managerChanges.kind.${r.kind}`)}
          </Badge>
        ),
      },
      {
        key: 'effectiveOn',
        title: t('managerChanges.columns.effectiveOn'),
        noWrap: true,
        value: (r) => f.date(r.effectiveOn, 'iso'),
      },
      { key: 'dueOn', title: t('managerChanges.columns.dueOn'), noWrap: true, value: (r) => f.date(r.dueOn, 'iso') },
      {
        key: 'late',
        title: t('managerChanges.columns.late'),
        noWrap: true,
        value: (r) => (r.late ? t('managerChanges.late') : t('managerChanges.onTime')),
        render: (r) =>
          r.late ? (
            <Badge color="red" variant="filled" data-testid="manager-change-row-late">
              {t('managerChanges.late')}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('managerChanges.onTime')}
            </Text>
          ),
      },
      // The backend writes what the row changes (Chinese, as the register's change log keeps it),
      // after the kind's name, which the 变动类型 column already shows.
      {
        key: 'summary',
        title: t('managerChanges.columns.summary'),
        toggleable: false,
        value: (r) => withoutKind(r),
      },
    ] as ListColumn<ManagerChangeRowView>[]
  ).map((c) => ({ ...c, sortable: false }));
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('managerChanges.rowsTitle')}
      </Title>
      {preview.rows.length < preview.counts.ready && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('managerChanges.rowsTruncated', { shown: preview.rows.length, total: preview.counts.ready })}
        </Text>
      )}
      <ListTable
        id="manager-change-rows"
        title={t('managerChanges.rowsLabel')}
        records={current.rows}
        columns={columns}
        rowKey={(r) => `${r.sheet}|${r.row}`}
        emptyText={t('managerChanges.rowsEmpty')}
        rowAttributes={(r) => ({
          'data-testid': 'manager-change-row',
          'data-row': r.row,
          'data-late': r.late || undefined,
        })}
        total={preview.rows.length}
        exportRows={async () => preview.rows}
        maxHeight="none"
        testId="manager-change-rows"
      />
      <PagedTableFooter
        page={current.page}
        pages={current.pages}
        onChange={setPage}
        testId="manager-change-rows-pages"
      />
    </div>
  );
}
