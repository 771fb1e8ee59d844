/**
 * The customer's tariff discounts on its page (R29): the approved ones with their validity (ended
 * ones dimmed) and the pending ones with the step waiting; 申请优惠 for this customer.
 */
import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../../../shared/domain/discounts/approval';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { useLanguage } from '../../i18n';
import { formatFen } from '../../i18n/format';
import { hrefOf } from '../../router/useRoute';
import { DiscountFormModal } from './DiscountFormModal';
import { DISCOUNT_STATUS_COLORS } from './DiscountsPage';

export function CustomerDiscountsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const today = useToday();
  const [adding, setAdding] = useState(false);
  const state = useApiQuery('discounts/list', { customerId, status: null, unitCode: null });
  return (
    <Paper withBorder p="md" data-testid="customer-discounts">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('discounts.customerPanel.title')}</Title>
        <Group gap="sm">
          <Anchor href={hrefOf({ name: 'discounts' })} size="sm">
            {t('discounts.customerPanel.all')}
          </Anchor>
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)} data-testid="customer-discount-add">
            {t('discounts.customerPanel.add')}
          </Button>
        </Group>
      </Group>
      <ApiView state={state}>
        {(all) => {
          const rows = all.filter((d) => d.status === 'pending' || d.status === 'approved');
          if (rows.length === 0)
            return (
              <Text size="sm" c="dimmed">
                {t('discounts.customerPanel.empty')}
              </Text>
            );
          return (
            <Table striped withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {rows.map((d) => {
                  const ended = d.status === 'approved' && d.validTo < today;
                  const waiting = d.currentStep === null ? null : d.steps[d.currentStep];
                  return (
                    <Table.Tr
                      key={d.id}
                      data-testid="customer-discount"
                      data-status={d.status}
                      c={ended ? 'dimmed' : undefined}
                    >
                      <Table.Td w={90}>{t(`line.${d.line}`)}</Table.Td>
                      <Table.Td>
                        {formatFen(d.standardRate)} → <b>{formatFen(d.proposedRate)}</b>/{d.rateUnit}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {t('discounts.depth', { depth: formatBp(d.depthBp) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t('discounts.customerPanel.validUntil', { from: d.validFrom, to: d.validTo })}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={ended ? 'gray' : DISCOUNT_STATUS_COLORS[d.status]}
                          variant="light"
                          style={{ textTransform: 'none' }}
                        >
                          {ended ? t('discounts.customerPanel.expired') : t(`discounts.status.${d.status}`)}
                        </Badge>
                        {waiting && (
                          <Text span size="xs" c="dimmed" ml={6}>
                            {t('discounts.waitingFor', { role: english ? waiting.label.en : waiting.label.zh })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          );
        }}
      </ApiView>
      {adding && <DiscountFormModal customerId={customerId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
