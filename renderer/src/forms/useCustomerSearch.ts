/**
 * A customer picker's search: what is typed, debounced, asked of customers/list (an ID typed with
 * spaces searched without them), and the matches as Select options "名称 · 4405 1500 001 000".
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import { useApiQuery } from '../api/query';
import { spacedCustomerId } from '../domain/customer-id';

export function useCustomerSearch(): {
  search: string;
  setSearch: (value: string) => void;
  options: { value: string; label: string }[];
} {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const customers = useApiQuery('customers/list', {
    search: /^[\d\s]+$/.test(debounced) ? debounced.replace(/\s/g, '') : debounced,
    offset: 0,
    limit: 30,
  } as ApiInput<'customers/list'>);
  const options = useMemo(
    () => (customers.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${spacedCustomerId(c.id)}` })),
    [customers.data],
  );
  return { search, setSearch, options };
}
