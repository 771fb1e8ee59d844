import { Anchor } from '@mantine/core';
import type { CustomerRef } from '../../../shared/api/types';
import { hrefOf } from '../router/useRoute';
import { CustomerIdText } from './CustomerIdText';

/** A link to a customer's page: its name and, dimmed, its ID. */
export function CustomerLink({ customer, withId = true }: { customer: CustomerRef; withId?: boolean }) {
  return (
    <Anchor href={hrefOf({ name: 'customer', id: customer.id })} data-testid="customer-link">
      {customer.name}
      {withId && (
        <>
          {' '}
          <CustomerIdText id={customer.id} size="sm" style={{ opacity: 0.75 }} />
        </>
      )}
    </Anchor>
  );
}
