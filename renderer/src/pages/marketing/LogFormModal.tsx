/**
 * 记营销日志 (R22, 附件5): date, stage, method, content, both sides' participants, the customer's
 * needs, cooperation, satisfaction; on a development (its current stage unless an earlier one is
 * chosen) or, for a general customer's quarterly summary, on none.
 */
import { Checkbox, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { logsAdd } from '../../../../shared/api/schemas';
import { DEVELOPMENT_STAGES, LOG_METHODS } from '../../../../shared/domain/marketing/development';
import { useApiMutation, useApiQuery } from '../../api/query';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { CustomerField } from '../../forms/CustomerField';
import { useSchemaForm } from '../../forms/useSchemaForm';

interface Values {
  customerId: string | null;
  developmentId: string | null;
  date: string | null;
  stage: string | null;
  method: string;
  content: string;
  ourParticipants: string;
  theirParticipants: string;
  needs: string;
  cooperation: string;
  satisfaction: number | string;
  summary: boolean;
  [key: string]: unknown;
}

export function LogFormModal({
  customer,
  developmentId,
  onClose,
}: {
  customer: { id: string; name: string } | null;
  developmentId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useApiMutation('logs/add');
  const today = useToday();
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: customer?.id ?? null,
      developmentId: developmentId === null ? null : String(developmentId),
      date: today,
      stage: null,
      method: 'visit',
      content: '',
      ourParticipants: '',
      theirParticipants: '',
      needs: '',
      cooperation: '',
      satisfaction: '',
      summary: false,
    } as Values,
    schema: logsAdd,
    toInput: (v: Values) =>
      ({
        customerId: v.customerId ?? '',
        developmentId: v.developmentId === null ? null : Number(v.developmentId),
        date: v.date ?? '',
        stage: v.developmentId === null ? null : v.stage,
        method: v.method,
        content: v.content,
        ourParticipants: v.ourParticipants,
        theirParticipants: v.theirParticipants,
        needs: v.needs,
        cooperation: v.cooperation,
        satisfaction: v.satisfaction === '' ? null : Number(v.satisfaction),
        summary: v.summary,
      }) as ApiInput<'logs/add'>,
  });
  const { form } = schemaForm;
  const chosen = form.getValues().customerId;
  const developments = useApiQuery('developments/list', chosen ? { customerId: chosen } : null);
  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({ color: 'postal', message: t('marketing.logForm.saved', { id: done.id }) });
    onClose();
  };
  const stage = (s: string) => t(`marketing.stages.${s as 'contact'}`);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('marketing.logForm.title')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="xl"
      testId="log-form"
    >
      <SimpleGrid cols={2} spacing="sm">
        <CustomerField
          form={form}
          fixed={customer}
          label={t('marketing.logForm.customer')}
          placeholder={t('marketing.devForm.customerPlaceholder')}
          testId="log-form-customer"
        />
        <Select
          label={t('marketing.logForm.development')}
          placeholder={t('marketing.logForm.developmentNone')}
          data={(developments.data ?? []).map((d) => ({
            value: String(d.id),
            label: `#${d.id} ${t(`line.${d.line}`)}${d.title ? ` ${d.title}` : ''} · ${stage(d.stage)}`,
          }))}
          {...form.getInputProps('developmentId')}
          clearable
          data-testid="log-form-development"
        />
      </SimpleGrid>
      <SimpleGrid cols={4} spacing="sm">
        <DateField label={t('marketing.logForm.date')} {...form.getInputProps('date')} withAsterisk />
        <Select
          label={t('marketing.logForm.method')}
          data={LOG_METHODS.map((m) => ({ value: m, label: t(`marketing.methods.${m}`) }))}
          {...form.getInputProps('method')}
          allowDeselect={false}
          withAsterisk
          data-testid="log-form-method"
        />
        <Select
          label={t('marketing.logForm.stage')}
          placeholder={t('marketing.logForm.stageHelp')}
          data={DEVELOPMENT_STAGES.map((s) => ({ value: s, label: stage(s) }))}
          {...form.getInputProps('stage')}
          disabled={form.getValues().developmentId === null}
          clearable
        />
        <NumberInput
          label={t('marketing.logForm.satisfaction')}
          min={1}
          max={5}
          allowDecimal={false}
          {...form.getInputProps('satisfaction')}
        />
      </SimpleGrid>
      <Textarea
        label={t('marketing.logForm.content')}
        {...form.getInputProps('content')}
        autosize
        minRows={3}
        withAsterisk
        data-autofocus={customer !== null}
        data-testid="log-form-content"
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('marketing.logForm.ours')} {...form.getInputProps('ourParticipants')} />
        <TextInput label={t('marketing.logForm.theirs')} {...form.getInputProps('theirParticipants')} />
        <Textarea label={t('marketing.logForm.needs')} {...form.getInputProps('needs')} autosize minRows={2} />
        <Textarea
          label={t('marketing.logForm.cooperation')}
          {...form.getInputProps('cooperation')}
          autosize
          minRows={2}
        />
      </SimpleGrid>
      <Checkbox
        label={t('marketing.logForm.summary')}
        {...form.getInputProps('summary', { type: 'checkbox' })}
        data-testid="log-form-summary"
      />
    </FormModal>
  );
}
