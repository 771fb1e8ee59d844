import { Drawer, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/query';
import { ErrorAlert } from '../../../components/ApiViews';
import { CustomerTable } from './CustomerTable';
import { DRILL_LIMIT, type DrillRequest } from './drill';
import * as f from './figures';

/**
 * The customers behind one bar or slice (reports/customers, the facts' own definitions): how many
 * there are, and at most DRILL_LIMIT of them, each a link to its page.
 */
export function DrillDrawer({
  period,
  unitCode,
  request,
  onClose,
}: {
  period: string;
  unitCode: string | null;
  request: DrillRequest | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const state = useApiQuery(
    'reports/customers',
    request === null
      ? null
      : {
          period,
          unitCode,
          set: request.set,
          tier: request.tier ?? null,
          scope: request.scope ?? null,
          line: request.line ?? null,
          groupUnitId: request.groupUnitId ?? null,
          limit: DRILL_LIMIT,
        },
    { keepPrevious: false },
  );
  const data = state.data;
  return (
    <Drawer
      opened={request !== null}
      onClose={onClose}
      position="right"
      size={960}
      title={
        <Text fw={600} data-testid="drill-title">
          {request?.title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="drill-drawer"
    >
      {state.error ? (
        <ErrorAlert error={state.error} onRetry={state.reload} title={t('reports.overview.loadError')} />
      ) : data === undefined ? (
        <Stack gap="xs">
          <Skeleton height={16} width="40%" />
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders, all alike
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="drill-count" data-total={data.total}>
            {data.total > data.customers.length
              ? t('reports.overview.drill.showing', {
                  total: f.count(data.total),
                  shown: f.count(data.customers.length),
                })
              : t('reports.overview.drill.all', { total: f.count(data.total) })}
          </Text>
          <CustomerTable
            id="overview-drill"
            title={request?.title ?? ''}
            customers={data.customers}
            emptyText={t('reports.overview.drill.empty')}
            maxHeight="calc(100vh - 150px)"
            testId="drill-customers"
          />
        </Stack>
      )}
    </Drawer>
  );
}
