import type { CSSProperties } from 'react';
import { splitCustomerId } from '../domain/customer-id';

/**
 * A customer ID in monospace with its three parts (area · sequence · branch) spaced by CSS, so
 * the text itself stays the 14 digits (copy-paste and tests see "44051500001000").
 */
export function CustomerIdText({
  id,
  size,
  testId,
  style,
}: {
  id: string;
  size?: 'sm' | 'md' | 'xl';
  testId?: string;
  style?: CSSProperties;
}) {
  const parts = splitCustomerId(id);
  const className = `kam-id kam-id-${size ?? 'md'}`;
  if (!parts) {
    return (
      <span className={className} data-testid={testId} style={style}>
        {id}
      </span>
    );
  }
  return (
    <span className={className} data-testid={testId} style={style}>
      <span className="kam-id-part">{parts.areaCode}</span>
      <span className="kam-id-part">{parts.sequence}</span>
      <span className="kam-id-part">{parts.branch}</span>
    </span>
  );
}
