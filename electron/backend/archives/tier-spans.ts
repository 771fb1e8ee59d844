/**
 * R18: the tier each customer holds on a date and since when (the date its current tier began),
 * read the way tiering/in-force.ts reads a month — the annual run in force for the month's year
 * (the latest graded year before it), an R13 approval valid at the month's end first, then the
 * latest override — but for all months at once: the in-force runs' results are read once (one
 * query) and the months are walked in memory, so the work list stays a handful of reads for 20,000
 * customers (DOMAIN-DECISIONS "Archives and managers").
 */
import type { Database } from 'better-sqlite3';
import { lastDayOf, type Period } from '../../../shared/domain/periods';
import type { Scope, Tier } from '../../../shared/domain/tiers';
import type { MonthTier } from '../tiering/in-force';
import { inForceRunOf } from '../tiering/in-force';

/** A customer's tier on a date and since when. */
export interface TierSince {
  tier: Tier;
  /** First day of the first month of the current unbroken run of this tier. */
  since: string;
  source: MonthTier['source'];
}

/** With what decides who keeps the archive (R17): the annual run's scope and responsible unit. */
export interface TierSpan extends TierSince {
  /** From the annual run in force (null for a customer the run does not list). */
  scope: Scope | null;
  responsibleUnitId: number | null;
}

