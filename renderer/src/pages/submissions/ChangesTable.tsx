import { Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/types';
import { CustomerIdText } from '../../components/CustomerIdText';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { EMPTY_VALUE, formatCount, formatFen } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { PagedTableFooter } from './PagedTableFooter';
import { pageOf } from './wizard';

type Change = ImportPreview['changes'][number];

// Short pages instead of a scroll box inside the page: one scrollbar, and Page Down works.
const PAGE_SIZE = 25;

/** New and changed cells, old → new, as the commit would write them (the backend's first 500). */
export function ChangesTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const current = pageOf(preview.changes, page, PAGE_SIZE);
  const total = preview.counts.new + preview.counts.changed;
  // Not sortable: a page sorted alone would mislead; the backend's order is the file's (sheet, row).
  const columns: ListColumn<Change>[] = [
    {
      key: 'where',
      title: t('submissions.preview.changeColumns.where'),
      width: 150,
      sortable: false,
      value: (c) => t('submissions.preview.rowRef', { sheet: c.sheet, row: c.row }),
      render: (c) => (
        <Text size="xs" c="dimmed">
          {t('submissions.preview.rowRef', { sheet: c.sheet, row: c.row })}
        </Text>
      ),
    },
    {
      key: 'customerName',
      title: t('submissions.preview.changeColumns.customer'),
      toggleable: false,
      sortable: false,
      render: (c) => (
        <>
          <Text size="sm" truncate="end" title={c.customerName} maw={320}>
            {c.customerName}
          </Text>
          <CustomerIdText id={c.customerId} size="sm" style={{ opacity: 0.7 }} />
        </>
      ),
    },
    {
      key: 'customerId',
      title: t('submissions.preview.changeColumns.customerId'),
      sortable: false,
      hiddenByDefault: true,
    },
    {
      key: 'period',
      title: t('submissions.preview.changeColumns.period'),
      width: 110,
      sortable: false,
      value: (c) => f.month(c.period),
    },
    {
      key: 'line',
      title: t('submissions.preview.changeColumns.line'),
      width: 110,
      sortable: false,
      value: (c) => t(`line.${c.line}`),
    },
    {
      key: 'old',
      title: t('submissions.preview.changeColumns.old'),
      width: 130,
      format: 'money',
      sortable: false,
      render: (c) => (
        <Text size="sm" c="dimmed" className="kam-num">
          {c.old === null ? EMPTY_VALUE : formatFen(c.old)}
        </Text>
      ),
    },
    {
      key: 'arrow',
      title: '→',
      header: <span aria-hidden="true" />,
      width: 24,
      exportable: false,
      sortable: false,
      toggleable: false,
      textAlign: 'center',
      value: () => null,
      render: () => (
        <Text size="sm" c="dimmed" aria-hidden="true">
          →
        </Text>
      ),
    },
    {
      key: 'new',
      title: t('submissions.preview.changeColumns.new'),
      width: 130,
      format: 'money',
      sortable: false,
      render: (c) => (
        <Text size="sm" fw={600} className="kam-num" c={c.old === null ? 'green.8' : 'blue.8'}>
          {formatFen(c.new)}
        </Text>
      ),
    },
  ];
  return (
    <Paper withBorder p="md" data-testid="preview-changes">
      <Title order={2} size="h5" mb="sm">
        {t('submissions.preview.changesTitle')}
      </Title>
      {preview.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('submissions.preview.changesNone')}
        </Text>
      ) : (
        <>
          {preview.changes.length < total && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('submissions.preview.changesTruncated', {
                total: formatCount(total),
                shown: formatCount(preview.changes.length),
              })}
            </Text>
          )}
          <ListTable
            id="import-changes"
            title={t('submissions.preview.changesTitle')}
            records={current.rows}
            columns={columns}
            rowKey={(c) => `${c.sheet}|${c.row}|${c.line}|${c.period}`}
            emptyText={t('submissions.preview.changesNone')}
            rowAttributes={() => ({ 'data-testid': 'change-row' })}
            // One page at a time; the export carries every change the preview holds.
            total={preview.changes.length}
            exportRows={async () => preview.changes}
            maxHeight="none"
            testId="changes-table"
          />
          <PagedTableFooter page={current.page} pages={current.pages} onChange={setPage} testId="changes-pages" />
        </>
      )}
    </Paper>
  );
}
