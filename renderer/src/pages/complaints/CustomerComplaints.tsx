/** The customer page's 投诉 tab (R33): its complaints with their clocks, and 登记投诉 for it. */
import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { ComplaintFormModal } from './ComplaintFormModal';
import { ComplaintsTable } from './ComplaintsTable';

export function CustomerComplaints({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('complaints/list', { customerId: customer.id });
  return (
    <Stack gap="sm" data-testid="customer-complaints">
      <Group justify="flex-end">
        <Button size="xs" onClick={() => setAdding(true)} data-testid="customer-complaint-add">
          {t('complaints.add')}
        </Button>
      </Group>
      <ApiView state={list}>
        {(rows) => <ComplaintsTable id="customer-complaints" rows={rows} emptyText={t('complaints.empty')} />}
      </ApiView>
      {adding && <ComplaintFormModal customer={customer} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
