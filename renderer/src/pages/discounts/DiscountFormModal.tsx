/**
 * 申请优惠 (R29): customer, line, charging unit, standard and proposed rate, expected monthly volume,
 * validity and reason, checked by discounts/add's schema; under the fields, the approval steps the
 * request will need under the policy in force (the same requiredSteps the backend fixes it with).
 */
import { Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { discountsAdd } from '../../../../shared/api/schemas';
import { requiredSteps } from '../../../../shared/domain/discounts/approval';
import { PRODUCT_LINES, type RevenueLine } from '../../../../shared/domain/lines';
import { parseMoney } from '../../../../shared/domain/money';
import { useApiMutation, useApiQuery } from '../../api/query';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { useCustomerSearch } from '../../forms/useCustomerSearch';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useLanguage } from '../../i18n';

interface Values {
  customerId: string | null;
  line: string | null;
  rateUnit: string;
  standardRate: string;
  proposedRate: string;
  monthlyVolume: number | string;
  validFrom: string | null;
  validTo: string | null;
  reason: string;
  [key: string]: unknown;
}

/** The policy in force today, for the steps' preview and the validity limit. */
function useCurrentPolicy() {
  const versions = useApiQuery('policies/list', {});
  const current = versions.data?.find((v) => v.current) ?? versions.data?.[versions.data.length - 1];
  return useApiQuery('policies/get', current ? { version: current.version } : null).data?.document ?? null;
}

export function DiscountFormModal({ customerId, onClose }: { customerId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const today = useToday();
  const add = useApiMutation('discounts/add');
  const policy = useCurrentPolicy();
  const { search, setSearch, options: customerOptions } = useCustomerSearch();
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: customerId ?? null,
      line: null,
      rateUnit: '件',
      standardRate: '',
      proposedRate: '',
      monthlyVolume: '',
      validFrom: today,
      validTo: null,
      reason: '',
    } as Values,
    schema: discountsAdd,
    toInput: (v: Values) =>
      ({
        customerId: v.customerId ?? '',
        line: (v.line ?? '') as RevenueLine,
        rateUnit: v.rateUnit,
        standardRate: v.standardRate,
        proposedRate: v.proposedRate,
        monthlyVolume: v.monthlyVolume === '' ? null : Number(v.monthlyVolume),
        validFrom: v.validFrom ?? '',
        validTo: v.validTo ?? '',
        reason: v.reason,
      }) as ApiInput<'discounts/add'>,
  });
  const { form } = schemaForm;
  const values = form.getValues();
  const customer = useApiQuery('customers/get', values.customerId ? { id: values.customerId } : null);
  const preview = (() => {
    if (!policy) return null;
    const standard = parseMoney(values.standardRate);
    const proposed = parseMoney(values.proposedRate);
    if (!standard.ok || standard.empty || !proposed.ok || proposed.empty) return null;
    if (proposed.fen <= 0 || proposed.fen >= standard.fen) return null;
    const volume = values.monthlyVolume === '' ? null : Number(values.monthlyVolume);
    return requiredSteps(
      {
        standard: standard.fen,
        proposed: proposed.fen,
        tier: customer.data?.tier ?? null,
        monthlyVolume: Number.isInteger(volume) ? volume : null,
      },
      policy,
    );
  })();

  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      title: t('discounts.saved', { id: done.id }),
      message: t('discounts.savedSteps', {
        steps: done.steps.map((s) => (english ? s.label.en : s.label.zh)).join(' → '),
      }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('discounts.add')}
      submitLabel={t('discounts.form.submit')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="discount-form"
    >
      <Stack gap="sm">
        <Select
          label={t('discounts.form.customer')}
          placeholder={t('discounts.form.customerPlaceholder')}
          data={customerId && customer.data ? [{ value: customerId, label: customer.data.name }] : customerOptions}
          {...form.getInputProps('customerId')}
          searchable
          searchValue={customerId ? undefined : search}
          onSearchChange={customerId ? undefined : setSearch}
          filter={({ options }) => options}
          disabled={customerId !== undefined}
          withAsterisk
          data-autofocus={customerId === undefined ? true : undefined}
          data-testid="discount-form-customer"
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('discounts.form.line')}
            data={[...PRODUCT_LINES, 'other' as const].map((l) => ({ value: l, label: t(`line.${l}`) }))}
            {...form.getInputProps('line')}
            withAsterisk
            data-autofocus={customerId !== undefined ? true : undefined}
            data-testid="discount-form-line"
          />
          <TextInput
            label={t('discounts.form.rateUnit')}
            placeholder={t('discounts.form.rateUnitHelp')}
            {...form.getInputProps('rateUnit')}
            withAsterisk
            data-testid="discount-form-unit"
          />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('discounts.form.standardRate')}
            {...form.getInputProps('standardRate')}
            withAsterisk
            inputMode="decimal"
            data-testid="discount-form-standard"
          />
          <TextInput
            label={t('discounts.form.proposedRate')}
            {...form.getInputProps('proposedRate')}
            withAsterisk
            inputMode="decimal"
            data-testid="discount-form-proposed"
          />
          <NumberInput
            label={t('discounts.form.monthlyVolume')}
            description={t('discounts.form.monthlyVolumeHelp')}
            {...form.getInputProps('monthlyVolume')}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            data-testid="discount-form-volume"
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label={t('discounts.form.validFrom')}
            description={t('discounts.form.validFromHelp')}
            {...form.getInputProps('validFrom')}
            withAsterisk
            data-testid="discount-form-from"
          />
          <DateField
            label={t('discounts.form.validTo')}
            description={policy ? t('discounts.form.validityHelp', { months: policy.discounts.maxValidityMonths }) : ''}
            {...form.getInputProps('validTo')}
            withAsterisk
            data-testid="discount-form-to"
          />
        </SimpleGrid>
        <Textarea
          label={t('discounts.form.reason')}
          {...form.getInputProps('reason')}
          autosize
          minRows={2}
          withAsterisk
          data-testid="discount-form-reason"
        />
        <Paper withBorder p="xs" bg="gray.0" data-testid="discount-form-preview">
          <Text size="xs" c="dimmed" mb={4}>
            {t('discounts.form.preview')}
          </Text>
          {preview === null ? (
            <Text size="sm" c="dimmed">
              {t('discounts.form.previewNone')}
            </Text>
          ) : (
            <Group gap={6}>
              {preview.map((s, i) => (
                <Text key={s.role} size="sm" title={s.reasons.map((r) => (english ? r.en : r.zh)).join('；')}>
                  {i > 0 ? '→ ' : ''}
                  {english ? s.label.en : s.label.zh}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    （{s.reasons.map((r) => (english ? r.en : r.zh)).join('；')}）
                  </Text>
                </Text>
              ))}
            </Group>
          )}
        </Paper>
      </Stack>
    </FormModal>
  );
}
