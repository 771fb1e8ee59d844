/** 领导拜访 (R23): every key customer's leader-led visits this year, as of today (visits/leader-check). */
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeaderVisitRow } from '../../../../shared/api/types-visits';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { TierBadge } from '../../components/TierBadge';
import { CustomerCell } from './CustomerCell';

export function LeadersPanel({ year, customerId }: { year: number; customerId: string | null }) {
  const { t } = useTranslation();
  const state = useApiQuery('visits/leader-check', { year });
  const columns: ListColumn<LeaderVisitRow>[] = [
    {
      key: 'customerName',
      title: t('visits.leaders.columns.customer'),
      width: 260,
      render: (r) => <CustomerCell id={r.customerId} name={r.customerName} />,
    },
    {
      key: 'tier',
      title: t('visits.leaders.columns.tier'),
      width: 72,
      value: (r) => t(`tier.${r.tier}`),
      render: (r) => <TierBadge tier={r.tier} />,
    },
    { key: 'unitName', title: t('visits.leaders.columns.unit'), width: 120, noWrap: true },
    { key: 'held', title: t('visits.leaders.columns.held'), width: 100, format: 'count' },
    { key: 'planned', title: t('visits.leaders.columns.planned'), width: 80, format: 'count' },
    {
      key: 'lastHeldOn',
      title: t('visits.leaders.columns.last'),
      width: 110,
      noWrap: true,
      value: (r) => r.lastHeldOn ?? '—',
    },
    {
      key: 'met',
      title: t('visits.leaders.columns.status'),
      width: 90,
      value: (r) => (r.met ? t('visits.leaders.met') : t('visits.leaders.notMet')),
      render: (r) => (
        <Badge color={r.met ? 'teal' : 'orange'} variant="light" style={{ textTransform: 'none' }}>
          {r.met ? t('visits.leaders.met') : t('visits.leaders.notMet')}
        </Badge>
      ),
    },
  ];
  return (
    <ApiView state={state}>
      {(v) => {
        const rows = customerId === null ? v.rows : v.rows.filter((r) => r.customerId === customerId);
        return (
          <Stack gap="xs">
            <Text size="sm" data-testid="visits-leaders-summary">
              {t('visits.leaders.intro', { max: v.max, asOf: v.asOf })}{' '}
              {t('visits.leaders.summary', { met: rows.filter((r) => r.met).length, total: rows.length })}
            </Text>
            <ListTable
              id="visits-leaders"
              title={t('visits.leaders.tableLabel')}
              records={rows}
              columns={columns}
              rowKey={(r) => r.customerId}
              rowAttributes={(r) => ({ 'data-testid': 'visits-leader-row', 'data-met': r.met })}
              emptyText={t('visits.leaders.empty')}
              maxHeight="52vh"
              testId="visits-leaders"
            />
          </Stack>
        );
      }}
    </ApiView>
  );
}
