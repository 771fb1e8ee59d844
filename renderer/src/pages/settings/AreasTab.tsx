import { ActionIcon, Button, Checkbox, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areasUpsert } from '../../../../shared/api/schemas';
import type { AreaCode } from '../../../../shared/api/types';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useActionsColumn } from '../../components/list/RowMenu';
import { useSchemaForm } from '../../forms/useSchemaForm';

type Editing = { kind: 'create' } | { kind: 'edit'; area: AreaCode };

export function AreasTab() {
  const { t } = useTranslation();
  const areas = useApiQuery('areas/list', {});
  const [editing, setEditing] = useState<Editing | null>(null);

  const actions = useActionsColumn();
  const columns: ListColumn<AreaCode>[] = [
    {
      key: 'code',
      title: t('areas.columns.code'),
      width: 120,
      toggleable: false,
      render: (a) => (
        <Text ff="monospace" size="sm">
          {a.code}
        </Text>
      ),
    },
    { key: 'name', title: t('areas.columns.name') },
    {
      key: 'urban',
      title: t('areas.columns.urban'),
      width: 140,
      value: (a) => (a.urban ? t('areas.urbanYes') : t('areas.urbanNo')),
    },
    { key: 'customerCount', title: t('areas.columns.customers'), width: 110, format: 'count' },
    actions<AreaCode>(
      (a) => (
        <Tooltip label={t('common.edit')}>
          <ActionIcon
            variant="subtle"
            aria-label={t('areas.editFor', { code: a.code, name: a.name })}
            onClick={() => setEditing({ kind: 'edit', area: a })}
          >
            <span aria-hidden="true">✎</span>
          </ActionIcon>
        </Tooltip>
      ),
      80,
    ),
  ];

  return (
    <>
      <ApiView state={areas}>
        {(list) => (
          <ListTable
            id="areas"
            title={t('areas.tableLabel')}
            records={list}
            columns={columns}
            rowKey={(a) => a.code}
            emptyText={t('areas.empty')}
            rowAttributes={() => ({ 'data-testid': 'area-row' })}
            maxHeight="calc(100vh - 240px)"
            testId="areas-table"
            toolbar={
              <Button onClick={() => setEditing({ kind: 'create' })} data-testid="area-add">
                {t('areas.add')}
              </Button>
            }
          />
        )}
      </ApiView>
      {editing && <AreaFormModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** Mounted only while open, so each opening starts from the row's current values. */
function AreaFormModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const area = editing.kind === 'edit' ? editing.area : null;
  const upsert = useApiMutation('areas/upsert');
  const form = useSchemaForm({
    initialValues: { code: area?.code ?? '', name: area?.name ?? '', urban: area?.urban ?? false },
    schema: areasUpsert,
    toInput: (v) => ({ code: v.code.trim(), name: v.name, urban: v.urban }),
  });

  const save = async () => {
    const saved = await form.submit((input) => upsert.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('areas.form.saved'), message: `${saved.code} ${saved.name}` });
    onClose();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={area ? t('areas.form.editTitle') : t('areas.form.createTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="area-form"
    >
      <TextInput
        label={t('areas.form.code')}
        description={t('areas.form.codeHint')}
        {...form.form.getInputProps('code')}
        readOnly={area !== null}
        data-autofocus={area === null ? true : undefined}
        classNames={{ input: 'kam-mono-input' }}
        maxLength={6}
        inputMode="numeric"
        withAsterisk
        autoComplete="off"
      />
      <TextInput
        label={t('areas.form.name')}
        {...form.form.getInputProps('name')}
        data-autofocus={area !== null ? true : undefined}
        withAsterisk
        autoComplete="off"
        maxLength={40}
      />
      <Checkbox label={t('areas.form.urban')} {...form.form.getInputProps('urban', { type: 'checkbox' })} />
    </FormModal>
  );
}
