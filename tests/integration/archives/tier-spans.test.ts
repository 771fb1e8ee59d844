/**
 * R18's clock starts on the day the customer's current tier began. tier-spans.ts reads it for every
 * customer at once: most customers (in the current run, no R13 approval) straight from their row of
 * the runs in force, the rest month by month. Each case: the gradings, the R13 records, the date,
 * and the tier and its start as archives/get and archives/duties show them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { Tier } from '../../../shared/domain/tiers';
import { setup } from './setup';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

interface Case {
  name: string;
  /** Graded year → the customer's tier in that run (null: listed without a tier; absent: not listed). */
  graded: Record<number, Tier | null | 'absent'>;
  /** An R13 override recorded on `on` (the officer's change of tier). */
  override?: { tier: Tier; on: string };
  /** An R13 province approval valid from `from` to `to`. */
  approval?: { tier: Tier; from: string; to: string | null };
  today: string;
  expected: { tier: Tier | null; since?: string };
}

const cases: Case[] = [
  // R18: a run's tiers hold during the next year, from 1 January.
  {
    name: 'graded once: since 1 January of the year it holds',
    graded: { 2025: 'gold' },
    today: '2026-05-10',
    expected: { tier: 'gold', since: '2026-01-01' },
  },
  {
    name: 'the same tier graded again keeps its start',
    graded: { 2023: 'silver', 2024: 'silver', 2025: 'silver' },
    today: '2026-05-10',
    expected: { tier: 'silver', since: '2024-01-01' },
  },
  {
    name: 'a changed tier starts on 1 January of this year',
    graded: { 2023: 'silver', 2024: 'gold', 2025: 'silver' },
    today: '2026-05-10',
    expected: { tier: 'silver', since: '2026-01-01' },
  },
  {
    name: 'an ungraded year keeps the last grading in force: its span runs on',
    graded: { 2023: 'gold', 2025: 'gold' },
    today: '2026-02-01',
    expected: { tier: 'gold', since: '2024-01-01' },
  },
  {
    name: 'absent from an earlier run: the span starts after it',
    graded: { 2023: 'gold', 2024: 'absent', 2025: 'gold' },
    today: '2026-02-01',
    expected: { tier: 'gold', since: '2026-01-01' },
  },
  {
    name: 'listed without a tier this year: no key-customer tier, no span',
    graded: { 2024: 'gold', 2025: null },
    today: '2026-02-01',
    expected: { tier: null },
  },
  // R13: an override holds in every year with a grading in force; the span starts no earlier than
  // the day it was recorded.
  {
    name: 'an override recorded this year starts the span on its day',
    graded: { 2024: 'silver', 2025: 'silver' },
    override: { tier: 'gold', on: '2026-03-10' },
    today: '2026-05-10',
    expected: { tier: 'gold', since: '2026-03-10' },
  },
  {
    name: 'an override recorded before the first year in force starts at that year',
    graded: { 2024: 'silver', 2025: 'general' },
    override: { tier: 'gold', on: '2024-06-01' },
    today: '2026-05-10',
    expected: { tier: 'gold', since: '2025-01-01' },
  },
  {
    name: 'an override of a customer no run lists',
    graded: { 2025: 'absent' },
    override: { tier: 'silver', on: '2026-02-03' },
    today: '2026-05-10',
    expected: { tier: 'silver', since: '2026-02-03' },
  },
  // R13: an approval valid at a month's end decides that month, so its span can start mid-year.
  {
    name: 'an approval from April: diamond since 1 April',
    graded: { 2024: 'gold', 2025: 'gold' },
    approval: { tier: 'diamond', from: '2026-04-15', to: null },
    today: '2026-06-20',
    expected: { tier: 'diamond', since: '2026-04-01' },
  },
  {
    name: 'an approval ended in March: back to the computed tier, since April',
    graded: { 2024: 'gold', 2025: 'gold' },
    approval: { tier: 'diamond', from: '2025-10-01', to: '2026-03-31' },
    today: '2026-06-20',
    expected: { tier: 'gold', since: '2026-04-01' },
  },
  {
    name: 'an approval of the same tier as computed does not break the span',
    graded: { 2024: 'gold', 2025: 'gold' },
    approval: { tier: 'gold', from: '2025-06-01', to: null },
    today: '2026-06-20',
    expected: { tier: 'gold', since: '2025-01-01' },
  },
];

describe('R18: the tier each customer holds and since when (tier-spans.ts)', () => {
  it.each(cases)('$name', async (c) => {
    const s = await setup(backends, c.today);
    const id = await s.customer('汕头市宏达电子有限公司');
    const other = await s.customer('汕头市另一公司');
    for (const [year, tier] of Object.entries(c.graded)) {
      // Another customer keeps every run non-empty when this one is absent from it.
      s.grade(Number(year), tier === 'absent' ? { [other]: 'general' } : { [id]: tier as Tier, [other]: 'general' });
    }
    if (c.override) {
      s.setNow(c.override.on);
      await s.call('tiers/override', { customerId: id, tier: c.override.tier, approver: '局长', reason: '调整' });
      s.setNow(c.today);
    }
    if (c.approval) {
      await s.call('tiers/approve', {
        customerId: id,
        tier: c.approval.tier,
        approver: '省中心',
        documentNo: '粤邮〔2026〕1号',
        reason: '省级批准',
        validFrom: c.approval.from,
        validTo: c.approval.to,
      });
    }
    const view = await s.call('archives/get', { customerId: id, date: c.today });
    expect(view.due.tier).toBe(c.expected.tier);
    if (c.expected.since !== undefined) expect(view.due.tierSince).toBe(c.expected.since);
    // The whole list reads the same spans as the one customer's page.
    const listed = (await s.call('archives/duties', { date: c.today })).find((r) => r.customerId === id);
    expect(listed?.tier ?? null).toBe(c.expected.tier);
    if (c.expected.since !== undefined) expect(listed?.tierSince).toBe(c.expected.since);
  });
});
