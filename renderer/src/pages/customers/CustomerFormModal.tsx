import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Input,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiInput } from '../../../../shared/api/contract';
import { customersCreate, customersUpdate } from '../../../../shared/api/schemas';
import type { Customer, CustomerDetail, CustomerRef } from '../../../../shared/api/types';
import { checkCreditCode, normaliseCreditCode } from '../../../../shared/domain/credit-code';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { CUSTOMER_TEXT_LIMITS as LIMIT, textLength } from '../../../../shared/domain/names';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { CustomerLink } from '../../components/CustomerLink';
import { useGuardedClose } from '../../components/FormModal';
import { spacedCustomerId } from '../../domain/customer-id';
import { useSchemaForm } from '../../forms/useSchemaForm';

/** A head office the new customer will be a branch of. */
export interface ParentChoice {
  id: string;
  name: string;
  areaCode: string;
  unitId: number;
}

export type CustomerFormMode = { kind: 'create'; parent?: ParentChoice } | { kind: 'edit'; customer: CustomerDetail };

interface Props {
  opened: boolean;
  onClose: () => void;
  mode: CustomerFormMode;
  /** Where to go once saved (the new customer's page); the lists showing it refresh by themselves. */
  onSaved?: (customer: Customer) => void;
}

/**
 * 新建客户 / 新建分支机构 / 编辑客户, in a modal: Esc closes (asking first over unsaved input),
 * Enter submits, focus starts on 客户全称.
 */
export function CustomerFormModal({ opened, onClose, mode, onSaved }: Props) {
  const { t } = useTranslation();
  const title =
    mode.kind === 'edit'
      ? t('customerForm.editTitle')
      : mode.parent
        ? t('customerForm.createBranchTitle')
        : t('customerForm.createTitle');
  if (!opened) return null;
  return <CustomerForm title={title} mode={mode} onClose={onClose} onSaved={onSaved} />;
}

interface Values {
  name: string;
  shortName: string;
  areaCode: string | null;
  unitId: string | null;
  industry: string;
  creditCode: string;
  address: string;
  /** Only when creating: the head office the new customer is a branch of. */
  parent: ParentChoice | null;
  [key: string]: unknown;
}

function initialValues(mode: CustomerFormMode): Values {
  if (mode.kind === 'edit') {
    const c = mode.customer;
    return {
      name: c.name,
      shortName: c.shortName ?? '',
      areaCode: c.areaCode,
      unitId: String(c.unitId),
      industry: c.industry ?? '',
      creditCode: c.creditCode ?? '',
      address: c.address ?? '',
      parent: null,
    };
  }
  return {
    name: '',
    shortName: '',
    areaCode: mode.parent?.areaCode ?? null,
    unitId: mode.parent ? String(mode.parent.unitId) : null,
    industry: '',
    creditCode: '',
    address: '',
    parent: mode.parent ?? null,
  };
}

function isDuplicateExisting(value: unknown): value is CustomerRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CustomerRef).id === 'string' &&
    typeof (value as CustomerRef).name === 'string'
  );
}

type CustomerInput = ApiInput<'customers/create'> | ApiInput<'customers/update'>;

