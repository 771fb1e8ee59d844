/** The marketing log entries (R22, 附件5): date, customer, stage, method, content, people, satisfaction, unit. */
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MarketingLogView } from '../../../../shared/api/types-marketing';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { hrefOf } from '../../router/useRoute';

export function LogsTable({
  rows,
  withCustomer,
  toolbar,
  emptyText,
}: {
  rows: MarketingLogView[];
  withCustomer: boolean;
  toolbar?: React.ReactNode;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const columns: ListColumn<MarketingLogView>[] = [
    { key: 'date', title: t('marketing.logColumns.date'), width: 100 },
    ...(withCustomer
      ? [
          {
            key: 'customerName',
            title: t('marketing.logColumns.customer'),
            width: 180,
            render: (l: MarketingLogView) => (
              <Text size="sm" component="a" href={hrefOf({ name: 'customer', id: l.customerId })} truncate="end">
                {l.customerName}
              </Text>
            ),
          } satisfies ListColumn<MarketingLogView>,
        ]
      : []),
    {
      key: 'stage',
      title: t('marketing.logColumns.stage'),
      width: 120,
      value: (l) => (l.summary ? t('marketing.summary') : l.stage ? t(`marketing.stages.${l.stage}`) : '—'),
      render: (l) =>
        l.summary ? (
          <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
            {t('marketing.summary')}
          </Badge>
        ) : (
          <Text size="sm">
            {l.stage ? t(`marketing.stages.${l.stage}`) : '—'}
            {l.developmentId !== null && (
              <Text span size="xs" c="dimmed">
                {' '}
                #{l.developmentId}
              </Text>
            )}
          </Text>
        ),
    },
    {
      key: 'method',
      title: t('marketing.logColumns.method'),
      width: 84,
      value: (l) => t(`marketing.methods.${l.method}`),
    },
    {
      key: 'content',
      title: t('marketing.logColumns.content'),
      render: (l) => (
        <Stack gap={0}>
          <Text size="sm" lineClamp={2} title={l.content}>
            {l.content}
          </Text>
          {(l.needs || l.cooperation) && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[l.needs, l.cooperation].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'people',
      title: t('marketing.logColumns.people'),
      width: 150,
      value: (l) => [l.ourParticipants ?? '—', l.theirParticipants ?? '—'].join(' / '),
    },
    { key: 'satisfaction', title: t('marketing.logColumns.satisfaction'), width: 70, format: 'count' },
    { key: 'unitName', title: t('marketing.logColumns.unit'), width: 110 },
  ];
  return (
    <ListTable
      id={withCustomer ? 'marketing-logs' : 'customer-marketing-logs'}
      title={t('marketing.tabs.logs')}
      records={rows}
      columns={columns}
      rowKey={(l) => l.id}
      toolbar={toolbar}
      rowAttributes={(l) => ({ 'data-testid': 'log-row', 'data-id': l.id })}
      emptyText={emptyText}
      maxHeight="55vh"
      testId="logs-table"
    />
  );
}
