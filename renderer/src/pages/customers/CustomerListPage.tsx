import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { PageHeader } from '../../components/PageHeader';
import { formatCount } from '../../i18n/format';
import { navigate } from '../../router/useRoute';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerVirtualList } from './CustomerVirtualList';
import { useCustomerPages } from './useCustomerPages';

/**
 * The list's search, unit filter and scroll position survive a visit to a customer's page, so
 * "back to the list" returns to where the officer was (kept in memory for this session only).
 */
const remembered = { searchText: '', unitValue: null as string | null, scrollTop: 0 };

export function CustomerListPage() {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState(remembered.searchText);
  const [unitValue, setUnitValue] = useState<string | null>(remembered.unitValue);
  useEffect(() => {
    remembered.searchText = searchText;
    remembered.unitValue = unitValue;
  }, [searchText, unitValue]);
  const [initialScrollTop] = useState(remembered.scrollTop);
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(searchText, 200);
  const search = debounced.trim();
  const unitId = unitValue === null ? null : Number(unitValue);
  const pages = useCustomerPages(search, unitId);
  const units = useApi('units/list', { includeRetired: false });
  const focusFirstRow = useRef<(() => void) | null>(null);

  const filtered = search !== '' || unitId !== null;
  // While a new query's first page loads, keep a few placeholder rows instead of a blank.
  const lastTotal = useRef(12);
  if (pages.total !== null) lastTotal.current = pages.total;
  const shownTotal = pages.total ?? Math.min(lastTotal.current, 12);
  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));

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
      </Group>

      {pages.error ? (
        <ErrorAlert error={pages.error} onRetry={pages.retry} title={t('common.loadErrorTitle')} />
      ) : pages.total === 0 ? (
        filtered ? (
          <EmptyBlock
            title={t('customers.noMatchTitle')}
            description={search !== '' ? t('customers.noMatchSearch', { search }) : t('customers.noMatchUnit')}
            testId="customer-no-match"
          >
            <Button
              variant="light"
              onClick={() => {
                setSearchText('');
                setUnitValue(null);
              }}
            >
              {t('customers.clearFilters')}
            </Button>
          </EmptyBlock>
        ) : (
          <EmptyBlock description={t('customers.emptyText')} testId="customer-empty" />
        )
      ) : (
        <CustomerVirtualList
          pages={pages}
          total={shownTotal}
          queryKey={JSON.stringify([search, unitId])}
          ready={pages.total !== null}
          initialScrollTop={initialScrollTop}
          onScrollTopChange={(top) => {
            remembered.scrollTop = top;
          }}
          onOpen={(row) => navigate({ name: 'customer', id: row.id })}
          focusFirstRef={focusFirstRow}
        />
      )}

      <CustomerFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        mode={{ kind: 'create' }}
        onSaved={(customer) => navigate({ name: 'customer', id: customer.id })}
      />
    </Stack>
  );
}
