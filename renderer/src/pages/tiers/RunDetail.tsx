import {
  Alert,
  Anchor,
  Badge,
  Button,
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
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import type { TierOrNone, TierResultRow, TierRunSummary } from '../../../../shared/api/types';
import { formatPermille } from '../../../../shared/domain/evaluation';
import { SCOPES, type Scope, TIERS } from '../../../../shared/domain/tiers';
import { api, toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { TIER_COLORS, TIERS_OR_NONE, TierBadge } from '../../components/TierBadge';
import { TierCountChart } from '../../components/TierCountChart';
import { TransitionMatrix } from '../../components/TransitionMatrix';
import { EMPTY_VALUE, formatCount, formatDateTime, formatFen } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { ExplainDrawer } from './ExplainDrawer';

const PAGE_SIZE = 50;

export function RunDetail({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const summary = useApiQuery('tiers/summary', { runId });
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
  const f = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('tiers.runTitle', { kind: t(`tiers.kind.${run.kind}`), key: run.key })}
        after={
          <Group gap="xs">
            <Badge variant="light" styles={{ label: { textTransform: 'none' } }}>
              {t('tiers.policyVersion', { version: run.policyVersion })}
            </Badge>
            <RunBadges run={run} />
          </Group>
        }
      />
      <Text size="sm" c="dimmed" mt={-8} data-testid="tier-run-facts">
        {t('tiers.facts', {
          from: run.windowFrom,
          to: run.windowTo,
          bureauYear: run.bureauYear,
          bureau: f.fenSummary(run.bureauRevenue),
          customers: formatCount(run.customers),
          qualified: formatCount(run.qualified),
          at: formatDateTime(run.createdAt),
        })}
      </Text>
      <StaleAlert run={run} />
      <InForceNote run={run} />
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
        {run.transitions === null || run.comparedWith === null ? (
          // Nothing in force before this run: every customer would read "upgraded from 非大客户".
          <Alert color="gray" variant="light" title={t('tiers.transitions.none')} data-testid="tier-no-previous">
            {t('tiers.transitions.noneText', {
              when:
                run.kind === 'annual'
                  ? t('tiers.transitions.noneWhenAnnual', { year: run.key })
                  : t('tiers.transitions.noneWhenMonthly', { period: run.key }),
            })}
          </Alert>
        ) : (
          <>
            <Text size="xs" c="dimmed" data-testid="tier-compared-with">
              {t('tiers.transitions.comparedWith', {
                kind: t(`tiers.kind.${run.comparedWith.kind}`),
                key: run.comparedWith.key,
                runId: run.comparedWith.runId,
              })}
            </Text>
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
          </>
        )}
      </Paper>
      {/* An approval, override or revocation in the drawer invalidates the tiers area: the
          results below and the explanation refetch by themselves (R13). */}
      <Results run={run} onOpen={setOpen} />
      <ExplainDrawer runId={run.id} customerId={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** 在用 (annual runs, when the year has several) and 需重新评级 (R10 figure replaced since the run). */
export function RunBadges({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {run.kind === 'annual' && run.inForce && (
        <Badge
          color="postal"
          variant="filled"
          data-testid="tier-run-in-force"
          style={{ flexShrink: 0 }}
          styles={{ label: { textTransform: 'none', overflow: 'visible' } }}
        >
          {t('tiers.inForce.badge')}
        </Badge>
      )}
      {run.bureauStale && (
        <Tooltip label={t('tiers.stale.title')} withinPortal>
          <Badge
            color="orange"
            variant="light"
            data-testid="tier-run-stale"
            style={{ flexShrink: 0 }}
            styles={{ label: { textTransform: 'none', overflow: 'visible' } }}
          >
            {t('tiers.stale.badge')}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

function StaleAlert({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!run.bureauStale) return null;
  const values = { year: run.bureauYear, old: f.fenSummary(run.bureauRevenue) };
  return (
    <Alert color="orange" title={t('tiers.stale.title')} data-testid="tier-stale-alert">
      <Text size="sm">
        {run.bureauRevenueNow === null
          ? t('tiers.stale.textMissing', values)
          : t('tiers.stale.text', { ...values, now: f.fenSummary(run.bureauRevenueNow) })}
      </Text>
    </Alert>
  );
}

/** Which of the year's annual runs is in force, and the choice (tiers/set-in-force, logged). */
function InForceNote({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const choose = useApiMutation('tiers/set-in-force');
  if (run.kind !== 'annual' || run.sameYearRuns < 2) return null;
  const year = run.key;
  const confirm = () =>
    modals.openConfirmModal({
      title: t('tiers.inForce.confirmTitle', { id: run.id, year }),
      children: <Text size="sm">{t('tiers.inForce.confirmText', { year })}</Text>,
      labels: { confirm: t('tiers.inForce.choose'), cancel: t('common.cancel') },
      closeButtonProps: { 'aria-label': t('common.close') },
      confirmProps: { 'data-testid': 'tier-in-force-confirm' },
      onConfirm: () => {
        choose.mutateAsync({ runId: run.id }).then(
          () =>
            notifications.show({
              color: 'postal',
              title: t('tiers.inForce.chosen'),
              message: t('tiers.inForce.chosenText', { year, id: run.id }),
            }),
          (e: unknown) =>
            notifications.show({
              color: 'red',
              title: t('common.errorTitle'),
              message: toApiCallError('tiers/set-in-force', e).message,
            }),
        );
      },
    });
  return (
    <Alert color={run.inForce ? 'postal' : 'yellow'} variant="light" data-testid="tier-in-force-note">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">
          {t('tiers.inForce.several', { year, count: run.sameYearRuns })}
          {run.inForce ? t('tiers.inForce.thisOne', { year }) : t('tiers.inForce.notThisOne', { year })}
        </Text>
        {!run.inForce && (
          <Button
            size="xs"
            variant="light"
            onClick={confirm}
            loading={choose.isPending}
            data-testid="tier-in-force-choose"
          >
            {t('tiers.inForce.choose')}
          </Button>
        )}
      </Group>
    </Alert>
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

function CountsChart({ run }: { run: TierRunSummary }) {
  const { t } = useTranslation();
  const keyCustomers = TIERS.reduce((n, tier) => n + SCOPES.reduce((m, s) => m + (run.counts[tier]?.[s] ?? 0), 0), 0);
  const counts = Object.fromEntries([
    ...TIERS.map((tier) => [tier, SCOPES.reduce((m, s) => m + (run.counts[tier]?.[s] ?? 0), 0)]),
    ['none', run.customers - keyCustomers],
  ]) as Record<TierOrNone, number>;
  return <TierCountChart counts={counts} label={t('tiers.counts.chartTitle')} hint={t('tiers.counts.chartHint')} />;
}

/** tiers/results takes at most this many rows a call; an export walks the pages with it. */
const EXPORT_PAGE = 1000;

type ResultFilter = Omit<ApiInput<'tiers/results'>, 'offset' | 'limit'>;

/** Every result matching the filter, page after page (for 导出 Excel of the whole filtered list). */
async function allResults(filter: ResultFilter): Promise<TierResultRow[]> {
  const rows: TierResultRow[] = [];
  for (;;) {
    const page = await api.call('tiers/results', { ...filter, offset: rows.length, limit: EXPORT_PAGE });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

function Results({ run, onOpen }: { run: TierRunSummary; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [tier, setTier] = useState<TierOrNone | null>(null);
  const [scope, setScope] = useState<Scope | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const units = useApiQuery('units/list', {});
  const filter: ResultFilter = { runId: run.id, tier, scope, unitId, search: debounced };
  const results = useApiQuery('tiers/results', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const tierLabel = (k: TierOrNone | null) => t(k === null || k === 'none' ? 'tier.none' : `tier.${k}`);
  const filters = [
    ...(debounced ? [`${t('tiers.results.search')}：${debounced}`] : []),
    ...(tier ? [`${t('tiers.results.tier')}：${tierLabel(tier)}`] : []),
    ...(scope ? [`${t('tiers.results.scope')}：${t(`scope.${scope}`)}`] : []),
    ...(unitId !== null
      ? [`${t('tiers.results.unit')}：${unitOptions.find((o) => o.value === String(unitId))?.label ?? unitId}`]
      : []),
  ];
  const reset = () => setPage(1);
  const clearFilters = () => {
    setTier(null);
    setScope(null);
    setUnitId(null);
    setSearch('');
    reset();
  };
  // Enter or Space on a focused row opens its explanation, as a click does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const id = target.tagName === 'TR' ? target.dataset.customerId : undefined;
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onOpen(id);
    }
  };

  const shown: ListColumn<TierResultRow>[] = [
    {
      key: 'customerId',
      title: t('tiers.results.columns.id'),
      toggleable: false,
      width: 150,
      noWrap: true,
      render: (row) => <CustomerIdText id={row.customerId} size="sm" />,
    },
    {
      key: 'name',
      title: t('tiers.results.columns.name'),
      toggleable: false,
      // Two lines rather than an ellipsis: a branch differs from its head office by its tail.
      render: (row) => (
        <Text size="sm" lineClamp={2} title={row.name} miw={160} maw={260}>
          {row.name}
        </Text>
      ),
    },
    {
      key: 'unit',
      title: t('tiers.results.columns.unit'),
      noWrap: true,
    },
    {
      key: 'annualRevenue',
      title: t('tiers.results.columns.revenue'),
      format: 'money',
      noWrap: true,
      render: (row) => (
        <Tooltip label={f.fenSummary(row.annualRevenue)} withinPortal>
          <span className="kam-num">{formatFen(row.annualRevenue)}</span>
        </Tooltip>
      ),
    },
    { key: 'revenueScore', title: t('tiers.results.columns.revenueScore'), format: 'count' },
    {
      key: 'shareScore',
      title: t('tiers.results.columns.shareScore'),
      format: 'count',
      render: (row) => (
        <Tooltip label={formatPermille(row.sharePpm)} withinPortal>
          <span className="kam-num">{row.shareScore}</span>
        </Tooltip>
      ),
    },
    {
      key: 'total',
      title: t('tiers.results.columns.total'),
      // The weighted total may carry decimals (R11, weights in whole percentages): written as
      // shown, not rounded by a count format.
      value: (row) => String(row.total),
      textAlign: 'right',
      render: (row) => (
        <Text span size="sm" fw={600} className="kam-num">
          {row.total}
        </Text>
      ),
    },
    {
      key: 'tier',
      title: t('tiers.results.columns.tier'),
      noWrap: true,
      // R13: an approval or override shows beside the computed tier, never in its place.
      value: (row) =>
        row.effectiveSource !== 'computed' && row.effectiveTier !== null
          ? `${tierLabel(row.tier)} → ${t(`tier.${row.effectiveTier}`)}（${t(`tiers.sourceShort.${row.effectiveSource}`)}）`
          : tierLabel(row.tier),
      render: (row) => (
        <Group gap={4} wrap="nowrap">
          <TierBadge tier={row.tier} testId="tier-result-tier" />
          {row.effectiveSource !== 'computed' && row.effectiveTier !== null && (
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
      ),
    },
    // 无上期可比: without tiers in force to compare with, a "previous tier" column would read 非大客户.
    ...(run.comparedWith === null
      ? []
      : [
          {
            key: 'previousTier',
            title: t('tiers.results.columns.previous'),
            noWrap: true,
            value: (row: TierResultRow) => tierLabel(row.previousTier),
            render: (row: TierResultRow) => <TierBadge tier={row.previousTier} variant="outline" />,
          } satisfies ListColumn<TierResultRow>,
        ]),
    {
      key: 'responsibleUnit',
      title: t('tiers.results.columns.responsible'),
      noWrap: true,
      value: (row) => row.responsibleUnit ?? '',
      render: (row) => row.responsibleUnit ?? EMPTY_VALUE,
    },
  ];
  const columns = shown.map((c) => ({
    ...c,
    // The backend orders the whole list by 总分 (then ID) across pages; a column sort here would
    // reorder one page of it only, so the order is the server's.
    sortable: false,
  }));

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('tiers.results.title')}
      </Title>
      <ApiView state={results}>
        {(data) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: the rows inside are focusable; Enter on one opens it
          <div onKeyDown={onKeyDown} style={{ opacity: results.loading ? 0.6 : 1 }}>
            <ListTable
              id="tier-results"
              title={t('tiers.results.exportTitle', { kind: t(`tiers.kind.${run.kind}`), key: run.key })}
              ariaLabel={t('tiers.results.title')}
              records={data.rows}
              total={data.total}
              exportRows={() => allResults(filter)}
              columns={columns}
              rowKey={(row) => row.customerId}
              filters={filters}
              onClearFilters={clearFilters}
              emptyText={t('tiers.results.empty')}
              onRowClick={(row) => onOpen(row.customerId)}
              rowAttributes={(row) => ({
                'data-testid': 'tier-result-row',
                'data-customer-id': row.customerId,
                tabIndex: 0,
                'aria-label': t('tiers.results.openExplain', { name: row.name }),
              })}
              rowClassName={() => 'kam-click-row'}
              maxHeight="60vh"
              testId="tier-results"
              toolbar={
                <>
                  <TextInput
                    label={t('tiers.results.search')}
                    placeholder={t('tiers.results.searchPlaceholder')}
                    value={search}
                    onChange={(e) => {
                      setSearch(e.currentTarget.value);
                      reset();
                    }}
                    w={220}
                    data-testid="tier-results-search"
                  />
                  <Select
                    label={t('tiers.results.tier')}
                    placeholder={t('tiers.results.allTiers')}
                    data={TIERS_OR_NONE.map((k) => ({ value: k, label: tierLabel(k) }))}
                    value={tier}
                    onChange={(v) => {
                      setTier(v as TierOrNone | null);
                      reset();
                    }}
                    clearable
                    w={130}
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
                    data={unitOptions}
                    value={unitId === null ? null : String(unitId)}
                    onChange={(v) => {
                      setUnitId(v ? Number(v) : null);
                      reset();
                    }}
                    clearable
                    searchable
                    w={180}
                    data-testid="tier-results-unit"
                  />
                </>
              }
            />
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
          </div>
        )}
      </ApiView>
    </Paper>
  );
}
