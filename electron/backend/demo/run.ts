/**
 * `kam demo` as one transaction: the customers, the managers, the revenue and the bureau's
 * revenue are written together or not at all (DOMAIN-DECISIONS "Demo data"). Written in two
 * transactions, a demo killed after its customers left 20,000 customers without revenue, and the
 * demo then refused to run again on a database that was no longer new. Each part's own
 * transaction runs inside this one as a savepoint (better-sqlite3 nests them so).
 */
import type { Database } from 'better-sqlite3';
import { DEMO_CHANNEL } from '../../../shared/domain/audit/system';
import { localDate } from '../../../shared/domain/dates';
import { addMonths } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import { entity } from '../audit/entities';
import { writeAudit } from '../db/audit';
import { type DemoSummary, fillDemo } from './fill';
import { fillDemoRevenue } from './revenue';

// Named where the renderer can read them too.
export { DEMO_CHANNEL };

export interface DemoRunOptions {
  customers: number;
  seed: number;
  /** Months of revenue ending last month; 0 for none. */
  revenueMonths: number;
}

export function runDemo(
  db: Database,
  policy: Policy,
  options: DemoRunOptions,
  now: Date,
  actor: string,
): DemoSummary & { revenueRows: number } {
  return db
    .transaction(() => {
      const summary = fillDemo(db, policy, { customers: options.customers, seed: options.seed }, now);
      const revenueRows =
        options.revenueMonths > 0
          ? fillDemoRevenue(
              db,
              {
                months: options.revenueMonths,
                seed: options.seed,
                endPeriod: addMonths(localDate(now).slice(0, 7), -1),
              },
              now.toISOString(),
            ).rows
          : 0;
      // Audited like any write (DOMAIN-DECISIONS "Audit log"): who filled this database, when, with what.
      writeAudit(db, {
        at: now.toISOString(),
        actor,
        channel: DEMO_CHANNEL,
        entity: entity('demo', options.seed),
        input: JSON.stringify(options),
        changes: [
          { field: 'customers', before: null, after: summary.customers },
          { field: 'managers', before: null, after: summary.managers },
          { field: 'revenueRows', before: null, after: revenueRows },
        ],
      });
      return { ...summary, revenueRows };
    })
    .immediate();
}