function CustomerForm({ title, mode, onClose, onSaved }: Omit<Props, 'opened'> & { title: string }) {
  const { t } = useTranslation();
  const [creditTouched, setCreditTouched] = useState(false);
  const create = useApiMutation('customers/create');
  const update = useApiMutation('customers/update');
  const areas = useApiQuery('areas/list', {});
  const units = useApiQuery('units/list', { includeRetired: false });

  const schemaForm = useSchemaForm({
    initialValues: initialValues(mode),
    // One form, two channels: editing checks against customers/update, creating against customers/create.
    schema: (mode.kind === 'edit' ? customersUpdate : customersCreate) as z.ZodType<unknown, CustomerInput>,
    toInput: (v: Values): CustomerInput => {
      const common = {
        name: v.name,
        shortName: v.shortName,
        areaCode: v.areaCode ?? '',
        unitId: v.unitId === null ? 0 : Number(v.unitId),
        industry: v.industry,
        creditCode: v.creditCode,
        address: v.address,
        confirmDuplicateName: false,
      };
      return mode.kind === 'edit' ? { ...common, id: mode.customer.id } : { ...common, parentId: v.parent?.id ?? null };
    },
    fieldOf: (path) => (path === 'parentId' ? 'parent' : path),
  });
  const { form } = schemaForm;
  const values = form.getValues();
  const close = useGuardedClose(schemaForm.isDirty, onClose);

  // Live check of the credit code (GB 32100): length errors wait until the field is left. The
  // same check (shared/domain/credit-code) is the schema's, so a submit shows the same message.
  const credit = values.creditCode.trim() === '' ? null : checkCreditCode(values.creditCode);
  const creditError =
    credit && !credit.ok && (creditTouched || normaliseCreditCode(values.creditCode).length >= 18)
      ? credit.message
      : null;

  // Duplicate warnings while typing (R19: same credit code, or same normalised name).
  const excludeId = mode.kind === 'edit' ? mode.customer.id : null;
  const [dupKey] = useDebouncedValue(JSON.stringify([values.name.trim(), credit?.ok ? credit.code : '']), 350);
  const dupQuery = useMemo(() => {
    const [name = '', creditCode = ''] = JSON.parse(dupKey) as string[];
    return { name, creditCode };
  }, [dupKey]);
  const duplicates = useApiQuery(
    'customers/check-duplicates',
    dupQuery.name === '' && dupQuery.creditCode === '' ? null : { ...dupQuery, excludeId },
  );
  const dup = duplicates.data;
  const dupByCredit = dupQuery.creditCode !== '' ? (dup?.byCreditCode ?? null) : null;
  const dupByName = dupQuery.name !== '' ? (dup?.byName ?? []) : [];

  const areaOptions = useMemo(
    () => (areas.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
    [areas.data],
  );
  const unitOptions = useMemo(() => {
    const list = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
    // In edit mode the customer's unit stays choosable even if it is not in the active list.
    if (mode.kind === 'edit' && !list.some((o) => o.value === String(mode.customer.unitId))) {
      list.push({ value: String(mode.customer.unitId), label: mode.customer.unit });
    }
    return list;
  }, [units.data, mode]);

  /** `confirmDuplicateName`: the officer saw the same-name warning and saves anyway (R19). */
  const save = async (confirmDuplicateName: boolean) => {
    const saved = await schemaForm.submit((input) =>
      'id' in input
        ? update.mutateAsync({ ...input, confirmDuplicateName })
        : create.mutateAsync({ ...input, confirmDuplicateName }),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: mode.kind === 'edit' ? t('customerForm.updated') : t('customerForm.created'),
      message: t('customerForm.createdMessage', { id: spacedCustomerId(saved.id) }),
    });
    onClose();
    onSaved?.(saved);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const failure = schemaForm.error;
  const duplicateError = failure?.code === 'DUPLICATE_CUSTOMER' ? failure : null;
  const duplicateReason = duplicateError?.details?.reason;
  const duplicateExisting = duplicateError?.details?.existing;
  const creditProps = form.getInputProps('creditCode');

  return (
    <Modal opened onClose={close} title={title} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="customer-form">
        <Stack gap="sm">
          {mode.kind === 'edit' && (
            <SimpleGrid cols={2} spacing="sm">
              <Input.Wrapper label={t('customerForm.id')}>
                <div>
                  <CustomerIdText id={mode.customer.id} testId="customer-form-id" />
                </div>
              </Input.Wrapper>
              <Input.Wrapper label={t('customerForm.headOffice')}>
                <div>
                  {mode.customer.parent ? (
                    <Text size="sm">{mode.customer.parent.name}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('customerForm.headOfficeNone')}
                    </Text>
                  )}
                </div>
              </Input.Wrapper>
            </SimpleGrid>
          )}

          <TextInput
            label={t('customerForm.name')}
            placeholder={t('customerForm.namePlaceholder')}
            {...form.getInputProps('name')}
            withAsterisk
            data-autofocus
            data-testid="customer-form-name"
            autoComplete="off"
            // No maxLength: a pasted name over the limit is refused with the limit, never cut (names.ts).
            description={nearLimit(values.name, LIMIT.name, t)}
          />

          {mode.kind === 'create' && (
            <ParentSelect
              value={values.parent}
              onChange={(p) => {
                form.setFieldValue('parent', p);
                if (p) {
                  form.setFieldValue('areaCode', p.areaCode);
                  if (form.getValues().unitId === null) form.setFieldValue('unitId', String(p.unitId));
                }
              }}
              error={form.errors.parent as string | undefined}
            />
          )}

          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('customerForm.shortName')}
              {...form.getInputProps('shortName')}
              data-testid="customer-form-short-name"
              autoComplete="off"
              description={nearLimit(values.shortName, LIMIT.shortName, t)}
            />
            <Autocomplete
              label={t('customerForm.industry')}
              placeholder={t('customerForm.industryPlaceholder')}
              data={[...INDUSTRIES]}
              {...form.getInputProps('industry')}
              data-testid="customer-form-industry"
            />
            <Select
              label={t('customerForm.area')}
              placeholder={t('customerForm.areaPlaceholder')}
              data={areaOptions}
              {...form.getInputProps('areaCode')}
              description={values.parent ? t('customerForm.areaFromParent') : undefined}
              searchable
              withAsterisk
              data-testid="customer-form-area"
            />
            <Select
              label={t('customerForm.unit')}
              placeholder={t('customerForm.unitPlaceholder')}
              data={unitOptions}
              {...form.getInputProps('unitId')}
              searchable
              withAsterisk
              data-testid="customer-form-unit"
            />
          </SimpleGrid>

          <TextInput
            label={t('customerForm.creditCode')}
            placeholder={t('customerForm.creditCodePlaceholder')}
            {...creditProps}
            onBlur={(e) => {
              setCreditTouched(true);
              creditProps.onBlur?.(e);
            }}
            error={creditError ?? creditProps.error}
            description={credit?.ok ? t('customerForm.creditCodeOk', { code: credit.code }) : undefined}
            data-testid="customer-form-credit-code"
            autoComplete="off"
            spellCheck={false}
            classNames={{ input: 'kam-mono-input' }}
          />

          <TextInput
            label={t('customerForm.address')}
            {...form.getInputProps('address')}
            data-testid="customer-form-address"
            autoComplete="off"
            description={nearLimit(values.address, LIMIT.address, t)}
          />

          {dupByCredit && duplicateReason !== 'creditCode' && (
            <Alert
              color="red"
              variant="light"
              title={t('customerForm.dupCreditTitle')}
              data-testid="dup-credit-warning"
            >
              <Text size="sm">
                {t('customerForm.dupCreditText')} <CustomerLink customer={dupByCredit} />
              </Text>
            </Alert>
          )}
          {dupByName.length > 0 && duplicateReason !== 'name' && (
            <Alert color="yellow" variant="light" title={t('customerForm.dupNameTitle')} data-testid="dup-name-warning">
              <Stack gap={4}>
                <Text size="sm">{t('customerForm.dupNameText')}</Text>
                {dupByName.map((c) => (
                  <Text size="sm" key={c.id}>
                    <CustomerLink customer={c} />
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

          {duplicateError && duplicateReason === 'name' && (
            <Alert
              color="yellow"
              title={t('customerForm.confirmNameTitle')}
              role="alert"
              data-testid="dup-name-confirm"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('customerForm.confirmNameText')}{' '}
                  {isDuplicateExisting(duplicateExisting) && <CustomerLink customer={duplicateExisting} />}
                </Text>
                <Text size="sm">{t('customerForm.confirmNameQuestion')}</Text>
                <Group>
                  <Button
                    color="yellow"
                    size="xs"
                    onClick={() => void save(true)}
                    loading={schemaForm.submitting}
                    data-testid="dup-name-save-anyway"
                  >
                    {mode.kind === 'edit' ? t('customerForm.saveAnyway') : t('customerForm.createAnyway')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {duplicateError && duplicateReason !== 'name' && (
            <Alert
              color="red"
              title={t('customerForm.refusedCreditTitle')}
              role="alert"
              data-testid="dup-credit-refused"
            >
              <Text size="sm">
                {duplicateError.message}{' '}
                {isDuplicateExisting(duplicateExisting) && <CustomerLink customer={duplicateExisting} />}
              </Text>
            </Alert>
          )}
          {failure && !duplicateError && <ErrorAlert error={failure} />}

          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={schemaForm.submitting} data-testid="customer-form-submit">
              {mode.kind === 'edit' ? t('customerForm.submitEdit') : t('customerForm.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Searchable select over head offices (customers/list), for registering a branch. */
function ParentSelect({
  value,
  onChange,
  error,
}: {
  value: ParentChoice | null;
  onChange: (value: ParentChoice | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const labelOf = (c: { id: string; name: string }) => `${c.name} · ${spacedCustomerId(c.id)}`;
  const [searchValue, setSearchValue] = useState(value ? labelOf(value) : '');
  const [debounced] = useDebouncedValue(searchValue, 250);
  const query = value && debounced === labelOf(value) ? '' : debounced.trim();
  // Typed IDs may carry the display spaces; the server matches ID prefixes by digits.
  const search = /^[\d\s]+$/.test(query) ? query.replace(/\s/g, '') : query;
  const results = useApiQuery('customers/list', {
    search,
    unitId: null,
    headOfficesOnly: true,
    offset: 0,
    limit: 30,
  });

  const choices = useMemo(() => {
    const map = new Map<string, ParentChoice>();
    if (value) map.set(value.id, value);
    for (const r of results.data?.rows ?? []) {
      if (r.parentId === null && !map.has(r.id)) {
        map.set(r.id, { id: r.id, name: r.name, areaCode: r.areaCode, unitId: r.unitId });
      }
    }
    return map;
  }, [results.data, value]);

  const data = [...choices.values()].map((c) => ({ value: c.id, label: labelOf(c) }));

  return (
    <Select
      label={t('customerForm.parent')}
      placeholder={t('customerForm.parentPlaceholder')}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id === null ? null : (choices.get(id) ?? null))}
      searchable
      clearable
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      nothingFoundMessage={results.loading ? t('common.loading') : t('customerForm.parentNothing')}
      description={
        value ? t('customerForm.parentHint', { prefix: spacedCustomerId(value.id).slice(0, 12) }) : undefined
      }
      error={error}
      data-testid="customer-form-parent"
    />
  );
}

/** "已输入 75 / 80 个字" once a text nears its limit, so the limit is known before it refuses. */
function nearLimit(value: string | null | undefined, max: number, t: TFunction): string | undefined {
  const n = textLength((value ?? '').trim());
  return n >= max * 0.8 ? t('customerForm.lengthCount', { count: n, max }) : undefined;
}
