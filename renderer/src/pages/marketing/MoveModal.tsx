/**
 * 推进 a development (R21–R22): to a later stage, to 达成协议/签合同 (a win: the customer's agreement
 * date and the lead to B, R5/R19c/R20), or 未成 with the reason. For a diamond customer whose
 * current stage has no log entry the officer sees the R22 warning and must give a reason, which is kept.
 */
import { Alert, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentView } from '../../../../shared/api/types-marketing';
import { DEVELOPMENT_STAGES, stageIndex } from '../../../../shared/domain/marketing/development';
import { useApiMutation } from '../../api/query';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';

export function MoveModal({ development: d, onClose }: { development: DevelopmentView; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useApiMutation('developments/move');
  const today = useToday();
  const later = DEVELOPMENT_STAGES.filter((s) => stageIndex(s) > stageIndex(d.stage));
  const [to, setTo] = useState<string>(later[0] ?? 'lost');
  const [date, setDate] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const gated = d.tier === 'diamond' && to !== 'lost' && (d.entries[d.stage] ?? 0) === 0;
  const stageText = (s: string) => t(`marketing.stages.${s as 'contact'}`);
  const submit = () => {
    if ((to === 'lost' || gated) && reason.trim() === '') return setProblem(t('marketing.moveForm.reasonRequired'));
    setProblem(null);
    move.mutate(
      { id: d.id, to: to as 'lost', reason: reason.trim() || null, date },
      {
        onSuccess: (r) => {
          const notes = [t('marketing.moveForm.saved', { id: d.id, stage: stageText(to) })];
          if (r.agreementSince) notes.push(t('marketing.moveForm.won', { since: r.agreementSince }));
          if (r.leadToB?.moved) notes.push(t('marketing.moveForm.leadToB'));
          else if (r.leadToB) notes.push(r.leadToB.reason.zh);
          notifications.show({ color: r.leadToB?.moved === false ? 'orange' : 'postal', message: notes.join('；') });
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('marketing.moveForm.title', { id: d.id, customer: d.customerName })}
      onSubmit={submit}
      submitLabel={t('marketing.move')}
      submitting={move.isPending}
      error={move.error}
      testId="development-move"
    >
      <Stack gap="sm">
        <Text size="sm">{t('marketing.moveForm.current', { stage: stageText(d.stage) })}</Text>
        <Select
          label={t('marketing.moveForm.to')}
          data={[...later, 'lost'].map((s) => ({ value: s, label: stageText(s) }))}
          value={to}
          onChange={(v) => v && setTo(v)}
          allowDeselect={false}
          data-autofocus
          data-testid="development-move-to"
        />
        <DateField label={t('marketing.moveForm.date')} value={date} onChange={(v) => setDate(v)} />
        {gated && (
          <Alert color="orange" variant="light" data-testid="development-move-gate">
            {t('marketing.moveForm.gate', { stage: stageText(d.stage) })}
          </Alert>
        )}
        <Textarea
          label={to === 'lost' ? t('marketing.moveForm.lostReason') : t('marketing.moveForm.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          withAsterisk={to === 'lost' || gated}
          autosize
          minRows={2}
          error={problem}
          data-testid="development-move-reason"
        />
      </Stack>
    </FormModal>
  );
}
