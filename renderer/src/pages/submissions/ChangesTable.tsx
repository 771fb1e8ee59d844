import { Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/types';
import { CustomerIdText } from '../../components/CustomerIdText';
import { EMPTY_VALUE, formatCount, formatFen } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { PagedTableFooter } from './PagedTableFooter';
import { pageOf } from './wizard';

// Short pages instead of a scroll box inside the page: one scrollbar, and Page Down works.
const PAGE_SIZE = 25;

/** New and changed cells, old → new, as the commit would write them (the backend's first 500). */
export function ChangesTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const current = pageOf(preview.changes, page, PAGE_SIZE);
  const total = preview.counts.new + preview.counts.changed;
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
          <Table striped aria-label={t('submissions.preview.changesTitle')} data-testid="changes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('submissions.preview.changeColumns.where')}</Table.Th>
                <Table.Th>{t('submissions.preview.changeColumns.customer')}</Table.Th>
                <Table.Th w={110}>{t('submissions.preview.changeColumns.period')}</Table.Th>
                <Table.Th w={110}>{t('submissions.preview.changeColumns.line')}</Table.Th>
                <Table.Th w={130} ta="right">
                  {t('submissions.preview.changeColumns.old')}
                </Table.Th>
                <Table.Th w={24} aria-hidden="true" />
                <Table.Th w={130} ta="right">
                  {t('submissions.preview.changeColumns.new')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.rows.map((c) => (
                <Table.Tr key={`${c.sheet}|${c.row}|${c.line}|${c.period}`} data-testid="change-row">
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('submissions.preview.rowRef', { sheet: c.sheet, row: c.row })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 320 }}>
                    <Text size="sm" truncate="end" title={c.customerName}>
                      {c.customerName}
                    </Text>
                    <CustomerIdText id={c.customerId} size="sm" style={{ opacity: 0.7 }} />
                  </Table.Td>
                  <Table.Td>{f.month(c.period)}</Table.Td>
                  <Table.Td>{t(`line.${c.line}`)}</Table.Td>
                  <Table.Td ta="right" className="kam-num" c="dimmed">
                    {c.old === null ? EMPTY_VALUE : formatFen(c.old)}
                  </Table.Td>
                  <Table.Td ta="center" c="dimmed" aria-hidden="true">
                    →
                  </Table.Td>
                  <Table.Td ta="right" className="kam-num" fw={600} c={c.old === null ? 'green.8' : 'blue.8'}>
                    {formatFen(c.new)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PagedTableFooter page={current.page} pages={current.pages} onChange={setPage} testId="changes-pages" />
        </>
      )}
    </Paper>
  );
}
