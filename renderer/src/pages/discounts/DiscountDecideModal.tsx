/**
 * 审批 one step of a discount request (R29): approve or reject for the role waiting, who signed,
 * and the comment (required to reject: the form says so before the backend would). The step shown
 * is sent with the decision, so a chain that moved on meanwhile is refused, not decided twice.
 */
import { Alert, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscountView } from '../../../../shared/api/types-discounts';
import { useApiMutation } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { useLanguage } from '../../i18n';

export function DiscountDecideModal({ discount, onClose }: { discount: DiscountView; onClose: () => void }) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const decide = useApiMutation('discounts/decide');
  const index = discount.currentStep ?? 0;
  const step = discount.steps[index];
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [approver, setApprover] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!step) return null;
  const role = english ? step.label.en : step.label.zh;
  const last = index === discount.steps.length - 1;
  const submit = () => {
    if (decision === 'reject' && comment.trim() === '') return setProblem(t('discounts.decideForm.commentRequired'));
    setProblem(null);
    decide.mutate(
      {
        id: discount.id,
        decision,
        step: index,
        approver: approver.trim() || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: (d) => {
          notifications.show({
            message: t('discounts.decidedDone', { id: d.id, status: t(`discounts.status.${d.status}`) }),
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
      title={t('discounts.decideTitle', { id: discount.id, role, step: index + 1, total: discount.steps.length })}
      submitLabel={t(`discounts.decideForm.${decision}`)}
      submitColor={decision === 'reject' ? 'red' : undefined}
      submitting={decide.isPending}
      error={decide.error}
      onSubmit={submit}
      testId="discount-decide-form"
    >
      <Stack gap="sm">
        <Text size="sm">
          {discount.customerName} · {t(`line.${discount.line}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('discounts.decideForm.reasons', {
            reasons: step.reasons.map((r) => (english ? r.en : r.zh)).join('；'),
          })}
        </Text>
        <SegmentedControl
          value={decision}
          onChange={(v) => {
            setDecision(v as 'approve' | 'reject');
            setProblem(null);
          }}
          data={[
            { value: 'approve', label: t('discounts.decideForm.approve') },
            { value: 'reject', label: t('discounts.decideForm.reject') },
          ]}
          aria-label={t('discounts.decideForm.decision')}
          data-testid="discount-decide-decision"
        />
        <TextInput
          label={t('discounts.decideForm.approver')}
          description={t('discounts.decideForm.approverHelp')}
          value={approver}
          onChange={(e) => setApprover(e.currentTarget.value)}
          data-autofocus
          data-testid="discount-decide-approver"
        />
        <Textarea
          label={t('discounts.decideForm.comment')}
          description={decision === 'reject' ? t('discounts.decideForm.commentHelp') : undefined}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setProblem(null);
          }}
          withAsterisk={decision === 'reject'}
          error={problem}
          autosize
          minRows={2}
          data-testid="discount-decide-comment"
        />
        <Alert color={decision === 'reject' ? 'red' : last ? 'green' : 'blue'} variant="light" p="xs">
          <Text size="sm">
            {decision === 'reject'
              ? t('discounts.decideForm.rejectEnds')
              : last
                ? t('discounts.decideForm.lastStep')
                : ''}
            {decision === 'approve' && !last
              ? t('discounts.decideForm.next', {
                  role: english ? discount.steps[index + 1]?.label.en : discount.steps[index + 1]?.label.zh,
                })
              : ''}
          </Text>
        </Alert>
      </Stack>
    </FormModal>
  );
}

export function DiscountWithdrawModal({ discount, onClose }: { discount: DiscountView; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useApiMutation('discounts/withdraw');
  const [reason, setReason] = useState('');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('discounts.withdrawTitle', { id: discount.id })}
      submitLabel={t('discounts.withdraw')}
      submitColor="red"
      submitting={withdraw.isPending}
      error={withdraw.error}
      onSubmit={() => withdraw.mutate({ id: discount.id, reason }, { onSuccess: onClose })}
      testId="discount-withdraw-form"
    >
      <Textarea
        label={t('discounts.withdrawReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        withAsterisk
        data-autofocus
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
