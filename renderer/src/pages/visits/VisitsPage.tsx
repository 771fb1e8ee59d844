/**
 * 拜访 (R23): the month's obligations (each key customer's manager visits due and held, by the
 * tier in force), the visit records with 登记拜访 and 记录结果, completion rates by manager, unit
 * and tier (month or year to date; a bar opens its customers) and the year's leader-led visits.
 * `customerId` narrows the page to one customer (the work list's visits_short). visits/*.
 */
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitObligationRow, VisitView } from '../../../../shared/api/types-visits';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { MonthField } from '../../components/PeriodPickers';
import { TierBadge } from '../../components/TierBadge';
import { hrefOf } from '../../router/useRoute';
import { percent } from './CompletionChart';
import { type CompletionChoice, CompletionPanel } from './CompletionPanel';
import { CustomerCell } from './CustomerCell';
import { LeadersPanel } from './LeadersPanel';
import { VisitFormModal } from './VisitFormModal';
import { VisitList } from './VisitList';
import { VisitRecordModal } from './VisitRecordModal';

type Tab = 'obligations' | 'records' | 'completion' | 'leaders';

export function VisitsPage({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const today = useToday();
  const [period, setPeriod] = useState(today.slice(0, 7));
  const [tab, setTab] = useState<Tab>('obligations');
  const [completion, setCompletion] = useState<CompletionChoice>({ span: 'month', by: 'manager' });
  // undefined: closed; null: open, the customer to choose.
  const [adding, setAdding] = useState<{ id: string; name: string; managerId?: number } | null | undefined>(undefined);
  const [recording, setRecording] = useState<VisitView | null>(null);
  const customer = useApiQuery('customers/get', customerId === null ? null : { id: customerId });
  const named = customerId !== null && customer.data ? { id: customerId, name: customer.data.name } : null;

  return (
    <Stack gap="sm">
      <PageHeader title={t('visits.title')}>
        <Button onClick={() => setAdding(named)} data-testid="visit-add">
          {t('visits.add')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={960}>
        {t('visits.intro')}
      </Text>
      <Group gap="md" align="flex-end">
        <MonthField label={t('visits.month')} value={period} onChange={setPeriod} testId="visits-period" />
        {named && (
          <Group gap="xs" pb={6} data-testid="visits-customer-filter">
            <Badge variant="light" size="lg" style={{ textTransform: 'none' }}>
              {t('visits.filters.customer', { name: named.name })}
            </Badge>
            <Anchor size="sm" href={hrefOf({ name: 'visits', customerId: null })} data-testid="visits-clear-customer">
              {t('visits.filters.clearCustomer')}
            </Anchor>
          </Group>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'obligations')} keepMounted={false}>
        <Tabs.List>
          {(['obligations', 'records', 'completion', 'leaders'] as const).map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`visits-tab-${k}`}>
              {t(`visits.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="obligations" pt="sm">
          <ObligationsPanel
            period={period}
            customerId={customerId}
            onAdd={(o) => setAdding({ id: o.customerId, name: o.customerName, managerId: o.managers[0]?.id })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="records" pt="sm">
          <RecordsPanel period={period} customerId={customerId} onRecord={setRecording} />
        </Tabs.Panel>
        <Tabs.Panel value="completion" pt="sm">
          <CompletionPanel period={period} choice={completion} onChoice={setCompletion} />
        </Tabs.Panel>
        <Tabs.Panel value="leaders" pt="sm">
          <LeadersPanel year={Number(period.slice(0, 4))} customerId={customerId} />
        </Tabs.Panel>
      </Tabs>
      {adding !== undefined && <VisitFormModal customer={adding ?? undefined} onClose={() => setAdding(undefined)} />}
      {recording && <VisitRecordModal visit={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}

function ObligationsPanel({
  period,
  customerId,
  onAdd,
}: {
  period: string;
  customerId: string | null;
  onAdd: (o: VisitObligationRow) => void;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(null);
  const [manager, setManager] = useState<string | null>(null);
  const [shortOnly, setShortOnly] = useState(false);
  const state = useApiQuery('visits/obligations', { period });

  const columns: ListColumn<VisitObligationRow>[] = [
    {
      key: 'customerName',
      title: t('visits.obligations.columns.customer'),
      width: 250,
      render: (o) => <CustomerCell id={o.customerId} name={o.customerName} />,
    },
    {
      key: 'tier',
      title: t('visits.obligations.columns.tier'),
      width: 72,
      value: (o) => t(`tier.${o.tier}`),
      render: (o) => <TierBadge tier={o.tier} />,
    },
    {
      key: 'scope',
      title: t('visits.obligations.columns.scope'),
      width: 64,
      value: (o) => t(`visits.scope.${o.scope}`),
    },
    {
      key: 'responsibleUnitName',
      title: t('visits.obligations.columns.unit'),
      width: 120,
      noWrap: true,
    },
    {
      key: 'managers',
      title: t('visits.obligations.columns.managers'),
      width: 150,
      value: (o) =>
        o.managers.length === 0
          ? t('visits.obligations.noManager')
          : o.managers.map((m) => `${m.role} ${m.name}`).join(' / '),
      render: (o) =>
        o.managers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('visits.obligations.noManager')}
          </Text>
        ) : (
          <Text size="sm">{o.managers.map((m) => `${m.role} ${m.name}`).join(' / ')}</Text>
        ),
    },
    { key: 'required', title: t('visits.obligations.columns.required'), width: 70, format: 'count' },
    { key: 'held', title: t('visits.obligations.columns.held'), width: 70, format: 'count' },
    {
      key: 'short',
      title: t('visits.obligations.columns.short'),
      width: 76,
      format: 'count',
      render: (o) =>
        o.short > 0 ? (
          <Text size="sm" c="red.8" fw={600} data-testid="visits-short">
            {o.short}
          </Text>
        ) : (
          <Text size="sm" c="teal.8">
            {t('visits.obligations.done')}
          </Text>
        ),
    },
    {
      key: 'act',
      title: t('visits.obligations.columns.act'),
      exportable: false,
      toggleable: false,
      sortable: false,
      width: 80,
      render: (o) => (
        <Button size="compact-sm" variant="light" onClick={() => onAdd(o)} data-testid="visits-obligation-add">
          {t('visits.obligations.record')}
        </Button>
      ),
    },
  ];

  return (
    <ApiView state={state}>
      {(all) => {
        const due = all.filter((o) => o.required > 0);
        const units = [...new Map(due.map((o) => [o.responsibleUnit, o.responsibleUnitName])).entries()];
        const managers = [
          ...new Map(due.flatMap((o) => o.managers.map((m) => [String(m.id), m.name] as const))).entries(),
        ];
        const rows = due.filter(
          (o) =>
            (customerId === null || o.customerId === customerId) &&
            (unit === null || o.responsibleUnit === unit) &&
            (manager === null || o.managers.some((m) => String(m.id) === manager)) &&
            (!shortOnly || o.short > 0),
        );
        const required = rows.reduce((s, o) => s + o.required, 0);
        const counted = rows.reduce((s, o) => s + Math.min(o.required, o.held), 0);
        const filters = [
          ...(unit ? [`${t('visits.filters.unit')}：${units.find(([k]) => k === unit)?.[1] ?? unit}`] : []),
          ...(manager
            ? [`${t('visits.filters.manager')}：${managers.find(([k]) => k === manager)?.[1] ?? manager}`]
            : []),
          ...(shortOnly ? [t('visits.filters.shortOnly')] : []),
        ];
        return (
          <Stack gap="xs">
            <Text size="sm" data-testid="visits-obligations-summary">
              {t('visits.obligations.summary', {
                customers: rows.length,
                required,
                counted,
                rate: percent(required === 0 ? null : counted / required),
                short: rows.filter((o) => o.short > 0).length,
              })}
            </Text>
            <ListTable
              id="visits-obligations"
              title={t('visits.obligations.tableLabel')}
              records={rows}
              columns={columns}
              rowKey={(o) => o.customerId}
              filters={filters}
              onClearFilters={() => {
                setUnit(null);
                setManager(null);
                setShortOnly(false);
              }}
              toolbar={
                <Group gap="sm" wrap="nowrap">
                  <Select
                    size="xs"
                    w={150}
                    placeholder={t('visits.filters.allUnits')}
                    aria-label={t('visits.filters.unit')}
                    data={units.map(([value, label]) => ({ value, label }))}
                    value={unit}
                    onChange={setUnit}
                    clearable
                    data-testid="visits-filter-unit"
                  />
                  <Select
                    size="xs"
                    w={150}
                    placeholder={t('visits.filters.allManagers')}
                    aria-label={t('visits.filters.manager')}
                    data={managers.map(([value, label]) => ({ value, label }))}
                    value={manager}
                    onChange={setManager}
                    searchable
                    clearable
                    data-testid="visits-filter-manager"
                  />
                  <Checkbox
                    size="xs"
                    label={t('visits.filters.shortOnly')}
                    checked={shortOnly}
                    onChange={(e) => setShortOnly(e.currentTarget.checked)}
                    data-testid="visits-filter-short"
                  />
                </Group>
              }
              rowAttributes={(o) => ({
                'data-testid': 'visits-obligation-row',
                'data-customer': o.customerId,
                'data-short': o.short,
              })}
              emptyText={shortOnly ? t('visits.obligations.emptyShort') : t('visits.obligations.empty')}
              maxHeight="52vh"
              testId="visits-obligations"
            />
          </Stack>
        );
      }}
    </ApiView>
  );
}

function RecordsPanel({
  period,
  customerId,
  onRecord,
}: {
  period: string;
  customerId: string | null;
  onRecord: (v: VisitView) => void;
}) {
  const { t } = useTranslation();
  // One customer: all its visits; otherwise the month's.
  const state = useApiQuery('visits/list', customerId === null ? { period } : { customerId });
  return (
    <ApiView state={state}>
      {(rows) => (
        <VisitList
          rows={rows}
          onRecord={onRecord}
          emptyText={customerId === null ? t('visits.records.empty') : t('visits.records.emptyCustomer')}
          showCustomer={customerId === null}
        />
      )}
    </ApiView>
  );
}
