/** A discount request's approval chain (R29): each step's role and, once taken, who decided what. */
import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiscountView } from '../../../../shared/api/types-discounts';
import { useLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

export function DiscountChain({ discount }: { discount: DiscountView }) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  return (
    <Stack gap={2} data-testid="discount-chain">
      {discount.steps.map((s) => {
        const d = s.decision;
        const waiting = discount.currentStep === s.index;
        const color = d ? (d.decision === 'approve' ? 'green' : 'red') : waiting ? 'orange' : 'gray';
        const mark = d ? (d.decision === 'approve' ? '✓' : '✗') : waiting ? '…' : '·';
        const state = d
          ? t(`discounts.decided.${d.decision}`)
          : waiting
            ? t('discounts.stepWaiting')
            : discount.status === 'pending'
              ? t('discounts.stepNotReached')
              : t('discounts.stepEnded');
        const who = d
          ? [d.approver ? t('discounts.by', { name: d.approver }) : null, formatDateTime(d.at)]
              .filter(Boolean)
              .join(' · ')
          : '';
        return (
          <Group
            key={s.index}
            gap={6}
            wrap="nowrap"
            align="flex-start"
            data-testid="discount-step"
            data-state={d ? d.decision : waiting ? 'waiting' : 'later'}
            title={s.reasons.map((r) => (english ? r.en : r.zh)).join('；')}
          >
            <ThemeIcon size={16} radius="xl" color={color} variant={d ? 'filled' : 'light'} mt={2}>
              <Text size="xs" fw={700} lh={1}>
                {mark}
              </Text>
            </ThemeIcon>
            <Stack gap={0}>
              <Text size="sm" c={d || waiting ? undefined : 'dimmed'}>
                {english ? s.label.en : s.label.zh}
                <Text span size="sm" c={color === 'gray' ? 'dimmed' : `${color}.8`} fw={waiting || d ? 600 : undefined}>
                  {' '}
                  {state}
                </Text>
              </Text>
              {who && (
                <Text size="xs" c="dimmed">
                  {who}
                </Text>
              )}
              {d?.comment && (
                <Text size="xs" c={d.decision === 'reject' ? 'red.8' : 'dimmed'}>
                  “{d.comment}”
                </Text>
              )}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
