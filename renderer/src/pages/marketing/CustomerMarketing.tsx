/** The customer page's 营销 tab (R21–R22): its developments and its latest log entries, with 新建/记日志/推进. */
import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentView } from '../../../../shared/api/types-marketing';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { DevelopmentFormModal } from './DevelopmentFormModal';
import { DevelopmentsTable } from './DevelopmentsTable';
import { LogFormModal } from './LogFormModal';
import { LogsTable } from './LogsTable';
import { MoveModal } from './MoveModal';

export function CustomerMarketing({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const developments = useApiQuery('developments/list', { customerId: customer.id });
  const logs = useApiQuery('logs/list', { customerId: customer.id });
  const [adding, setAdding] = useState(false);
  const [logging, setLogging] = useState<{ developmentId: number | null } | null>(null);
  const [moving, setMoving] = useState<DevelopmentView | null>(null);
  return (
    <Stack gap="md" data-testid="customer-marketing">
      <Group justify="space-between">
        <Title order={4}>{t('marketing.customer.developments')}</Title>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="customer-development-add">
            {t('marketing.addDevelopment')}
          </Button>
          <Button size="xs" onClick={() => setLogging({ developmentId: null })} data-testid="customer-log-add">
            {t('marketing.addLog')}
          </Button>
        </Group>
      </Group>
      <ApiView state={developments}>
        {(rows) => (
          <DevelopmentsTable
            rows={rows}
            withCustomer={false}
            onLog={(d) => setLogging({ developmentId: d.id })}
            onMove={setMoving}
            emptyText={t('marketing.noDevelopments')}
          />
        )}
      </ApiView>
      <Title order={4}>{t('marketing.customer.logs')}</Title>
      <ApiView state={logs}>
        {(rows) => <LogsTable rows={rows} withCustomer={false} emptyText={t('marketing.noLogs')} />}
      </ApiView>
      {adding && <DevelopmentFormModal customer={customer} onClose={() => setAdding(false)} />}
      {logging && (
        <LogFormModal customer={customer} developmentId={logging.developmentId} onClose={() => setLogging(null)} />
      )}
      {moving && <MoveModal development={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
}
