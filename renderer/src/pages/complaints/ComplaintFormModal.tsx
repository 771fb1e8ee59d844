/** 登记投诉 (R33): customer, the time it was received, channel, content, complex or not, the receiving unit. */
import { Autocomplete, Checkbox, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { complaintsAdd } from '../../../../shared/api/schemas';
import { COMPLAINT_CHANNELS, COMPLAINT_TYPES } from '../../../../shared/domain/complaints/types';
import { useApiMutation, useApiQuery } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { CustomerField } from '../../forms/CustomerField';
import { useSchemaForm } from '../../forms/useSchemaForm';

interface Values {
  customerId: string | null;
  receivedAt: string;
  channel: string;
  content: string;
  type: string;
  complex: boolean;
  unitId: string | null;
  [key: string]: unknown;
}

/** Now on the wall clock, YYYY-MM-DD HH:MM as typed (the forms' default); sent with a T. */
export function nowMinute(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function ComplaintFormModal({
  customer = null,
  onClose,
}: {
  /** Fixed when opened from the customer's page. */
  customer?: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useApiMutation('complaints/add');
  const units = useApiQuery('units/list', { includeRetired: false });
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: customer?.id ?? null,
      receivedAt: nowMinute(),
      channel: '电话',
      content: '',
      type: '',
      complex: false,
      unitId: null,
    } as Values,
    schema: complaintsAdd,
    toInput: (v: Values) =>
      ({
        customerId: v.customerId ?? '',
        receivedAt: v.receivedAt.trim().replace(' ', 'T'),
        channel: v.channel,
        content: v.content,
        type: v.type.trim() === '' ? null : v.type.trim(),
        complex: v.complex,
        unitId: v.unitId === null ? null : Number(v.unitId),
      }) as ApiInput<'complaints/add'>,
  });
  const { form } = schemaForm;
  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      title: t('complaints.saved', { id: done.id }),
      message: t('complaints.savedClock', {
        contact: done.deadlines.contact.replace('T', ' '),
        close: done.deadlines.close ?? '—',
      }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('complaints.add')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="complaint-form"
    >
      <CustomerField
        form={form}
        fixed={customer}
        label={t('complaints.form.customer')}
        placeholder={t('complaints.form.customerPlaceholder')}
        testId="complaint-form-customer"
      />
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t('complaints.form.receivedAt')}
          description={t('complaints.form.receivedAtHelp')}
          {...form.getInputProps('receivedAt')}
          withAsterisk
          data-testid="complaint-form-received"
        />
        <Select
          label={t('complaints.form.channel')}
          data={[...COMPLAINT_CHANNELS]}
          {...form.getInputProps('channel')}
          withAsterisk
          allowDeselect={false}
          data-testid="complaint-form-channel"
        />
        <Select
          label={t('complaints.form.unit')}
          description={t('complaints.form.unitHelp')}
          data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          {...form.getInputProps('unitId')}
          searchable
          clearable
          data-testid="complaint-form-unit"
        />
      </SimpleGrid>
      <Textarea
        label={t('complaints.form.content')}
        {...form.getInputProps('content')}
        autosize
        minRows={3}
        withAsterisk
        data-testid="complaint-form-content"
      />
      <Autocomplete
        label={t('complaints.form.type')}
        data={[...COMPLAINT_TYPES]}
        {...form.getInputProps('type')}
        data-testid="complaint-form-type"
      />
      <Checkbox
        label={t('complaints.form.complex')}
        {...form.getInputProps('complex', { type: 'checkbox' })}
        data-testid="complaint-form-complex"
      />
    </FormModal>
  );
}
