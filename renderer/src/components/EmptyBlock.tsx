import { EmptyState, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A calm empty state: a title, one sentence and at most a button or two. */
export function EmptyBlock({
  title,
  description,
  children,
  testId,
}: {
  title?: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <EmptyState title={title} description={description} py="xl" data-testid={testId}>
      {children && (
        <EmptyState.Actions>
          <Group justify="center">{children}</Group>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
