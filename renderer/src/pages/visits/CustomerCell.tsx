import { Anchor, Stack } from '@mantine/core';
import { CustomerIdText } from '../../components/CustomerIdText';
import { hrefOf } from '../../router/useRoute';

/** A customer's name (a link to its page) with its ID dimmed beneath. */
export function CustomerCell({ id, name }: { id: string; name: string }) {
  return (
    <Stack gap={0}>
      <Anchor size="sm" href={hrefOf({ name: 'customer', id })} fw={500} lineClamp={1} title={name}>
        {name}
      </Anchor>
      <CustomerIdText id={id} size="sm" style={{ opacity: 0.7, fontSize: 11 }} />
    </Stack>
  );
}
