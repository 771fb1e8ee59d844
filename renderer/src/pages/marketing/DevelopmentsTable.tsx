/**
 * The developments (R21): customer and tier, line, the stage on the four-step path, expected
 * revenue, the last activity (red when stuck), entries per stage, and 记日志 / 推进 while open.
 * Used by the 营销日志 page and the customer page.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DevelopmentView } from '../../../../shared/api/types-marketing';
import { DEVELOPMENT_STAGES, stageIndex } from '../../../../shared/domain/marketing/development';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { TierBadge } from '../../components/TierBadge';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';

const STATUS_COLORS = { open: 'blue', won: 'green', lost: 'gray' } as const;

export function DevelopmentsTable({
  rows,
  withCustomer,
  onLog,
  onMove,
  toolbar,
  emptyText,
}: {
  rows: DevelopmentView[];
  withCustomer: boolean;
  onLog: (d: DevelopmentView) => void;
  onMove: (d: DevelopmentView) => void;
  toolbar?: React.ReactNode;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const stage = (s: string) => t(`marketing.stages.${s as 'contact'}`);
  const columns: ListColumn<DevelopmentView>[] = [
    { key: 'id', title: t('marketing.devColumns.id'), width: 60, format: 'count' },
    ...(withCustomer
      ? [
          {
            key: 'customerName',
            title: t('marketing.devColumns.customer'),
            width: 200,
            render: (d: DevelopmentView) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" component="a" href={hrefOf({ name: 'customer', id: d.customerId })} truncate="end">
                  {d.customerName}
                </Text>
                <TierBadge tier={d.tier} />
              </Group>
            ),
          } satisfies ListColumn<DevelopmentView>,
        ]
      : []),
    {
      key: 'line',
      title: t('marketing.devColumns.line'),
      width: 120,
      value: (d) => t(`line.${d.line}`) + (d.title ? ` ${d.title}` : ''),
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm">{t(`line.${d.line}`)}</Text>
          {d.title && (
            <Text size="xs" c="dimmed" truncate="end">
              {d.title}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'stage',
      title: t('marketing.devColumns.stage'),
      width: 215,
      value: (d) => (d.status === 'lost' ? t('marketing.status.lost') : stage(d.stage)),
      render: (d) => (
        <Stack gap={2}>
          <Group gap={3} wrap="nowrap" aria-hidden>
            {DEVELOPMENT_STAGES.map((s) => (
              <div
                key={s}
                style={{
                  width: 28,
                  height: 6,
                  borderRadius: 3,
                  background:
                    stageIndex(s) <= stageIndex(d.stage)
                      ? `var(--mantine-color-${STATUS_COLORS[d.status]}-6)`
                      : 'var(--mantine-color-gray-3)',
                }}
              />
            ))}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="sm">{stage(d.stage)}</Text>
            {d.status !== 'open' && (
              <Badge size="sm" variant="light" color={STATUS_COLORS[d.status]} style={{ textTransform: 'none' }}>
                {t(`marketing.status.${d.status}`)}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    {
      key: 'expectedRevenueFen',
      title: t('marketing.devColumns.expected'),
      width: 120,
      format: 'money',
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm">{d.expectedRevenueFen === null ? '—' : f.fen(d.expectedRevenueFen)}</Text>
          {d.expectedOn && (
            <Text size="xs" c="dimmed">
              {d.expectedOn}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'lastActivity',
      title: t('marketing.devColumns.activity'),
      width: 160,
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm">{d.lastActivity}</Text>
          {d.stuckSince && (
            <Text size="xs" c="red.8" fw={600} data-testid="development-stuck">
              {t('marketing.stuck', { since: d.stuckSince })}
            </Text>
          )}
          {d.status === 'lost' && d.lostReason && (
            <Text size="xs" c="dimmed" truncate="end" title={d.lostReason}>
              {d.lostReason}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'entries',
      title: t('marketing.devColumns.entries'),
      width: 150,
      value: (d) => DEVELOPMENT_STAGES.map((s) => d.entries[s] ?? 0).join(' / '),
      render: (d) => (
        <Text size="sm" title={DEVELOPMENT_STAGES.map((s) => `${stage(s)} ${d.entries[s] ?? 0}`).join('，')}>
          {DEVELOPMENT_STAGES.map((s) => d.entries[s] ?? 0).join(' / ')}
        </Text>
      ),
    },
    {
      key: 'act',
      title: t('marketing.devColumns.act'),
      exportable: false,
      toggleable: false,
      width: 150,
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={() => onLog(d)} data-testid="development-log">
            {t('marketing.logShort')}
          </Button>
          {d.status === 'open' && (
            <Button size="compact-sm" variant="light" onClick={() => onMove(d)} data-testid="development-move-open">
              {t('marketing.move')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <ListTable
      id={withCustomer ? 'developments' : 'customer-developments'}
      title={t('marketing.tabs.developments')}
      records={rows}
      columns={columns}
      rowKey={(d) => d.id}
      toolbar={toolbar}
      rowAttributes={(d) => ({ 'data-testid': 'development-row', 'data-id': d.id, 'data-status': d.status })}
      emptyText={emptyText}
      maxHeight="55vh"
      testId="developments-table"
    />
  );
}
