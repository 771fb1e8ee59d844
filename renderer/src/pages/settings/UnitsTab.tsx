import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../../shared/api/types';
import { PRODUCT_LINES, type ProductLine } from '../../../../shared/domain/lines';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/organisation';
import { api, toApiCallError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { EmptyBlock } from '../../components/EmptyBlock';
import { FormModal } from '../../components/FormModal';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { treeOrder } from './unit-tree';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; unit: UnitView }
  | { kind: 'minimum'; unit: UnitView }
  | { kind: 'retire'; unit: UnitView };

export function UnitsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [includeRetired, setIncludeRetired] = useState(false);
  const units = useApi('units/list', { includeRetired });
  const areas = useApi('areas/list', {});
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const areaNames = useMemo(() => new Map((areas.data ?? []).map((a) => [a.code, a.name])), [areas.data]);

  const reinstate = (unit: UnitView) =>
    modals.openConfirmModal({
      title: t('units.form.reinstateTitle'),
      children: <Text size="sm">{t('units.form.reinstateText', { name: unit.name })}</Text>,
      labels: { confirm: t('units.reinstate'), cancel: t('common.cancel') },
      closeButtonProps: { 'aria-label': t('common.close') },
      onConfirm: () => {
        api.call('units/reinstate', { id: unit.id }).then(
          () => {
            notifications.show({ color: 'postal', title: t('units.form.reinstated'), message: unit.name });
            units.reload();
          },
          (e: unknown) =>
            notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message }),
        );
      },
    });

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Switch
          label={t('units.showRetired')}
          checked={includeRetired}
          onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
          data-testid="units-show-retired"
        />
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="unit-add">
          {t('units.add')}
        </Button>
      </Group>
      <ApiView state={units}>
        {(list) =>
          list.length === 0 ? (
            <EmptyBlock description={t('units.empty')} />
          ) : (
            <Paper withBorder>
              <Table stickyHeader highlightOnHover aria-label={t('units.tableLabel')} data-testid="units-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('units.columns.name')}</Table.Th>
                    <Table.Th w={90}>{t('units.columns.code')}</Table.Th>
                    <Table.Th w={150}>{t('units.columns.kind')}</Table.Th>
                    <Table.Th w={200}>{t('units.columns.area')}</Table.Th>
                    <Table.Th w={210}>{t('units.columns.managers')}</Table.Th>
                    <Table.Th w={80} ta="right">
                      {t('units.columns.customers')}
                    </Table.Th>
                    <Table.Th w={140}>{t('units.columns.status')}</Table.Th>
                    <Table.Th w={60}>
                      <span className="kam-visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {treeOrder(list).map(({ unit, depth }) => {
                    const retired = unit.retiredOn !== null;
                    return (
                      <Table.Tr
                        key={unit.id}
                        data-testid="unit-row"
                        data-retired={retired || undefined}
                        className={retired ? 'kam-row-retired' : undefined}
                      >
                        <Table.Td>
                          <Text size="sm" fw={depth <= 1 ? 600 : 400} pl={depth * 20}>
                            {depth > 0 && (
                              <Text span c="dimmed" aria-hidden="true">
                                └{' '}
                              </Text>
                            )}
                            {unit.name}
                          </Text>
                        </Table.Td>
                        <Table.Td ff="monospace">{unit.code}</Table.Td>
                        <Table.Td>{t(`unitKind.${unit.kind}`)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {unit.areaCode ? (
                            <>
                              <Text span ff="monospace" size="sm">
                                {unit.areaCode}
                              </Text>{' '}
                              {areaNames.get(unit.areaCode) ?? ''}
                            </>
                          ) : (
                            ''
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">
                              {unit.accountManagers} / {unit.minManagers}
                            </Text>
                            {unit.staffingGap > 0 && (
                              <Badge color="red" variant="filled" size="sm" data-testid="staffing-gap">
                                {t('units.gap', { count: unit.staffingGap })}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right">{formatCount(unit.customerCount)}</Table.Td>
                        <Table.Td>
                          {retired ? (
                            <Text size="sm" c="dimmed">
                              {t('units.retiredOn', { date: f.date(unit.retiredOn) })}
                            </Text>
                          ) : (
                            <Text size="sm">{t('units.active')}</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" aria-label={t('units.actionsFor', { name: unit.name })}>
                                <span aria-hidden="true">⋯</span>
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setDialog({ kind: 'rename', unit })}>
                                {t('units.rename')}
                              </Menu.Item>
                              {!retired && (
                                <Menu.Item onClick={() => setDialog({ kind: 'minimum', unit })}>
                                  {t('units.setMinimum')}
                                </Menu.Item>
                              )}
                              {retired ? (
                                <Menu.Item onClick={() => reinstate(unit)}>{t('units.reinstate')}</Menu.Item>
                              ) : (
                                <Menu.Item color="red" onClick={() => setDialog({ kind: 'retire', unit })}>
                                  {t('units.retire')}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </ApiView>
      {dialog?.kind === 'create' && (
        <UnitCreateModal units={units.data ?? []} onClose={() => setDialog(null)} onSaved={units.reload} />
      )}
      {dialog?.kind === 'rename' && (
        <UnitRenameModal unit={dialog.unit} onClose={() => setDialog(null)} onSaved={units.reload} />
      )}
      {dialog?.kind === 'minimum' && (
        <UnitMinimumModal unit={dialog.unit} onClose={() => setDialog(null)} onSaved={units.reload} />
      )}
      {dialog?.kind === 'retire' && (
        <UnitRetireModal unit={dialog.unit} onClose={() => setDialog(null)} onSaved={units.reload} />
      )}
    </>
  );
}

interface DialogProps {
  onClose: () => void;
  onSaved: () => void;
}

function UnitCreateModal({ units, onClose, onSaved }: DialogProps & { units: UnitView[] }) {
  const { t } = useTranslation();
  const areas = useApi('areas/list', {});
  const centre = units.find((u) => u.kind === 'centre' && u.retiredOn === null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [parentId, setParentId] = useState<string | null>(centre ? String(centre.id) : null);
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [mainLine, setMainLine] = useState<ProductLine | null>(null);
  const [minManagers, setMinManagers] = useState<string | number>('');
  const submit = useSubmit(['code', 'name', 'kind', 'parentId', 'areaCode', 'mainLine', 'minManagers']);

  const save = async () => {
    const saved = await submit.run(() =>
      api.call('units/create', {
        code,
        name,
        // An unchosen kind is sent as it is, so the backend names the missing field.
        kind: (kind ?? '') as UnitKind,
        parentId: parentId === null ? null : Number(parentId),
        areaCode,
        mainLine: kind === 'professional' ? mainLine : null,
        minManagers: typeof minManagers === 'number' ? minManagers : null,
      }),
    );
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.created'), message: `${saved.code} ${saved.name}` });
    onClose();
    onSaved();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.createTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      size="lg"
      testId="unit-create-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('units.form.code')}
          description={t('units.form.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={submit.fieldErrors.code}
          withAsterisk
          data-autofocus
          classNames={{ input: 'kam-mono-input' }}
          maxLength={12}
          autoComplete="off"
        />
        <TextInput
          label={t('units.form.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={submit.fieldErrors.name}
          withAsterisk
          maxLength={40}
          autoComplete="off"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('units.form.kind')}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as UnitKind | null)}
          error={submit.fieldErrors.kind}
          withAsterisk
        />
        <Select
          label={t('units.form.parent')}
          placeholder={t('units.form.parentNone')}
          data={units.filter((u) => u.retiredOn === null).map((u) => ({ value: String(u.id), label: u.name }))}
          value={parentId}
          onChange={setParentId}
          error={submit.fieldErrors.parentId}
          searchable
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('units.form.area')}
          placeholder={t('units.form.areaNone')}
          data={(areas.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          value={areaCode}
          onChange={setAreaCode}
          error={submit.fieldErrors.areaCode}
          searchable
          clearable
        />
        <NumberInput
          label={t('units.form.minManagers')}
          description={t('units.form.minManagersHint')}
          value={minManagers}
          onChange={setMinManagers}
          error={submit.fieldErrors.minManagers}
          min={0}
          max={99}
          allowDecimal={false}
          allowNegative={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </Group>
      {kind === 'professional' && (
        <Select
          label={t('units.form.mainLine')}
          description={t('units.form.mainLineHint')}
          data={PRODUCT_LINES.map((l) => ({ value: l, label: t(`line.${l}`) }))}
          value={mainLine}
          onChange={(v) => setMainLine(v as ProductLine | null)}
          error={submit.fieldErrors.mainLine}
          clearable
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      )}
    </FormModal>
  );
}

function UnitRenameModal({ unit, onClose, onSaved }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const submit = useSubmit(['name']);
  const save = async () => {
    const saved = await submit.run(() => api.call('units/rename', { id: unit.id, name }));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.renamed'), message: saved.name });
    onClose();
    onSaved();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.renameTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      testId="unit-rename-form"
    >
      <TextInput
        label={t('units.form.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={submit.fieldErrors.name}
        withAsterisk
        data-autofocus
        maxLength={40}
        autoComplete="off"
      />
    </FormModal>
  );
}

function UnitMinimumModal({ unit, onClose, onSaved }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | number>(unit.minManagers);
  const submit = useSubmit(['minManagers']);
  const save = async () => {
    const saved = await submit.run(() =>
      api.call('units/set-minimum', { id: unit.id, minManagers: typeof value === 'number' ? value : Number.NaN }),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('units.form.minimumSet'),
      message: t('units.form.minimumMessage', { name: saved.name, count: saved.minManagers }),
    });
    onClose();
    onSaved();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.minimumTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      size="sm"
      testId="unit-minimum-form"
    >
      <Text size="sm" fw={600}>
        {unit.name}
      </Text>
      <NumberInput
        label={t('units.form.minManagers')}
        value={value}
        onChange={setValue}
        error={submit.fieldErrors.minManagers}
        min={0}
        max={99}
        allowDecimal={false}
        allowNegative={false}
        data-autofocus
      />
    </FormModal>
  );
}

function UnitRetireModal({ unit, onClose, onSaved }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const today = useToday();
  const [date, setDate] = useState<string | null>(today);
  const submit = useSubmit(['retiredOn']);
  const save = async () => {
    const saved = await submit.run(() => api.call('units/retire', { id: unit.id, retiredOn: date ?? '' }));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.retired'), message: saved.name });
    onClose();
    onSaved();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.retireTitle')}
      submitLabel={t('units.retire')}
      submitColor="red"
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      testId="unit-retire-form"
    >
      <Text size="sm" fw={600}>
        {unit.name}
      </Text>
      <Text size="sm" c="dimmed">
        {t('units.form.retireText')}
      </Text>
      <DateField
        label={t('units.form.retiredOn')}
        value={date}
        onChange={setDate}
        error={submit.fieldErrors.retiredOn}
        withAsterisk
        data-autofocus
      />
    </FormModal>
  );
}
