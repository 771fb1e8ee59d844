/** The records behind one scorecard number (R34): each customer (or complaint) and what it counted as. */
import { Badge, Drawer, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScorecardRow } from '../../../../shared/api/types-scorecards';
import type { ScorecardPart } from '../../../../shared/domain/policy/policy';
import { partFigure } from '../../../../shared/domain/scorecards/print-html';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { useLanguage } from '../../i18n';
import { hrefOf } from '../../router/useRoute';

export function RecordsDrawer({
  period,
  row,
  part,
  onClose,
}: {
  period: string;
  row: ScorecardRow;
  part: ScorecardPart;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const records = useApiQuery(
    'scorecards/records',
    row.managerId === null ? { period, unitCode: row.unit, part } : { period, managerId: row.managerId, part },
  );
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('scorecards.records.title', { name: row.name, part: t(`scorecards.parts.${part}`) })}
      data-testid="scorecard-records"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('scorecards.records.figure', {
            score: row.scores[part] === null ? '—' : row.scores[part]?.toFixed(1),
            figure: partFigure(row, part, english),
          })}
        </Text>
        <ApiView state={records}>
          {(v) =>
            v.records.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('scorecards.records.empty')}
              </Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scorecards.records.customer')}</Table.Th>
                    <Table.Th>{t('scorecards.records.detail')}</Table.Th>
                    <Table.Th w={100}>{t('scorecards.records.counts')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.records.map((r) => (
                    <Table.Tr key={`${r.customerId}-${r.complaintId ?? ''}`} data-testid="scorecard-record">
                      <Table.Td>
                        <Text size="sm" component="a" href={hrefOf({ name: 'customer', id: r.customerId })}>
                          {r.customerName}
                        </Text>
                        <br />
                        <CustomerIdText id={r.customerId} size="sm" style={{ opacity: 0.7 }} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.complaintId !== undefined &&
                            `${t('scorecards.records.complaint', { id: r.complaintId })} `}
                          {r.detail}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.ok === null ? null : (
                          <Badge color={r.ok ? 'green' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                            {r.ok ? t('scorecards.records.ok') : t('scorecards.records.notOk')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </ApiView>
      </Stack>
    </Drawer>
  );
}
