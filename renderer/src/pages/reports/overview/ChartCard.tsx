import { Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

type View = 'chart' | 'table';

/**
 * One dashboard card: a chart with its numbers as a table one click (or arrow key) away, through
 * a 图/表 switch in the card's header.
 */
export function ChartCard({
  id,
  title,
  note,
  extra,
  chart,
  table,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  extra?: ReactNode;
  chart: () => ReactNode;
  table: () => ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('chart');
  return (
    <Paper withBorder p="md" h="100%" data-testid={`overview-${id}`} data-view={view}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap" gap="sm">
        <Title order={3} size="h5" style={{ lineHeight: 1.6 }}>
          {title}
        </Title>
        <Group gap="sm" wrap="nowrap">
          {extra}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: t('reports.overview.view.chart') },
              { value: 'table', label: t('reports.overview.view.table') },
            ]}
            aria-label={`${title}：${t('reports.overview.view.label')}`}
            data-testid={`overview-${id}-view`}
          />
        </Group>
      </Group>
      {view === 'chart' ? chart() : table()}
      {note && (
        <Text size="xs" c="dimmed" mt={6}>
          {note}
        </Text>
      )}
    </Paper>
  );
}
