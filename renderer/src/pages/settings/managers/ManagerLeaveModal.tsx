import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { managersLeave } from '../../../../../shared/api/schemas';
import type { Manager } from '../../../../../shared/api/types';
import { useApiMutation, useApiQuery } from '../../../api/query';
import { useToday } from '../../../components/AppInfo';
import { DateField } from '../../../components/DateField';
import { FormModal } from '../../../components/FormModal';
import { useSchemaForm } from '../../../forms/useSchemaForm';
import { successorOptions } from './successors';

/**
 * 离岗, with an optional 接替客户经理: R20 — the leaver's customers (A/B, 专人) and project-team
 * places pass to the successor in the same write as the leave, so no customer is left without its
 * manager in between. Without one, the customers keep the leaver until changed on their pages.
 */
export function ManagerLeaveModal({ manager, onClose }: { manager: Manager; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const leave = useApiMutation('managers/leave');
  const managers = useApiQuery('managers/list', { unitId: null, includeInactive: false });
  const options = successorOptions(managers.data ?? [], manager, (m) =>
    t('managers.form.successorOption', { name: m.name, unit: m.unitName }),
  );
  const form = useSchemaForm({
    initialValues: { effectiveOn: today as string | null, reason: '', successor: null as string | null },
    schema: managersLeave,
    toInput: (v) => ({
      id: manager.id,
      effectiveOn: v.effectiveOn ?? '',
      reason: v.reason,
      reassignToManagerId: v.successor === null ? null : Number(v.successor),
    }),
    fieldOf: (path) => (path === 'reassignToManagerId' ? 'successor' : path),
  });
  const save = async () => {
    const saved = await form.submit((input) => leave.mutateAsync(input));
    if (!saved) return;
    const successor = options.find((o) => o.value === form.form.getValues().successor);
    notifications.show({
      color: 'postal',
      title: t('managers.form.left'),
      message: successor ? t('managers.form.leftTo', { name: saved.name, successor: successor.label }) : saved.name,
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('managers.form.leaveTitle')}
      submitLabel={t('managers.leave')}
      submitColor="red"
      form={form}
      onSubmit={() => void save()}
      testId="manager-leave-form"
    >
      <Text size="sm" fw={600}>
        {manager.name} · {manager.unitName}
      </Text>
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        {...form.form.getInputProps('effectiveOn')}
        withAsterisk
        data-autofocus
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput
        label={t('managers.form.reason')}
        {...form.form.getInputProps('reason')}
        withAsterisk
        maxLength={200}
        autoComplete="off"
      />
      <Select
        label={t('managers.form.successor')}
        description={t('managers.form.successorHint', { name: manager.name })}
        placeholder={t('managers.form.successorPlaceholder')}
        data={options}
        {...form.form.getInputProps('successor')}
        searchable
        clearable
        nothingFoundMessage={t('managers.form.successorNothing')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        comboboxProps={{ withinPortal: true }}
        data-testid="manager-leave-successor"
      />
    </FormModal>
  );
}
