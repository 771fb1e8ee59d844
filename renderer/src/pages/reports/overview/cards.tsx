/**
 * The dashboard's cards, each a chart of one part of the month's facts (facts.ts) with its
 * numbers as a table; a bar that stands for customers opens them (reports/customers).
 */
import { Anchor, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RevenueLine } from '../../../../../shared/domain/lines';
import type { ReportCustomer, ReportFacts } from '../../../../../shared/domain/report/facts';
import { SCOPES, type Scope, TIERS, type Tier } from '../../../../../shared/domain/tiers';
import { CustomerLink } from '../../../components/CustomerLink';
import type { ListColumn } from '../../../components/list/ListTable';
import { hrefOf, navigate } from '../../../router/useRoute';
import { ChartCard } from './ChartCard';
import { CustomerTable } from './CustomerTable';
import {
  ALL_FILL,
  AXIS_STROKE,
  AXIS_TICK,
  AXIS_TICK_DIM,
  GRID_STROKE,
  KEY_FILL,
  LABEL_STYLE,
  labelWidth,
  SCOPE_FILLS,
  shortName,
  TIER_FILLS,
  TOOLTIP_PROPS,
} from './chart-style';
import { DrillTable } from './DrillTable';
import type { OpenDrill } from './drill';
import * as f from './figures';

type CardProps = { facts: ReportFacts; onDrill: OpenDrill };

const wanTick = (v: number) => f.count(Math.round(v));

