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
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerDetail, CustomerRef } from '../../../../shared/api/types';
import { checkCreditCode, normaliseCreditCode } from '../../../../shared/domain/credit-code';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ErrorAlert } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { CustomerLink } from '../../components/CustomerLink';
import { spacedCustomerId } from '../../domain/customer-id';

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
  onSaved: (customer: Customer) => void;
}

/** 新建客户 / 新建分支机构 / 编辑客户, in a modal: Esc closes, Enter submits, focus starts on 客户全称. */
export function CustomerFormModal({ opened, onClose, mode, onSaved }: Props) {
  const { t } = useTranslation();
  const title =
    mode.kind === 'edit'
      ? t('customerForm.editTitle')
      : mode.parent
        ? t('customerForm.createBranchTitle')
        : t('customerForm.createTitle');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CustomerForm mode={mode} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

const FIELDS = ['name', 'shortName', 'areaCode', 'unitId', 'industry', 'creditCode', 'address', 'parentId'] as const;

interface Values {
  name: string;
  shortName: string;
  areaCode: string | null;
  unitId: string | null;
  industry: string;
  creditCode: string;
  address: string;
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

function CustomerForm({ mode, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initialValues(mode));
  const [parent, setParent] = useState<ParentChoice | null>(mode.kind === 'create' ? (mode.parent ?? null) : null);
  const [creditTouched, setCreditTouched] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const submit = useSubmit(FIELDS);

  const areas = useApi('areas/list', {});
  const units = useApi('units/list', { includeRetired: false });

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setLocalErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });
    if (submit.fieldErrors[key]) submit.setFieldError(key, null);
  };

  // Live check of the credit code (GB 32100): length errors wait until the field is left.
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
  const duplicates = useApi(
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

  const errorOf = (field: (typeof FIELDS)[number]) => localErrors[field] ?? submit.fieldErrors[field];

  const save = async (confirmDuplicateName: boolean) => {
    const missing: Record<string, string> = {};
    if (values.name.trim() === '') missing.name = t('customerForm.nameRequired');
    if (values.areaCode === null) missing.areaCode = t('customerForm.areaRequired');
    if (values.unitId === null) missing.unitId = t('customerForm.unitRequired');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0 || values.areaCode === null || values.unitId === null) return;
    const common = {
      name: values.name,
      shortName: values.shortName,
      areaCode: values.areaCode,
      unitId: Number(values.unitId),
      industry: values.industry,
      creditCode: values.creditCode,
      address: values.address,
      confirmDuplicateName,
    };
    const saved = await submit.run(() =>
      mode.kind === 'edit'
        ? api.call('customers/update', { ...common, id: mode.customer.id })
        : api.call('customers/create', { ...common, parentId: parent?.id ?? null }),
    );
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: mode.kind === 'edit' ? t('customerForm.updated') : t('customerForm.created'),
      message: t('customerForm.createdMessage', { id: spacedCustomerId(saved.id) }),
    });
    onClose();
    onSaved(saved);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const duplicateError = submit.error?.code === 'DUPLICATE_CUSTOMER' ? submit.error : null;
  const duplicateReason = duplicateError?.details?.reason;
  const duplicateExisting = duplicateError?.details?.existing;

  return (
    <form onSubmit={onSubmit} noValidate>
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
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errorOf('name')}
          withAsterisk
          data-autofocus
          data-testid="customer-form-name"
          autoComplete="off"
          maxLength={80}
        />

        {mode.kind === 'create' && (
          <ParentSelect
            value={parent}
            onChange={(p) => {
              setParent(p);
              if (p) {
                setValues((v) => ({ ...v, areaCode: p.areaCode, unitId: v.unitId ?? String(p.unitId) }));
              }
            }}
            error={errorOf('parentId')}
          />
        )}

        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('customerForm.shortName')}
            value={values.shortName}
            onChange={(e) => set('shortName', e.currentTarget.value)}
            error={errorOf('shortName')}
            data-testid="customer-form-short-name"
            autoComplete="off"
            maxLength={30}
          />
          <Autocomplete
            label={t('customerForm.industry')}
            placeholder={t('customerForm.industryPlaceholder')}
            data={[...INDUSTRIES]}
            value={values.industry}
            onChange={(v) => set('industry', v)}
            error={errorOf('industry')}
            data-testid="customer-form-industry"
            maxLength={30}
          />
          <Select
            label={t('customerForm.area')}
            placeholder={t('customerForm.areaPlaceholder')}
            data={areaOptions}
            value={values.areaCode}
            onChange={(v) => set('areaCode', v)}
            error={errorOf('areaCode')}
            description={parent ? t('customerForm.areaFromParent') : undefined}
            searchable
            withAsterisk
            data-testid="customer-form-area"
          />
          <Select
            label={t('customerForm.unit')}
            placeholder={t('customerForm.unitPlaceholder')}
            data={unitOptions}
            value={values.unitId}
            onChange={(v) => set('unitId', v)}
            error={errorOf('unitId')}
            searchable
            withAsterisk
            data-testid="customer-form-unit"
          />
        </SimpleGrid>

        <TextInput
          label={t('customerForm.creditCode')}
          placeholder={t('customerForm.creditCodePlaceholder')}
          value={values.creditCode}
          onChange={(e) => set('creditCode', e.currentTarget.value)}
          onBlur={() => setCreditTouched(true)}
          error={creditError ?? errorOf('creditCode')}
          description={credit?.ok ? t('customerForm.creditCodeOk', { code: credit.code }) : undefined}
          data-testid="customer-form-credit-code"
          autoComplete="off"
          spellCheck={false}
          classNames={{ input: 'kam-mono-input' }}
          maxLength={30}
        />

        <TextInput
          label={t('customerForm.address')}
          value={values.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={errorOf('address')}
          data-testid="customer-form-address"
          autoComplete="off"
          maxLength={120}
        />

        {dupByCredit && duplicateReason !== 'creditCode' && (
          <Alert color="red" variant="light" title={t('customerForm.dupCreditTitle')} data-testid="dup-credit-warning">
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
          <Alert color="yellow" title={t('customerForm.confirmNameTitle')} role="alert" data-testid="dup-name-confirm">
            <Stack gap="xs">
              <Text size="sm">
                {t('customerForm.confirmNameText')}{' '}
                {isDuplicateExisting(duplicateExisting) && <CustomerLink customer={duplicateExisting} />}
              </Text>
              <Text size="sm">{t('customerForm.confirmNameQuestion')}</Text>
              <Group>
                <Button color="yellow" size="xs" onClick={() => void save(true)} loading={submit.submitting}>
                  {mode.kind === 'edit' ? t('customerForm.saveAnyway') : t('customerForm.createAnyway')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {duplicateError && duplicateReason !== 'name' && (
          <Alert color="red" title={t('customerForm.refusedCreditTitle')} role="alert" data-testid="dup-credit-refused">
            <Text size="sm">
              {duplicateError.message}{' '}
              {isDuplicateExisting(duplicateExisting) && <CustomerLink customer={duplicateExisting} />}
            </Text>
          </Alert>
        )}
        {submit.error && !duplicateError && <ErrorAlert error={submit.error} />}

        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submit.submitting} data-testid="customer-form-submit">
            {mode.kind === 'edit' ? t('customerForm.submitEdit') : t('customerForm.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
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
  const results = useApi('customers/list', { search, unitId: null, headOfficesOnly: true, offset: 0, limit: 30 });

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
