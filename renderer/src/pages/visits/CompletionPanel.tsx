/**
 * 完成率 (R23): completion for the month or the year to date, grouped by A/B manager, responsible
 * unit or tier (visits/completion); a bar or a row opens the customers behind it in a drawer.
 */
import { Drawer, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitCompletionCustomer, VisitCompletionGroup } from '../../../../shared/api/types-visits';
import type { Tier } from '../../../../shared/domain/tiers';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useFormat } from '../../i18n/useFormat';
import { CompletionChart, percent } from './CompletionChart';
import { CustomerCell } from './CustomerCell';

export type CompletionBy = 'manager' | 'unit' | 'tier';
type By = CompletionBy;
export interface CompletionChoice {
  span: 'month' | 'ytd';
  by: CompletionBy;
}
const GROUPS = { manager: 'byManager', unit: 'byUnit', tier: 'byTier' } as const;

/** `choice` is kept by the page, so it survives a visit to another tab. */
export function CompletionPanel({
  period,
  choice,
  onChoice,
}: {
  period: string;
  choice: CompletionChoice;
  onChoice: (c: CompletionChoice) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { span, by } = choice;
  const setSpan = (s: 'month' | 'ytd') => onChoice({ span: s, by });
  const setBy = (b: By) => onChoice({ span, by: b });
  const [open, setOpen] = useState<VisitCompletionGroup | null>(null);
  const state = useApiQuery('visits/completion', { period, span });
  const labelOf = (g: VisitCompletionGroup) =>
    by === 'tier' ? t(`tier.${g.key as Tier}`) : g.key === '' ? t('visits.completion.noManager') : g.label;

  const groupColumns: ListColumn<VisitCompletionGroup>[] = [
    { key: 'label', title: t(`visits.completion.group.${by}`), width: 200, value: labelOf },
    { key: 'required', title: t('visits.completion.columns.required'), width: 90, format: 'count' },
    { key: 'counted', title: t('visits.completion.columns.counted'), width: 90, format: 'count' },
    { key: 'rate', title: t('visits.completion.columns.rate'), width: 90, format: 'percent' },
    {
      key: 'customers',
      title: t('visits.completion.columns.customers'),
      width: 90,
      format: 'count',
      value: (g) => g.customers.length,
    },
  ];
  const customerColumns: ListColumn<VisitCompletionCustomer>[] = [
    {
      key: 'customerName',
      title: t('visits.completion.columns.customer'),
      width: 260,
      render: (c) => <CustomerCell id={c.customerId} name={c.customerName} />,
    },
    { key: 'required', title: t('visits.completion.columns.required'), width: 80, format: 'count' },
    { key: 'counted', title: t('visits.completion.columns.counted'), width: 80, format: 'count' },
    { key: 'held', title: t('visits.completion.columns.held'), width: 100, format: 'count' },
    {
      key: 'short',
      title: t('visits.completion.columns.short'),
      width: 80,
      format: 'count',
      value: (c) => c.required - c.counted,
    },
  ];

  return (
    <Stack gap="sm">
      <Group gap="md">
        <SegmentedControl
          size="xs"
          value={span}
          onChange={(v) => setSpan(v as 'month' | 'ytd')}
          data={(['month', 'ytd'] as const).map((s) => ({ value: s, label: t(`visits.completion.span.${s}`) }))}
          aria-label={t('visits.completion.spanLabel')}
          data-testid="visits-completion-span"
        />
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v as By)}
          data={(['manager', 'unit', 'tier'] as const).map((b) => ({
            value: b,
            label: t(`visits.completion.by.${b}`),
          }))}
          aria-label={t('visits.completion.byLabel')}
          data-testid="visits-completion-by"
        />
      </Group>
      <ApiView state={state}>
        {(c) => {
          const groups = c[GROUPS[by]];
          if (c.total.required === 0) return <EmptyBlock description={t('visits.completion.empty')} />;
          const totals = {
            required: c.total.required,
            counted: c.total.counted,
            rate: percent(c.total.rate),
            customers: c.total.customers,
          };
          return (
            <Stack gap="sm">
              <Text size="sm" fw={500} data-testid="visits-completion-total">
                {c.span === 'month'
                  ? t('visits.completion.totalMonth', { month: f.month(c.to), ...totals })
                  : t('visits.completion.total', { from: f.month(c.from), to: f.month(c.to), ...totals })}
              </Text>
              <CompletionChart
                groups={groups}
                labelOf={labelOf}
                onOpen={setOpen}
                label={t('visits.completion.chartLabel')}
              />
              <ListTable
                id={`visits-completion-${by}`}
                title={t('visits.completion.chartLabel')}
                records={groups}
                columns={groupColumns}
                rowKey={(g) => g.key}
                onRowClick={setOpen}
                rowAttributes={(g) => ({ 'data-testid': 'visits-completion-row', 'data-key': g.key })}
                emptyText={t('visits.completion.empty')}
                maxHeight="40vh"
                testId="visits-completion-table"
              />
            </Stack>
          );
        }}
      </ApiView>
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size={720}
        title={
          open && (
            <Text fw={600} data-testid="visits-drawer-title">
              {t('visits.completion.drawerTitle', {
                group: labelOf(open),
                counted: open.counted,
                required: open.required,
                rate: percent(open.rate),
              })}
            </Text>
          )
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        data-testid="visits-drawer"
      >
        {open && (
          <ListTable
            id="visits-completion-customers"
            title={labelOf(open)}
            records={open.customers}
            columns={customerColumns}
            rowKey={(c) => c.customerId}
            rowAttributes={(c) => ({ 'data-testid': 'visits-drawer-customer', 'data-customer': c.customerId })}
            emptyText={t('visits.completion.empty')}
            maxHeight="calc(100vh - 150px)"
            bare
            testId="visits-drawer-customers"
          />
        )}
      </Drawer>
    </Stack>
  );
}