/** Key customers by tier × scope: one bar per tier, split by scope, each part opening its customers. */
export function TierScopeCard({ facts, onDrill }: CardProps) {
  const { t } = useTranslation();
  const tierName = (tier: Tier) => t(`tier.${tier}`);
  const scopeName = (scope: Scope) => t(`scope.${scope}`);
  const rows = TIERS.map((tier) => {
    const byScope = facts.tierScope[tier];
    const total = SCOPES.reduce((s, scope) => s + byScope[scope], 0);
    return {
      tier,
      name: tierName(tier),
      total,
      // The tier's total under its bar: "钻石 8 户" (a label above a stack vanishes when its top part is 0).
      axisLabel: t('reports.overview.tierScope.axis', { tier: tierName(tier), count: f.count(total) }),
      ...byScope,
    };
  });
  const drillCell = (tier: Tier, scope: Scope) =>
    onDrill({
      title: t('reports.overview.drill.key', {
        label: t('reports.overview.drill.tierScope', { tier: tierName(tier), scope: scopeName(scope) }),
      }),
      set: 'key',
      tier,
      scope,
    });
  const drillTier = (tier: Tier) =>
    onDrill({ title: t('reports.overview.drill.key', { label: tierName(tier) }), set: 'key', tier });
  const columns: ListColumn<(typeof rows)[number]>[] = [
    { key: 'name', title: t('reports.overview.tierScope.tier'), sortable: false },
    ...SCOPES.map((scope) => ({
      key: scope,
      title: scopeName(scope),
      format: 'count' as const,
      sortable: false,
      render: (row: (typeof rows)[number]) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={(e) => {
            e.stopPropagation();
            drillCell(row.tier, scope);
          }}
          data-testid="tier-scope-cell"
          data-tier={row.tier}
          data-scope={scope}
        >
          {f.count(row[scope])}
        </Anchor>
      ),
    })),
    { key: 'total', title: t('reports.overview.tierScope.total'), format: 'count', sortable: false },
  ];
  return (
    <ChartCard
      id="tier-scope"
      title={t('reports.overview.tierScope.title')}
      note={t('reports.overview.clickHint')}
      chart={() => (
        <div style={{ width: '100%', height: 240 }} data-testid="tier-scope-chart">
          <ResponsiveContainer>
            <BarChart data={rows} margin={{ top: 12, right: 8, bottom: 4, left: 0 }} barCategoryGap="28%">
              <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis dataKey="axisLabel" tick={AXIS_TICK} stroke={AXIS_STROKE} tickLine={false} interval={0} />
              <YAxis
                allowDecimals={false}
                tick={AXIS_TICK_DIM}
                stroke={AXIS_STROKE}
                width={48}
                tickFormatter={wanTick}
              />
              <Tooltip {...TOOLTIP_PROPS} formatter={(v) => f.count(Number(v))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {SCOPES.map((scope) => (
                <Bar
                  key={scope}
                  dataKey={scope}
                  name={scopeName(scope)}
                  stackId="tiers"
                  fill={SCOPE_FILLS[scope]}
                  isAnimationActive={false}
                  maxBarSize={56}
                  cursor="pointer"
                  onClick={(entry) => drillCell((entry.payload as (typeof rows)[number]).tier, scope)}
                >
                  {rows.map((row) => (
                    <Cell key={row.tier} data-testid="tier-scope-bar" data-tier={row.tier} data-scope={scope} />
                  ))}
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      table={() => (
        <DrillTable
          id="tier-scope-table"
          title={t('reports.overview.tierScope.title')}
          records={rows}
          columns={columns}
          rowKey={(row) => row.tier}
          onOpen={(row) => drillTier(row.tier)}
          openLabel={(row) => t('reports.overview.drill.open', { name: row.name })}
          emptyText={t('reports.overview.drill.empty')}
        />
      )}
    />
  );
}

/** New, lost and fluctuating (R27) key customers: counts as bars, the first few named under them. */
export function ChangesCard({ facts, onDrill }: CardProps) {
  const { t } = useTranslation();
  const sets = [
    { set: 'added' as const, list: facts.overall.added, fill: 'var(--mantine-color-green-6)' },
    { set: 'lost' as const, list: facts.overall.lost, fill: 'var(--mantine-color-red-6)' },
    { set: 'fluctuating' as const, list: facts.fluctuations, fill: 'var(--mantine-color-orange-5)' },
  ].map((s) => ({
    ...s,
    name: t(`reports.overview.changes.${s.set}`),
    value: s.list.length,
    label: t('reports.overview.households', { count: f.count(s.list.length) }),
  }));
  const open = (set: (typeof sets)[number]['set']) => onDrill({ title: t(`reports.overview.drill.${set}`), set });
  const columns: ListColumn<(typeof sets)[number]>[] = [
    { key: 'name', title: t('reports.overview.changes.set'), sortable: false },
    { key: 'value', title: t('reports.overview.changes.count'), format: 'count', sortable: false },
  ];
  return (
    <ChartCard
      id="changes"
      title={t('reports.overview.changes.title')}
      note={t('reports.overview.changes.note')}
      chart={() => (
        <Stack gap="xs">
          <div style={{ width: '100%', height: 130 }} data-testid="changes-chart">
            <ResponsiveContainer>
              <BarChart data={sets} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 4 }}>
                <XAxis type="number" hide allowDecimals={false} domain={[0, (max: number) => Math.max(1, max)]} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={labelWidth(sets.map((x) => x.name))}
                  tick={AXIS_TICK}
                  tickLine={false}
                  stroke={AXIS_STROKE}
                />
                <Tooltip {...TOOLTIP_PROPS} formatter={(v) => f.count(Number(v))} />
                <Bar
                  dataKey="value"
                  isAnimationActive={false}
                  maxBarSize={24}
                  cursor="pointer"
                  onClick={(entry) => open((entry.payload as (typeof sets)[number]).set)}
                  minPointSize={2}
                >
                  {sets.map((s) => (
                    <Cell key={s.set} fill={s.fill} data-testid="changes-bar" data-set={s.set} />
                  ))}
                  <LabelList dataKey="label" position="right" style={LABEL_STYLE} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          {sets.slice(0, 2).map((s) => (
            <NameList key={s.set} label={s.name} customers={s.list} testId={`changes-${s.set}-names`} />
          ))}
        </Stack>
      )}
      table={() => (
        <DrillTable
          id="changes-table"
          title={t('reports.overview.changes.title')}
          records={sets}
          columns={columns}
          rowKey={(row) => row.set}
          onOpen={(row) => open(row.set)}
          openLabel={(row) => t('reports.overview.drill.open', { name: row.name })}
          emptyText={t('reports.overview.drill.empty')}
        />
      )}
    />
  );
}

/** "新增：甲公司、乙公司…" — the first five, each a link. */
function NameList({
  label,
  customers,
  testId,
}: {
  label: string;
  customers: readonly ReportCustomer[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (customers.length === 0) return null;
  const shown = customers.slice(0, 5);
  return (
    <Text size="sm" data-testid={testId} lineClamp={2}>
      <Text span c="dimmed" size="sm">
        {label}：
      </Text>
      {shown.map((c, i) => (
        <span key={c.id}>
          {i > 0 && t('common.listSeparator')}
          <CustomerLink customer={c} withId={false} />
        </span>
      ))}
      {customers.length > shown.length && '…'}
    </Text>
  );
}

/** Key customers' revenue this month by business line; a bar opens the customers with revenue in it. */
export function LinesCard({ facts, onDrill }: CardProps) {
  const { t } = useTranslation();
  const rows = facts.byLine.map((row) => ({
    ...row,
    name: t(`line.${row.line}`),
    wan: f.toWan(row.thisMonth),
    label: f.wan(row.thisMonth),
  }));
  const open = (line: RevenueLine) =>
    onDrill({ title: t('reports.overview.drill.line', { line: t(`line.${line}`) }), set: 'key', line });
  const columns: ListColumn<(typeof rows)[number]>[] = [
    { key: 'name', title: t('reports.overview.lines.line'), noWrap: true },
    {
      key: 'thisMonth',
      title: t('reports.overview.lines.thisMonth'),
      render: (r) => f.wan(r.thisMonth),
      textAlign: 'right',
    },
    {
      key: 'lastMonth',
      title: t('reports.overview.lines.lastMonth'),
      render: (r) => f.wan(r.lastMonth),
      textAlign: 'right',
    },
    { key: 'mom', title: t('reports.overview.lines.mom'), render: (r) => f.ratio(r.mom), textAlign: 'right' },
    { key: 'yoy', title: t('reports.overview.lines.yoy'), render: (r) => f.ratio(r.yoy), textAlign: 'right' },
  ];
  return (
    <ChartCard
      id="lines"
      title={t('reports.overview.lines.title')}
      chart={() => (
        <div style={{ width: '100%', height: 300 }} data-testid="lines-chart">
          <ResponsiveContainer>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 84, bottom: 4, left: 4 }}>
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis type="number" tick={AXIS_TICK_DIM} stroke={AXIS_STROKE} tickFormatter={wanTick} />
              <YAxis
                type="category"
                dataKey="name"
                width={labelWidth(rows.map((x) => x.name))}
                tick={AXIS_TICK}
                tickLine={false}
                stroke={AXIS_STROKE}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(_v, _n, item) => [
                  `${item.payload.label} ${t('reports.overview.wan')}`,
                  t('reports.overview.lines.thisMonth'),
                ]}
              />
              <Bar
                dataKey="wan"
                fill={KEY_FILL}
                isAnimationActive={false}
                maxBarSize={20}
                cursor="pointer"
                onClick={(entry) => open((entry.payload as (typeof rows)[number]).line)}
                minPointSize={2}
              >
                {rows.map((r) => (
                  <Cell key={r.line} data-testid="lines-bar" data-line={r.line} />
                ))}
                <LabelList dataKey="label" position="right" style={LABEL_STYLE} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      table={() => (
        <DrillTable
          id="lines-table"
          title={t('reports.overview.lines.title')}
          records={rows}
          columns={columns}
          rowKey={(row) => row.line}
          onOpen={(row) => open(row.line)}
          openLabel={(row) => t('reports.overview.drill.open', { name: row.name })}
          emptyText={t('reports.overview.drill.empty')}
        />
      )}
    />
  );
}

/** The 24 months ending with the month: this month's key customers and every customer in scope. */
export function TrendCard({ facts }: { facts: ReportFacts }) {
  const { t } = useTranslation();
  const rows = facts.trend.map((p) => ({ ...p, keyWan: f.toWan(p.key), allWan: f.toWan(p.all) }));
  const keyName = t('reports.overview.trend.key');
  const allName = t('reports.overview.trend.all');
  const columns: ListColumn<(typeof rows)[number]>[] = [
    { key: 'period', title: t('reports.overview.trend.month'), sortable: false },
    {
      key: 'key',
      title: `${keyName}（${t('reports.overview.wan')}）`,
      render: (r) => f.wan(r.key),
      textAlign: 'right',
      sortable: false,
    },
    {
      key: 'all',
      title: `${allName}（${t('reports.overview.wan')}）`,
      render: (r) => f.wan(r.all),
      textAlign: 'right',
      sortable: false,
    },
  ];
  return (
    <ChartCard
      id="trend"
      title={t('reports.overview.trend.title')}
      note={t('reports.overview.trend.note')}
      chart={() => (
        <div style={{ width: '100%', height: 260 }} data-testid="trend-chart">
          <ResponsiveContainer>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis dataKey="period" tick={AXIS_TICK_DIM} stroke={AXIS_STROKE} minTickGap={12} />
              <YAxis
                tick={AXIS_TICK_DIM}
                stroke={AXIS_STROKE}
                width={64}
                tickFormatter={wanTick}
                label={{ value: t('reports.overview.wan'), position: 'insideTopLeft', offset: 0, dy: -6, fontSize: 11 }}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                cursor={{ stroke: AXIS_STROKE }}
                formatter={(_v, name, item) => [
                  `${f.wan(name === keyName ? item.payload.key : item.payload.all)} ${t('reports.overview.wan')}`,
                  name,
                ]}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Line
                dataKey="allWan"
                name={allName}
                stroke={ALL_FILL}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="keyWan"
                name={keyName}
                stroke={KEY_FILL}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      table={() => (
        <DrillTable
          id="trend-table"
          title={t('reports.overview.trend.title')}
          records={[...rows].reverse()}
          columns={columns}
          rowKey={(row) => row.period}
          emptyText={t('reports.overview.drill.empty')}
          maxHeight={300}
        />
      )}
    />
  );
}

/** Units compared: key revenue this month and key-customer count; a bar opens the unit's customers. */
export function UnitsCard({ facts, onDrill }: CardProps) {
  const { t } = useTranslation();
  const rows = facts.units.map((u) => ({
    ...u,
    key: String(u.unitId),
    wan: f.toWan(u.thisMonth),
    label: t('reports.overview.units.barLabel', { revenue: f.wan(u.thisMonth), count: f.count(u.keyCount) }),
  }));
  const open = (row: (typeof rows)[number]) =>
    onDrill({ title: t('reports.overview.drill.unit', { unit: row.unitName }), set: 'key', groupUnitId: row.unitId });
  const columns: ListColumn<(typeof rows)[number]>[] = [
    { key: 'unitName', title: t('reports.overview.units.unit'), noWrap: true },
    {
      key: 'thisMonth',
      title: t('reports.overview.units.revenue'),
      render: (r) => f.wan(r.thisMonth),
      textAlign: 'right',
    },
    { key: 'keyCount', title: t('reports.overview.units.keyCount'), format: 'count' },
    { key: 'mom', title: t('reports.overview.units.mom'), render: (r) => f.ratio(r.mom), textAlign: 'right' },
    { key: 'yoy', title: t('reports.overview.units.yoy'), render: (r) => f.ratio(r.yoy), textAlign: 'right' },
  ];
  return (
    <ChartCard
      id="units"
      title={t('reports.overview.units.title')}
      chart={() =>
        rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            {t('reports.overview.units.empty')}
          </Text>
        ) : (
          <div style={{ width: '100%', height: Math.max(160, rows.length * 30 + 24) }} data-testid="units-chart">
            <ResponsiveContainer>
              <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 150, bottom: 4, left: 4 }}>
                <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
                <XAxis type="number" tick={AXIS_TICK_DIM} stroke={AXIS_STROKE} tickFormatter={wanTick} />
                <YAxis
                  type="category"
                  dataKey="unitName"
                  width={labelWidth(rows.map((x) => x.unitName))}
                  tick={AXIS_TICK}
                  tickLine={false}
                  stroke={AXIS_STROKE}
                  interval={0}
                />
                <Tooltip
                  {...TOOLTIP_PROPS}
                  formatter={(_v, _n, item) => [item.payload.label, t('reports.overview.units.revenue')]}
                />
                <Bar
                  dataKey="wan"
                  fill={KEY_FILL}
                  isAnimationActive={false}
                  maxBarSize={20}
                  cursor="pointer"
                  onClick={(entry) => open(entry.payload as (typeof rows)[number])}
                >
                  {rows.map((r) => (
                    <Cell key={r.key} data-testid="units-bar" data-unit-id={r.unitId} />
                  ))}
                  <LabelList dataKey="label" position="right" style={LABEL_STYLE} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )
      }
      table={() => (
        <DrillTable
          id="units-table"
          title={t('reports.overview.units.title')}
          records={rows}
          columns={columns}
          rowKey={(row) => row.key}
          onOpen={open}
          openLabel={(row) => t('reports.overview.drill.open', { name: row.unitName })}
          emptyText={t('reports.overview.units.empty')}
        />
      )}
    />
  );
}

/** The top 20 key customers by this month's revenue; a bar is one customer and opens its page. */
export function Top20Card({ facts }: { facts: ReportFacts }) {
  const { t } = useTranslation();
  const rows = facts.top20.map((c) => ({
    ...c,
    short: shortName(c.name, 12),
    wan: f.toWan(c.thisMonth),
    label: f.wan(c.thisMonth),
  }));
  return (
    <ChartCard
      id="top20"
      title={t('reports.overview.top20.title')}
      note={
        <Group gap="md" component="span">
          {TIERS.filter((tier) => rows.some((r) => r.tier === tier)).map((tier) => (
            <Group key={tier} gap={4} component="span">
              <ColorSwatch color={TIER_FILLS[tier]} size={10} radius={2} withShadow={false} />
              {t(`tier.${tier}`)}
            </Group>
          ))}
        </Group>
      }
      chart={() => (
        <div style={{ width: '100%', height: Math.max(160, rows.length * 24 + 24) }} data-testid="top20-chart">
          <ResponsiveContainer>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 84, bottom: 4, left: 4 }}>
              <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeDasharray="3 3" />
              <XAxis type="number" tick={AXIS_TICK_DIM} stroke={AXIS_STROKE} tickFormatter={wanTick} />
              <YAxis
                type="category"
                dataKey="short"
                width={labelWidth(rows.map((x) => x.short))}
                tick={AXIS_TICK}
                tickLine={false}
                stroke={AXIS_STROKE}
                interval={0}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(_v, _n, item) => [`${item.payload.label} ${t('reports.overview.wan')}`, item.payload.name]}
                labelFormatter={() => ''}
              />
              <Bar
                dataKey="wan"
                fill={KEY_FILL}
                isAnimationActive={false}
                maxBarSize={16}
                cursor="pointer"
                onClick={(entry) => navigate({ name: 'customer', id: (entry.payload as (typeof rows)[number]).id })}
              >
                {rows.map((r) => (
                  <Cell
                    key={r.id}
                    fill={r.tier ? TIER_FILLS[r.tier] : KEY_FILL}
                    data-testid="top20-bar"
                    data-customer-id={r.id}
                  />
                ))}
                <LabelList dataKey="label" position="right" style={LABEL_STYLE} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      table={() => (
        <CustomerTable
          id="top20-table"
          title={t('reports.overview.top20.title')}
          customers={facts.top20}
          emptyText={t('reports.overview.drill.empty')}
          rank
          maxHeight={480}
        />
      )}
    />
  );
}

/** The month's submissions (R31/R32): on time, late, not yet due and overdue of those expected. */
export function SubmissionsCard({ facts }: { facts: ReportFacts }) {
  const { t } = useTranslation();
  const s = facts.submissions;
  const rows = s
    ? [
        { key: 'onTime', value: s.received - s.late, fill: 'var(--mantine-color-green-6)' },
        { key: 'late', value: s.late, fill: 'var(--mantine-color-yellow-6)' },
        { key: 'pending', value: s.pending, fill: 'var(--mantine-color-gray-5)' },
        { key: 'overdue', value: s.overdue, fill: 'var(--mantine-color-red-6)' },
      ].map((r) => ({
        ...r,
        name: t(`reports.overview.submissions.${r.key as 'onTime' | 'late' | 'pending' | 'overdue'}`),
        label: f.count(r.value),
      }))
    : [];
  const link = (
    <Anchor href={hrefOf({ name: 'submissions', tab: 'tracker' })} size="sm" data-testid="overview-submissions-link">
      {t('reports.overview.submissions.link')}
    </Anchor>
  );
  const columns: ListColumn<(typeof rows)[number]>[] = [
    { key: 'name', title: t('reports.overview.submissions.status'), sortable: false },
    { key: 'value', title: t('reports.overview.submissions.count'), format: 'count', sortable: false },
  ];
  return (
    <ChartCard
      id="submissions"
      title={t('reports.overview.submissions.title')}
      note={link}
      chart={() =>
        s === null ? (
          <Text size="sm" c="dimmed" py="md">
            {t('reports.overview.submissions.none')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm" fw={600} data-testid="overview-submissions-summary">
                {t('reports.overview.submissions.summary', {
                  expected: f.count(s.expected),
                  received: f.count(s.received),
                })}
              </Text>
            </Group>
            <div style={{ width: '100%', height: 150 }} data-testid="submissions-chart">
              <ResponsiveContainer>
                <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }}>
                  <XAxis type="number" hide allowDecimals={false} domain={[0, Math.max(1, s.expected)]} />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={labelWidth(rows.map((x) => x.name))}
                    tick={AXIS_TICK}
                    tickLine={false}
                    stroke={AXIS_STROKE}
                  />
                  <Tooltip {...TOOLTIP_PROPS} formatter={(v) => f.count(Number(v))} />
                  <Bar
                    dataKey="value"
                    isAnimationActive={false}
                    maxBarSize={20}
                    name={t('reports.overview.submissions.count')}
                  >
                    {rows.map((r) => (
                      <Cell key={r.key} fill={r.fill} />
                    ))}
                    <LabelList dataKey="label" position="right" style={LABEL_STYLE} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Stack>
        )
      }
      table={() => (
        <DrillTable
          id="submissions-table"
          title={t('reports.overview.submissions.title')}
          records={rows}
          columns={columns}
          rowKey={(row) => row.key}
          emptyText={t('reports.overview.submissions.none')}
        />
      )}
    />
  );
}
