/**
 * The registrations by state (待预审 … 全部) and unit; for approved ones the ownership clock
 * (R19c) as a filter and a column. 新建申报 opens the form; a row opens the registration.
 */
import { Anchor, Button, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnershipClockView, RegistrationRow } from '../../../../shared/api/registration-types';
import { REGISTRATION_STATES, type RegistrationState } from '../../../../shared/domain/registration/states';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf, navigate } from '../../router/useRoute';
import { ClockText, StateBadge } from './badges';
import { RegistrationFormModal } from './RegistrationFormModal';

type ClockState = OwnershipClockView['state'];
const CLOCK_STATES: readonly ClockState[] = ['running', 'warning', 'lapsed', 'confirmed'];

export function RegistrationListTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [state, setState] = useState<RegistrationState | 'all'>('all');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [clock, setClock] = useState<ClockState | 'all'>('all');
  const [adding, setAdding] = useState(false);
  const units = useApiQuery('units/list', { includeRetired: false });
  const list = useApiQuery('registrations/list', {
    state: state === 'all' ? null : state,
    unitId: unitId === null ? null : Number(unitId),
    clock: state === 'approved' && clock !== 'all' ? clock : null,
  });
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const unitName = (code: string | null) =>
    code === null ? t('registrations.noPreReview') : (units.data?.find((u) => u.code === code)?.name ?? code);

  const filters = [
    ...(state === 'all' ? [] : [t('registrations.filterState', { name: t(`registrations.state.${state}`) })]),
    ...(unitId ? [t('registrations.filterUnit', { name: unitOptions.find((o) => o.value === unitId)?.label })] : []),
    ...(state === 'approved' && clock !== 'all'
      ? [t('registrations.filterClock', { name: t(`registrations.clock.${clock}`) })]
      : []),
  ];

  const columns: ListColumn<RegistrationRow>[] = [
    { key: 'id', title: t('registrations.columns.id'), width: 76, sortable: true, format: 'count' },
    { key: 'name', title: t('registrations.columns.name'), sortable: true },
    { key: 'unitName', title: t('registrations.columns.unit'), width: 124, sortable: true },
    {
      key: 'state',
      title: t('registrations.columns.state'),
      width: 100,
      value: (r) => t(`registrations.state.${r.state}`),
      render: (r) => <StateBadge state={r.state} />,
      sortable: true,
    },
    {
      key: 'registeredOn',
      title: t('registrations.columns.registeredOn'),
      width: 130,
      value: (r) => r.registeredOn,
      render: (r) => f.date(r.registeredOn),
      sortable: true,
    },
    {
      key: 'preReviewUnit',
      title: t('registrations.columns.preReviewUnit'),
      width: 124,
      value: (r) => unitName(r.preReviewUnit),
    },
    {
      key: 'customerId',
      title: t('registrations.columns.customerId'),
      width: 160,
      value: (r) => r.customerId ?? '',
      render: (r) =>
        r.customerId && r.state === 'approved' ? (
          <Anchor
            href={hrefOf({ name: 'customer', id: r.customerId })}
            onClick={(e) => e.stopPropagation()}
            data-testid="registration-customer-link"
          >
            <CustomerIdText id={r.customerId} size="sm" />
          </Anchor>
        ) : r.customerId ? (
          <CustomerIdText id={r.customerId} size="sm" />
        ) : null,
    },
    {
      key: 'clock',
      title: t('registrations.columns.clock'),
      width: 196,
      value: (r) => (r.clock ? `${t(`registrations.clock.${r.clock.state}`)} ${r.clock.lapsesOn}` : ''),
      render: (r) => <ClockText clock={r.clock} />,
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <SegmentedControl
            aria-label={t('registrations.stateFilter')}
            value={state}
            onChange={(v) => setState(v as RegistrationState | 'all')}
            data={[
              ...REGISTRATION_STATES.map((s) => ({ value: s, label: t(`registrations.state.${s}`) })),
              { value: 'all', label: t('registrations.state.all') },
            ]}
            data-testid="registrations-state"
          />
          <Select
            aria-label={t('registrations.unit')}
            placeholder={t('registrations.allUnits')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            clearable
            searchable
            w={220}
            data-testid="registrations-unit"
          />
          {state === 'approved' && (
            <SegmentedControl
              aria-label={t('registrations.clockFilter')}
              value={clock}
              onChange={(v) => setClock(v as ClockState | 'all')}
              data={[
                { value: 'all', label: t('registrations.clock.all') },
                ...CLOCK_STATES.map((c) => ({ value: c, label: t(`registrations.clock.${c}`) })),
              ]}
              data-testid="registrations-clock"
            />
          )}
        </Group>
        <Button onClick={() => setAdding(true)} data-testid="registration-add">
          {t('registrations.add')}
        </Button>
      </Group>
      <ApiView state={list}>
        {(rows) => (
          <ListTable
            id="registrations"
            title={t('registrations.tableLabel')}
            records={rows}
            columns={columns}
            rowKey={(r) => r.id}
            filters={filters}
            onClearFilters={
              filters.length > 0
                ? () => {
                    setState('all');
                    setUnitId(null);
                    setClock('all');
                  }
                : undefined
            }
            emptyText={t('registrations.empty')}
            emptyAction={
              <Button variant="light" onClick={() => setAdding(true)}>
                {t('registrations.add')}
              </Button>
            }
            onRowClick={(r) => navigate({ name: 'registrations', tab: 'list', id: r.id })}
            rowAttributes={(r) => ({ 'data-state': r.state, 'data-id': r.id })}
            maxHeight="58vh"
            testId="registrations-table"
            ariaLabel={t('registrations.tableLabel')}
          />
        )}
      </ApiView>
      {adding && <RegistrationFormModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}
