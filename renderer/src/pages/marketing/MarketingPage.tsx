/**
 * 营销日志 (R21–R22): the developments with their stages (新建开发项目, 记日志, 推进 — a diamond's
 * stage with no entry asks for a kept reason; a win records the agreement and hands the lead to B)
 * and the log entries (记日志). developments/*, logs/*.
 */
import { Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentView } from '../../../../shared/api/types-marketing';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { PageHeader } from '../../components/PageHeader';
import { DevelopmentFormModal } from './DevelopmentFormModal';
import { DevelopmentsTable } from './DevelopmentsTable';
import { LogFormModal } from './LogFormModal';
import { LogsTable } from './LogsTable';
import { MoveModal } from './MoveModal';

type Filter = 'open' | 'won' | 'lost' | 'all';

export function MarketingPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'developments' | 'logs'>('developments');
  const [filter, setFilter] = useState<Filter>('open');
  const [adding, setAdding] = useState(false);
  const [logging, setLogging] = useState<{
    customer: { id: string; name: string } | null;
    developmentId: number | null;
  } | null>(null);
  const [moving, setMoving] = useState<DevelopmentView | null>(null);
  const developments = useApiQuery('developments/list', { status: filter === 'all' ? null : filter });
  const logs = useApiQuery('logs/list', {});
  return (
    <Stack gap="sm">
      <PageHeader title={t('marketing.title')}>
        <Group gap="xs">
          <Button variant="light" onClick={() => setAdding(true)} data-testid="development-add">
            {t('marketing.addDevelopment')}
          </Button>
          <Button onClick={() => setLogging({ customer: null, developmentId: null })} data-testid="log-add">
            {t('marketing.addLog')}
          </Button>
        </Group>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={960}>
        {t('marketing.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => setTab((v as typeof tab | null) ?? 'developments')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="developments" data-testid="marketing-tab-developments">
            {t('marketing.tabs.developments')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" data-testid="marketing-tab-logs">
            {t('marketing.tabs.logs')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="developments" pt="sm">
          <ApiView state={developments}>
            {(rows) => (
              <DevelopmentsTable
                rows={rows}
                withCustomer
                onLog={(d) => setLogging({ customer: { id: d.customerId, name: d.customerName }, developmentId: d.id })}
                onMove={setMoving}
                emptyText={t('marketing.noDevelopments')}
                toolbar={
                  <SegmentedControl
                    size="xs"
                    value={filter}
                    onChange={(v) => setFilter(v as Filter)}
                    data={(['open', 'won', 'lost', 'all'] as const).map((v) => ({
                      value: v,
                      label: t(`marketing.filter.${v}`),
                    }))}
                  />
                }
              />
            )}
          </ApiView>
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="sm">
          <ApiView state={logs}>
            {(rows) => <LogsTable rows={rows} withCustomer emptyText={t('marketing.noLogs')} />}
          </ApiView>
        </Tabs.Panel>
      </Tabs>
      {adding && <DevelopmentFormModal customer={null} onClose={() => setAdding(false)} />}
      {logging && (
        <LogFormModal
          customer={logging.customer}
          developmentId={logging.developmentId}
          onClose={() => setLogging(null)}
        />
      )}
      {moving && <MoveModal development={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
}
