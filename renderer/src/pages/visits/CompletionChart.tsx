/**
 * R23 completion as bars, one a group (manager, unit or tier), the rate on the axis and
 * "计入/应拜访" beside each bar; a bar (or its row below) opens the customers behind it.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { VisitCompletionGroup } from '../../../../shared/api/types-visits';

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

const fill = (rate: number | null) =>
  rate === null || rate >= 1
    ? 'var(--mantine-color-teal-6)'
    : rate >= 0.5
      ? 'var(--mantine-color-yellow-6)'
      : 'var(--mantine-color-red-6)';

export function CompletionChart({
  groups,
  labelOf,
  onOpen,
  label,
}: {
  groups: readonly VisitCompletionGroup[];
  labelOf: (g: VisitCompletionGroup) => string;
  onOpen: (g: VisitCompletionGroup) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const data = groups.map((g) => ({
    key: g.key,
    name: labelOf(g),
    // A group at 0% still shows a sliver to click.
    bar: Math.max(1, Math.round((g.rate ?? 0) * 1000) / 10),
    text: t('visits.completion.barLabel', { rate: percent(g.rate), counted: g.counted, required: g.required }),
    rate: g.rate,
  }));
  const height = 40 + data.length * 34;
  const summary = data.map((d) => `${d.name} ${d.text}`).join('，');
  return (
    <div data-testid="visits-completion-chart" role="img" aria-label={`${label}：${summary}`}>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 120, bottom: 4, left: 4 }}
            barCategoryGap="22%"
          >
            <CartesianGrid horizontal={false} stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 11, fill: 'var(--mantine-color-dimmed)' }}
              stroke="var(--mantine-color-default-border)"
            />
            <YAxis
              type="category"
              dataKey="name"
              width={150}
              tick={{ fontSize: 12, fill: 'var(--mantine-color-text)' }}
              tickLine={false}
              stroke="var(--mantine-color-default-border)"
            />
            <Bar
              dataKey="bar"
              isAnimationActive={false}
              maxBarSize={24}
              cursor="pointer"
              onClick={(_, index) => {
                const g = groups[index];
                if (g) onOpen(g);
              }}
            >
              {data.map((d) => (
                <Cell key={d.key} fill={fill(d.rate)} data-testid="visits-completion-bar" data-key={d.key} />
              ))}
              <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: 'var(--mantine-color-text)' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" c="dimmed" mt={4} maw={900}>
        {t('visits.completion.hint')}
      </Text>
    </div>
  );
}
