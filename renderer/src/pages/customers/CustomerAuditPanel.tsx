/**
 * 变更记录 on the customer page (the customer is the hub; DOMAIN-DECISIONS "Audit log"): the log's
 * rows for this customer — its record, its qualification, its revenue months, and the import
 * batches that touched it — newest first, going back a page at a time.
 */
import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditColumns } from '../../audit/columns';
import { useAuditPages } from '../../audit/useAuditPages';
import { ErrorAlert, LoadingBlock } from '../../components/ApiViews';
import { ListTable } from '../../components/list/ListTable';

const NO_FILTER = { actor: null, channel: null, entity: null, dateFrom: null, dateTo: null };

export function CustomerAuditPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const pages = useAuditPages({ ...NO_FILTER, customer: customerId }, 20);
  const columns = useAuditColumns({ ownCustomer: customerId });
  return (
    <Paper withBorder p="md" data-testid="customer-audit">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('audit.customerPanel.title')}
        </Title>
        {pages.total > 0 && (
          <Text size="sm" c="dimmed" data-testid="customer-audit-count">
            {t('audit.customerPanel.count', { count: pages.total })}
          </Text>
        )}
      </Group>
      {pages.error && <ErrorAlert error={pages.error} onRetry={pages.reload} title={t('common.loadErrorTitle')} />}
      {pages.loading ? (
        <LoadingBlock />
      ) : (
        <ListTable
          id="customer-audit"
          title={t('audit.customerPanel.tableLabel')}
          records={pages.rows}
          columns={columns}
          rowKey={(r) => r.id}
          emptyText={t('audit.customerPanel.empty')}
          rowAttributes={(r) => ({ 'data-testid': 'customer-audit-row', 'data-id': r.id })}
          maxHeight={420}
          bare
          testId="customer-audit-table"
        />
      )}
      {pages.hasMore && (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" onClick={pages.loadMore} loading={pages.loadingMore}>
            {t('audit.tab.loadMore')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
