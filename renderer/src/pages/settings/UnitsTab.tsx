import {
  Badge,
  Button,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsCreate, unitsRename, unitsRetire, unitsSetMinimum } from '../../../../shared/api/schemas';
import type { UnitView } from '../../../../shared/api/types';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/organisation';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { RowMenu, useActionsColumn } from '../../components/list/RowMenu';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useFormat } from '../../i18n/useFormat';
import { CentreEstablishmentCard } from './CentreEstablishmentCard';
import { LineBureausCard } from './LineBureausCard';
import { treeOrder } from './unit-tree';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; unit: UnitView }
  | { kind: 'minimum'; unit: UnitView }
  | { kind: 'retire'; unit: UnitView };

/** A unit in tree order (R2–R3: the centre, its branches, their sub-units) with its depth. */
interface Row {
  unit: UnitView;
  depth: number;
}

export function UnitsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [includeRetired, setIncludeRetired] = useState(false);
  const units = useApiQuery('units/list', { includeRetired });
  const areas = useApiQuery('areas/list', {});
  const reinstate = useApiMutation('units/reinstate');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const areaNames = useMemo(() => new Map((areas.data ?? []).map((a) => [a.code, a.name])), [areas.data]);
  const rows = useMemo(() => treeOrder(units.data ?? []), [units.data]);

  const confirmReinstate = (unit: UnitView) =>
    modals.openConfirmModal({
      title: t('units.form.reinstateTitle'),
      children: <Text size="sm">{t('units.form.reinstateText', { name: unit.name })}</Text>,
      labels: { confirm: t('units.reinstate'), cancel: t('common.cancel') },
      closeButtonProps: { 'aria-label': t('common.close') },
      onConfirm: () => {
        reinstate.mutateAsync({ id: unit.id }).then(
          () => notifications.show({ color: 'postal', title: t('units.form.reinstated'), message: unit.name }),
          (e: unknown) =>
            notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message }),
        );
      },
    });

  const areaOf = (u: UnitView) => (u.areaCode ? `${u.areaCode} ${areaNames.get(u.areaCode) ?? ''}`.trim() : null);
  const actions = useActionsColumn();
  const columns: ListColumn<Row>[] = [
    {
      key: 'name',
      title: t('units.columns.name'),
      toggleable: false,
      value: ({ unit }) => unit.name,
      // The indentation shows the tree (R2–R3); the export carries the name alone.
      render: ({ unit, depth }) => (
        <Text size="sm" fw={depth <= 1 ? 600 : 400} pl={depth * 20}>
          {depth > 0 && (
            <Text span c="dimmed" aria-hidden="true">
              └{' '}
            </Text>
          )}
          {unit.name}
        </Text>
      ),
    },
    {
      key: 'code',
      title: t('units.columns.code'),
      width: 90,
      value: ({ unit }) => unit.code,
      render: ({ unit }) => (
        <Text ff="monospace" size="sm">
          {unit.code}
        </Text>
      ),
    },
    { key: 'kind', title: t('units.columns.kind'), width: 150, value: ({ unit }) => t(`unitKind.${unit.kind}`) },
    {
      key: 'area',
      title: t('units.columns.area'),
      width: 200,
      noWrap: true,
      value: ({ unit }) => areaOf(unit),
      render: ({ unit }) =>
        unit.areaCode ? (
          <>
            <Text span ff="monospace" size="sm">
              {unit.areaCode}
            </Text>{' '}
            {areaNames.get(unit.areaCode) ?? ''}
          </>
        ) : (
          ''
        ),
    },
    {
      key: 'managers',
      title: t('units.columns.managers'),
      width: 210,
      // R4: the staffing gap travels with the count into the export. The city centre has an
      // establishment of account managers, not a minimum: in post against establishment, no gap.
      value: ({ unit }) =>
        unit.staffing.mode === 'establishment'
          ? `${unit.accountManagers} / ${t('units.establishment', { planned: establishedManagers(unit) })}`
          : `${unit.accountManagers} / ${unit.minManagers}${unit.staffingGap > 0 ? ` ${t('units.gap', { count: unit.staffingGap })}` : ''}`,
      render: ({ unit }) =>
        unit.staffing.mode === 'establishment' ? (
          <Tooltip label={t('units.establishmentHint')} multiline w={260}>
            <Text size="sm" data-testid="staffing-establishment">
              {unit.accountManagers} /{' '}
              <Text span c="dimmed" size="sm">
                {t('units.establishment', { planned: establishedManagers(unit) })}
              </Text>
            </Text>
          </Tooltip>
        ) : (
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
        ),
    },
    {
      key: 'customers',
      title: t('units.columns.customers'),
      width: 80,
      format: 'count',
      value: ({ unit }) => unit.customerCount,
    },
    {
      key: 'status',
      title: t('units.columns.status'),
      width: 140,
      value: ({ unit }) =>
        unit.retiredOn !== null ? t('units.retiredOn', { date: f.date(unit.retiredOn) }) : t('units.active'),
      render: ({ unit }) =>
        unit.retiredOn !== null ? (
          <Text size="sm" c="dimmed">
            {t('units.retiredOn', { date: f.date(unit.retiredOn) })}
          </Text>
        ) : (
          <Text size="sm">{t('units.active')}</Text>
        ),
    },
    actions<Row>(({ unit }) => {
      const retired = unit.retiredOn !== null;
      return (
        <RowMenu label={t('units.actionsFor', { name: unit.name })}>
          <Menu.Item onClick={() => setDialog({ kind: 'rename', unit })}>{t('units.rename')}</Menu.Item>
          {!retired && unit.staffing.mode === 'minimum' && (
            <Menu.Item onClick={() => setDialog({ kind: 'minimum', unit })}>{t('units.setMinimum')}</Menu.Item>
          )}
          {retired ? (
            <Menu.Item onClick={() => confirmReinstate(unit)}>{t('units.reinstate')}</Menu.Item>
          ) : (
            <Menu.Item color="red" onClick={() => setDialog({ kind: 'retire', unit })}>
              {t('units.retire')}
            </Menu.Item>
          )}
        </RowMenu>
      );
    }, 60),
  ];

  const centre = (units.data ?? []).find((u) => u.kind === 'centre' && u.retiredOn === null);
  return (
    <Stack gap="md">
      <ApiView state={units}>
        {() => (
          <ListTable
            id="units"
            title={t('units.tableLabel')}
            records={rows}
            columns={columns}
            rowKey={({ unit }) => unit.id}
            filters={includeRetired ? [t('units.showRetired')] : []}
            emptyText={t('units.empty')}
            rowAttributes={({ unit }) => ({
              'data-testid': 'unit-row',
              'data-retired': unit.retiredOn !== null || undefined,
            })}
            rowClassName={({ unit }) => (unit.retiredOn !== null ? 'kam-row-retired' : undefined)}
            maxHeight="calc(100vh - 240px)"
            testId="units-table"
            toolbar={
              <>
                <Switch
                  label={t('units.showRetired')}
                  checked={includeRetired}
                  onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
                  data-testid="units-show-retired"
                  mb={8}
                />
                <Button onClick={() => setDialog({ kind: 'create' })} data-testid="unit-add">
                  {t('units.add')}
                </Button>
              </>
            }
          />
        )}
      </ApiView>
      {units.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <LineBureausCard units={units.data} />
          {centre && <CentreEstablishmentCard centre={centre} />}
        </SimpleGrid>
      )}
      {dialog?.kind === 'create' && <UnitCreateModal units={units.data ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <UnitRenameModal unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'minimum' && <UnitMinimumModal unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'retire' && <UnitRetireModal unit={dialog.unit} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** R4: the account managers of the city centre's establishment. */
function establishedManagers(unit: UnitView): number {
  if (unit.staffing.mode !== 'establishment') return 0;
  return unit.staffing.posts.find((p) => p.post === 'account_manager')?.planned ?? 0;
}

interface DialogProps {
  onClose: () => void;
}

function UnitCreateModal({ units, onClose }: DialogProps & { units: UnitView[] }) {
  const { t } = useTranslation();
  const areas = useApiQuery('areas/list', {});
  const create = useApiMutation('units/create');
  const centre = units.find((u) => u.kind === 'centre' && u.retiredOn === null);
  const form = useSchemaForm({
    initialValues: {
      code: '',
      name: '',
      kind: null as UnitKind | null,
      parentId: centre ? String(centre.id) : (null as string | null),
      areaCode: null as string | null,
      minManagers: '' as string | number,
    },
    schema: unitsCreate,
    toInput: (v) => ({
      code: v.code,
      name: v.name,
      // An unchosen kind is sent as it is, so the schema names the missing field.
      kind: (v.kind ?? '') as UnitKind,
      parentId: v.parentId === null ? null : Number(v.parentId),
      areaCode: v.areaCode,
      // Empty: the unit kind's default minimum (R4).
      minManagers: typeof v.minManagers === 'number' ? v.minManagers : null,
    }),
  });
  const kind = form.form.getValues().kind;

  const save = async () => {
    const saved = await form.submit((input) => create.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.created'), message: `${saved.code} ${saved.name}` });
    onClose();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.createTitle')}
      form={form}
      onSubmit={() => void save()}
      size="lg"
      testId="unit-create-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('units.form.code')}
          description={t('units.form.codeHint')}
          {...form.form.getInputProps('code')}
          withAsterisk
          data-autofocus
          classNames={{ input: 'kam-mono-input' }}
          maxLength={12}
          autoComplete="off"
        />
        <TextInput
          label={t('units.form.name')}
          {...form.form.getInputProps('name')}
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
          {...form.form.getInputProps('kind')}
          withAsterisk
        />
        <Select
          label={t('units.form.parent')}
          placeholder={t('units.form.parentNone')}
          data={units.filter((u) => u.retiredOn === null).map((u) => ({ value: String(u.id), label: u.name }))}
          {...form.form.getInputProps('parentId')}
          searchable
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('units.form.area')}
          placeholder={t('units.form.areaNone')}
          data={(areas.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          {...form.form.getInputProps('areaCode')}
          searchable
          clearable
        />
        <NumberInput
          label={t('units.form.minManagers')}
          description={t('units.form.minManagersHint')}
          {...form.form.getInputProps('minManagers')}
          min={0}
          max={99}
          allowDecimal={false}
          allowNegative={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </Group>
      {kind === 'professional' && (
        <Text size="sm" c="dimmed">
          {t('units.form.linesHint')}
        </Text>
      )}
    </FormModal>
  );
}

function UnitRenameModal({ unit, onClose }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const rename = useApiMutation('units/rename');
  const form = useSchemaForm({
    initialValues: { name: unit.name },
    schema: unitsRename,
    toInput: (v) => ({ id: unit.id, name: v.name }),
  });
  const save = async () => {
    const saved = await form.submit((input) => rename.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.renamed'), message: saved.name });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.renameTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="unit-rename-form"
    >
      <TextInput
        label={t('units.form.name')}
        {...form.form.getInputProps('name')}
        withAsterisk
        data-autofocus
        maxLength={40}
        autoComplete="off"
      />
    </FormModal>
  );
}

function UnitMinimumModal({ unit, onClose }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const setMinimum = useApiMutation('units/set-minimum');
  const form = useSchemaForm({
    initialValues: { minManagers: unit.minManagers as string | number },
    schema: unitsSetMinimum,
    // An emptied field is sent as NaN so the schema refuses it on the field.
    toInput: (v) => ({ id: unit.id, minManagers: typeof v.minManagers === 'number' ? v.minManagers : Number.NaN }),
  });
  const save = async () => {
    const saved = await form.submit((input) => setMinimum.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('units.form.minimumSet'),
      message: t('units.form.minimumMessage', { name: saved.name, count: saved.minManagers }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.minimumTitle')}
      form={form}
      onSubmit={() => void save()}
      size="sm"
      testId="unit-minimum-form"
    >
      <Text size="sm" fw={600}>
        {unit.name}
      </Text>
      <NumberInput
        label={t('units.form.minManagers')}
        {...form.form.getInputProps('minManagers')}
        min={0}
        max={99}
        allowDecimal={false}
        allowNegative={false}
        data-autofocus
      />
    </FormModal>
  );
}

function UnitRetireModal({ unit, onClose }: DialogProps & { unit: UnitView }) {
  const { t } = useTranslation();
  const today = useToday();
  const retire = useApiMutation('units/retire');
  const form = useSchemaForm({
    initialValues: { retiredOn: today as string | null },
    schema: unitsRetire,
    toInput: (v) => ({ id: unit.id, retiredOn: v.retiredOn ?? '' }),
  });
  const save = async () => {
    const saved = await form.submit((input) => retire.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('units.form.retired'), message: saved.name });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('units.form.retireTitle')}
      submitLabel={t('units.retire')}
      submitColor="red"
      form={form}
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
        {...form.form.getInputProps('retiredOn')}
        withAsterisk
        data-autofocus
      />
    </FormModal>
  );
}
