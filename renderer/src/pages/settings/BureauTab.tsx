import { Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { bureauSet } from '../../../../shared/api/schemas';
import type { BureauRevenue } from '../../../../shared/api/types';
import { fenToYuanString, formatMoney, formatWan, parseMoney } from '../../../../shared/domain/money';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { lastYearOf, YearSelect } from '../../components/PeriodPickers';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { formatDateTime } from '../../i18n/format';

/** 全局收入: the city bureau's annual revenue per year, the R10 share denominator. */
export function BureauTab() {
  const { t } = useTranslation();
  const today = useToday();
  const list = useApiQuery('revenue/bureau-list', {});
  const set = useApiMutation('revenue/bureau-set');
  const form = useSchemaForm({
    initialValues: { year: lastYearOf(today), amount: '' },
    schema: bureauSet,
    toInput: (v) => ({ year: v.year, amount: v.amount }),
  });
  const { year, amount } = form.form.getValues();
  const parsed = amount.trim() === '' ? null : parseMoney(amount);

  const save = async () => {
    const saved = await form.submit((input) => set.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('bureau.saved'),
      message: t('bureau.savedText', { year: saved.year, amount: formatMoney(saved.amount) }),
    });
    form.form.setFieldValue('amount', '');
  };

  const columns: ListColumn<BureauRevenue>[] = [
    {
      key: 'year',
      title: t('bureau.year'),
      toggleable: false,
      render: (r) => (
        <Text size="sm" fw={600}>
          {r.year}
        </Text>
      ),
    },
    { key: 'amount', title: t('bureau.amount'), format: 'money' },
    {
      key: 'amountWan',
      title: t('bureau.amountWan'),
      textAlign: 'right',
      // A reading aid beside the exact amount; the amount column sorts.
      sortable: false,
      value: (r) => formatWan(r.amount),
    },
    { key: 'enteredAt', title: t('bureau.enteredAt'), noWrap: true, value: (r) => formatDateTime(r.enteredAt) },
  ];

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
          {(rows) => (
            <ListTable
              id="bureau"
              title={t('bureau.title')}
              records={[...rows].sort((a, b) => b.year - a.year)}
              columns={columns}
              rowKey={(r) => r.year}
              emptyText={t('bureau.empty')}
              // A row fills the form, to correct that year's figure.
              onRowClick={(r) => form.form.setValues({ year: r.year, amount: fenToYuanString(r.amount) })}
              rowAttributes={(r) => ({ 'data-testid': 'bureau-row', 'data-year': r.year })}
              testId="bureau-table"
            />
          )}
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
              onChange={(v) => form.form.setFieldValue('year', v)}
              error={form.form.errors.year}
              w={130}
              testId="bureau-year"
            />
            <TextInput
              label={t('bureau.amount')}
              placeholder={t('bureau.amountPlaceholder')}
              {...form.form.getInputProps('amount')}
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
          {form.error && <ErrorAlert error={form.error} />}
          <Group mt="md">
            <Button type="submit" loading={form.submitting} data-testid="bureau-submit">
              {t('common.save')}
            </Button>
          </Group>
        </form>
      </Paper>
    </SimpleGrid>
  );
}
