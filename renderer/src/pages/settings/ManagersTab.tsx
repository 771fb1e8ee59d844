import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manager } from '../../../../shared/api/types';
import {
  EMPLOYMENT_KINDS,
  type Employment,
  MANAGER_POSTS,
  type ManagerPost,
} from '../../../../shared/domain/organisation';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { EmptyBlock } from '../../components/EmptyBlock';
import { FormModal } from '../../components/FormModal';
import { useFormat } from '../../i18n/useFormat';

type Dialog =
  | { kind: 'register' }
  | { kind: 'edit'; manager: Manager }
  | { kind: 'move'; manager: Manager }
  | { kind: 'leave'; manager: Manager };

export function ManagersTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [unitValue, setUnitValue] = useState<string | null>(null);
  const [includeInactive, setIncludeInactive] = useState(false);
  const units = useApi('units/list', { includeRetired: false });
  const managers = useApi('managers/list', {
    unitId: unitValue === null ? null : Number(unitValue),
    includeInactive,
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [changesVersion, setChangesVersion] = useState(0);
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));

  const saved = () => {
    managers.reload();
    units.reload();
    setChangesVersion((v) => v + 1);
  };

  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-end" mb="sm">
          <Group align="flex-end" gap="md">
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
          </Group>
          <Button onClick={() => setDialog({ kind: 'register' })} data-testid="manager-register">
            {t('managers.register')}
          </Button>
        </Group>
        <ApiView state={managers}>
          {(list) =>
            list.length === 0 ? (
              <EmptyBlock description={t('managers.empty')} />
            ) : (
              <Paper withBorder className="kam-table-box">
                <Table
                  stickyHeader
                  stickyHeaderOffset={0}
                  striped
                  highlightOnHover
                  aria-label={t('managers.tableLabel')}
                  data-testid="managers-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('managers.columns.name')}</Table.Th>
                      <Table.Th>{t('managers.columns.unit')}</Table.Th>
                      <Table.Th>{t('managers.columns.post')}</Table.Th>
                      <Table.Th>{t('managers.columns.employment')}</Table.Th>
                      <Table.Th>{t('managers.columns.phone')}</Table.Th>
                      <Table.Th>{t('managers.columns.startedOn')}</Table.Th>
                      <Table.Th>{t('managers.columns.status')}</Table.Th>
                      <Table.Th w={60}>
                        <span className="kam-visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((m) => (
                      <Table.Tr
                        key={m.id}
                        data-testid="manager-row"
                        className={m.active ? undefined : 'kam-row-retired'}
                      >
                        <Table.Td fw={600}>{m.name}</Table.Td>
                        <Table.Td>{m.unitName}</Table.Td>
                        <Table.Td>{t(`managerPost.${m.post}`)}</Table.Td>
                        <Table.Td>{t(`employment.${m.employment}`)}</Table.Td>
                        <Table.Td ff="monospace">{m.phone ?? ''}</Table.Td>
                        <Table.Td>{f.date(m.startedOn, 'iso')}</Table.Td>
                        <Table.Td>
                          {m.active ? (
                            t('managers.activeStatus')
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('managers.leftOn', { date: f.date(m.leftOn, 'iso') })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {m.active && (
                            <Menu position="bottom-end" withinPortal>
                              <Menu.Target>
                                <ActionIcon variant="subtle" aria-label={t('managers.actionsFor', { name: m.name })}>
                                  <span aria-hidden="true">⋯</span>
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item onClick={() => setDialog({ kind: 'edit', manager: m })}>
                                  {t('managers.edit')}
                                </Menu.Item>
                                <Menu.Item onClick={() => setDialog({ kind: 'move', manager: m })}>
                                  {t('managers.move')}
                                </Menu.Item>
                                <Menu.Item color="red" onClick={() => setDialog({ kind: 'leave', manager: m })}>
                                  {t('managers.leave')}
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )
          }
        </ApiView>
      </div>

      <ChangeRegister version={changesVersion} />

      {(dialog?.kind === 'register' || dialog?.kind === 'edit') && (
        <ManagerFormModal
          manager={dialog.kind === 'edit' ? dialog.manager : null}
          unitOptions={unitOptions}
          defaultUnit={unitValue}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'move' && (
        <ManagerMoveModal
          manager={dialog.manager}
          unitOptions={unitOptions.filter((o) => o.value !== String(dialog.manager.unitId))}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'leave' && (
        <ManagerLeaveModal manager={dialog.manager} onClose={() => setDialog(null)} onSaved={saved} />
      )}
    </Stack>
  );
}

/** R30: the month's changes, with due date (the 25th) and a red 逾期 badge when late. */
function ChangeRegister({ version }: { version: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const [month, setMonth] = useState<string | null>(`${today.slice(0, 7)}-01`);
  const monthKey = month ? month.slice(0, 7) : null;
  const changes = useApi('managers/changes', { managerId: null, month: monthKey });
  const reloadChanges = changes.reload;
  useEffect(() => {
    if (version > 0) reloadChanges();
  }, [version, reloadChanges]);

  return (
    <div>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4">
          {t('managers.changes.title')}
        </Title>
        <MonthPickerInput
          label={t('managers.changes.month')}
          value={month}
          onChange={setMonth}
          valueFormat={t('managers.changes.monthFormat')}
          w={180}
          data-testid="changes-month"
        />
      </Group>
      <ApiView state={changes}>
        {(list) =>
          list.length === 0 ? (
            <EmptyBlock description={t('managers.changes.empty')} />
          ) : (
            <Paper withBorder>
              <Table stickyHeader striped aria-label={t('managers.changes.tableLabel')} data-testid="changes-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('managers.changes.columns.effectiveOn')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.manager')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.kind')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.summary')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.recordedAt')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.dueOn')}</Table.Th>
                    <Table.Th>{t('managers.changes.columns.late')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((c) => (
                    <Table.Tr key={c.id} data-testid="change-row" data-late={c.late || undefined}>
                      <Table.Td>{f.date(c.effectiveOn, 'iso')}</Table.Td>
                      <Table.Td fw={600}>{c.managerName}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={c.kind === 'leave' ? 'gray' : c.kind === 'move' ? 'blue' : 'postal'}
                        >
                          {t(`changeKind.${c.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{c.summary}</Table.Td>
                      <Table.Td>{f.dateTime(c.recordedAt)}</Table.Td>
                      <Table.Td>{f.date(c.dueOn, 'iso')}</Table.Td>
                      <Table.Td>
                        {c.late ? (
                          <Badge color="red" variant="filled" data-testid="change-late">
                            {t('managers.changes.late')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('managers.changes.onTime')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
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
  onSaved: () => void;
}

function ManagerFormModal({
  manager,
  unitOptions,
  defaultUnit,
  onClose,
  onSaved,
}: DialogProps & { manager: Manager | null; unitOptions: Option[]; defaultUnit: string | null }) {
  const { t } = useTranslation();
  const today = useToday();
  const [name, setName] = useState(manager?.name ?? '');
  const [unitId, setUnitId] = useState<string | null>(manager ? String(manager.unitId) : defaultUnit);
  const [post, setPost] = useState<ManagerPost | null>(manager?.post ?? 'account_manager');
  const [employment, setEmployment] = useState<Employment>(manager?.employment ?? 'full_time');
  const [phone, setPhone] = useState(manager?.phone ?? '');
  const [effectiveOn, setEffectiveOn] = useState<string | null>(today);
  const submit = useSubmit(['name', 'unitId', 'post', 'employment', 'phone', 'effectiveOn']);

  const save = async () => {
    if (!manager && unitId === null) {
      submit.setFieldError('unitId', t('managers.form.unitRequired'));
      return;
    }
    const common = {
      name,
      post: (post ?? '') as ManagerPost,
      employment,
      phone,
      effectiveOn: effectiveOn ?? '',
    };
    const saved = await submit.run(() =>
      manager
        ? api.call('managers/update', { ...common, id: manager.id })
        : api.call('managers/register', { ...common, unitId: unitId === null ? 0 : Number(unitId) }),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: manager ? t('managers.form.updated') : t('managers.form.registered'),
      message: `${saved.name} · ${saved.unitName}`,
    });
    onClose();
    onSaved();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={manager ? t('managers.form.editTitle') : t('managers.form.registerTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      submitLabel={manager ? undefined : t('managers.form.submitRegister')}
      size="lg"
      testId="manager-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('managers.form.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={submit.fieldErrors.name}
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
            value={unitId}
            onChange={setUnitId}
            error={submit.fieldErrors.unitId}
            searchable
            withAsterisk
          />
        )}
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('managers.form.post')}
          data={MANAGER_POSTS.map((p) => ({ value: p, label: t(`managerPost.${p}`) }))}
          value={post}
          onChange={(v) => setPost(v as ManagerPost | null)}
          error={submit.fieldErrors.post}
          allowDeselect={false}
          withAsterisk
        />
        <TextInput
          label={t('managers.form.phone')}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={submit.fieldErrors.phone}
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
          value={employment}
          onChange={(v) => setEmployment(v as Employment)}
        />
      </div>
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        value={effectiveOn}
        onChange={setEffectiveOn}
        error={submit.fieldErrors.effectiveOn}
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
  onSaved,
}: DialogProps & { manager: Manager; unitOptions: Option[] }) {
  const { t } = useTranslation();
  const today = useToday();
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(today);
  const submit = useSubmit(['toUnitId', 'effectiveOn']);
  const save = async () => {
    if (toUnitId === null) {
      submit.setFieldError('toUnitId', t('managers.form.unitRequired'));
      return;
    }
    const saved = await submit.run(() =>
      api.call('managers/move', {
        id: manager.id,
        toUnitId: toUnitId === null ? 0 : Number(toUnitId),
        effectiveOn: effectiveOn ?? '',
      }),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('managers.form.moved'),
      message: `${saved.name} → ${saved.unitName}`,
    });
    onClose();
    onSaved();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('managers.form.moveTitle')}
      submitting={submit.submitting}
      error={submit.error}
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
        value={toUnitId}
        onChange={setToUnitId}
        error={submit.fieldErrors.toUnitId}
        searchable
        withAsterisk
        data-autofocus
      />
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        value={effectiveOn}
        onChange={setEffectiveOn}
        error={submit.fieldErrors.effectiveOn}
        withAsterisk
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </FormModal>
  );
}

function ManagerLeaveModal({ manager, onClose, onSaved }: DialogProps & { manager: Manager }) {
  const { t } = useTranslation();
  const today = useToday();
  const [effectiveOn, setEffectiveOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const submit = useSubmit(['effectiveOn', 'reason']);
  const save = async () => {
    const saved = await submit.run(() =>
      api.call('managers/leave', { id: manager.id, effectiveOn: effectiveOn ?? '', reason }),
    );
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('managers.form.left'), message: saved.name });
    onClose();
    onSaved();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('managers.form.leaveTitle')}
      submitLabel={t('managers.leave')}
      submitColor="red"
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      testId="manager-leave-form"
    >
      <Text size="sm" fw={600}>
        {manager.name} · {manager.unitName}
      </Text>
      <DateField
        label={t('managers.form.effectiveOn')}
        description={t('managers.form.effectiveHint')}
        value={effectiveOn}
        onChange={setEffectiveOn}
        error={submit.fieldErrors.effectiveOn}
        withAsterisk
        data-autofocus
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput
        label={t('managers.form.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={submit.fieldErrors.reason}
        withAsterisk
        maxLength={200}
        autoComplete="off"
      />
    </FormModal>
  );
}
