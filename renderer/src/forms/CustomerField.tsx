/** The customer of a marketing form: fixed when opened from its page, otherwise searched. */
import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useCustomerSearch } from './useCustomerSearch';

export function CustomerField<V extends { customerId: string | null }>({
  form,
  fixed,
  label,
  placeholder,
  testId,
}: {
  form: UseFormReturnType<V>;
  fixed: { id: string; name: string } | null;
  label: string;
  placeholder: string;
  testId: string;
}) {
  const { search, setSearch, options } = useCustomerSearch();
  if (fixed) return <TextInput label={label} value={fixed.name} readOnly data-testid={testId} />;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={options}
      {...form.getInputProps('customerId')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      withAsterisk
      data-autofocus
      data-testid={testId}
    />
  );
}
