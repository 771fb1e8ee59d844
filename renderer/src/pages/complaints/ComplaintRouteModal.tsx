/** 转办 (R33): pass a complaint to another unit to handle; the first receiver still owns it. */
import { Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../../shared/api/types-complaints';
import { useApiMutation, useApiQuery } from '../../api/query';
import { FormModal } from '../../components/FormModal';

export function ComplaintRouteModal({ complaint, onClose }: { complaint: ComplaintView; onClose: () => void }) {
  const { t } = useTranslation();
  const route = useApiMutation('complaints/route');
  const units = useApiQuery('units/list', { includeRetired: false });
  const current = units.data?.find((u) => u.code === complaint.routedTo?.code)?.id;
  const [unitId, setUnitId] = useState<string | null>(current === undefined ? null : String(current));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('complaints.route.title', { id: complaint.id })}
      submitLabel={t('complaints.route.submit')}
      submitting={route.isPending}
      error={route.error}
      onSubmit={() =>
        route.mutate(
          { id: complaint.id, unitId: unitId === null ? null : Number(unitId) },
          {
            onSuccess: (c) => {
              notifications.show({
                color: 'postal',
                message: c.routedTo
                  ? t('complaints.route.done', { id: c.id, unit: c.routedTo.name })
                  : t('complaints.route.cleared', { id: c.id }),
              });
              onClose();
            },
          },
        )
      }
      testId="complaint-route-form"
    >
      <Stack gap="sm">
        <Text size="sm">
          {complaint.customerName} · {complaint.content}
        </Text>
        <Text size="sm" c="dimmed">
          {t('complaints.route.help', { unit: complaint.unitName })}
        </Text>
        <Select
          label={t('complaints.route.unit')}
          data={(units.data ?? [])
            .filter((u) => u.code !== complaint.unit)
            .map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          clearable
          data-autofocus
          data-testid="complaint-route-unit"
        />
      </Stack>
    </FormModal>
  );
}
