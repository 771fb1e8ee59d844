import { Badge, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/types';
import { EMPTY_VALUE, formatCount } from '../../i18n/format';
import { PagedTableFooter } from './PagedTableFooter';
import { filterIssues, type IssueFilter, issuesTruncated, pageOf } from './wizard';

// Short pages instead of a scroll box inside the page: one scrollbar, and Page Down works.
const PAGE_SIZE = 25;

/** The preview's problems (up to the backend's first 1,000), filtered and paged. */
export function IssuesTable({ preview, actions }: { preview: ImportPreview; actions?: ReactNode }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<IssueFilter>(preview.counts.errors > 0 ? 'error' : 'all');
  const [page, setPage] = useState(1);
  // Issues have no id: each keeps its place in the backend's list as its key.
  const keyed = useMemo(() => new Map(preview.issues.map((issue, index) => [issue, index])), [preview.issues]);
  const shown = useMemo(() => filterIssues(preview.issues, filter), [preview.issues, filter]);
  const current = pageOf(shown, page, PAGE_SIZE);
  const total = preview.counts.errors + preview.counts.warnings;

  return (
    <Paper withBorder p="md" data-testid="preview-issues">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5">
          {t('submissions.preview.issuesTitle')}
        </Title>
        <Group gap="sm">
          {total > 0 && (
            <SegmentedControl
              size="xs"
              aria-label={t('submissions.preview.filterLabel')}
              value={filter}
              onChange={(v) => {
                setFilter(v === 'error' || v === 'warning' ? v : 'all');
                setPage(1);
              }}
              data={[
                { value: 'all', label: t('submissions.preview.filter.all', { count: total }) },
                {
                  value: 'error',
                  label: t('submissions.preview.filter.error', { count: preview.counts.errors }),
                },
                {
                  value: 'warning',
                  label: t('submissions.preview.filter.warning', { count: preview.counts.warnings }),
                },
              ]}
              data-testid="issues-filter"
            />
          )}
          {actions}
        </Group>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed" data-testid="issues-none">
          {t('submissions.preview.issuesNone')}
        </Text>
      ) : (
        <>
          {issuesTruncated(preview) && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('submissions.preview.issuesTruncated', {
                total: formatCount(total),
                shown: formatCount(preview.issues.length),
              })}
            </Text>
          )}
          <Table striped aria-label={t('submissions.preview.issuesTitle')} data-testid="issues-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('submissions.preview.issueColumns.sheet')}</Table.Th>
                <Table.Th w={70} ta="right">
                  {t('submissions.preview.issueColumns.row')}
                </Table.Th>
                <Table.Th w={110}>{t('submissions.preview.issueColumns.column')}</Table.Th>
                <Table.Th w={80}>{t('submissions.preview.issueColumns.severity')}</Table.Th>
                <Table.Th>{t('submissions.preview.issueColumns.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.rows.map((i) => (
                <Table.Tr key={keyed.get(i)} data-testid="issue-row" data-severity={i.severity}>
                  <Table.Td>{i.sheet}</Table.Td>
                  <Table.Td ta="right" className="kam-num">
                    {i.row ?? EMPTY_VALUE}
                  </Table.Td>
                  <Table.Td>{i.column ?? EMPTY_VALUE}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      color={i.severity === 'error' ? 'red' : 'orange'}
                      styles={{ label: { textTransform: 'none' } }}
                    >
                      {t(`submissions.preview.severity.${i.severity}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PagedTableFooter page={current.page} pages={current.pages} onChange={setPage} testId="issues-pages" />
        </>
      )}
    </Paper>
  );
}
