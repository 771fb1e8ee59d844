import { Badge, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssueView } from '../../../../shared/api/types';
import { issueMessage } from '../../api/client';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { EMPTY_VALUE, formatCount } from '../../i18n/format';
import { PagedTableFooter } from './PagedTableFooter';
import { filterIssues, type IssueFilter, issuesTruncated, pageOf } from './wizard';

// Short pages instead of a scroll box inside the page: one scrollbar, and Page Down works.
const PAGE_SIZE = 25;

/**
 * What the table needs of a preview: its problems and their counts. A revenue import's preview and
 * the 客户经理变动表's (settings, R30) both have them, so both list problems the same way.
 */
export interface IssuesOfPreview {
  issues: readonly ImportIssueView[];
  counts: { errors: number; warnings: number };
}

/** The preview's problems (up to the backend's first 1,000), filtered and paged. */
export function IssuesTable({
  preview,
  actions,
  id = 'import-issues',
}: {
  preview: IssuesOfPreview;
  actions?: ReactNode;
  /** The list's id (its shown columns are remembered by it). */
  id?: string;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<IssueFilter>(preview.counts.errors > 0 ? 'error' : 'all');
  const [page, setPage] = useState(1);
  // Issues have no id: each keeps its place in the backend's list as its key.
  const keyed = useMemo(() => new Map(preview.issues.map((issue, index) => [issue, index])), [preview.issues]);
  const shown = useMemo(() => filterIssues(preview.issues, filter), [preview.issues, filter]);
  const current = pageOf(shown, page, PAGE_SIZE);
  const total = preview.counts.errors + preview.counts.warnings;
  // Not sortable: a page sorted alone would mislead; the backend's order is the file's (sheet, row).
  const columns: ListColumn<ImportIssueView>[] = [
    { key: 'sheet', title: t('submissions.preview.issueColumns.sheet'), width: 120, sortable: false },
    {
      key: 'row',
      title: t('submissions.preview.issueColumns.row'),
      width: 70,
      format: 'count',
      sortable: false,
      render: (i) => <span className="kam-num">{i.row ?? EMPTY_VALUE}</span>,
    },
    {
      key: 'column',
      title: t('submissions.preview.issueColumns.column'),
      width: 110,
      sortable: false,
      render: (i) => i.column ?? EMPTY_VALUE,
    },
    {
      key: 'severity',
      title: t('submissions.preview.issueColumns.severity'),
      width: 80,
      sortable: false,
      value: (i) => t(`submissions.preview.severity.${i.severity}`),
      render: (i) => (
        <Badge
          size="sm"
          variant="light"
          color={i.severity === 'error' ? 'red' : 'orange'}
          styles={{ label: { textTransform: 'none' } }}
        >
          {t(`submissions.preview.severity.${i.severity}`)}
        </Badge>
      ),
    },
    {
      key: 'message',
      title: t('submissions.preview.issueColumns.message'),
      toggleable: false,
      sortable: false,
      // The backend writes each problem in both languages; English where it sent one.
      value: (i) => issueMessage(i),
    },
  ];

  const severityFilter = total > 0 && (
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
        { value: 'error', label: t('submissions.preview.filter.error', { count: preview.counts.errors }) },
        { value: 'warning', label: t('submissions.preview.filter.warning', { count: preview.counts.warnings }) },
      ]}
      data-testid="issues-filter"
    />
  );

  return (
    <Paper withBorder p="md" data-testid="preview-issues">
      <Title order={2} size="h5" mb="sm">
        {t('submissions.preview.issuesTitle')}
      </Title>
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
          <ListTable
            id={id}
            title={t('submissions.preview.issuesTitle')}
            records={current.rows}
            columns={columns}
            rowKey={(i) => keyed.get(i) ?? 0}
            filters={
              filter === 'all'
                ? []
                : [`${t('submissions.preview.filterLabel')}：${t(`submissions.preview.severity.${filter}`)}`]
            }
            onClearFilters={() => setFilter('all')}
            emptyText={t('submissions.preview.issuesNone')}
            rowAttributes={(i) => ({ 'data-testid': 'issue-row', 'data-severity': i.severity })}
            // One page at a time; the export carries every issue the filter shows.
            total={shown.length}
            exportRows={async () => shown}
            maxHeight="none"
            testId="issues-table"
            toolbar={
              <>
                {severityFilter}
                {actions}
              </>
            }
          />
          <PagedTableFooter page={current.page} pages={current.pages} onChange={setPage} testId="issues-pages" />
        </>
      )}
    </Paper>
  );
}
