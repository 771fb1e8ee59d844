/** 新建开发项目 (R21): customer, line, name, expected revenue and signing date, manager, the day it opened. */
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { developmentsAdd } from '../../../../shared/api/schemas';
import { PRODUCT_LINES } from '../../../../shared/domain/lines';
import { useApiMutation, useApiQuery } from '../../api/query';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { CustomerField } from '../../forms/CustomerField';
import { useSchemaForm } from '../../forms/useSchemaForm';

interface Values {
  customerId: string | null;
  line: string | null;
  title: string;
  expectedRevenueFen: string;
  expectedOn: string | null;
  managerId: string | null;
  date: string | null;
  [key: string]: unknown;
}

export function DevelopmentFormModal({
  customer,
  onClose,
}: {
  customer: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useApiMutation('developments/add');
  const managers = useApiQuery('managers/list', {});
  const today = useToday();
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: customer?.id ?? null,
      line: null,
      title: '',
      expectedRevenueFen: '',
      expectedOn: null,
      managerId: null,
      date: today,
    } as Values,
    schema: developmentsAdd,
    toInput: (v: Values) =>
      ({
        customerId: v.customerId ?? '',
        line: v.line ?? '',
        title: v.title,
        expectedRevenueFen: v.expectedRevenueFen,
        expectedOn: v.expectedOn || null,
        managerId: v.managerId === null ? null : Number(v.managerId),
        date: v.date || null,
      }) as ApiInput<'developments/add'>,
  });
  const { form } = schemaForm;
  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({ color: 'postal', message: t('marketing.devForm.saved', { id: done.id }) });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('marketing.addDevelopment')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="development-form"
    >
      <CustomerField
        form={form}
        fixed={customer}
        label={t('marketing.devForm.customer')}
        placeholder={t('marketing.devForm.customerPlaceholder')}
        testId="development-form-customer"
      />
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('marketing.devForm.line')}
          data={[...PRODUCT_LINES, 'other'].map((l) => ({ value: l, label: t(`line.${l as 'savings'}`) }))}
          {...form.getInputProps('line')}
          withAsterisk
          data-testid="development-form-line"
        />
        <TextInput label={t('marketing.devForm.title')} {...form.getInputProps('title')} />
        <TextInput
          label={t('marketing.devForm.expected')}
          {...form.getInputProps('expectedRevenueFen')}
          data-testid="development-form-expected"
        />
        <DateField label={t('marketing.devForm.expectedOn')} {...form.getInputProps('expectedOn')} clearable />
        <Select
          label={t('marketing.devForm.manager')}
          data={(managers.data ?? [])
            .filter((m) => m.leftOn === null)
            .map((m) => ({ value: String(m.id), label: `${m.name}（${m.unitName}）` }))}
          {...form.getInputProps('managerId')}
          searchable
          clearable
        />
        <DateField label={t('marketing.devForm.date')} {...form.getInputProps('date')} withAsterisk />
      </SimpleGrid>
    </FormModal>
  );
}
