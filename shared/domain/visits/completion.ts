/**
 * R23 completion rates, pure: required against held, per customer and month **capped at the
 * month's requirement** — a customer visited five times where two were due counts two, so one
 * over-visited customer never hides another's shortfall, and an over-visited January never makes
 * up for a short February. Grouped three ways:
 *   - by manager: the customer's A and B managers in force (R20) each carry its whole figure —
 *     either of them may make the visit, and the work list puts `visits_short` under both — so the
 *     managers' groups overlap and do not add up to the total; a customer with neither is under
 *     `''` (未指定客户经理);
 *   - by responsible unit (R15): the grading run's responsible unit, else the customer's own unit;
 *   - by tier in force that month (a year to date splits a customer whose tier changed).
 * A customer with nothing required (general tier) is left out. DOMAIN-DECISIONS "Visits (R23)".
 */
import type { Tier } from '../tiers';
import { TIERS } from '../tiers';

export interface MonthObligation {
  customerId: string;
  customerName: string;
  tier: Tier;
  required: number;
  held: number;
  unit: string;
  unitName: string;
  managers: readonly { id: number; name: string }[];
}

export interface CompletionCustomer {
  customerId: string;
  customerName: string;
  required: number;
  counted: number;
  held: number;
}

export interface CompletionGroup {
  key: string;
  label: string;
  required: number;
  counted: number;
  rate: number | null;
  customers: CompletionCustomer[];
}

export interface Completion {
  total: { required: number; counted: number; rate: number | null; customers: number };
  byManager: CompletionGroup[];
  byUnit: CompletionGroup[];
  byTier: CompletionGroup[];
}

/** Held visits that count toward a requirement: never more than it (R23). */
export const countedVisits = (required: number, held: number): number => Math.min(required, held);

const rateOf = (required: number, counted: number): number | null => (required === 0 ? null : counted / required);

class Grouper {
  private groups = new Map<string, { label: string; customers: Map<string, CompletionCustomer> }>();
  add(key: string, label: string, o: MonthObligation): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { label, customers: new Map() };
      this.groups.set(key, g);
    }
    const c = g.customers.get(o.customerId) ?? {
      customerId: o.customerId,
      customerName: o.customerName,
      required: 0,
      counted: 0,
      held: 0,
    };
    c.required += o.required;
    c.counted += countedVisits(o.required, o.held);
    c.held += o.held;
    g.customers.set(o.customerId, c);
  }
  result(order: (a: CompletionGroup, b: CompletionGroup) => number): CompletionGroup[] {
    return [...this.groups]
      .map(([key, g]) => {
        const customers = [...g.customers.values()].sort(
          (a, b) => b.required - b.counted - (a.required - a.counted) || (a.customerId < b.customerId ? -1 : 1),
        );
        const required = customers.reduce((s, c) => s + c.required, 0);
        const counted = customers.reduce((s, c) => s + c.counted, 0);
        return { key, label: g.label, required, counted, rate: rateOf(required, counted), customers };
      })
      .sort(order);
  }
}

const byRateThenLabel = (a: CompletionGroup, b: CompletionGroup): number =>
  (a.rate ?? 1) - (b.rate ?? 1) || a.label.localeCompare(b.label, 'zh-CN') || (a.key < b.key ? -1 : 1);

/** Completion over the given months' obligations (one row a customer a month). */
export function completionOf(months: readonly MonthObligation[]): Completion {
  const managers = new Grouper();
  const units = new Grouper();
  const tiers = new Grouper();
  const customers = new Set<string>();
  let required = 0;
  let counted = 0;
  for (const o of months) {
    if (o.required <= 0) continue;
    customers.add(o.customerId);
    required += o.required;
    counted += countedVisits(o.required, o.held);
    if (o.managers.length === 0) managers.add('', '', o);
    for (const m of o.managers) managers.add(String(m.id), m.name, o);
    units.add(o.unit, o.unitName, o);
    tiers.add(o.tier, o.tier, o);
  }
  return {
    total: { required, counted, rate: rateOf(required, counted), customers: customers.size },
    byManager: managers.result(byRateThenLabel),
    byUnit: units.result(byRateThenLabel),
    byTier: tiers.result((a, b) => TIERS.indexOf(a.key as Tier) - TIERS.indexOf(b.key as Tier)),
  };
}
