import {
  Badge,
  Button,
  Group,
  Menu,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiInput } from '../../../../shared/api/contract';
import { managersMove, managersRegister, managersUpdate } from '../../../../shared/api/schemas';
import type { Manager, ManagerChange } from '../../../../shared/api/types';
import {
  EMPLOYMENT_KINDS,
  type Employment,
  MANAGER_POSTS,
  type ManagerPost,
} from '../../../../shared/domain/organisation';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { RowMenu, useActionsColumn } from '../../components/list/RowMenu';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useFormat } from '../../i18n/useFormat';
import { ChangeSheetCard } from './managers/ChangeSheetCard';
import { ManagerLeaveModal } from './managers/ManagerLeaveModal';

type Dialog =
  | { kind: 'register' }
  | { kind: 'edit'; manager: Manager }
  | { kind: 'move'; manager: Manager }
  | { kind: 'leave'; manager: Manager };

type Row = Manager;

export function ManagersTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [unitValue, setUnitValue] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const units = useApiQuery('units/list', { includeRetired: false });
  const managers = useApiQuery('managers/list', {
    unitId: unitValue === null ? null : Number(unitValue),
    includeInactive,
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const unitName = unitOptions.find((o) => o.value === unitValue)?.label;
  const filters = [
    ...(unitName ? [`${t('managers.unitFilter')}：${unitName}`] : []),
    ...(includeInactive ? [t('managers.showInactive')] : []),
  ];

  const actions = useActionsColumn();
  const columns: ListColumn<Row>[] = [
    {
      key: 'name',
      title: t('managers.columns.name'),
      toggleable: false,
      render: (m) => (
        <Text fw={600} size="sm">
          {m.name}
        </Text>
      ),
    },
    { key: 'unitName', title: t('managers.columns.unit') },
    { key: 'post', title: t('managers.columns.post'), value: (m) => t(`managerPost.${m.post}`) },
    { key: 'employment', title: t('managers.columns.employment'), value: (m) => t(`employment.${m.employment}`) },
    {
      key: 'phone',
      title: t('managers.columns.phone'),
      render: (m) => (
        <Text ff="monospace" size="sm">
          {m.phone ?? ''}
        </Text>
      ),
    },
    { key: 'startedOn', title: t('managers.columns.startedOn'), value: (m) => f.date(m.startedOn, 'iso') },
    {
      key: 'status',
      title: t('managers.columns.status'),
      value: (m) => (m.active ? t('managers.activeStatus') : t('managers.leftOn', { date: f.date(m.leftOn, 'iso') })),
      render: (m) =>
        m.active ? (
          t('managers.activeStatus')
        ) : (
          <Text size="sm" c="dimmed">
            {t('managers.leftOn', { date: f.date(m.leftOn, 'iso') })}
          </Text>
        ),
    },
    actions<Row>(
      (m) =>
        m.active && (
          <RowMenu label={t('managers.actionsFor', { name: m.name })}>
            <Menu.Item onClick={() => setDialog({ kind: 'edit', manager: m })}>{t('managers.edit')}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'move', manager: m })}>{t('managers.move')}</Menu.Item>
            <Menu.Item color="red" onClick={() => setDialog({ kind: 'leave', manager: m })}>
              {t('managers.leave')}
            </Menu.Item>
          </RowMenu>
        ),
      60,
    ),
  ];

  return (
    <Stack gap="lg">
      <ApiView state={managers}>
        {(list) => (
          <ListTable
            id="managers"
            title={t('managers.tableLabel')}
            records={list}
            columns={columns}
            rowKey={(m) => m.id}
            filters={filters}
            onClearFilters={() => {
              setUnitValue(null);
              setIncludeInactive(false);
            }}
            emptyText={t('managers.empty')}
            rowAttributes={() => ({ 'data-testid': 'manager-row' })}
            rowClassName={(m) => (m.active ? undefined : 'kam-row-retired')}
            testId="managers-table"
            toolbar={
              <>
                <Select
                  label={t('managers.unitFilter')}
                  placeholder={t('managers.allUnits')}
                  data={unitOptions}
                  value={unitValue}
                  onChange={setUnitValue}
                  clearable
                  searchable
                  w={220}
                  data-testid="managers-unit-filter"
                />
                <Switch
                  label={t('managers.showInactive')}
                  checked={includeInactive}
                  onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
                  mb={8}
                />
                <Button onClick={() => setDialog({ kind: 'register' })} data-testid="manager-register">
                  {t('managers.register')}
                </Button>
              </>
            }
          />
        )}
      </ApiView>

      <ChangeSheetCard />

      <ChangeRegister />

      {(dialog?.kind === 'register' || dialog?.kind === 'edit') && (
        <ManagerFormModal
          manager={dialog.kind === 'edit' ? dialog.manager : null}
          unitOptions={unitOptions}
          defaultUnit={unitValue}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'move' && (
        <ManagerMoveModal
          manager={dialog.manager}
          unitOptions={unitOptions.filter((o) => o.value !== String(dialog.manager.unitId))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'leave' && <ManagerLeaveModal manager={dialog.manager} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** R30: the month's changes, with due date (the 25th) and a red 逾期 badge when late. */
function ChangeRegister() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const [month, setMonth] = useState<string | null>(`${today.slice(0, 7)}-01`);
  const monthKey = month ? month.slice(0, 7) : null;
  const changes = useApiQuery('managers/changes', { managerId: null, month: monthKey });
  const columns: ListColumn<ManagerChange>[] = [
    {
      key: 'effectiveOn',
      title: t('managers.changes.columns.effectiveOn'),
      value: (c) => f.date(c.effectiveOn, 'iso'),
    },
    {
      key: 'managerName',
      title: t('managers.changes.columns.manager'),
      render: (c) => (
        <Text fw={600} size="sm">
          {c.managerName}
        </Text>
      ),
    },
    {
      key: 'kind',
      title: t('managers.changes.columns.kind'),
      value: (c) => t(`changeKind.${c.kind}`),
      render: (c) => (
        <Badge variant="light" color={c.kind === 'leave' ? 'gray' : c.kind === 'move' ? 'blue' : 'postal'}>
          {t(`changeKind.${c.kind}`)}
        </Badge>
      ),
    },
    { key: 'summary', title: t('managers.changes.columns.summary') },
    { key: 'recordedAt', title: t('managers.changes.columns.recordedAt'), value: (c) => f.dateTime(c.recordedAt) },
    { key: 'dueOn', title: t('managers.changes.columns.dueOn'), value: (c) => f.date(c.dueOn, 'iso') },
    {
      key: 'late',
      title: t('managers.changes.columns.late'),
      value: (c) => (c.late ? t('managers.changes.late') : t('managers.changes.onTime')),
      render: (c) =>
        c.late ? (
          <Badge color="red" variant="filled" data-testid="change-late">
            {t('managers.changes.late')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('managers.changes.onTime')}
          </Text>
        ),
    },
  ];

  return (
    <div>
      <Title order={2} size="h4" mb="xs">
        {t('managers.changes.title')}
      </Title>
      <ApiView state={changes}>
        {(list) => (
          <ListTable
            id="manager-changes"
            title={t('managers.changes.tableLabel')}
            records={list}
            columns={columns}
            rowKey={(c) => c.id}
            filters={monthKey ? [`${t('managers.changes.month')}：${f.month(monthKey)}`] : []}
            emptyText={t('managers.changes.empty')}
            rowAttributes={(c) => ({ 'data-testid': 'change-row', 'data-late': c.late || undefined })}
            testId="changes-table"
            toolbar={
              <MonthPickerInput
                label={t('managers.changes.month')}
                value={month}
                onChange={setMonth}
                valueFormat={t('managers.changes.monthFormat')}
                w={180}
                data-testid="changes-month"
              />
            }
          />
        )}
      </ApiView>
    </div>
  );
}

interface Option {
  value: string;
  label: string;
}

interface DialogProps {
  onClose: () => void;
}

function ManagerFormModal({
  manager,
  unitOptions,
  defaultUnit,
  onClose,
}: DialogProps & { manager: Manager | null; unitOptions: Option[]; defaultUnit: string | null }) {
  const { t } = useTranslation();
  const today = useToday();
  const register = useApiMutation('managers/register');
  const update = useApiMutation('managers/update');
  const values = {
    name: manager?.name ?? '',
    unitId: manager ? String(manager.unitId) : defaultUnit,
    post: (manager?.post ?? 'account_manager') as ManagerPost | null,
    employment: manager?.employment ?? ('full_time' as Employment),
    phone: manager?.phone ?? '',
    effectiveOn: today as string | null,
  };
  type Values = typeof values;
  const common = (v: Values) => ({
    name: v.name,
    post: (v.post ?? '') as ManagerPost,
    employment: v.employment,
    phone: v.phone,
    effectiveOn: v.effectiveOn ?? '',
  });
  type Input = ApiInput<'managers/register'> | ApiInput<'managers/update'>;
  const form = useSchemaForm({
    initialValues: values,
    // One form, two channels: editing checks against managers/update, registering against managers/register.
    schema: (manager ? managersUpdate : managersRegister) as z.ZodType<unknown, Input>,
    toInput: (v: Values): Input =>
      manager ? { ...common(v), id: manager.id } : { ...common(v), unitId: v.unitId === null ? 0 : Number(v.unitId) },
  });

  const save = async () => {
    const saved = await form.submit((input) =>
      'id' in input ? update.mutateAsync(input) : register.mutateAsync(input),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: manager ? t('managers.form.updated') : t('managers.form.registered'),
      message: `${saved.name} · ${saved.unitName}`,
    });
    onClose();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={manager ? t('managers.form.editTitle') : t('managers.form.registerTitle')}
      form={form}
      onSubmit={() => void save()}
      submitLabel={manager ? undefined : t('managers.form.submitRegister')}
      size="lg"
      testId="manager-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('managers.form.name')}
          {...form.form.getInputProps('name')}
          withAsterisk
          data-autofocus
          maxLength={20}
          autoComplete="off"
        />
        {manager ? (
          <TextInput label={t('managers.form.unit')} value={manager.unitName} readOnly variant="filled" />
        ) : (
          <Select
            label={t('managers.form.unit')}
            data={unitOptions}
            {...form.form.getInputProps('unitId')}
            searchable
            withAsterisk
          />
        )}
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('managers.form.post')}
          data={MANAGER_POSTS.map((p) => ({ value: p, label: t(`managerPost.${p}`) }))}
          {...form.form.getInputProps('post')}
          allowDeselect={false}
          withAsterisk
        />
        <TextInput
          label={t('managers.form.phone')}
          {...form.form.getInputProps('phone')}
          maxLength={30}
          autoComplete="off"
          type="tel"
        />
      </Group>
      <div>
        <Text size="sm" fw={500} mb={4} id="employment-label">
          {t('managers.form.employment')}
        </Text>
        <SegmentedControl
          aria-labelledby="employment-label"
          data={EMPLOYMENT_KINDS.map((e) => ({ value: e, label: t(`employment.${e}`) }))}
          {...form.form.getInputProps('employment')}
        />
      </div>
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        {...form.form.getInputProps('effectiveOn')}
        withAsterisk
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </FormModal>
  );
}

function ManagerMoveModal({
  manager,
  unitOptions,
  onClose,
}: DialogProps & { manager: Manager; unitOptions: Option[] }) {
  const { t } = useTranslation();
  const today = useToday();
  const move = useApiMutation('managers/move');
  const form = useSchemaForm({
    initialValues: { toUnitId: null as string | null, effectiveOn: today as string | null },
    schema: managersMove,
    toInput: (v) => ({
      id: manager.id,
      toUnitId: v.toUnitId === null ? 0 : Number(v.toUnitId),
      effectiveOn: v.effectiveOn ?? '',
    }),
  });
  const save = async () => {
    const saved = await form.submit((input) => move.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('managers.form.moved'),
      message: `${saved.name} → ${saved.unitName}`,
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('managers.form.moveTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="manager-move-form"
    >
      <Text size="sm" fw={600}>
        {manager.name}
      </Text>
      <Text size="sm" c="dimmed">
        {t('managers.form.fromUnit', { unit: manager.unitName })}
      </Text>
      <Select
        label={t('managers.form.toUnit')}
        data={unitOptions}
        {...form.form.getInputProps('toUnitId')}
        searchable
        withAsterisk
        data-autofocus
      />
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        {...form.form.getInputProps('effectiveOn')}
        withAsterisk
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </FormModal>
  );
}
