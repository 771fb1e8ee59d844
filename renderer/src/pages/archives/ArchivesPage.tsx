/**
 * 档案 (R18): the key customers' archives with their due dates on today, overdue first
 * (archives/duties); each row opens the customer's page on its 档案 tab.
 */
import { Anchor, Badge, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveDutyRow } from '../../../../shared/api/types-archives';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { CustomerIdText } from '../../components/CustomerIdText';
import { EmptyBlock } from '../../components/EmptyBlock';
import { PageHeader } from '../../components/PageHeader';
import { TierBadge } from '../../components/TierBadge';
import { hrefOf } from '../../router/useRoute';
import { sortDuties } from './archive-form';

export function ArchivesPage() {
  const { t } = useTranslation();
  const today = useToday();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const state = useApiQuery('archives/duties', { date: null, overdueOnly });
  return (
    <Stack gap="sm">
      <PageHeader title={t('archives.overview.title')}>
        <Switch
          label={t('archives.overview.overdueOnly')}
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
          data-testid="archives-overdue-only"
        />
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('archives.overview.intro', { date: today })}
      </Text>
      <ApiView state={state}>{(rows) => <DutyTable rows={sortDuties(rows)} />}</ApiView>
    </Stack>
  );
}

function DutyTable({ rows }: { rows: ArchiveDutyRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyBlock description={t('archives.overview.empty')} testId="archives-empty" />;
  return (
    <Paper withBorder>
      <Group px="md" py="xs">
        <Text size="sm" c="dimmed" data-testid="archives-count">
          {t('archives.overview.count', { count: rows.length })}
        </Text>
      </Group>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="archives-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('customers.columns.id')}</Table.Th>
            <Table.Th>{t('archives.overview.columns.customer')}</Table.Th>
            <Table.Th w={90}>{t('archives.overview.columns.tier')}</Table.Th>
            <Table.Th w={130}>{t('archives.overview.columns.lastUpdated')}</Table.Th>
            <Table.Th w={130}>{t('archives.overview.columns.due')}</Table.Th>
            <Table.Th w={130}>{t('archives.overview.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.customerId} data-testid="archives-row">
              <Table.Td>
                <CustomerIdText id={r.customerId} size="sm" />
              </Table.Td>
              <Table.Td>
                <Anchor href={hrefOf({ name: 'customer', id: r.customerId, tab: 'archive' })} size="sm">
                  {r.customerName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <TierBadge tier={r.tier} />
              </Table.Td>
              <Table.Td>
                {r.lastUpdatedOn ?? (
                  <Text span size="sm" c="dimmed">
                    {t('archives.overview.never')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 600 : undefined}>
                {r.dueOn}
              </Table.Td>
              <Table.Td>
                {r.overdue ? (
                  <Badge color="red" variant="light" size="sm">
                    {t('archives.overdueDays', { count: r.daysOverdue })}
                  </Badge>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('archives.overview.dueLater')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
