/** One step on a complaint (R33): 已联系, 暂停 (reason: the close clock stops), 恢复, 结案. */
import { NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../../shared/api/types-complaints';
import { useApiMutation } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { nowMinute } from './ComplaintFormModal';

export type Step = 'contact' | 'pause' | 'resume' | 'close';

export function ComplaintStepModal({
  complaint,
  step,
  onClose,
}: {
  complaint: ComplaintView;
  step: Step;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const event = useApiMutation('complaints/event');
  const [at, setAt] = useState(nowMinute());
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (step === 'pause' && reason.trim() === '') return setProblem(t('complaints.stepForm.reasonRequired'));
    if (step === 'close' && (resolution.trim() === '' || satisfaction === ''))
      return setProblem(t('complaints.stepForm.closeRequired'));
    setProblem(null);
    event.mutate(
      {
        id: complaint.id,
        event: step,
        at: at.trim().replace(' ', 'T'),
        reason: reason.trim() || null,
        resolution: resolution.trim() || null,
        satisfaction: satisfaction === '' ? null : Number(satisfaction),
      },
      {
        onSuccess: (c) => {
          notifications.show({
            message: t('complaints.stepDone', { id: c.id, status: t(`complaints.status.${c.status}`) }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('complaints.stepTitle', { step: t(`complaints.steps.${step}`), id: complaint.id })}
      submitLabel={t(`complaints.steps.${step}`)}
      submitting={event.isPending}
      error={event.error}
      onSubmit={submit}
      testId="complaint-step-form"
    >
      <Stack gap="sm">
        <Text size="sm">
          {complaint.customerName} · {complaint.content}
        </Text>
        <TextInput
          label={t('complaints.stepForm.at')}
          description={t('complaints.form.receivedAtHelp')}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
          withAsterisk
          data-autofocus
          data-testid="complaint-step-at"
        />
        {step === 'pause' && (
          <Textarea
            label={t('complaints.stepForm.reason')}
            description={t('complaints.stepForm.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={300}
            withAsterisk
            data-testid="complaint-step-reason"
          />
        )}
        {step === 'close' && (
          <>
            <Textarea
              label={t('complaints.stepForm.resolution')}
              value={resolution}
              onChange={(e) => setResolution(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              withAsterisk
              data-testid="complaint-step-resolution"
            />
            <NumberInput
              label={t('complaints.stepForm.satisfaction')}
              value={satisfaction}
              onChange={setSatisfaction}
              min={1}
              max={5}
              allowDecimal={false}
              withAsterisk
              data-testid="complaint-step-satisfaction"
            />
          </>
        )}
        {problem && (
          <Text size="sm" c="red.8">
            {problem}
          </Text>
        )}
      </Stack>
    </FormModal>
  );
}
