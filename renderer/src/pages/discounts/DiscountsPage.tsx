/**
 * 资费优惠 (R29): the discount requests with their rates, validity and approval chain — each step's
 * role and who decided what; 申请优惠 (discounts/add's schema, with the steps it will need), then
 * 审批 on the step waiting (a rejection needs its comment) or 撤回 a pending request. discounts/*.
 */
import { Badge, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscountStatus, DiscountView } from '../../../../shared/api/types-discounts';
import { formatBp } from '../../../../shared/domain/discounts/approval';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatCount, formatFen } from '../../i18n/format';
import { DiscountChain } from './DiscountChain';
import { DiscountDecideModal, DiscountWithdrawModal } from './DiscountDecideModal';
import { DiscountFormModal } from './DiscountFormModal';

export const DISCOUNT_STATUS_COLORS: Record<DiscountStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

type Filter = 'pending' | 'approved' | 'all';

export function DiscountsPage({ tab = 'pending' }: { tab?: Filter }) {
  const { t } = useTranslation();
  const today = useToday();
  const [filter, setFilter] = useState<Filter>(tab);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<DiscountView | null>(null);
  const [withdrawing, setWithdrawing] = useState<DiscountView | null>(null);
  const units = useApiQuery('units/list', { includeRetired: false });
  const list = useApiQuery(
    'discounts/list',
    { status: filter === 'all' ? null : filter, unitCode, customerId: null },
    { keepPrevious: true },
  );

  const columns: ListColumn<DiscountView>[] = [
    { key: 'id', title: t('discounts.columns.id'), width: 56, format: 'count' },
    {
      key: 'customerName',
      title: t('discounts.columns.customer'),
      width: 200,
      value: (d) => d.customerName,
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {d.customerName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`line.${d.line}`)} ·{' '}
            {t('discounts.tierAtRequest', { tier: d.tier ? t(`tier.${d.tier}`) : t('discounts.notKey') })}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2} title={d.reason}>
            {d.reason}
          </Text>
        </Stack>
      ),
    },
    { key: 'unitName', title: t('discounts.columns.unit'), width: 90 },
    {
      key: 'rates',
      title: t('discounts.columns.rates'),
      width: 170,
      value: (d) => d.depthBp / 10_000,
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm">
            {formatFen(d.standardRate)} → <b>{formatFen(d.proposedRate)}</b>
            <Text span size="xs" c="dimmed">
              {' '}
              /{d.rateUnit}
            </Text>
          </Text>
          <Text size="xs" c={d.depthBp >= 2000 ? 'red.8' : 'dimmed'}>
            {t('discounts.depth', { depth: formatBp(d.depthBp) })}
          </Text>
          <Text size="xs" c="dimmed">
            {d.monthlyVolume === null || d.monthlyRevenue === null
              ? t('discounts.noVolume')
              : t('discounts.volume', { volume: formatCount(d.monthlyVolume), revenue: formatFen(d.monthlyRevenue) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'validity',
      title: t('discounts.columns.validity'),
      width: 108,
      value: (d) => d.validFrom,
      render: (d) => (
        <Stack gap={0}>
          <Text size="sm">{d.validFrom}</Text>
          <Text size="sm" c={d.status === 'approved' && d.validTo < today ? 'dimmed' : undefined}>
            {t('discounts.until', { to: d.validTo })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'chain',
      title: t('discounts.columns.chain'),
      width: 230,
      sortable: false,
      value: (d) =>
        d.steps
          .map((s) => `${s.label.zh}${s.decision ? `:${s.decision.decision === 'approve' ? '同意' : '驳回'}` : ''}`)
          .join(' → '),
      render: (d) => <DiscountChain discount={d} />,
    },
    {
      key: 'status',
      title: t('discounts.columns.status'),
      width: 108,
      value: (d) => t(`discounts.status.${d.status}`),
      render: (d) => (
        <Badge color={DISCOUNT_STATUS_COLORS[d.status]} variant="light" style={{ textTransform: 'none' }}>
          {t(`discounts.status.${d.status}`)}
        </Badge>
      ),
    },
    {
      key: 'act',
      title: t('discounts.columns.act'),
      exportable: false,
      toggleable: false,
      sortable: false,
      width: 100,
      render: (d) =>
        d.status === 'pending' ? (
          <Stack gap={4} align="flex-start">
            <Button size="compact-sm" onClick={() => setDeciding(d)} data-testid="discount-decide">
              {t('discounts.decide')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              onClick={() => setWithdrawing(d)}
              data-testid="discount-withdraw"
            >
              {t('discounts.withdraw')}
            </Button>
          </Stack>
        ) : null,
    },
  ];

  return (
    <Stack gap="sm">
      <PageHeader title={t('discounts.title')}>
        <Button onClick={() => setAdding(true)} data-testid="discount-add">
          {t('discounts.add')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={900}>
        {t('discounts.intro')}
      </Text>
      <ApiView state={list}>
        {(rows) => (
          <ListTable
            id="discounts"
            title={t('discounts.tableLabel')}
            records={rows}
            columns={columns}
            rowKey={(d) => d.id}
            toolbar={
              <Group gap="sm">
                <SegmentedControl
                  size="xs"
                  value={filter}
                  onChange={(v) => setFilter(v as Filter)}
                  data={(['pending', 'approved', 'all'] as const).map((f) => ({
                    value: f,
                    label: t(`discounts.filter.${f}`),
                  }))}
                  aria-label={t('discounts.filterLabel')}
                  data-testid="discount-filter"
                />
                <Select
                  size="xs"
                  w={150}
                  placeholder={t('discounts.columns.unit')}
                  data={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
                  value={unitCode}
                  onChange={setUnitCode}
                  clearable
                  searchable
                  aria-label={t('discounts.columns.unit')}
                />
              </Group>
            }
            rowAttributes={(d) => ({ 'data-testid': 'discount-row', 'data-id': d.id, 'data-status': d.status })}
            emptyText={filter === 'pending' ? t('discounts.emptyPending') : t('discounts.empty')}
            maxHeight="62vh"
            testId="discounts-table"
          />
        )}
      </ApiView>
      {adding && <DiscountFormModal onClose={() => setAdding(false)} />}
      {deciding && <DiscountDecideModal discount={deciding} onClose={() => setDeciding(null)} />}
      {withdrawing && <DiscountWithdrawModal discount={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Stack>
  );
}
