import { useTranslation } from 'react-i18next';
import type { ReportCustomer } from '../../../../../shared/domain/report/facts';
import { CustomerLink } from '../../../components/CustomerLink';
import { type ListColumn, ListTable } from '../../../components/list/ListTable';
import { TierBadge } from '../../../components/TierBadge';
import { navigate } from '../../../router/useRoute';
import * as f from './figures';

/**
 * Customers as the report lists them: a link to each customer's page (Enter on a focused row
 * opens it too), unit, tier, this and last month in 万元, MoM and YoY.
 */
export function CustomerTable({
  id,
  title,
  customers,
  emptyText,
  rank = false,
  maxHeight,
  testId,
}: {
  id: string;
  title: string;
  customers: readonly ReportCustomer[];
  emptyText: string;
  rank?: boolean;
  maxHeight?: number | string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const c = (k: 'name' | 'unit' | 'tier' | 'thisMonth' | 'lastMonth' | 'mom' | 'yoy') =>
    t(`reports.overview.columns.${k}`);
  const order = new Map(customers.map((row, i) => [row.id, i + 1]));
  const columns: ListColumn<ReportCustomer>[] = [
    ...(rank
      ? [
          {
            key: 'rank',
            title: t('reports.overview.top20.rank'),
            value: (row: ReportCustomer) => order.get(row.id) ?? null,
            format: 'count' as const,
            width: 64,
          },
        ]
      : []),
    {
      key: 'name',
      title: c('name'),
      render: (row) => <CustomerLink customer={row} />,
      toggleable: false,
      width: 300,
    },
    { key: 'unitName', title: c('unit'), noWrap: true },
    { key: 'tier', title: c('tier'), render: (row) => <TierBadge tier={row.tier} />, width: 80 },
    {
      key: 'thisMonth',
      title: c('thisMonth'),
      render: (row) => f.wan(row.thisMonth),
      textAlign: 'right',
      noWrap: true,
    },
    {
      key: 'lastMonth',
      title: c('lastMonth'),
      render: (row) => f.wan(row.lastMonth),
      textAlign: 'right',
      noWrap: true,
    },
    { key: 'mom', title: c('mom'), render: (row) => f.ratio(row.mom), textAlign: 'right', noWrap: true },
    { key: 'yoy', title: c('yoy'), render: (row) => f.ratio(row.yoy), textAlign: 'right', noWrap: true },
  ];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the rows inside are focusable; Enter on one opens the customer
    <div
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        const customerId = target.tagName === 'TR' ? target.dataset.customerId : undefined;
        if (customerId && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          navigate({ name: 'customer', id: customerId });
        }
      }}
    >
      <ListTable
        id={id}
        title={title}
        records={customers}
        columns={columns}
        rowKey={(row) => row.id}
        emptyText={emptyText}
        rowAttributes={(row) => ({
          'data-testid': 'overview-customer-row',
          'data-customer-id': row.id,
          tabIndex: 0,
        })}
        rowClassName={() => 'kam-click-row'}
        onRowClick={(row) => navigate({ name: 'customer', id: row.id })}
        maxHeight={maxHeight}
        bare
        testId={testId}
      />
    </div>
  );
}
