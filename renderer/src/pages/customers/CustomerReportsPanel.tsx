import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../../../shared/domain/report/format';
import type { CustomerMention } from '../../../../shared/domain/report/mention';
import type { Tier } from '../../../../shared/domain/tiers';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';

/**
 * 报表 on the customer page (the customer is the hub): how the customer figures in last month's live
 * analysis, and every final analysis report that names it, each a link to the report.
 */
export function CustomerReportsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = useApiQuery('reports/for-customer', { customerId });
  return (
    <Paper withBorder p="md" data-testid="customer-reports">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('reports.customer.title')}
        </Title>
        <Anchor href={hrefOf({ name: 'reports', tab: 'overview', reportId: null })} size="sm">
          {t('reports.customer.openOverview')}
        </Anchor>
      </Group>
      <ApiView state={state}>
        {(view) => (
          <>
            <Group gap="xs" mb="sm" data-testid="customer-reports-live">
              <Text size="sm" fw={500}>
                {t('reports.customer.live', { month: f.month(view.period) })}
              </Text>
              <MentionBadges mention={view.live} empty={t('reports.customer.liveNone')} />
            </Group>
            {view.reports.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports.customer.noFinals')}
              </Text>
            ) : (
              <Table striped aria-label={t('reports.customer.finals')} data-testid="customer-reports-finals">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={120}>{t('reports.customer.month')}</Table.Th>
                    <Table.Th w={160}>{t('reports.customer.scope')}</Table.Th>
                    <Table.Th w={90}>{t('reports.customer.revision')}</Table.Th>
                    <Table.Th>{t('reports.customer.mention')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.reports.map(({ info, mention }) => (
                    <Table.Tr key={info.id}>
                      <Table.Td>
                        <Anchor href={hrefOf({ name: 'reports', tab: 'analysis', reportId: info.id })}>
                          {f.month(info.period)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{info.unit?.name ?? t('reports.customer.city')}</Table.Td>
                      <Table.Td>{t('reports.customer.revisionN', { n: info.revision })}</Table.Td>
                      <Table.Td>
                        <MentionBadges mention={mention} empty="" />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </ApiView>
    </Paper>
  );
}

function MentionBadges({ mention, empty }: { mention: CustomerMention; empty: string }) {
  const { t } = useTranslation();
  const badges: { key: string; color: string; text: string }[] = [];
  if (mention.keyList) badges.push({ key: 'key', color: 'postal', text: t('reports.customer.keyList') });
  if (mention.top20Rank !== null) {
    badges.push({ key: 'top', color: 'blue', text: t('reports.customer.top20', { rank: mention.top20Rank }) });
  }
  const fl = mention.fluctuation;
  if (fl !== null && fl.reason !== 'new') {
    const change = fl.changePercent === null ? '' : formatCell(fl.changePercent / 100, 'ratio');
    badges.push({
      key: 'fluctuation',
      color: fl.reason === 'rise' ? 'teal' : 'red',
      text:
        fl.explanation === null
          ? t('reports.customer.fluctuationNoReason', { change })
          : t('reports.customer.fluctuation', { change, reason: fl.explanation }),
    });
  }
  if (mention.added) badges.push({ key: 'added', color: 'teal', text: t('reports.customer.added') });
  if (mention.lost) badges.push({ key: 'lost', color: 'red', text: t('reports.customer.lost') });
  if (mention.tierMove !== null) {
    const name = (tier: Tier | null) => t(`tier.${tier ?? 'none'}`);
    badges.push({
      key: 'move',
      color: 'grape',
      text: t('reports.customer.tierMove', { from: name(mention.tierMove.from), to: name(mention.tierMove.to) }),
    });
  }
  if (badges.length === 0) {
    return empty === '' ? null : (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {badges.map((b) => (
        <Badge key={b.key} variant="light" color={b.color} style={{ textTransform: 'none' }}>
          {b.text}
        </Badge>
      ))}
    </Group>
  );
}
