/**
 * 待办: every duty overdue or due within 7 days, filterable by unit, manager and kind; each row
 * opens the place where it is done (targets.ts). The list is the backend's (worklist/list): it
 * refetches after any write (shared/api/effects.ts ALWAYS_STALE), so a duty done elsewhere leaves it.
 */
import { Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkItemView } from '../../../../shared/api/types';
import { daysBetween } from '../../../../shared/domain/dates';
import { WORK_ITEM_KIND_NAMES, WORK_ITEM_KINDS, type WorkItemKind } from '../../../../shared/domain/worklist';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { targetOf } from './targets';

export function WorkListPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [kind, setKind] = useState<WorkItemKind | 'all'>('all');
  const units = useApiQuery('units/list', { includeRetired: false });
  const managers = useApiQuery('managers/list', { unitId: null, includeInactive: false });
  const list = useApiQuery('worklist/list', {
    ...(unitCode === null ? {} : { unitCode }),
    ...(managerId === null ? {} : { managerId: Number(managerId) }),
  });
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));
  const managerOptions = (managers.data ?? [])
    .filter((m) => unitCode === null || units.data?.find((u) => u.code === unitCode)?.id === m.unitId)
    .map((m) => ({ value: String(m.id), label: `${m.name} · ${m.unitName}` }));
  const kindName = (k: WorkItemKind) => (en ? WORK_ITEM_KIND_NAMES[k].en : WORK_ITEM_KIND_NAMES[k].zh);

  return (
    <Stack gap="md">
      <PageHeader title={t('worklist.title')} />
      <Group align="flex-end" gap="md">
        <Select
          label={t('worklist.unit')}
          placeholder={t('worklist.allUnits')}
          data={unitOptions}
          value={unitCode}
          onChange={(v) => {
            setUnitCode(v);
            setManagerId(null);
          }}
          clearable
          searchable
          w={260}
          data-testid="worklist-unit"
        />
        <Select
          label={t('worklist.manager')}
          placeholder={t('worklist.allManagers')}
          data={managerOptions}
          value={managerId}
          onChange={setManagerId}
          clearable
          searchable
          w={220}
          data-testid="worklist-manager"
        />
      </Group>
      <ApiView state={list}>
        {(view) => {
          const shown = kind === 'all' ? view.items : view.items.filter((i) => i.kind === kind);
          const filters = [
            ...(unitCode
              ? [t('worklist.filterUnit', { name: unitOptions.find((o) => o.value === unitCode)?.label })]
              : []),
            ...(managerId
              ? [t('worklist.filterManager', { name: managerOptions.find((o) => o.value === managerId)?.label })]
              : []),
            ...(kind === 'all' ? [] : [t('worklist.filterKind', { name: kindName(kind) })]),
          ];
          return (
            <>
              <Text size="sm" c="dimmed">
                {t('worklist.intro', { date: view.date })}
              </Text>
              <Chip.Group multiple={false} value={kind} onChange={(v) => setKind(v as WorkItemKind | 'all')}>
                <Group gap="xs" aria-label={t('worklist.kinds')} role="group" data-testid="worklist-kinds">
                  <Chip value="all" size="sm" data-testid="worklist-kind-all">
                    {t('worklist.allKinds')} {view.items.length}
                  </Chip>
                  {WORK_ITEM_KINDS.filter((k) => view.counts[k] > 0).map((k) => (
                    <Chip key={k} value={k} size="sm" data-testid={`worklist-kind-${k}`}>
                      {kindName(k)} {view.counts[k]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              <WorkTable
                items={shown}
                today={view.date}
                filters={filters}
                filtered={filters.length > 0}
                onClearFilters={() => {
                  setUnitCode(null);
                  setManagerId(null);
                  setKind('all');
                }}
              />
            </>
          );
        }}
      </ApiView>
    </Stack>
  );
}

function WorkTable({
  items,
  today,
  filters,
  filtered,
  onClearFilters,
}: {
  items: WorkItemView[];
  today: string;
  filters: string[];
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const subjectOf = (i: WorkItemView) =>
    i.customerId
      ? `${i.customerName ?? ''}（${i.customerId}）`
      : i.registrationId !== undefined
        ? t('worklist.registration', { id: i.registrationId })
        : '';
  const detailOf = (i: WorkItemView) =>
    i.forms && i.period
      ? t('worklist.formsOf', {
          month: f.month(i.period),
          forms: i.forms.map((form) => t(`submissions.form.${form}`)).join(en ? ', ' : '、'),
        })
      : (i.notes ?? []).join('；');
  const columns: ListColumn<WorkItemView>[] = [
    {
      key: 'due',
      title: t('worklist.columns.due'),
      width: 170,
      value: (i) => i.due ?? '',
      render: (i) => <DueCell due={i.due} today={today} />,
      sortable: true,
    },
    {
      key: 'kind',
      title: t('worklist.columns.kind'),
      width: 160,
      value: (i) => (en ? WORK_ITEM_KIND_NAMES[i.kind].en : WORK_ITEM_KIND_NAMES[i.kind].zh),
      sortable: true,
    },
    { key: 'unitName', title: t('worklist.columns.unit'), width: 170, sortable: true },
    { key: 'subject', title: t('worklist.columns.subject'), value: subjectOf, sortable: true },
    { key: 'detail', title: t('worklist.columns.detail'), value: detailOf },
    {
      key: 'act',
      title: t('worklist.columns.act'),
      exportable: false,
      toggleable: false,
      width: 100,
      render: (i) => {
        const target = targetOf(i);
        return target ? (
          <Button
            component="a"
            href={hrefOf(target)}
            size="compact-sm"
            variant="light"
            aria-label={t('worklist.openLabel', {
              what: `${WORK_ITEM_KIND_NAMES[i.kind].zh} ${subjectOf(i) || i.unitName}`,
            })}
          >
            {t('worklist.open')}
          </Button>
        ) : null;
      },
    },
  ];
  return (
    <ListTable
      id="worklist"
      title={t('worklist.title')}
      records={items}
      columns={columns}
      rowKey={(i) => `${i.kind}:${i.unit}:${i.customerId ?? ''}:${i.registrationId ?? ''}:${i.period ?? ''}`}
      filters={filters}
      onClearFilters={filtered ? onClearFilters : undefined}
      emptyText={filtered ? t('worklist.emptyFiltered') : t('worklist.empty')}
      rowAttributes={(i) => ({ 'data-kind': i.kind })}
      maxHeight="60vh"
      testId="worklist-table"
      ariaLabel={t('worklist.tableLabel')}
    />
  );
}

function DueCell({ due, today }: { due: string | undefined; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (due === undefined) return <Text size="sm">{t('worklist.noDate')}</Text>;
  const days = daysBetween(today, due);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" className="kam-num">
        {f.date(due, 'iso')}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color={days < 0 ? 'red' : days === 0 ? 'orange' : 'yellow'}
        styles={{ root: { flexShrink: 0 }, label: { textTransform: 'none', overflow: 'visible' } }}
      >
        {days < 0
          ? t('worklist.overdueDays', { count: -days })
          : days === 0
            ? t('worklist.dueToday')
            : t('worklist.dueIn', { count: days })}
      </Badge>
    </Group>
  );
}
