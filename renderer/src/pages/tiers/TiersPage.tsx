import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierRunSummary } from '../../../../shared/api/types';
import { TIERS } from '../../../../shared/domain/tiers';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { EmptyBlock } from '../../components/EmptyBlock';
import { PageHeader } from '../../components/PageHeader';
import { lastMonthOf, lastYearOf, MonthField, YearSelect } from '../../components/PeriodPickers';
import { TierBadge } from '../../components/TierBadge';
import { formatCount, formatDateTime } from '../../i18n/format';
import { hrefOf, navigate } from '../../router/useRoute';
import { RunDetail } from './RunDetail';

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
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const summary = await api.call('tiers/run', kind === 'annual' ? { kind, year } : { kind, period });
      notifications.show({
        color: 'postal',
        title: t('tiers.run.done'),
        message: t('tiers.run.doneText', { key: summary.key, count: summary.qualified }),
      });
      navigate({ name: 'tiers', runId: summary.id });
    } catch (e) {
      setError(toApiCallError('tiers/run', e));
    } finally {
      setRunning(false);
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
            setError(null);
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
              setError(null);
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
              setError(null);
            }}
            testId="tier-run-month"
          />
        )}
        <Button onClick={() => void run()} loading={running} data-testid="tier-run-submit">
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

function RunList() {
  const { t } = useTranslation();
  const runs = useApi('tiers/runs', {});
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('tiers.runs.title')}
      </Title>
      <ApiView state={runs}>
        {(list) =>
          list.length === 0 ? (
            <EmptyBlock description={t('tiers.runs.empty')} testId="tier-runs-empty" />
          ) : (
            <Table striped highlightOnHover aria-label={t('tiers.runs.title')} data-testid="tier-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('tiers.runs.id')}</Table.Th>
                  <Table.Th>{t('tiers.runs.kind')}</Table.Th>
                  <Table.Th>{t('tiers.runs.window')}</Table.Th>
                  <Table.Th>{t('tiers.runs.policy')}</Table.Th>
                  <Table.Th>{t('tiers.runs.createdAt')}</Table.Th>
                  <Table.Th ta="right">{t('tiers.runs.customers')}</Table.Th>
                  <Table.Th ta="right">{t('tiers.runs.qualified')}</Table.Th>
                  {TIERS.map((tier) => (
                    <Table.Th key={tier} ta="right">
                      <TierBadge tier={tier} size="xs" />
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((run) => {
                  const totals = runTotals(run);
                  const open = () => navigate({ name: 'tiers', runId: run.id });
                  return (
                    <Table.Tr
                      key={run.id}
                      className="kam-click-row"
                      tabIndex={0}
                      onClick={open}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') open();
                      }}
                      data-testid="tier-run-row"
                      data-run-id={run.id}
                    >
                      <Table.Td>
                        <Anchor href={hrefOf({ name: 'tiers', runId: run.id })} onClick={(e) => e.stopPropagation()}>
                          #{run.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`tiers.kind.${run.kind}`)}</Table.Td>
                      <Table.Td>
                        <Text span fw={600} size="sm">
                          {run.key}
                        </Text>{' '}
                        <Text span c="dimmed" size="xs">
                          {run.windowFrom} ~ {run.windowTo}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t('tiers.policyVersion', { version: run.policyVersion })}</Table.Td>
                      <Table.Td className="kam-num">{formatDateTime(run.createdAt)}</Table.Td>
                      <Table.Td ta="right" className="kam-num">
                        {formatCount(run.customers)}
                      </Table.Td>
                      <Table.Td ta="right" className="kam-num">
                        {formatCount(run.qualified)}
                      </Table.Td>
                      {TIERS.map((tier) => (
                        <Table.Td key={tier} ta="right" className="kam-num">
                          {formatCount(totals[tier])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )
        }
      </ApiView>
    </Paper>
  );
}
