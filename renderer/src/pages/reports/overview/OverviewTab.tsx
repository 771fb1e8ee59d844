import { Button, Grid, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFacts } from '../../../../../shared/domain/report/facts';
import { useApiQuery } from '../../../api/query';
import { ErrorAlert } from '../../../components/ApiViews';
import { useToday } from '../../../components/AppInfo';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { lastMonthOf, MonthField } from '../../../components/PeriodPickers';
import { useFormat } from '../../../i18n/useFormat';
import { navigate } from '../../../router/useRoute';
import { ChangesCard, LinesCard, SubmissionsCard, TierScopeCard, Top20Card, TrendCard, UnitsCard } from './cards';
import { DrillDrawer } from './DrillDrawer';
import type { DrillRequest } from './drill';
import { Headline } from './Headline';

const CITY = '';

/**
 * 报表 → 概览: the month's dashboard for the city or one unit (R24–R28), the same facts the
 * monthly analysis report prints, live. Defaults to last month, as the exports do.
 */
export function OverviewTab() {
  const { t } = useTranslation();
  const today = useToday();
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [unit, setUnit] = useState(CITY);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const units = useApiQuery('units/list', {});
  const unitCode = unit === CITY ? null : unit;
  const state = useApiQuery('reports/dashboard', { period, unitCode });

  return (
    <Stack gap="md" data-testid="overview">
      <Group align="flex-end" gap="md">
        <MonthField
          label={t('reports.overview.month')}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setDrill(null);
          }}
          testId="overview-month"
        />
        <Select
          label={t('reports.overview.unit')}
          data={[
            { value: CITY, label: t('reports.overview.city') },
            ...(units.data ?? [])
              .filter((u) => u.retiredOn === null && u.kind !== 'centre')
              .map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
          ]}
          value={unit}
          onChange={(v) => {
            setUnit(v ?? CITY);
            setDrill(null);
          }}
          allowDeselect={false}
          searchable
          w={260}
          data-testid="overview-unit"
        />
        {state.data?.tierBasis && (
          <Text size="xs" c="dimmed" pb={8} data-testid="overview-basis">
            {t('reports.overview.basis', {
              year: state.data.tierBasis.year,
              runId: state.data.tierBasis.runId,
              version: state.data.tierBasis.policyVersion,
            })}
          </Text>
        )}
      </Group>
      {state.error ? (
        <ErrorAlert error={state.error} onRetry={state.reload} title={t('reports.overview.loadError')} />
      ) : state.data === undefined ? (
        <DashboardSkeleton />
      ) : (
        <div style={{ opacity: state.loading ? 0.6 : 1 }} aria-busy={state.loading}>
          <Dashboard facts={state.data} onDrill={setDrill} />
        </div>
      )}
      <DrillDrawer period={period} unitCode={unitCode} request={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}

function Dashboard({ facts, onDrill }: { facts: ReportFacts; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A unit with no customers at all: nothing to import or grade for it.
  if (facts.overall.customerCount === 0) {
    return (
      <Paper withBorder>
        <EmptyBlock
          title={t('reports.overview.empty.noCustomersTitle')}
          description={t('reports.overview.empty.noCustomers')}
          testId="overview-no-customers"
        />
      </Paper>
    );
  }
  // A month nobody reported: nothing to chart; say where the figures come from.
  if (facts.overall.all.thisMonth === 0) {
    return (
      <Paper withBorder>
        <EmptyBlock
          title={t('reports.overview.empty.noRevenueTitle', { month: format.month(facts.period) })}
          description={t('reports.overview.empty.noRevenue')}
          testId="overview-empty"
        >
          <Button onClick={() => navigate({ name: 'submissions', tab: 'import' })} data-testid="overview-import">
            {t('reports.overview.empty.importRevenue')}
          </Button>
        </EmptyBlock>
      </Paper>
    );
  }
  // Key customers come from an annual grading (DOMAIN-DECISIONS "Monthly analysis report").
  if (facts.tierBasis === null) {
    return (
      <Paper withBorder>
        <EmptyBlock
          title={t('reports.overview.empty.noTieringTitle')}
          description={t('reports.overview.empty.noTiering')}
          testId="overview-no-tiering"
        >
          <Button onClick={() => navigate({ name: 'tiers', runId: null })} data-testid="overview-run-tiering">
            {t('reports.overview.empty.runTiering')}
          </Button>
        </EmptyBlock>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Headline facts={facts} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TierScopeCard facts={facts} onDrill={onDrill} />
        <ChangesCard facts={facts} onDrill={onDrill} />
      </SimpleGrid>
      <TrendCard facts={facts} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <LinesCard facts={facts} onDrill={onDrill} />
        <UnitsCard facts={facts} onDrill={onDrill} />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Top20Card facts={facts} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SubmissionsCard facts={facts} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The dashboard's shape while its figures load. */
function DashboardSkeleton() {
  return (
    <Stack gap="md" data-testid="overview-loading" aria-busy>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm">
        {Array.from({ length: 5 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, all alike
          <Skeleton key={i} height={96} radius="sm" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Skeleton height={300} radius="sm" />
        <Skeleton height={300} radius="sm" />
      </SimpleGrid>
      <Skeleton height={300} radius="sm" />
    </Stack>
  );
}
