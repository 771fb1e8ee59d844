import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierRunSummary } from '../../../../shared/api/types';
import { TIERS } from '../../../../shared/domain/tiers';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { lastMonthOf, lastYearOf, MonthField, YearSelect } from '../../components/PeriodPickers';
import { TierBadge } from '../../components/TierBadge';
import { formatDateTime } from '../../i18n/format';
import { hrefOf, navigate } from '../../router/useRoute';
import { RunBadges, RunDetail } from './RunDetail';

/** 分级: the run panel and the list of runs, or one run (#/tiers/:runId). */
export function TiersPage({ runId }: { runId: number | null }) {
  const { t } = useTranslation();
  if (runId !== null) return <RunDetail key={runId} runId={runId} />;
  return (
    <Stack gap="md">
      <PageHeader title={t('tiers.title')} />
      <RunPanel />
      <RunList />
    </Stack>
  );
}

export function runTotals(run: TierRunSummary): Record<(typeof TIERS)[number], number> {
  return Object.fromEntries(
    TIERS.map((tier) => [tier, Object.values(run.counts[tier] ?? {}).reduce((a: number, b) => a + (b as number), 0)]),
  ) as Record<(typeof TIERS)[number], number>;
}

function RunPanel() {
  const { t } = useTranslation();
  const today = useToday();
  const [kind, setKind] = useState<'annual' | 'monthly'>('annual');
  const [year, setYear] = useState(() => lastYearOf(today));
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  // A write: the runs list (and every tier shown elsewhere) refreshes when it succeeds.
  const tiersRun = useApiMutation('tiers/run');
  const error = tiersRun.error;

  const run = async () => {
    try {
      const summary = await tiersRun.mutateAsync(kind === 'annual' ? { kind, year } : { kind, period });
      notifications.show({
        color: 'postal',
        title: t('tiers.run.done'),
        message: t('tiers.run.doneText', { key: summary.key, count: summary.qualified }),
      });
      navigate({ name: 'tiers', runId: summary.id });
    } catch {
      // Shown below the panel from the mutation's error.
    }
  };

  const missingBureau = error?.code === 'CONFLICT' && typeof error.details?.year === 'number';

  return (
    <Paper withBorder p="md" data-testid="tier-run-panel">
      <Title order={2} size="h5" mb="xs">
        {t('tiers.run.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {kind === 'annual' ? t('tiers.run.annualHint') : t('tiers.run.monthlyHint')}
      </Text>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v === 'monthly' ? 'monthly' : 'annual');
            tiersRun.reset();
          }}
          data={[
            { value: 'annual', label: t('tiers.kind.annual') },
            { value: 'monthly', label: t('tiers.kind.monthly') },
          ]}
          data-testid="tier-run-kind"
        />
        {kind === 'annual' ? (
          <YearSelect
            today={today}
            label={t('tiers.run.year')}
            value={year}
            onChange={(y) => {
              setYear(y);
              tiersRun.reset();
            }}
            w={140}
            testId="tier-run-year"
          />
        ) : (
          <MonthField
            label={t('tiers.run.month')}
            value={period}
            onChange={(p) => {
              setPeriod(p);
              tiersRun.reset();
            }}
            testId="tier-run-month"
          />
        )}
        <Button onClick={() => void run()} loading={tiersRun.isPending} data-testid="tier-run-submit">
          {kind === 'annual' ? t('tiers.run.submitAnnual') : t('tiers.run.submitMonthly')}
        </Button>
      </Group>
      {error &&
        (missingBureau ? (
          <Alert
            color="orange"
            mt="md"
            title={t('tiers.run.missingBureauTitle')}
            data-testid="tier-run-error"
            role="alert"
          >
            <Text size="sm">{error.message}</Text>
            <Anchor href={hrefOf({ name: 'settings', tab: 'bureau' })} size="sm" data-testid="tier-run-bureau-link">
              {t('tiers.run.enterBureau')}
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        ))}
    </Paper>
  );
}

type RunRow = TierRunSummary & { totals: Record<(typeof TIERS)[number], number> };

function RunList() {
  const { t } = useTranslation();
  const runs = useApiQuery('tiers/runs', {});
  const open = (run: RunRow) => navigate({ name: 'tiers', runId: run.id });
  const columns: ListColumn<RunRow>[] = [
    {
      key: 'id',
      title: t('tiers.runs.id'),
      toggleable: false,
      width: 80,
      textAlign: 'left',
      value: (run) => run.id,
      render: (run) => (
        <Anchor href={hrefOf({ name: 'tiers', runId: run.id })} onClick={(e) => e.stopPropagation()} size="sm">
          #{run.id}
        </Anchor>
      ),
    },
    { key: 'kind', title: t('tiers.runs.kind'), value: (run) => t(`tiers.kind.${run.kind}`), noWrap: true },
    {
      // Which annual run of a year is in force, and runs computed with a replaced bureau figure (R10).
      key: 'status',
      title: t('tiers.inForce.column'),
      noWrap: true,
      sortable: false,
      value: (run) =>
        [
          run.kind === 'annual' && run.inForce ? t('tiers.inForce.badge') : '',
          run.kind === 'annual' && !run.inForce ? t('tiers.inForce.notInForce') : '',
          run.bureauStale ? t('tiers.stale.badge') : '',
        ]
          .filter(Boolean)
          .join('、'),
      // Stacked rather than side by side: the tier columns must fit at 1366 px.
      render: (run) => (
        <Stack gap={2} align="flex-start">
          <RunBadges run={run} />
          {run.kind === 'annual' && !run.inForce && (
            <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('tiers.inForce.notInForce')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'window',
      title: t('tiers.runs.window'),
      value: (run) => `${run.key}（${run.windowFrom} ~ ${run.windowTo}）`,
      // Two lines, so the tier columns fit beside the status at 1366 px.
      render: (run) => (
        <Stack gap={0}>
          <Text span fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {run.key}
          </Text>
          <Text span c="dimmed" size="xs" style={{ whiteSpace: 'nowrap' }}>
            {run.windowFrom} ~ {run.windowTo}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'policyVersion',
      title: t('tiers.runs.policy'),
      // The column says 政策版本; the cell only the number, so the tier columns fit at 1366 px.
      value: (run) => t('tiers.runs.policyShort', { version: run.policyVersion }),
      noWrap: true,
    },
    {
      key: 'createdAt',
      title: t('tiers.runs.createdAt'),
      value: (run) => formatDateTime(run.createdAt),
      noWrap: true,
    },
    { key: 'customers', title: t('tiers.runs.customers'), format: 'count' },
    { key: 'qualified', title: t('tiers.runs.qualified'), format: 'count' },
    ...TIERS.map(
      (tier): ListColumn<RunRow> => ({
        key: `tier-${tier}`,
        title: t(`tier.${tier}`),
        header: <TierBadge tier={tier} size="xs" />,
        format: 'count',
        value: (run) => run.totals[tier],
      }),
    ),
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('tiers.runs.title')}
      </Title>
      <ApiView state={runs}>
        {(list) => (
          <ListTable
            id="tier-runs"
            title={t('tiers.runs.title')}
            records={list.map((run) => ({ ...run, totals: runTotals(run) }))}
            columns={columns}
            rowKey={(run) => run.id}
            emptyText={t('tiers.runs.empty')}
            onRowClick={open}
            rowAttributes={(run) => ({ 'data-testid': 'tier-run-row', 'data-run-id': run.id })}
            rowClassName={() => 'kam-click-row'}
            testId="tier-runs"
          />
        )}
      </ApiView>
    </Paper>
  );
}
