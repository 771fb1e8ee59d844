/** The visit records (planned, held, not held), with 记录结果 on the planned ones (R23). */
import { Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitView } from '../../../../shared/api/types-visits';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { CustomerCell } from './CustomerCell';

const STATUS_COLORS = { planned: 'blue', held: 'green', not_held: 'gray' } as const;

/** Also on the customer's page, without the customer column. */
export function VisitList({
  rows,
  onRecord,
  emptyText,
  showCustomer = true,
}: {
  rows: readonly VisitView[];
  onRecord: (v: VisitView) => void;
  emptyText: string;
  showCustomer?: boolean;
}) {
  const { t } = useTranslation();
  const detail = (v: VisitView) =>
    [
      v.purpose && t('visits.records.purpose', { text: v.purpose }),
      v.participants && t('visits.records.participants', { text: v.participants }),
      v.outcome && t('visits.records.outcome', { text: v.outcome }),
      v.reason && t('visits.records.reason', { text: v.reason }),
    ]
      .filter(Boolean)
      .join('；');
  const columns: ListColumn<VisitView>[] = [
    { key: 'date', title: t('visits.records.columns.date'), width: 100, noWrap: true },
    ...(showCustomer
      ? [
          {
            key: 'customerName',
            title: t('visits.records.columns.customer'),
            width: 230,
            render: (v: VisitView) => <CustomerCell id={v.customerId} name={v.customerName} />,
          },
        ]
      : []),
    {
      key: 'kind',
      title: t('visits.records.columns.kind'),
      width: 84,
      noWrap: true,
      value: (v) => t(`visits.kindShort.${v.kind}`),
    },
    {
      key: 'managerName',
      title: t('visits.records.columns.manager'),
      width: 90,
      noWrap: true,
      value: (v) => v.managerName ?? '—',
    },
    {
      key: 'status',
      title: t('visits.records.columns.status'),
      width: 84,
      value: (v) => t(`visits.status.${v.status}`),
      render: (v) => (
        <Badge color={STATUS_COLORS[v.status]} variant="light" style={{ textTransform: 'none' }}>
          {t(`visits.status.${v.status}`)}
        </Badge>
      ),
    },
    {
      key: 'detail',
      title: t('visits.records.columns.detail'),
      value: detail,
      render: (v) => (
        <Text size="sm" lineClamp={2} title={detail(v)}>
          {detail(v)}
        </Text>
      ),
    },
    {
      key: 'act',
      title: t('visits.records.columns.act'),
      exportable: false,
      toggleable: false,
      sortable: false,
      width: 100,
      render: (v) =>
        v.status === 'planned' ? (
          <Button size="compact-sm" variant="light" onClick={() => onRecord(v)} data-testid="visit-record">
            {t('visits.records.record')}
          </Button>
        ) : null,
    },
  ];
  return (
    <ListTable
      id={showCustomer ? 'visits-records' : 'customer-visits'}
      title={t('visits.records.tableLabel')}
      records={rows}
      columns={columns}
      rowKey={(v) => v.id}
      rowAttributes={(v) => ({ 'data-testid': 'visit-row', 'data-id': v.id, 'data-status': v.status })}
      emptyText={emptyText}
      maxHeight="52vh"
      testId={showCustomer ? 'visits-records' : 'customer-visits'}
    />
  );
}
