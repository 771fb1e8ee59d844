import { Button, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanString, formatMoney, formatWan, parseMoney } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { EmptyBlock } from '../../components/EmptyBlock';
import { lastYearOf, YearSelect } from '../../components/PeriodPickers';
import { formatDateTime } from '../../i18n/format';

/** 全局收入: the city bureau's annual revenue per year, the R10 share denominator. */
export function BureauTab() {
  const { t } = useTranslation();
  const today = useToday();
  const list = useApi('revenue/bureau-list', {});
  const [year, setYear] = useState(() => lastYearOf(today));
  const [amount, setAmount] = useState('');
  const submit = useSubmit(['year', 'amount']);
  const parsed = amount.trim() === '' ? null : parseMoney(amount);

  const save = async () => {
    const saved = await submit.run(() => api.call('revenue/bureau-set', { year, amount }));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('bureau.saved'),
      message: t('bureau.savedText', { year: saved.year, amount: formatMoney(saved.amount) }),
    });
    setAmount('');
    list.reload();
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {t('bureau.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('bureau.hint')}
        </Text>
        <ApiView state={list}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyBlock description={t('bureau.empty')} testId="bureau-empty" />
            ) : (
              <Table striped aria-label={t('bureau.title')} data-testid="bureau-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('bureau.year')}</Table.Th>
                    <Table.Th ta="right">{t('bureau.amount')}</Table.Th>
                    <Table.Th ta="right">{t('bureau.amountWan')}</Table.Th>
                    <Table.Th>{t('bureau.enteredAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...rows]
                    .sort((a, b) => b.year - a.year)
                    .map((r) => (
                      <Table.Tr
                        key={r.year}
                        data-testid="bureau-row"
                        data-year={r.year}
                        className="kam-click-row"
                        onClick={() => {
                          setYear(r.year);
                          setAmount(fenToYuanString(r.amount));
                        }}
                      >
                        <Table.Td fw={600}>{r.year}</Table.Td>
                        <Table.Td ta="right" className="kam-num">
                          {formatMoney(r.amount)}
                        </Table.Td>
                        <Table.Td ta="right" className="kam-num">
                          {formatWan(r.amount)}
                        </Table.Td>
                        <Table.Td className="kam-num">{formatDateTime(r.enteredAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )
          }
        </ApiView>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          {t('bureau.formTitle')}
        </Title>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="bureau-form"
        >
          <Group align="flex-start" gap="sm">
            <YearSelect
              today={today}
              label={t('bureau.year')}
              value={year}
              onChange={setYear}
              w={130}
              testId="bureau-year"
              error={submit.fieldErrors.year}
            />
            <TextInput
              label={t('bureau.amount')}
              placeholder={t('bureau.amountPlaceholder')}
              value={amount}
              onChange={(e) => {
                setAmount(e.currentTarget.value);
                submit.setFieldError('amount', null);
              }}
              error={submit.fieldErrors.amount}
              description={
                parsed?.ok && !parsed.empty
                  ? t('bureau.reads', { money: formatMoney(parsed.fen), wan: formatWan(parsed.fen) })
                  : parsed && !parsed.ok
                    ? parsed.message
                    : t('bureau.amountHint')
              }
              w={280}
              withAsterisk
              autoComplete="off"
              data-testid="bureau-amount"
            />
          </Group>
          {submit.error && <ErrorAlert error={submit.error} />}
          <Group mt="md">
            <Button type="submit" loading={submit.submitting} data-testid="bureau-submit">
              {t('common.save')}
            </Button>
          </Group>
        </form>
      </Paper>
    </SimpleGrid>
  );
}
