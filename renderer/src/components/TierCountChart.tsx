import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TierOrNone } from '../../../shared/api/types';
import { formatCount } from '../i18n/format';
import { TIERS_OR_NONE } from './TierBadge';

/** Bar fills: the badges' colours, 非大客户 lighter than silver so the two greys differ. */
const FILLS: Record<TierOrNone, string> = {
  diamond: 'var(--mantine-color-indigo-6)',
  gold: 'var(--mantine-color-yellow-6)',
  silver: 'var(--mantine-color-gray-6)',
  general: 'var(--mantine-color-teal-6)',
  none: 'var(--mantine-color-gray-4)',
};

/** The log axis starts below 1, so a tier of one customer still shows a bar; 0 shows none. */
const FLOOR = 0.6;

/**
 * Customers per tier, one bar each in the counts table's order (diamond, gold, silver, general,
 * 非大客户, top to bottom), on a log scale: 12 diamond beside 1,500 general stay readable, and
 * every bar carries its count.
 */
export function TierCountChart({
  counts,
  label,
  hint,
  height = 220,
}: {
  counts: Record<TierOrNone, number>;
  label: string;
  hint: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const name = (k: TierOrNone) => t(k === 'none' ? 'tier.none' : `tier.${k}`);
  const data = TIERS_OR_NONE.map((k) => ({
    key: k,
    name: name(k),
    bar: counts[k] > 0 ? counts[k] : FLOOR,
    count: formatCount(counts[k]),
  }));
  const max = Math.max(1, ...TIERS_OR_NONE.map((k) => counts[k]));
  const ticks: number[] = [];
  for (let v = 1; v <= max * 10 && ticks.length < 7; v *= 10) ticks.push(v);
  const top = ticks[ticks.length - 1] ?? 10;
  const summary = data.map((d) => `${d.name} ${d.count}`).join('，');
  return (
    <div data-testid="tier-chart" role="img" aria-label={`${label}：${summary}`}>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
            barCategoryGap="22%"
          >
            <CartesianGrid horizontal={false} stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              scale="log"
              domain={[FLOOR, top]}
              ticks={ticks}
              allowDataOverflow
              tickFormatter={(v: number) => formatCount(v)}
              tick={{ fontSize: 11, fill: 'var(--mantine-color-dimmed)' }}
              stroke="var(--mantine-color-default-border)"
            />
            <YAxis
              type="category"
              dataKey="name"
              width={72}
              tick={{ fontSize: 12, fill: 'var(--mantine-color-text)' }}
              tickLine={false}
              stroke="var(--mantine-color-default-border)"
            />
            <Bar dataKey="bar" isAnimationActive={false} maxBarSize={26}>
              {data.map((d) => (
                <Cell key={d.key} fill={FILLS[d.key]} data-tier={d.key} />
              ))}
              <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: 'var(--mantine-color-text)' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </div>
  );
}
