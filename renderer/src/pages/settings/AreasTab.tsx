import { ActionIcon, Button, Checkbox, Group, Paper, Table, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCode } from '../../../../shared/api/types';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ApiView } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { FormModal } from '../../components/FormModal';
import { formatCount } from '../../i18n/format';

type Editing = { kind: 'create' } | { kind: 'edit'; area: AreaCode };

export function AreasTab() {
  const { t } = useTranslation();
  const areas = useApi('areas/list', {});
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <span />
        <Button onClick={() => setEditing({ kind: 'create' })} data-testid="area-add">
          {t('areas.add')}
        </Button>
      </Group>
      <ApiView state={areas}>
        {(list) =>
          list.length === 0 ? (
            <EmptyBlock description={t('areas.empty')} />
          ) : (
            <Paper withBorder>
              <Table stickyHeader striped highlightOnHover aria-label={t('areas.tableLabel')} data-testid="areas-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={120}>{t('areas.columns.code')}</Table.Th>
                    <Table.Th>{t('areas.columns.name')}</Table.Th>
                    <Table.Th w={140}>{t('areas.columns.urban')}</Table.Th>
                    <Table.Th w={110} ta="right">
                      {t('areas.columns.customers')}
                    </Table.Th>
                    <Table.Th w={80}>
                      <span className="kam-visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <Table.Tr key={a.code} data-testid="area-row">
                      <Table.Td ff="monospace">{a.code}</Table.Td>
                      <Table.Td>{a.name}</Table.Td>
                      <Table.Td>{a.urban ? t('areas.urbanYes') : t('areas.urbanNo')}</Table.Td>
                      <Table.Td ta="right">{formatCount(a.customerCount)}</Table.Td>
                      <Table.Td>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('areas.editFor', { code: a.code, name: a.name })}
                            onClick={() => setEditing({ kind: 'edit', area: a })}
                          >
                            <span aria-hidden="true">✎</span>
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </ApiView>
      {editing && <AreaFormModal editing={editing} onClose={() => setEditing(null)} onSaved={areas.reload} />}
    </>
  );
}

/** Mounted only while open, so each opening starts from the row's current values. */
function AreaFormModal({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const area = editing.kind === 'edit' ? editing.area : null;
  const [code, setCode] = useState(area?.code ?? '');
  const [name, setName] = useState(area?.name ?? '');
  const [urban, setUrban] = useState(area?.urban ?? false);
  const submit = useSubmit(['code', 'name', 'urban']);

  const save = async () => {
    const saved = await submit.run(() => api.call('areas/upsert', { code: code.trim(), name, urban }));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('areas.form.saved'), message: `${saved.code} ${saved.name}` });
    onClose();
    onSaved();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={area ? t('areas.form.editTitle') : t('areas.form.createTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      testId="area-form"
    >
      <TextInput
        label={t('areas.form.code')}
        description={t('areas.form.codeHint')}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={submit.fieldErrors.code}
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
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={submit.fieldErrors.name}
        data-autofocus={area !== null ? true : undefined}
        withAsterisk
        autoComplete="off"
        maxLength={40}
      />
      <Checkbox label={t('areas.form.urban')} checked={urban} onChange={(e) => setUrban(e.currentTarget.checked)} />
    </FormModal>
  );
}
