import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatusId } from '../../../../shared/api/types';
import { STATUS_COLORS, STATUS_ORDER, statusVariant } from './status';

export function StatusBadge({ status, size = 'sm' }: { status: SubmissionStatusId; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      color={STATUS_COLORS[status]}
      variant={statusVariant(status)}
      data-testid="submission-status"
      data-status={status}
      styles={{ label: { textTransform: 'none', overflow: 'visible' } }}
    >
      {t(`submissions.status.${status}`)}
    </Badge>
  );
}

/** The four statuses with what each means, under the tracker table. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="lg" aria-label={t('submissions.tracker.legend')} data-testid="submission-legend">
      <Text size="xs" c="dimmed">
        {t('submissions.tracker.legend')}
      </Text>
      {STATUS_ORDER.map((s) => (
        <Tooltip key={s} label={t(`submissions.statusHint.${s}`)} withinPortal>
          <Group gap={6} wrap="nowrap">
            <StatusBadge status={s} size="xs" />
            <Text size="xs" c="dimmed">
              {t(`submissions.statusHint.${s}`)}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}
