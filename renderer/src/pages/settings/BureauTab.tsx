import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { bureauSet } from '../../../../shared/api/schemas';
import type { BureauRevenue, BureauRevenueChange } from '../../../../shared/api/types';
import { fenToYuanString, formatMoney, parseMoney } from '../../../../shared/domain/money';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { lastYearOf, YearSelect } from '../../components/PeriodPickers';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { formatDateTime } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';

/** 全局收入: the city bureau's annual revenue per year, the R10 share denominator. */
export function BureauTab() {
  const { t } = useTranslation();
  const f = useFormat();
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

  /** R10: the backend refuses a different figure for a year already entered until asked again with `replace`. */
  const askReplace = (year: number, current: number, amount: number) =>
    new Promise<boolean>((resolve) => {
      modals.openConfirmModal({
        title: t('bureau.replace.title', { year }),
        children: (
          <Text size="sm">
            {t('bureau.replace.text', { year, current: formatMoney(current), amount: formatMoney(amount) })}
          </Text>
        ),
        labels: { confirm: t('bureau.replace.confirm'), cancel: t('common.cancel') },
        closeButtonProps: { 'aria-label': t('common.close') },
        confirmProps: { color: 'orange', 'data-testid': 'bureau-replace-confirm' },
        cancelProps: { 'data-testid': 'bureau-replace-cancel' },
        onConfirm: () => resolve(true),
        onCancel: () => resolve(false),
        onClose: () => resolve(false),
      });
    });

  const save = async () => {
    const saved = await form.submit(async (input) => {
      try {
        return await set.mutateAsync(input);
      } catch (e) {
        const failure = toApiCallError('revenue/bureau-set', e);
        const { current, amount } = failure.details ?? {};
        if (failure.code !== 'CONFLICT' || typeof current !== 'number' || typeof amount !== 'number') throw e;
        if (!(await askReplace(input.year, current, amount))) return undefined;
        return await set.mutateAsync({ ...input, replace: true });
      }
    });
    if (!saved) return;
    notifications.show({
      color: saved.staleRuns > 0 ? 'orange' : 'postal',
      title: t('bureau.saved'),
      message: [
        t('bureau.savedText', { year: saved.year, amount: formatMoney(saved.amount) }),
        ...(saved.staleRuns > 0 ? [t('bureau.staleRuns', { count: saved.staleRuns })] : []),
      ].join('；'),
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
    // One money style per table (docs/DOMAIN-DECISIONS.md): the exact amount only, no 万元 column.
    { key: 'amount', title: t('bureau.amount'), format: 'money' },
    { key: 'enteredAt', title: t('bureau.enteredAt'), noWrap: true, value: (r) => formatDateTime(r.enteredAt) },
  ];

  return (
    <Stack gap="md">
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
                    ? t('bureau.reads', { money: formatMoney(parsed.fen), wan: f.fenSummary(parsed.fen) })
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
      <BureauHistory />
    </Stack>
  );
}

/** R10: every replaced figure, newest first — who replaced it, when, from what to what. */
function BureauHistory() {
  const { t } = useTranslation();
  const history = useApiQuery('revenue/bureau-history', {});
  const columns: ListColumn<BureauRevenueChange>[] = [
    {
      key: 'year',
      title: t('bureau.history.year'),
      toggleable: false,
      render: (r) => (
        <Text size="sm" fw={600}>
          {r.year}
        </Text>
      ),
    },
    { key: 'oldAmount', title: t('bureau.history.old'), format: 'money' },
    { key: 'newAmount', title: t('bureau.history.new'), format: 'money' },
    { key: 'changedAt', title: t('bureau.history.changedAt'), noWrap: true, value: (r) => formatDateTime(r.changedAt) },
    { key: 'actor', title: t('bureau.history.actor'), noWrap: true },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('bureau.history.title')}
      </Title>
      <ApiView state={history}>
        {(rows) => (
          <ListTable
            id="bureau-history"
            title={t('bureau.history.title')}
            records={rows}
            columns={columns}
            rowKey={(r) => r.id}
            emptyText={t('bureau.history.empty')}
            rowAttributes={(r) => ({ 'data-testid': 'bureau-history-row', 'data-year': r.year })}
            testId="bureau-history"
          />
        )}
      </ApiView>
    </Paper>
  );
}
