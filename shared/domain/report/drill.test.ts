/**
 * The dashboard's drill-through (drill.ts): the customers behind a bar or slice are exactly the
 * ones the bar counts (facts.ts), for every kind of bar, and the list stops at its limit while the
 * total still counts them all.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerFigures } from '../exports/figures';
import { REPORT_LINES } from '../exports/figures';
import type { RevenueLine } from '../lines';
import type { Scope, Tier } from '../tiers';
import { type DrillFilter, drillCustomers } from './drill';
import { buildReportFacts, type ReportInput } from './facts';

/** A line vector with `fen` in one line (default 其他) and 0 elsewhere. */
function lines(fen: number, line: RevenueLine = 'other'): number[] {
  return REPORT_LINES.map((l) => (l === line ? fen : 0));
}

interface Spec {
  id: string;
  tier: Tier | null;
  scope?: Scope;
  unit: 1 | 2;
  thisMonth: number;
  lastMonth: number;
  line?: RevenueLine;
}

/**
 * Eight customers: key ones of every kind of month (steady, new, lost, rising past R27's 30%,
 * falling, exactly at 30%), one non-key customer (never drilled into) and one key customer
 * without a scope or a comparison unit.
 */
const SPECS: Spec[] = [
  { id: 'C1', tier: 'gold', scope: 'regional', unit: 1, thisMonth: 50_000, lastMonth: 48_000, line: 'express' },
  { id: 'C2', tier: 'gold', scope: 'professional', unit: 2, thisMonth: 30_000, lastMonth: 0 },
  { id: 'C3', tier: 'silver', scope: 'regional', unit: 1, thisMonth: 0, lastMonth: 20_000 },
  { id: 'C4', tier: 'silver', scope: 'comprehensive', unit: 2, thisMonth: 14_000, lastMonth: 10_000, line: 'express' },
  { id: 'C5', tier: 'general', scope: 'regional', unit: 1, thisMonth: 6_000, lastMonth: 10_000 },
  { id: 'C6', tier: 'general', scope: 'regional', unit: 2, thisMonth: 13_000, lastMonth: 10_000 },
  { id: 'C7', tier: null, scope: 'regional', unit: 1, thisMonth: 90_000, lastMonth: 0 },
  { id: 'C8', tier: 'general', unit: 1, thisMonth: 2_000, lastMonth: 0 },
];

function customer(s: Spec): CustomerFigures {
  return {
    id: s.id,
    name: `客户${s.id}`,
    unitName: `单位${s.unit}`,
    tier: s.tier,
    computedTier: s.tier,
    tierSource: 'computed',
    thisMonth: lines(s.thisMonth, s.line),
    lastMonth: lines(s.lastMonth, s.line),
    sameMonthLastYear: lines(0),
    yearToDate: lines(s.thisMonth, s.line),
    yearToDateLastYear: lines(0),
    rolling12: s.thisMonth + s.lastMonth,
  };
}

const INPUT: ReportInput = {
  period: '2026-10',
  unit: null,
  centreName: '汕头市分公司大客户中心',
  tierBasis: { runId: 1, year: 2025, policyVersion: 1 },
  policyVersion: 1,
  customers: SPECS.map(customer),
  groupOf: new Map(
    SPECS.filter((s) => s.id !== 'C8').map((s) => [s.id, { unitId: s.unit, unitName: `单位${s.unit}` }] as const),
  ),
  scopeOf: new Map(SPECS.flatMap((s) => (s.scope ? [[s.id, s.scope] as const] : []))),
  lastMonthTier: new Map(),
  trend: [],
  bureau: null,
  reasons: new Map(),
  fluctuationPercent: 30,
  keyCustomerMinTier: 'silver',
  keyCustomerTopN: 10,
  submissions: null,
};

const ALL: DrillFilter = { set: 'key', tier: null, scope: null, line: null, groupUnitId: null, limit: 200 };
const ids = (filter: Partial<DrillFilter>) => drillCustomers(INPUT, { ...ALL, ...filter }).customers.map((c) => c.id);

describe('drillCustomers', () => {
  it.each<[string, Partial<DrillFilter>, string[]]>([
    // Key customers, highest revenue first; C7 has no tier and is never listed.
    ['every key customer', {}, ['C1', 'C2', 'C4', 'C6', 'C5', 'C8', 'C3']],
    ['one tier', { tier: 'gold' }, ['C1', 'C2']],
    ['one tier × scope cell', { tier: 'general', scope: 'regional' }, ['C6', 'C5']],
    ['a scope with no customers in the tier', { tier: 'gold', scope: 'comprehensive' }, []],
    ['one comparison unit', { groupUnitId: 2 }, ['C2', 'C4', 'C6']],
    ['revenue in one line this month', { line: 'express' }, ['C1', 'C4']],
    // 附件6-1: revenue this month and none last month (C7 is not a key customer).
    ['new', { set: 'added' }, ['C2', 'C8']],
    ['lost: the largest loss first', { set: 'lost' }, ['C3']],
    ['new in one tier', { set: 'added', tier: 'gold' }, ['C2']],
    // R27: strictly more than 30%: C6 (+30.0%) is not listed, C4 (+40%) and C5 (−40%) are.
    // Largest change first, as the report's 四、波动客户 table: C4 and C5 both moved 40 元, by ID.
    ['fluctuating: the largest change first', { set: 'fluctuating' }, ['C2', 'C3', 'C4', 'C5', 'C8']],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('stops at the limit and still counts every match', () => {
    const { customers, total } = drillCustomers(INPUT, { ...ALL, limit: 2 });
    expect(customers.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(total).toBe(7);
  });

  it('gives each row its scope and figures as the report lists them', () => {
    const [row] = drillCustomers(INPUT, { ...ALL, tier: 'silver', scope: 'comprehensive' }).customers;
    expect(row).toMatchObject({ id: 'C4', name: '客户C4', unitName: '单位2', tier: 'silver', scope: 'comprehensive' });
    expect(row?.thisMonth).toBe(14_000);
    expect(row?.mom).toBeCloseTo(0.4, 12);
  });

  // Every bar's count (facts.ts) equals the length of the list its click opens.
  it('agrees with every count the facts give', () => {
    const facts = buildReportFacts(INPUT);
    const total = (filter: Partial<DrillFilter>) => drillCustomers(INPUT, { ...ALL, ...filter }).total;
    expect(total({})).toBe(facts.overall.keyCount);
    for (const row of facts.byTier) expect(total({ tier: row.tier }), row.tier).toBe(row.count);
    for (const [tier, byScope] of Object.entries(facts.tierScope)) {
      for (const [scope, count] of Object.entries(byScope)) {
        expect(total({ tier: tier as Tier, scope: scope as Scope }), `${tier}×${scope}`).toBe(count);
      }
    }
    for (const unit of facts.units) expect(total({ groupUnitId: unit.unitId })).toBe(unit.keyCount);
    expect(ids({ set: 'added' })).toEqual(facts.overall.added.map((c) => c.id));
    expect(ids({ set: 'lost' })).toEqual(facts.overall.lost.map((c) => c.id));
    expect(ids({ set: 'fluctuating' })).toEqual(facts.fluctuations.map((c) => c.id));
  });
});
