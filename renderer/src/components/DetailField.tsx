import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label and value of a record's details, inside a <dl> (long codes and addresses wrap). */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}
