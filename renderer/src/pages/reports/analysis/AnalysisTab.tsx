import { Anchor, Button, Code, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportInfo } from '../../../../../shared/api/types';
import { useApiMutation, useApiQuery } from '../../../api/query';
import { ApiView, ErrorAlert } from '../../../components/ApiViews';
import { useToday } from '../../../components/AppInfo';
import { type ListColumn, ListTable } from '../../../components/list/ListTable';
import { lastMonthOf, MonthField } from '../../../components/PeriodPickers';
import { formatDateTime } from '../../../i18n/format';
import { useFormat } from '../../../i18n/useFormat';
import { hrefOf, navigate } from '../../../router/useRoute';
import { ReportEditor, StatusBadge } from './ReportEditor';

const CITY = '';
/** The list's month filter: every month. */
const ALL = 'all';

/** 报表 → 月度分析报告: the list of reports and, with `reportId`, one revision in its editor. */
export function AnalysisTab({ reportId }: { reportId: number | null }) {
  if (reportId !== null) return <ReportEditor key={reportId} id={reportId} />;
  return <ReportList />;
}

function ReportList() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = useToday();
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [unitCode, setUnitCode] = useState<string>(CITY);
  const [listPeriod, setListPeriod] = useState<string>(ALL);
  const units = useApiQuery('units/list', {});
  const create = useApiMutation('reports/create');
  // Every month's reports, filtered here: the month filter offers the months that have one.
  const reports = useApiQuery('reports/list', { period: null, unitCode: null });
  const unitChoices = (units.data ?? []).filter((u) => u.retiredOn === null && u.kind !== 'centre');
  const scopeName = (r: ReportInfo) => r.unit?.name ?? t('reports.analysis.city');

  const open = async () => {
    try {
      const info = await create.mutateAsync({ period, unitCode: unitCode === CITY ? null : unitCode });
      navigate({ name: 'reports', tab: 'analysis', reportId: info.id });
    } catch {
      // Shown under the panel from the mutation's error.
    }
  };

  const columns: ListColumn<ReportInfo>[] = [
    {
      key: 'period',
      title: t('reports.analysis.list.period'),
      toggleable: false,
      noWrap: true,
      value: (r) => r.period,
      render: (r) => (
        <Anchor
          href={hrefOf({ name: 'reports', tab: 'analysis', reportId: r.id })}
          onClick={(e) => e.stopPropagation()}
          size="sm"
          data-testid="report-open-link"
        >
          {format.month(r.period)}
        </Anchor>
      ),
    },
    { key: 'scope', title: t('reports.analysis.list.scope'), value: scopeName, noWrap: true },
    {
      key: 'revision',
      title: t('reports.analysis.list.revision'),
      value: (r) => r.revision,
      render: (r) => t('reports.analysis.revisionN', { revision: r.revision }),
      noWrap: true,
      width: 90,
    },
    {
      key: 'status',
      title: t('reports.analysis.list.status'),
      value: (r) =>
        [t(`reports.analysis.status.${r.status}`), r.superseded ? t('reports.analysis.status.superseded') : '']
          .filter(Boolean)
          .join('、'),
      render: (r) => <StatusBadge info={r} />,
      noWrap: true,
    },
    {
      key: 'hash',
      title: t('reports.analysis.list.hash'),
      value: (r) => r.hash ?? '',
      render: (r) =>
        r.hash ? (
          <Code fz="xs" title={r.hash}>
            {r.hash.slice(0, 12)}
          </Code>
        ) : (
          <Text span size="xs" c="dimmed">
            —
          </Text>
        ),
      noWrap: true,
    },
    {
      key: 'updatedAt',
      title: t('reports.analysis.list.updatedAt'),
      value: (r) => formatDateTime(r.updatedAt),
      noWrap: true,
    },
    {
      key: 'finalisedAt',
      title: t('reports.analysis.list.finalised'),
      value: (r) => (r.finalisedAt ? `${formatDateTime(r.finalisedAt)} ${r.finalisedBy ?? ''}`.trim() : ''),
      noWrap: true,
    },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="report-create-panel">
        <Title order={2} size="h5" mb={4}>
          {t('reports.analysis.create.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('reports.analysis.create.text')}
        </Text>
        <Group align="flex-end" gap="md">
          <MonthField
            label={t('reports.analysis.create.month')}
            value={period}
            onChange={(p) => {
              setPeriod(p);
              create.reset();
            }}
            testId="report-create-month"
          />
          <Select
            label={t('reports.analysis.create.scope')}
            data={[
              { value: CITY, label: t('reports.analysis.city') },
              ...unitChoices.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
            ]}
            value={unitCode}
            onChange={(v) => {
              setUnitCode(v ?? CITY);
              create.reset();
            }}
            allowDeselect={false}
            searchable
            w={260}
            data-testid="report-create-scope"
          />
          <Button onClick={() => void open()} loading={create.isPending} data-testid="report-create">
            {t('reports.analysis.create.submit')}
          </Button>
        </Group>
        {create.error && (
          <Stack mt="md">
            <ErrorAlert error={create.error} />
          </Stack>
        )}
      </Paper>
      <ApiView state={reports}>
        {(rows) => (
          <ListTable
            id="analysis-reports"
            title={t('reports.analysis.list.title')}
            records={listPeriod === ALL ? rows : rows.filter((r) => r.period === listPeriod)}
            columns={columns}
            rowKey={(r) => r.id}
            onRowClick={(r) => navigate({ name: 'reports', tab: 'analysis', reportId: r.id })}
            rowAttributes={(r) => ({
              'data-testid': 'report-row',
              'data-report-id': r.id,
              'data-status': r.status,
            })}
            filters={listPeriod === ALL ? [] : [`${t('reports.analysis.list.period')}：${format.month(listPeriod)}`]}
            onClearFilters={() => setListPeriod(ALL)}
            emptyText={t('reports.analysis.list.empty')}
            toolbar={
              <Select
                label={t('reports.analysis.list.filterMonth')}
                data={[
                  { value: ALL, label: t('reports.analysis.list.allMonths') },
                  ...[...new Set(rows.map((r) => r.period))]
                    .sort()
                    .reverse()
                    .map((p) => ({ value: p, label: format.month(p) })),
                ]}
                value={listPeriod}
                onChange={(v) => setListPeriod(v ?? ALL)}
                allowDeselect={false}
                w={160}
                size="xs"
                data-testid="report-list-month"
              />
            }
            testId="report-list"
          />
        )}
      </ApiView>
    </Stack>
  );
}
