import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every page has an h1 title; actions sit on the right. */
export function PageHeader({ title, children, after }: { title: ReactNode; children?: ReactNode; after?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" wrap="nowrap" mb="sm">
      <Group gap="md" align="baseline" wrap="nowrap" style={{ minWidth: 0 }}>
        <Title order={1} size="h3">
          {title}
        </Title>
        {after}
      </Group>
      {children && (
        // The actions keep their size; a long title wraps instead.
        <Group gap="xs" style={{ flexShrink: 0 }}>
          {children}
        </Group>
      )}
    </Group>
  );
}
