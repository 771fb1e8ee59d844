/**
 * 待办 for developments (R21–R22): an open development with no log entry and no stage move for
 * the tier's days (policy marketing.stuckDays) is stuck, due the day it became so.
 */
import type { Database } from 'better-sqlite3';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { WorkItem } from '../../../shared/domain/worklist';
import { listDevelopments, stageName } from './developments';

export function developmentDuties(
  db: Database,
  today: string,
  policy: Pick<Policy, 'marketing'>,
  managersOf: (customerId: string) => number[],
): WorkItem[] {
  const ctx = { db, policy, now: () => new Date(`${today}T00:00:00`), actor: '' };
  return listDevelopments(ctx, { customerId: null, status: 'open', unitCode: null, date: today }).flatMap((d) =>
    d.stuckSince === null
      ? []
      : [
          {
            kind: 'development_stuck' as const,
            unit: d.unit,
            customerId: d.customerId,
            due: d.stuckSince,
            managerIds: d.managerId === null ? managersOf(d.customerId) : [d.managerId],
            notes: [`开发项目 #${d.id}「${stageName(d.stage).zh}」阶段，${d.lastActivity} 以来无进展`],
          },
        ],
  );
}
