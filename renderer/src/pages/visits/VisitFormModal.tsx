/**
 * 登记拜访 (R23): a visit planned (date, kind, manager, purpose), or recorded at once as held
 * (participants and outcome) or not held (the reason) — checked by visits/add's schema.
 */
import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { visitsAdd } from '../../../../shared/api/schemas';
import type { VisitStatus } from '../../../../shared/api/types-visits';
import { useApiMutation, useApiQuery } from '../../api/query';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { CustomerField } from '../../forms/CustomerField';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { blank, VisitResultFields } from './VisitResultFields';

interface Values {
  customerId: string | null;
  date: string | null;
  kind: 'manager' | 'leader';
  status: VisitStatus;
  managerId: string | null;
  purpose: string;
  participants: string;
  outcome: string;
  reason: string;
  [key: string]: unknown;
}

export function VisitFormModal({
  customer,
  onClose,
}: {
  /**
   * The customer, when the form opens from its row or page (then not chosen again), with the
   * manager offered first (its A manager in force, R20).
   */
  customer?: { id: string; name: string; managerId?: number | undefined } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const add = useApiMutation('visits/add');
  const managers = useApiQuery('managers/list', { includeInactive: false });
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: customer?.id ?? null,
      date: today,
      kind: 'manager',
      status: 'held',
      managerId: customer?.managerId === undefined ? null : String(customer.managerId),
      purpose: '',
      participants: '',
      outcome: '',
      reason: '',
    } as Values,
    schema: visitsAdd,
    toInput: (v: Values) =>
      ({
        customerId: v.customerId ?? '',
        date: v.date ?? '',
        kind: v.kind,
        status: v.status,
        managerId: v.managerId === null ? null : Number(v.managerId),
        purpose: blank(v.purpose),
        participants: v.status === 'held' ? blank(v.participants) : null,
        outcome: v.status === 'held' ? blank(v.outcome) : null,
        reason: v.status === 'not_held' ? blank(v.reason) : null,
      }) as ApiInput<'visits/add'>,
  });
  const { form } = schemaForm;
  const status = form.getValues().status;
  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      message: t('visits.saved', { id: done.id, status: t(`visits.status.${done.status}`) }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={customer ? `${t('visits.add')}：${customer.name}` : t('visits.add')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="visit-form"
    >
      <Stack gap="sm">
        {customer === undefined && (
          <CustomerField
            form={form}
            fixed={null}
            label={t('visits.form.customer')}
            placeholder={t('visits.form.customerPlaceholder')}
            testId="visit-form-customer"
          />
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('visits.form.status')}
          </Text>
          <SegmentedControl
            data={(['held', 'planned', 'not_held'] as const).map((s) => ({
              value: s,
              label: t(`visits.status.${s}`),
            }))}
            {...form.getInputProps('status')}
            data-testid="visit-form-status"
          />
        </div>
        <SimpleGrid cols={3} spacing="sm">
          <DateField
            label={t('visits.form.date')}
            withAsterisk
            {...form.getInputProps('date')}
            data-testid="visit-form-date"
          />
          <Select
            label={t('visits.form.kind')}
            data={(['manager', 'leader'] as const).map((k) => ({ value: k, label: t(`visits.kind.${k}`) }))}
            {...form.getInputProps('kind')}
            allowDeselect={false}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            data-testid="visit-form-kind"
          />
          <Select
            label={t('visits.form.manager')}
            placeholder={t('visits.form.managerPlaceholder')}
            data={(managers.data ?? [])
              .filter((m) => m.active)
              .map((m) => ({ value: String(m.id), label: `${m.name}（${m.unitName}）` }))}
            {...form.getInputProps('managerId')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="visit-form-manager"
          />
        </SimpleGrid>
        <TextInput
          label={t('visits.form.purpose')}
          {...form.getInputProps('purpose')}
          data-testid="visit-form-purpose"
        />
        <VisitResultFields form={form} status={status} testPrefix="visit-form" />
      </Stack>
    </FormModal>
  );
}
