import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierOrNone, TierResultRow, TierRunSummary } from '../../../../shared/api/types';
import { formatPermille } from '../../../../shared/domain/evaluation';
import { formatMoney, formatWan } from '../../../../shared/domain/money';
import { SCOPES, type Scope, TIERS } from '../../../../shared/domain/tiers';
import { useApi } from '../../api/useApi';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { EmptyBlock } from '../../components/EmptyBlock';
import { PageHeader } from '../../components/PageHeader';
import { TIER_COLORS, TIERS_OR_NONE, TierBadge } from '../../components/TierBadge';
import { TransitionMatrix } from '../../components/TransitionMatrix';
import { EMPTY_VALUE, formatCount, formatDateTime } from '../../i18n/format';
import { hrefOf } from '../../router/useRoute';
import { ExplainDrawer } from './ExplainDrawer';

const PAGE_SIZE = 50;

export function RunDetail({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const summary = useApi('tiers/summary', { runId });
  return (
    <Stack gap="md">
      <Group>
        <Anchor href={hrefOf({ name: 'tiers', runId: null })} size="sm" data-testid="back-to-runs">
          ← {t('tiers.backToRuns')}
        </Anchor>
      </Group>
      {summary.data === undefined && <PageHeader title={t('tiers.title')} />}
      <ApiView state={summary}>{(run) => <RunView run={run} />}</ApiView>
    </Stack>
  );
}

function RunView({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const [resultsVersion, setResultsVersion] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('tiers.runTitle', { kind: t(`tiers.kind.${run.kind}`), key: run.key })}
        after={
          <Badge variant="light" styles={{ label: { textTransform: 'none' } }}>
            {t('tiers.policyVersion', { version: run.policyVersion })}
          </Badge>
        }
      />
      <Text size="sm" c="dimmed" mt={-8} data-testid="tier-run-facts">
        {t('tiers.facts', {
          from: run.windowFrom,
          to: run.windowTo,
          bureauYear: run.bureauYear,
          bureau: formatWan(run.bureauRevenue),
          customers: formatCount(run.customers),
          qualified: formatCount(run.qualified),
          at: formatDateTime(run.createdAt),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            {t('tiers.counts.title')}
          </Title>
          <CountsTable run={run} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            {t('tiers.counts.chartTitle')}
          </Title>
          <CountsChart run={run} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb={4}>
          {t('tiers.transitions.title')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('tiers.transitions.hint')}
        </Text>
        <TransitionMatrix
          matrix={run.transitions}
          fromLabel={t('tiers.transitions.from')}
          toLabel={t('tiers.transitions.to')}
          testId="tier-transitions"
          caption={t('tiers.transitions.title')}
        />
      </Paper>
      <Results run={run} version={resultsVersion} onOpen={setOpen} />
      <ExplainDrawer
        runId={run.id}
        customerId={open}
        onClose={() => setOpen(null)}
        onChanged={() => setResultsVersion((v) => v + 1)}
      />
    </>
  );
}

function CountsTable({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const cell = (tier: (typeof TIERS)[number], scope: Scope) => run.counts[tier]?.[scope] ?? 0;
  const rowTotal = (tier: (typeof TIERS)[number]) => SCOPES.reduce((n, s) => n + cell(tier, s), 0);
  const colTotal = (scope: Scope) => TIERS.reduce((n, tier) => n + cell(tier, scope), 0);
  const all = TIERS.reduce((n, tier) => n + rowTotal(tier), 0);
  return (
    <Table withTableBorder withColumnBorders aria-label={t('tiers.counts.title')} data-testid="tier-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tiers.counts.tierScope')}</Table.Th>
          {SCOPES.map((s) => (
            <Table.Th key={s} ta="right">
              {t(`scope.${s}`)}
            </Table.Th>
          ))}
          <Table.Th ta="right">{t('common.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TIERS.map((tier) => (
          <Table.Tr key={tier} data-testid="tier-count-row" data-tier={tier}>
            <Table.Th scope="row">
              <TierBadge tier={tier} />
            </Table.Th>
            {SCOPES.map((s) => (
              <Table.Td key={s} ta="right" className="kam-num" data-scope={s}>
                {formatCount(cell(tier, s))}
              </Table.Td>
            ))}
            <Table.Td ta="right" className="kam-num" fw={600} data-testid="tier-count-total">
              {formatCount(rowTotal(tier))}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">{t('tiers.counts.keyTotal')}</Table.Th>
          {SCOPES.map((s) => (
            <Table.Td key={s} ta="right" className="kam-num" fw={600}>
              {formatCount(colTotal(s))}
            </Table.Td>
          ))}
          <Table.Td ta="right" className="kam-num" fw={700} data-testid="tier-count-all">
            {formatCount(all)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">
            <Text span size="sm" c="dimmed">
              {t('tier.none')}
            </Text>
          </Table.Th>
          <Table.Td colSpan={SCOPES.length} />
          <Table.Td ta="right" className="kam-num" c="dimmed">
            {formatCount(run.customers - all)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

const SCOPE_COLORS: Record<Scope, string> = {
  regional: 'postal.6',
  comprehensive: 'blue.5',
  professional: 'orange.5',
};

function CountsChart({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const data = TIERS.map((tier) => ({
    tier: t(`tier.${tier}`),
    ...Object.fromEntries(SCOPES.map((s) => [s, run.counts[tier]?.[s] ?? 0])),
  }));
  return (
    <div data-testid="tier-chart" role="img" aria-label={t('tiers.counts.chartTitle')}>
      <BarChart
        h={230}
        data={data}
        dataKey="tier"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 30 }}
        series={SCOPES.map((s) => ({ name: s, label: t(`scope.${s}`), color: SCOPE_COLORS[s] }))}
        tickLine="y"
        maxBarWidth={56}
      />
    </div>
  );
}

function Results({ run, version, onOpen }: { run: TierRunSummary; version: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [tier, setTier] = useState<TierOrNone | null>(null);
  const [scope, setScope] = useState<Scope | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const units = useApi('units/list', {});
  const results = useApi('tiers/results', {
    runId: run.id,
    tier,
    scope,
    unitId,
    search: debounced,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  // An approval, override or revocation in the drawer shows in the list at once.
  useReloadOn(version, results.reload);
  const reset = () => setPage(1);

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h5">
          {t('tiers.results.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="tier-results-total">
          {results.data ? t('tiers.results.total', { count: results.data.total }) : ' '}
        </Text>
      </Group>
      <Group gap="sm" mb="sm" align="flex-end">
        <TextInput
          label={t('tiers.results.search')}
          placeholder={t('tiers.results.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            reset();
          }}
          w={260}
          data-testid="tier-results-search"
        />
        <Select
          label={t('tiers.results.tier')}
          placeholder={t('tiers.results.allTiers')}
          data={TIERS_OR_NONE.map((k) => ({ value: k, label: t(k === 'none' ? 'tier.none' : `tier.${k}`) }))}
          value={tier}
          onChange={(v) => {
            setTier(v as TierOrNone | null);
            reset();
          }}
          clearable
          w={140}
          data-testid="tier-results-tier"
        />
        <Select
          label={t('tiers.results.scope')}
          placeholder={t('tiers.results.allScopes')}
          data={SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          value={scope}
          onChange={(v) => {
            setScope(v as Scope | null);
            reset();
          }}
          clearable
          w={130}
          data-testid="tier-results-scope"
        />
        <Select
          label={t('tiers.results.unit')}
          placeholder={t('tiers.results.allUnits')}
          data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId === null ? null : String(unitId)}
          onChange={(v) => {
            setUnitId(v ? Number(v) : null);
            reset();
          }}
          clearable
          searchable
          w={200}
          data-testid="tier-results-unit"
        />
      </Group>
      <ApiView state={results}>
        {(data) =>
          data.total === 0 ? (
            <EmptyBlock description={t('tiers.results.empty')} testId="tier-results-empty" />
          ) : (
            <>
              <div style={{ overflowX: 'auto' }}>
                <Table
                  striped
                  highlightOnHover
                  aria-label={t('tiers.results.title')}
                  data-testid="tier-results"
                  style={{ opacity: results.loading ? 0.6 : 1 }}
                >
                  <Table.Thead className="kam-head-nowrap">
                    <Table.Tr>
                      <Table.Th w={170}>{t('tiers.results.columns.id')}</Table.Th>
                      <Table.Th>{t('tiers.results.columns.name')}</Table.Th>
                      <Table.Th>{t('tiers.results.columns.unit')}</Table.Th>
                      <Table.Th ta="right">{t('tiers.results.columns.revenue')}</Table.Th>
                      <Table.Th ta="right">{t('tiers.results.columns.revenueScore')}</Table.Th>
                      <Table.Th ta="right">{t('tiers.results.columns.shareScore')}</Table.Th>
                      <Table.Th ta="right">{t('tiers.results.columns.total')}</Table.Th>
                      <Table.Th miw={96}>{t('tiers.results.columns.tier')}</Table.Th>
                      <Table.Th>{t('tiers.results.columns.previous')}</Table.Th>
                      <Table.Th>{t('tiers.results.columns.responsible')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((row) => (
                      <ResultRow key={row.customerId} row={row} onOpen={onOpen} />
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
              {data.total > PAGE_SIZE && (
                <Group justify="center" mt="sm">
                  <Pagination
                    total={Math.ceil(data.total / PAGE_SIZE)}
                    value={page}
                    onChange={setPage}
                    size="sm"
                    data-testid="tier-results-pages"
                    getControlProps={(control) => ({
                      'aria-label': t(`tiers.results.page.${control}`),
                    })}
                  />
                </Group>
              )}
            </>
          )
        }
      </ApiView>
    </Paper>
  );
}

/** Calls `reload` whenever `key` changes after the first render. */
function useReloadOn(key: number, reload: () => void) {
  const first = useRef(key);
  useEffect(() => {
    if (key !== first.current) {
      first.current = key;
      reload();
    }
  }, [key, reload]);
}

function ResultRow({ row, onOpen }: { row: TierResultRow; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const open = () => onOpen(row.customerId);
  const manual = row.effectiveSource !== 'computed';
  return (
    <Table.Tr
      className="kam-click-row"
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      data-testid="tier-result-row"
      data-customer-id={row.customerId}
      aria-label={t('tiers.results.openExplain', { name: row.name })}
    >
      <Table.Td>
        <CustomerIdText id={row.customerId} size="sm" />
      </Table.Td>
      <Table.Td style={{ maxWidth: 260 }}>
        {/* Two lines rather than an ellipsis: a branch differs from its head office by its tail. */}
        <Text size="sm" lineClamp={2} title={row.name} miw={160}>
          {row.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end">
          {row.unit}
        </Text>
      </Table.Td>
      <Table.Td ta="right" className="kam-num">
        <Tooltip label={formatMoney(row.annualRevenue)} withinPortal>
          <span>{formatWan(row.annualRevenue)}</span>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right" className="kam-num">
        {row.revenueScore}
      </Table.Td>
      <Table.Td ta="right" className="kam-num">
        <Tooltip label={formatPermille(row.sharePpm)} withinPortal>
          <span>{row.shareScore}</span>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right" className="kam-num" fw={600}>
        {row.total}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <TierBadge tier={row.tier} testId="tier-result-tier" />
          {manual && row.effectiveTier !== null && (
            <Tooltip label={t(`tiers.source.${row.effectiveSource}`)} withinPortal>
              <Badge
                size="sm"
                variant="outline"
                color={TIER_COLORS[row.effectiveTier]}
                data-testid="tier-result-effective"
                styles={{ label: { textTransform: 'none' } }}
              >
                → {t(`tier.${row.effectiveTier}`)}（{t(`tiers.sourceShort.${row.effectiveSource}`)}）
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <TierBadge tier={row.previousTier} variant="outline" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end">
          {row.responsibleUnit ?? EMPTY_VALUE}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
