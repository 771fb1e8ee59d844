/**
 * R18 for one archive, on top of duties.ts (archiveDueDate: calendar periods, grace period after a
 * tier change): the due date, whether it is overdue today and by how many days. A customer with no
 * key-customer tier has no archive duty (null).
 */
import { archiveDueDate } from '../duties';
import type { Policy } from '../policy/policy';
import type { Tier } from '../tiers';

export interface ArchiveDue {
  dueOn: string | null;
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export function archiveDue(
  input: { tier: Tier | null; lastUpdatedOn: string | null; tierSince: string | null },
  today: string,
  policy: Pick<Policy, 'archiveCadence'>,
): ArchiveDue {
  if (input.tier === null || input.tierSince === null) return { dueOn: null, overdue: false, daysOverdue: 0 };
  const dueOn = archiveDueDate(
    { tier: input.tier, lastUpdatedOn: input.lastUpdatedOn, tierSince: input.tierSince },
    policy,
  );
  const days = dayNumber(today) - dayNumber(dueOn);
  return { dueOn, overdue: days > 0, daysOverdue: Math.max(0, days) };
}
