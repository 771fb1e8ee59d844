/**
 * 新建注册申报 (R19) on registrations/add's schema. While the name, credit code or phone is typed,
 * registrations/dupcheck (debounced) lists who already holds the same or a similar company under
 * the name: the reason, the holder's unit, state and date only (R19a). A wrong credit code shows
 * the backend's message naming the character. Once filed, the result is told and the
 * registration opens.
 */
import {
  Autocomplete,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import type { RegistrationMatch } from '../../../../shared/api/registration-types';
import { registrationsAdd } from '../../../../shared/api/schemas';
import { checkCreditCode, normaliseCreditCode } from '../../../../shared/domain/credit-code';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { PRODUCT_LINES } from '../../../../shared/domain/lines';
import { useApiMutation, useApiQuery } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { navigate } from '../../router/useRoute';
import { MatchLine } from './badges';
import { isConflict } from './labels';

interface Values {
  unitId: string | null;
  name: string;
  creditCode: string;
  areaCode: string | null;
  phone: string;
  address: string;
  industry: string;
  lines: string[];
  revenue: string;
  evidence: string;
  contact: string;
  reason: string;
  [key: string]: unknown;
}

const INITIAL: Values = {
  unitId: null,
  name: '',
  creditCode: '',
  areaCode: null,
  phone: '',
  address: '',
  industry: '',
  lines: [],
  revenue: '',
  evidence: '',
  contact: '',
  reason: '',
};

type AddInput = ApiInput<'registrations/add'>;

function toInput(v: Values): AddInput {
  return {
    unitId: v.unitId === null ? 0 : Number(v.unitId),
    name: v.name,
    areaCode: v.areaCode ?? '',
    creditCode: v.creditCode,
    phone: v.phone,
    address: v.address,
    industry: v.industry,
    lines: v.lines as AddInput['lines'],
    evidence: v.evidence,
    revenueFen: v.revenue,
    contact: v.contact,
    reason: v.reason,
  } as AddInput;
}

export function RegistrationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useApiMutation('registrations/add');
  const units = useApiQuery('units/list', { includeRetired: false });
  const areas = useApiQuery('areas/list', {});
  const schemaForm = useSchemaForm({
    initialValues: INITIAL,
    schema: registrationsAdd,
    toInput,
    fieldOf: (path) => (path === 'revenueFen' ? 'revenue' : path),
  });
  const { form } = schemaForm;
  const values = form.getValues();

  // The credit code is checked as typed with the backend's own check (shared/domain/credit-code,
  // the schema's): its message names the wrong character. Length waits until the field is left.
  const [creditTouched, setCreditTouched] = useState(false);
  const credit = values.creditCode.trim() === '' ? null : checkCreditCode(values.creditCode);
  const creditError =
    credit && !credit.ok && (creditTouched || normaliseCreditCode(values.creditCode).length >= 18)
      ? credit.message
      : null;

  // R19a: the duplicate check as the officer types (debounced), on name, credit code and phone.
  // A wrong credit code is left out of it, so the name's matches stay in view while it is fixed.
  const [probe] = useDebouncedValue(
    JSON.stringify([values.name.trim(), credit?.ok ? credit.code : '', values.phone.trim()]),
    300,
  );
  const dupInput = useMemo(() => {
    const [name = '', creditCode = '', phone = ''] = JSON.parse(probe) as string[];
    return name === '' ? null : { name, creditCode, phone };
  }, [probe]);
  const dup = useApiQuery('registrations/dupcheck', dupInput, { keepPrevious: false });
  const dupIssue = dup.error ? (dup.error.issues[0]?.message ?? dup.error.message) : null;
  const matches = dup.data?.matches ?? [];

  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const areaOptions = (areas.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));
  const lineOptions = PRODUCT_LINES.map((l) => ({ value: l, label: t(`line.${l}`) }));

  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: done.needsRuling ? 'orange' : 'postal',
      title: t('registrations.form.created', { id: done.id }),
      message: [
        t('registrations.form.createdState', { state: t(`registrations.state.${done.state}`) }),
        ...(done.preReviewUnit
          ? [
              t('registrations.form.createdPreReview', {
                unit: units.data?.find((u) => u.code === done.preReviewUnit)?.name ?? done.preReviewUnit,
              }),
            ]
          : []),
        ...(done.needsRuling
          ? [t('registrations.form.createdNeedsRuling', { count: done.conflicts.filter(isConflict).length })]
          : []),
      ].join(t('registrations.sentenceJoin')),
      autoClose: 8000,
    });
    onClose();
    navigate({ name: 'registrations', tab: 'list', id: done.id });
  };

  const creditProps = form.getInputProps('creditCode');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('registrations.form.title')}
      submitLabel={t('registrations.form.submit')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="xl"
      testId="registration-form"
    >
      <SimpleGrid cols={3} spacing="sm">
        <Select
          label={t('registrations.form.unit')}
          placeholder={t('registrations.form.unitPlaceholder')}
          data={unitOptions}
          {...form.getInputProps('unitId')}
          onChange={(v) => {
            form.setFieldValue('unitId', v);
            const unit = units.data?.find((u) => String(u.id) === v);
            if (unit?.areaCode && form.getValues().areaCode === null) form.setFieldValue('areaCode', unit.areaCode);
          }}
          searchable
          withAsterisk
          data-autofocus
          data-testid="registration-form-unit"
        />
        <Select
          label={t('registrations.form.area')}
          placeholder={t('registrations.form.areaPlaceholder')}
          data={areaOptions}
          {...form.getInputProps('areaCode')}
          searchable
          withAsterisk
          data-testid="registration-form-area"
        />
        <TextInput
          label={t('registrations.form.phone')}
          {...form.getInputProps('phone')}
          autoComplete="off"
          data-testid="registration-form-phone"
        />
      </SimpleGrid>
      <TextInput
        label={t('registrations.form.name')}
        placeholder={t('registrations.form.namePlaceholder')}
        {...form.getInputProps('name')}
        withAsterisk
        autoComplete="off"
        data-testid="registration-form-name"
      />
      <DupPanel probing={dupInput !== null} loading={dup.loading} matches={matches} error={dupIssue} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('registrations.form.creditCode')}
          placeholder={t('registrations.form.creditCodePlaceholder')}
          {...creditProps}
          onBlur={(e) => {
            setCreditTouched(true);
            creditProps.onBlur?.(e);
          }}
          error={creditProps.error ?? creditError}
          autoComplete="off"
          spellCheck={false}
          classNames={{ input: 'kam-mono-input' }}
          data-testid="registration-form-credit-code"
        />
        <Autocomplete
          label={t('registrations.form.industry')}
          data={[...INDUSTRIES]}
          {...form.getInputProps('industry')}
          data-testid="registration-form-industry"
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('registrations.form.address')}
          {...form.getInputProps('address')}
          autoComplete="off"
          data-testid="registration-form-address"
        />
        <TextInput
          label={t('registrations.form.contact')}
          {...form.getInputProps('contact')}
          autoComplete="off"
          data-testid="registration-form-contact"
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        <MultiSelect
          label={t('registrations.form.lines')}
          placeholder={values.lines.length === 0 ? t('registrations.form.linesPlaceholder') : undefined}
          data={lineOptions}
          {...form.getInputProps('lines')}
          data-testid="registration-form-lines"
        />
        <TextInput
          label={t('registrations.form.revenue')}
          {...form.getInputProps('revenue')}
          inputMode="decimal"
          autoComplete="off"
          data-testid="registration-form-revenue"
        />
        <TextInput
          label={t('registrations.form.evidence')}
          placeholder={t('registrations.form.evidencePlaceholder')}
          {...form.getInputProps('evidence')}
          autoComplete="off"
          data-testid="registration-form-evidence"
        />
      </SimpleGrid>
      <Textarea
        label={t('registrations.form.reason')}
        {...form.getInputProps('reason')}
        autosize
        minRows={1}
        maxRows={4}
        data-testid="registration-form-reason"
      />
    </FormModal>
  );
}

function DupPanel({
  probing,
  loading,
  matches,
  error,
}: {
  probing: boolean;
  loading: boolean;
  matches: readonly RegistrationMatch[];
  error: string | null;
}) {
  const { t } = useTranslation();
  if (!probing) return null;
  if (error) {
    return (
      <Text size="sm" c="red" data-testid="registration-dup-error">
        {error}
      </Text>
    );
  }
  if (matches.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="registration-dup-none">
        {loading ? (
          <>
            <Loader size={12} mr={6} />
            {t('registrations.form.checking')}
          </>
        ) : (
          t('registrations.form.noMatches')
        )}
      </Text>
    );
  }
  const conflict = matches.some(isConflict);
  return (
    <Paper withBorder px="sm" py={6} radius="sm" data-testid="registration-dup" aria-live="polite">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('registrations.form.matchesTitle', { count: matches.length })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('registrations.form.matchesNote')}
          </Text>
        </Group>
        {matches.map((m) => (
          <MatchLine key={`${m.customerId ?? ''}:${m.registrationId ?? ''}`} match={m} />
        ))}
        {conflict && (
          <Text size="sm" c="orange.8" fw={500} data-testid="registration-dup-conflict">
            {t('registrations.form.conflictHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
