import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFacts } from '../../../../../shared/domain/report/facts';
import * as f from './figures';

/** One headline figure: its name, the figure large, and its comparisons under it. */
function Stat({
  label,
  value,
  unit,
  testId,
  children,
}: {
  label: string;
  value: string;
  unit?: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Group gap={4} align="baseline" wrap="nowrap">
          <Text
            fz={24}
            fw={700}
            lh={1.3}
            data-testid={`${testId}-value`}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {value}
          </Text>
          {unit && (
            <Text size="sm" c="dimmed">
              {unit}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="div">
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "同比 +4.2%　环比 −1.3%": each ratio named, "—" when there is no base (hover says why). */
function Ratios({ items }: { items: [string, number | null][] }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      {items.map(([name, value]) => (
        <span key={name} title={value === null ? t('reports.overview.noRatio') : undefined}>
          {name}{' '}
          <Text span size="xs" fw={600} c="var(--mantine-color-text)" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {f.ratio(value)}
          </Text>
        </span>
      ))}
    </Group>
  );
}

/** The month's headline figures (R24, R28 一、总体情况). */
export function Headline({ facts }: { facts: ReportFacts }) {
  const { t } = useTranslation();
  const o = facts.overall;
  const wan = t('reports.overview.wan');
  const h = (k: 'mom' | 'yoy' | 'ytdYoy') => t(`reports.overview.headline.${k}`);
  return (
    <SimpleGrid
      cols={{ base: 2, md: 3, lg: 5 }}
      spacing="sm"
      role="group"
      aria-label={t('reports.overview.headline.label')}
    >
      <Stat label={t('reports.overview.headline.keyCount')} value={f.count(o.keyCount)} testId="headline-key-count">
        <div>{t('reports.overview.headline.keyCountNote', { count: f.count(o.customerCount) })}</div>
        <div>
          {t('reports.overview.headline.addedLost', { added: f.count(o.added.length), lost: f.count(o.lost.length) })}
        </div>
      </Stat>
      <Stat
        label={t('reports.overview.headline.keyRevenue')}
        value={f.wan(o.key.thisMonth)}
        unit={wan}
        testId="headline-key-revenue"
      >
        <Ratios
          items={[
            [h('yoy'), o.key.yoy],
            [h('mom'), o.key.mom],
          ]}
        />
      </Stat>
      <Stat
        label={t('reports.overview.headline.share')}
        value={o.share === null ? '—' : f.percent(o.share)}
        testId="headline-share"
      >
        {o.bureau
          ? t('reports.overview.headline.shareNote', { year: o.bureau.year })
          : t('reports.overview.headline.shareNone')}
      </Stat>
      <Stat label={t('reports.overview.headline.ytd')} value={f.wan(o.key.yearToDate)} unit={wan} testId="headline-ytd">
        <Ratios items={[[h('ytdYoy'), o.key.ytdYoy]]} />
      </Stat>
      <Stat
        label={t('reports.overview.headline.allRevenue')}
        value={f.wan(o.all.thisMonth)}
        unit={wan}
        testId="headline-all-revenue"
      >
        <Ratios
          items={[
            [h('yoy'), o.all.yoy],
            [h('mom'), o.all.mom],
          ]}
        />
      </Stat>
    </SimpleGrid>
  );
}
