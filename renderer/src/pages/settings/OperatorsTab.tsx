/**
 * 设置 → 操作员 (DOMAIN-DECISIONS "Audit log"): the officers' profiles chosen at start. Added,
 * renamed, retired or reactivated, never deleted (the log names them); the one in use cannot be
 * retired (the backend refuses it too).
 */
import { Badge, Button, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../shared/api/types';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useActionsColumn } from '../../components/list/RowMenu';
import { formatDateTime } from '../../i18n/format';
import { OperatorFields, useOperatorForm } from '../../session/OperatorForm';
import { useSession } from '../../session/OperatorGate';

export function OperatorsTab() {
  const { t } = useTranslation();
  const [includeRetired, setIncludeRetired] = useState(true);
  const list = useApiQuery('operators/list', { includeRetired });
  const save = useApiMutation('operators/save');
  const { operator: current } = useSession();
  const [editing, setEditing] = useState<OperatorView | 'new' | null>(null);
  const actions = useActionsColumn();

  const setActive = (o: OperatorView, active: boolean) =>
    save.mutateAsync({ id: o.id, name: o.name, title: o.title, active }).then(
      () =>
        notifications.show({
          color: 'postal',
          message: t(active ? 'audit.operators.reactivatedDone' : 'audit.operators.retiredDone', { name: o.name }),
        }),
      (e: unknown) =>
        notifications.show({
          color: 'red',
          title: t('common.errorTitle'),
          message: toApiCallError('operators/save', e).message,
        }),
    );

  const columns: ListColumn<OperatorView>[] = [
    {
      key: 'name',
      title: t('audit.operators.columns.name'),
      toggleable: false,
      width: 160,
      render: (o) => (
        <Text fw={600} size="sm">
          {o.name}
        </Text>
      ),
    },
    { key: 'title', title: t('audit.operators.columns.title') },
    {
      key: 'status',
      title: t('audit.operators.columns.status'),
      width: 100,
      value: (o) => (o.active ? t('audit.operators.active') : t('audit.operators.retired')),
      render: (o) => (
        <Badge color={o.active ? 'green' : 'gray'} variant="light">
          {o.active ? t('audit.operators.active') : t('audit.operators.retired')}
        </Badge>
      ),
    },
    {
      key: 'lastChosenAt',
      title: t('audit.operators.columns.lastChosenAt'),
      width: 170,
      value: (o) => (o.lastChosenAt === null ? t('audit.operators.never') : formatDateTime(o.lastChosenAt)),
    },
    actions<OperatorView>(
      (o) => (
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t('audit.operators.editFor', { name: o.name })}
            onClick={() => setEditing(o)}
            data-testid="operator-edit"
          >
            {t('audit.operators.edit')}
          </Button>
          {o.active ? (
            <Tooltip label={t('audit.operators.inUse')} disabled={o.id !== current?.id}>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                disabled={o.id === current?.id || save.isPending}
                aria-label={t('audit.operators.retireFor', { name: o.name })}
                onClick={() => void setActive(o, false)}
                data-testid="operator-retire"
              >
                {t('audit.operators.retire')}
              </Button>
            </Tooltip>
          ) : (
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={save.isPending}
              aria-label={t('audit.operators.reactivateFor', { name: o.name })}
              onClick={() => void setActive(o, true)}
              data-testid="operator-reactivate"
            >
              {t('audit.operators.reactivate')}
            </Button>
          )}
        </Group>
      ),
      170,
    ),
  ];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={900}>
        {t('audit.operators.intro')}
      </Text>
      <ApiView state={list}>
        {(operators) => (
          <ListTable
            id="operators"
            title={t('audit.operators.tableLabel')}
            records={operators}
            columns={columns}
            rowKey={(o) => o.id}
            emptyText={t('audit.operators.empty')}
            rowAttributes={(o) => ({ 'data-testid': 'operator-row', 'data-name': o.name })}
            rowClassName={(o) => (o.active ? undefined : 'kam-row-retired')}
            testId="operators-table"
            toolbar={
              <Group gap="md" align="center">
                <Button onClick={() => setEditing('new')} data-testid="operator-add">
                  {t('audit.operators.add')}
                </Button>
                <Switch
                  label={t('audit.operators.showRetired')}
                  checked={includeRetired}
                  onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
                />
              </Group>
            }
          />
        )}
      </ApiView>
      {editing && <OperatorModal operator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** Mounted only while open, so each opening starts from the stored values. */
function OperatorModal({ operator, onClose }: { operator: OperatorView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useOperatorForm(operator);
  const save = useApiMutation('operators/save');
  const submit = async () => {
    const saved = await form.submit((input) => save.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', message: t('audit.operators.saved') });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={operator === null ? t('audit.operators.createTitle') : t('audit.operators.editTitle')}
      form={form}
      onSubmit={() => void submit()}
      testId="operator-form"
    >
      <OperatorFields form={form} />
    </FormModal>
  );
}
