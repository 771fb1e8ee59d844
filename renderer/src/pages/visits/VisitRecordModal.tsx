/** 记录结果 (R23): a planned visit held (participants, outcome) or not held (the reason); visits/record. */
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { visitsRecord } from '../../../../shared/api/schemas';
import type { VisitView } from '../../../../shared/api/types-visits';
import { useApiMutation } from '../../api/query';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { blank, VisitResultFields } from './VisitResultFields';

interface Values {
  status: 'held' | 'not_held';
  date: string | null;
  participants: string;
  outcome: string;
  reason: string;
  [key: string]: unknown;
}

export function VisitRecordModal({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useApiMutation('visits/record');
  const schemaForm = useSchemaForm({
    initialValues: { status: 'held', date: null, participants: '', outcome: '', reason: '' } as Values,
    schema: visitsRecord,
    toInput: (v: Values) =>
      ({
        id: visit.id,
        status: v.status,
        date: v.date,
        participants: v.status === 'held' ? blank(v.participants) : null,
        outcome: v.status === 'held' ? blank(v.outcome) : null,
        reason: v.status === 'not_held' ? blank(v.reason) : null,
      }) as ApiInput<'visits/record'>,
  });
  const { form } = schemaForm;
  const status = form.getValues().status;
  const submit = async () => {
    const done = await schemaForm.submit((input) => record.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      message: t('visits.recorded', { id: done.id, status: t(`visits.status.${done.status}`) }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('visits.recordForm.title', { id: visit.id })}
      form={schemaForm}
      onSubmit={() => void submit()}
      testId="visit-record-form"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('visits.recordForm.planned', {
            customer: visit.customerName,
            date: visit.date,
            kind: t(`visits.kind.${visit.kind}`),
          })}
        </Text>
        {visit.purpose && (
          <Text size="sm" c="dimmed">
            {t('visits.records.purpose', { text: visit.purpose })}
          </Text>
        )}
        <SegmentedControl
          data={(['held', 'not_held'] as const).map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
          {...form.getInputProps('status')}
          data-testid="visit-record-status"
        />
        <DateField
          label={t('visits.recordForm.date')}
          description={t('visits.recordForm.dateHelp')}
          clearable
          {...form.getInputProps('date')}
          data-testid="visit-record-date"
        />
        <VisitResultFields form={form} status={status} testPrefix="visit-record" autofocus />
      </Stack>
    </FormModal>
  );
}
