import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierOrNone } from '../../../../shared/api/types';
import { useApiQuery } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ExportButton } from '../../components/list/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { TIERS_OR_NONE } from '../../components/TierBadge';
import { formatCount } from '../../i18n/format';
import { navigate } from '../../router/useRoute';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerImportModal } from './CustomerImportModal';
import { CustomerVirtualList, customerColumns } from './CustomerVirtualList';
import { FirstStartChecklist } from './FirstStartChecklist';
import { fetchAllCustomers, useCustomerPages } from './useCustomerPages';

/**
 * The list's search, unit and tier filters and scroll position survive a visit to a customer's page, so
 * "back to the list" returns to where the officer was (kept in memory for this session only).
 */
const remembered = {
  searchText: '',
  unitValue: null as string | null,
  tierValue: null as TierOrNone | null,
  scrollTop: 0,
};

export function CustomerListPage() {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState(remembered.searchText);
  const [unitValue, setUnitValue] = useState<string | null>(remembered.unitValue);
  const [tierValue, setTierValue] = useState<TierOrNone | null>(remembered.tierValue);
  useEffect(() => {
    remembered.searchText = searchText;
    remembered.unitValue = unitValue;
    remembered.tierValue = tierValue;
  }, [searchText, unitValue, tierValue]);
  const [initialScrollTop] = useState(remembered.scrollTop);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [debounced] = useDebouncedValue(searchText, 200);
  const search = debounced.trim();
  const unitId = unitValue === null ? null : Number(unitValue);
  const filter = { search, unitId, tier: tierValue };
  const pages = useCustomerPages(filter);
  const units = useApiQuery('units/list', { includeRetired: false });
  const focusFirstRow = useRef<(() => void) | null>(null);

  const filtered = search !== '' || unitId !== null || tierValue !== null;
  // While a new query's first page loads, keep a few placeholder rows instead of a blank.
  const lastTotal = useRef(12);
  if (pages.total !== null) lastTotal.current = pages.total;
  const shownTotal = pages.total ?? Math.min(lastTotal.current, 12);
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const unitName = unitOptions.find((o) => o.value === unitValue)?.label;
  // The filters in force, printed on the export (as every list's export does).
  const filters = [
    ...(search !== '' ? [`${t('customers.searchFilter')}：${search}`] : []),
    ...(unitName ? [`${t('customers.unitFilter')}：${unitName}`] : []),
    ...(tierValue ? [`${t('customers.tierFilter')}：${t(`tier.${tierValue}`)}`] : []),
  ];
  const tierOptions = TIERS_OR_NONE.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }));

  return (
    <Stack gap="sm" className="kam-fill-page">
      <PageHeader
        title={t('customers.title')}
        after={
          <Text size="sm" c="dimmed" data-testid="customer-total" aria-live="polite">
            {pages.total === null
              ? t('customers.totalLoading')
              : t('customers.total', { count: formatCount(pages.total) })}
          </Text>
        }
      >
        <Button variant="default" onClick={() => setImporting(true)} data-testid="customer-import-open">
          {t('customerImport.open')}
        </Button>
        <Button onClick={() => setCreating(true)} data-testid="customer-new">
          {t('customers.newCustomer')}
        </Button>
      </PageHeader>

      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          value={searchText}
          onChange={(e) => setSearchText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusFirstRow.current?.();
            } else if (e.key === 'Escape' && searchText !== '') {
              setSearchText('');
            }
          }}
          data-testid="customer-search"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1, maxWidth: 520 }}
        />
        <Select
          label={t('customers.unitFilter')}
          placeholder={t('customers.allUnits')}
          data={unitOptions}
          value={unitValue}
          onChange={setUnitValue}
          clearable
          searchable
          data-testid="customer-unit-filter"
          w={220}
        />
        <Select
          label={t('customers.tierFilter')}
          placeholder={t('customers.allTiers')}
          data={tierOptions}
          value={tierValue}
          onChange={(v) => setTierValue(v as TierOrNone | null)}
          clearable
          data-testid="customer-tier-filter"
          w={150}
        />
        <Group ml="auto" gap="xs" wrap="nowrap">
          <ExportButton
            listId="customers"
            title={t('customers.exportTitle')}
            filters={filters}
            columns={customerColumns(t)}
            // Every customer of the current search and unit, not only the rows on screen.
            rows={() => fetchAllCustomers(filter)}
            disabled={!pages.total}
          />
        </Group>
      </Group>

      {pages.error ? (
        <ErrorAlert error={pages.error} onRetry={pages.retry} title={t('common.loadErrorTitle')} />
      ) : pages.total === 0 ? (
        filtered ? (
          <EmptyBlock
            title={t('customers.noMatchTitle')}
            description={
              search !== ''
                ? t('customers.noMatchSearch', { search })
                : unitId !== null
                  ? t('customers.noMatchUnit')
                  : t('customers.noMatchTier')
            }
            testId="customer-no-match"
          >
            <Button
              variant="light"
              onClick={() => {
                setSearchText('');
                setUnitValue(null);
                setTierValue(null);
              }}
            >
              {t('customers.clearFilters')}
            </Button>
          </EmptyBlock>
        ) : (
          <FirstStartChecklist onCreate={() => setCreating(true)} onImport={() => setImporting(true)} />
        )
      ) : (
        <CustomerVirtualList
          pages={pages}
          total={shownTotal}
          queryKey={JSON.stringify([search, unitId, tierValue])}
          ready={pages.total !== null}
          initialScrollTop={initialScrollTop}
          onScrollTopChange={(top) => {
            remembered.scrollTop = top;
          }}
          onOpen={(row) => navigate({ name: 'customer', id: row.id })}
          focusFirstRef={focusFirstRow}
        />
      )}

      <CustomerImportModal opened={importing} onClose={() => setImporting(false)} />
      <CustomerFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        mode={{ kind: 'create' }}
        onSaved={(customer) => navigate({ name: 'customer', id: customer.id })}
      />
    </Stack>
  );
}
