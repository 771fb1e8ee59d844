/**
 * The customer page's 拜访 tab (R23): this month's manager visits due and held, the leader-led
 * visit of the year, and the customer's visits with 登记拜访 and 记录结果.
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitView } from '../../../../shared/api/types-visits';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { VisitFormModal } from './VisitFormModal';
import { VisitList } from './VisitList';
import { VisitRecordModal } from './VisitRecordModal';

export function CustomerVisitsPanel({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const period = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<VisitView | null>(null);
  const month = useApiQuery('visits/obligations', { period, customerId: customer.id });
  const leader = useApiQuery('visits/leader-check', { year, customerId: customer.id });
  const visits = useApiQuery('visits/list', { customerId: customer.id });
  const o = month.data?.[0];
  const l = leader.data?.rows[0];
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md" data-testid="customer-visits-month">
          <Text size="xs" c="dimmed">
            {t('visits.customerSection.thisMonth', { month: f.month(period) })}
          </Text>
          {month.data === undefined ? null : o === undefined ? (
            <Text size="sm" mt={4}>
              {t('visits.customerSection.notKey')}
            </Text>
          ) : o.required === 0 ? (
            <Text size="sm" mt={4}>
              {t('visits.customerSection.notRequired')}
            </Text>
          ) : (
            <Group gap="sm" mt={4}>
              <Text size="lg" fw={600} data-testid="customer-visits-figure">
                {t('visits.customerSection.required', { required: o.required, held: o.held })}
              </Text>
              <Badge color={o.short > 0 ? 'red' : 'teal'} variant="light" style={{ textTransform: 'none' }}>
                {o.short > 0 ? `${t('visits.obligations.columns.short')} ${o.short}` : t('visits.obligations.done')}
              </Badge>
            </Group>
          )}
        </Paper>
        <Paper withBorder p="md" data-testid="customer-visits-leader">
          <Text size="xs" c="dimmed">
            {t('visits.customerSection.leader', { year })}
          </Text>
          {leader.data === undefined ? null : l === undefined ? (
            <Text size="sm" mt={4}>
              {t('visits.customerSection.notKey')}
            </Text>
          ) : (
            <Group gap="sm" mt={4}>
              <Text size="lg" fw={600}>
                {l.held > 0
                  ? t('visits.customerSection.leaderDone', { held: l.held, last: l.lastHeldOn })
                  : t('visits.customerSection.leaderNone')}
              </Text>
              <Badge color={l.met ? 'teal' : 'orange'} variant="light" style={{ textTransform: 'none' }}>
                {l.met ? t('visits.leaders.met') : t('visits.leaders.notMet')}
              </Badge>
              {l.planned > 0 && (
                <Text size="sm" c="dimmed">
                  {t('visits.customerSection.leaderPlanned', { count: l.planned })}
                </Text>
              )}
            </Group>
          )}
        </Paper>
      </SimpleGrid>
      <Group justify="space-between">
        <Anchor size="sm" href={hrefOf({ name: 'visits', customerId: customer.id })} data-testid="customer-visits-page">
          {t('visits.customerSection.openPage')}
        </Anchor>
        <Button onClick={() => setAdding(true)} data-testid="customer-visit-add">
          {t('visits.add')}
        </Button>
      </Group>
      <ApiView state={visits}>
        {(rows) => (
          <VisitList
            rows={rows}
            onRecord={setRecording}
            emptyText={t('visits.records.emptyCustomer')}
            showCustomer={false}
          />
        )}
      </ApiView>
      {adding && (
        <VisitFormModal customer={{ ...customer, managerId: o?.managers[0]?.id }} onClose={() => setAdding(false)} />
      )}
      {recording && <VisitRecordModal visit={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