interface Approval {
  tier: Tier;
  from: string;
  to: string | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const monthOf = (y: number, m: number): Period => `${pad(y, 4)}-${pad(m)}` as Period;

/**
 * Customer → its tier on `today` and since when. `ids` narrows it to some customers. Overrides
 * apply to every month with a grading in force, as in-force.ts reads them; the span starts no
 * earlier than the override's recording date, the day the officer changed the tier.
 */
export function tierSpans(db: Database, today: string, ids?: readonly string[]): Map<string, TierSpan> {
  const out = new Map<string, TierSpan>();
  readSpans(db, today, ids, true, (id, span, r) => {
    out.set(id, {
      tier: span.tier,
      since: span.since,
      source: span.source,
      scope: (r?.[2] ?? null) as Scope | null,
      responsibleUnitId: (r?.[3] ?? null) as number | null,
    });
  });
  return out;
}

/**
 * Columns a reader wants with each customer's span, read in the same pass: SQL expressions over
 * `c.customer_id` and `cu`, the customer's row of `customers`, with `params` for their parameters.
 */
export interface ColumnsWithSpan {
  columns: readonly string[];
  params: Record<string, unknown>;
}

/**
 * The tier and its start of every customer one at a time, in the current run's order and then the
 * rest, keeping nothing: a reader of every customer (the work list, archives/duties) uses each as
 * it comes, and reads no more of the run than that, with its own `also` columns from row[at] on.
 * `ids` narrows it to some customers.
 */
export function forEachTierSince(
  db: Database,
  today: string,
  visit: (customerId: string, span: TierSince, row: readonly unknown[], at: number) => void,
  also: ColumnsWithSpan,
  ids?: readonly string[],
): void {
  // A customer the current run does not list has its columns read by itself.
  const alone = db.prepare(
    `SELECT ${also.columns.join(', ')} FROM (SELECT @id AS customer_id) c LEFT JOIN customers cu ON cu.id = c.customer_id`,
  );
  readSpans(
    db,
    today,
    ids,
    false,
    (id, span, row, at) => {
      if (row !== undefined) visit(id, span, row, at);
      else visit(id, span, alone.raw().get({ ...also.params, id }) as unknown[], 0);
    },
    also,
  );
}

type ResultRow = (string | number | null)[];

function readSpans(
  db: Database,
  today: string,
  ids: readonly string[] | undefined,
  keeper: boolean,
  visit: (customerId: string, span: TierSince, row: ResultRow | undefined, at: number) => void,
  also?: ColumnsWithSpan,
): void {
  if (ids?.length === 0) return;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const graded = (
    db
      .prepare(`SELECT DISTINCT CAST(run_key AS INTEGER) FROM tier_runs WHERE kind = 'annual'`)
      .pluck()
      .all() as number[]
  ).sort((a, b) => a - b);
  // The run in force during each year from the first graded year + 1 to this year.
  const runOfYear = new Map<number, number>();
  let latest: number | null = null;
  let g = 0;
  for (let y = (graded[0] ?? year) + 1; y <= year; y++) {
    while (g < graded.length && (graded[g] as number) < y) latest = graded[g++] as number;
    if (latest === null) continue;
    const run = inForceRunOf(db, latest);
    if (run !== null) runOfYear.set(y, run);
  }
  const only = ids === undefined ? '' : ' AND customer_id IN (SELECT value FROM json_each(@ids))';
  const params = (extra: Record<string, unknown>) =>
    ids === undefined ? extra : { ...extra, ids: JSON.stringify(ids) };
  // The current year's run, with each earlier run in force joined on its key: one row a customer.
  const currentRun = runOfYear.get(year);
  const earlier = [...new Set([...runOfYear.values()])].filter((r) => r !== currentRun);
  // The row: customer, tier, [scope, responsible unit,] then each earlier run's tier.
  const first = keeper ? 4 : 2;
  const column = new Map<number, number>(earlier.map((r, i) => [r, first + i]));
  // Then the reader's own columns.
  const at = first + earlier.length;
  // Kept as read; only the rows the month-by-month walk below needs are also kept by ID.
  let currentRows: ResultRow[] = [];
  if (currentRun !== undefined) {
    const joins = earlier
      .map(
        (r, i) => ` LEFT JOIN tier_results p${i} ON p${i}.run_id = ${Number(r)} AND p${i}.customer_id = c.customer_id`,
      )
      .join('');
    const alsoColumns = also === undefined ? '' : also.columns.map((x) => `, ${x}`).join('');
    const withCustomers = also === undefined ? '' : ' LEFT JOIN customers cu ON cu.id = c.customer_id';
    const sql = `SELECT c.customer_id, c.tier${keeper ? ', c.scope, c.responsible_unit_id' : ''}${earlier.map((_, i) => `, p${i}.tier`).join('')}${alsoColumns}
      FROM tier_results c${joins}${withCustomers} WHERE c.run_id = @run${only.replace('customer_id', 'c.customer_id')}`;
    currentRows = db
      .prepare(sql)
      .raw()
      .all(params({ ...also?.params, run: currentRun })) as ResultRow[];
  }
  const current = new Map<string, ResultRow>();
  // Customers the current run does not list (known by an R13 record only): read one by one.
  const single = db.prepare('SELECT tier FROM tier_results WHERE run_id = ? AND customer_id = ?').pluck();
  const computedTier = (id: string, run: number): Tier | null => {
    const row = current.get(id);
    if (row !== undefined) return (run === currentRun ? row[1] : row[column.get(run) as number]) as Tier | null;
    return (single.get(run, id) as Tier | null | undefined) ?? null;
  };
  const overrides = new Map<string, { tier: Tier; on: string }>();
  for (const [id, tier, at] of db
    .prepare(`SELECT customer_id, tier, created_at FROM tier_overrides WHERE revoked_at IS NULL${only} ORDER BY id`)
    .raw()
    .all(params({})) as [string, Tier, string][])
    overrides.set(id, { tier, on: at.slice(0, 10) });
  const approvals = new Map<string, Approval[]>();
  for (const [id, tier, from, to] of db
    .prepare(
      `SELECT customer_id, tier, valid_from, valid_to FROM tier_approvals WHERE revoked_at IS NULL${only} ORDER BY id`,
    )
    .raw()
    .all(params({})) as [string, Tier, string, string | null][]) {
    const list = approvals.get(id);
    if (list) list.push({ tier, from, to });
    else approvals.set(id, [{ tier, from, to }]);
  }

  for (const row of currentRows) {
    const id = row[0] as string;
    if (approvals.has(id) || overrides.has(id)) current.set(id, row);
  }

  /** in-force.ts's answer for one customer in one month. */
  const tierIn = (id: string, y: number, m: number): [Tier | null, MonthTier['source']] => {
    const run = runOfYear.get(y);
    if (run === undefined) return [null, 'computed'];
    const own = approvals.get(id);
    if (own !== undefined) {
      const asOf = lastDayOf(monthOf(y, m));
      const valid = own.filter((a) => a.from <= asOf && (a.to === null || a.to >= asOf));
      const approval = valid[valid.length - 1];
      if (approval) return [approval.tier, 'approval'];
    }
    const override = overrides.get(id);
    if (override) return [override.tier, 'override'];
    return [computedTier(id, run), 'computed'];
  };

  const firstYear = Math.min(...runOfYear.keys());
  const sinceOfYear = new Map<number, string>();
  const januaryOf = (y: number) => {
    let since = sinceOfYear.get(y);
    if (since === undefined) {
      since = `${monthOf(y, 1)}-01`;
      sinceOfYear.set(y, since);
    }
    return since;
  };
  // The column of the current run's row holding each earlier year's tier, this year's first (1),
  // back to the first year with a grading in force; a year without one ends the list.
  const yearColumns: number[] = [];
  for (let y = year; y >= firstYear; y--) {
    const run = runOfYear.get(y);
    if (run === undefined) break;
    yearColumns.push(run === currentRun ? 1 : (column.get(run) as number));
  }
  const span = (id: string, tier: Tier, source: MonthTier['source'], since: string, r: ResultRow | undefined) => {
    const override = overrides.get(id);
    if (source === 'override' && override !== undefined && override.on > since && override.on <= today)
      since = override.on;
    visit(id, { tier, since, source }, r, at);
  };

  // Most customers: listed in the current run, with no approval. Their tier cannot change within a
  // year, so the span starts on 1 January of the earliest year of the unbroken run of years that
  // held it — the same answer as the month-by-month walk below, read straight from the row.
  for (const row of currentRows) {
    const id = row[0] as string;
    if (approvals.has(id)) continue;
    const override = overrides.get(id);
    const tier = override !== undefined ? override.tier : (row[1] as Tier | null);
    if (tier === null) continue;
    let k = 1;
    if (override === undefined) while (k < yearColumns.length && row[yearColumns[k] as number] === tier) k++;
    else k = yearColumns.length;
    span(id, tier, override !== undefined ? 'override' : 'computed', januaryOf(year - k + 1), row);
  }

  // The rest (an approval, or known by an R13 record only): walked back month by month.
  const candidates = new Set<string>();
  for (const id of overrides.keys()) if (!current.has(id)) candidates.add(id);
  for (const id of approvals.keys()) candidates.add(id);
  for (const id of candidates) {
    const [tier, source] = tierIn(id, year, month);
    if (tier === null) continue;
    // Walk back month by month only where something can change: within a year only approvals do.
    let sy = year;
    let sm = month;
    const hasApprovals = approvals.has(id);
    for (;;) {
      const py = sm === 1 ? sy - 1 : sy;
      const pm = sm === 1 ? 12 : sm - 1;
      if (py < firstYear || tierIn(id, py, pm)[0] !== tier) break;
      if (!hasApprovals && py === sy) {
        // Same year, no approvals: constant back to January.
        sm = 1;
        continue;
      }
      sy = py;
      sm = pm;
      if (!hasApprovals) sm = 1;
    }
    span(id, tier, source, `${monthOf(sy, sm)}-01`, current.get(id));
  }
}
