/**
 * The rule-engine backend through the registry on a real (in-memory) database: the revenue store
 * (R1, R8), the bureau's revenue (R10), annual and monthly tiering runs (R5–R15), R13 approvals and
 * overrides, policy versions (R0) and the what-if. Amounts go in as the officer types them (yuan),
 * come back in fen.
 */
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../electron/backend';
import type { ApiInput } from '../../shared/api/contract';
import { type ApiError, AppError } from '../../shared/api/errors';
import type { TierResultRow, TierRunSummary } from '../../shared/api/types';
import type { RevenueLine } from '../../shared/domain/lines';
import type { Policy } from '../../shared/domain/policy/policy';
import { dumpTables } from '../support/db-dump';
import { expectRevenueCopiesExact } from '../support/revenue-copies';

const NOW = new Date('2026-11-10T02:00:00Z');

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

interface Fixture {
  b: Backend;
  db: Database;
  unit: (code: string) => number;
  call: Backend['registry']['call'];
  fail: (p: Promise<unknown>) => Promise<ApiError>;
  customer: (name: string, areaCode: string, unitCode: string) => Promise<string>;
  /** Sets one year of revenue, month by month, line by line (yuan). */
  seedYear: (
    customerId: string,
    year: number,
    month: (m: number) => Partial<Record<RevenueLine, number>>,
  ) => Promise<void>;
  results: (runId: number) => Promise<Map<string, TierResultRow>>;
}

async function setup(): Promise<Fixture> {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  return {
    b,
    db: b.db,
    unit,
    call,
    fail: async (p) => {
      try {
        await p;
      } catch (e) {
        if (e instanceof AppError) return e.toJSON();
        throw e;
      }
      throw new Error('expected the call to fail');
    },
    customer: async (name, areaCode, unitCode) =>
      (await call('customers/create', { name, areaCode, unitId: unit(unitCode) })).id,
    seedYear: async (customerId, year, month) => {
      for (let m = 1; m <= 12; m++) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        for (const [line, amount] of Object.entries(month(m))) {
          await call('revenue/set', { customerId, period, line: line as RevenueLine, amount });
        }
      }
    },
    results: async (runId) => {
      const page = await call('tiers/results', { runId, limit: 1000 });
      return new Map(page.rows.map((r) => [r.customerId, r]));
    },
  };
}

const summaryWithoutRun = (s: TierRunSummary) => {
  const { id: _id, createdAt: _createdAt, ...rest } = s;
  return rest;
};

// ── The three worked-check customers (DOMAIN.md R9–R12) ───────────────────────────────────
// C1: comprehensive (home unit the city centre, 龙湖), bills + express half each, ¥1,450,000.
// C2: regional (home unit 澄海分局), bills + express half each, ¥400,000.
// C3: professional (letters 90%, home unit 营业分局, 金平), ¥200,000.
// December is at least the R6 this-month threshold (¥1,000) for each.
const C1 = '44050700001000';
const C2 = '44051500001000';
const C3 = '44051100001000';

/** Bureau revenue 2025 per worked check (yuan): shares 0.9‰ / 2‰ / 3.5‰ of C1 / C2 / C3. */
const BUREAU = {
  /** C1: ¥1.45M ÷ ¥1,611,111,111 = 0.9‰. */
  A: 1_611_111_111,
  /** C2: ¥0.4M ÷ ¥200M = 2‰. */
  B: 200_000_000,
  /** C3: ¥0.2M ÷ ¥57,142,857 = 3.5‰. */
  C: 57_142_857,
} as const;

async function workedCheckDb(bureauYuan?: number): Promise<Fixture> {
  const f = await setup();
  expect(await f.customer('汕头市宏达电子有限公司', '440507', '440500')).toBe(C1);
  expect(await f.customer('澄海区恒信玩具有限公司', '440515', '440515')).toBe(C2);
  expect(await f.customer('汕头市新联印务有限公司', '440511', 'P01')).toBe(C3);
  await f.seedYear(C1, 2025, (m) => (m < 12 ? { bills: 60_000, express: 60_000 } : { bills: 65_000, express: 65_000 }));
  await f.seedYear(C2, 2025, (m) => (m < 12 ? { bills: 15_000, express: 15_000 } : { bills: 35_000, express: 35_000 }));
  await f.seedYear(C3, 2025, (m) => (m < 12 ? { letters: 13_500, other: 1_500 } : { letters: 31_500, other: 3_500 }));
  if (bureauYuan !== undefined) await f.call('revenue/bureau-set', { year: 2025, amount: bureauYuan });
  return f;
}

describe('revenue store (R1, R8) through revenue/*', () => {
  it('stores amounts typed as imports are parsed, blank removes the cell, and revenue_months follows revenue', async () => {
    const f = await setup();
    const id = await f.customer('澄海区恒信玩具有限公司', '440515', '440515');

    const cell = await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'bills', amount: '1.2万' });
    expect(cell).toEqual({
      customerId: id,
      period: '2025-01',
      line: 'bills',
      amount: 1_200_000,
      sourceKind: 'manual',
      sourceRef: null,
      updatedAt: NOW.toISOString(),
    });
    expect(
      (await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'express', amount: '1,234.50' })).amount,
    ).toBe(123_450);
    expect(
      (await f.call('revenue/set', { customerId: id, period: '2025-02', line: 'letters', amount: 800 })).amount,
    ).toBe(80_000);
    // 0 is a figure, not a blank: the cell exists with 0.
    expect(
      (await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'other', amount: '0' })).amount,
    ).toBe(0);
    // Overwrite.
    expect(
      (await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'bills', amount: '1.5万' })).amount,
    ).toBe(1_500_000);
    expectRevenueCopiesExact(f.db);

    const year = await f.call('revenue/customer', { customerId: id, year: 2025 });
    expect(year.customerId).toBe(id);
    expect(year.year).toBe(2025);
    expect(year.months.map((m) => m.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(Object.keys(year.months[0]?.cells ?? {}).sort()).toEqual(['bills', 'express', 'other']);
    expect(year.months[0]?.cells.other?.amount).toBe(0);
    expect(year.months[0]?.total).toBe(1_623_450);
    expect(year.months[1]?.total).toBe(80_000);
    expect(year.months.slice(2).every((m) => m.total === 0 && Object.keys(m.cells).length === 0)).toBe(true);
    expect(year.total).toBe(1_703_450);
    // Another year of the same customer is empty.
    expect((await f.call('revenue/customer', { customerId: id, year: 2024 })).total).toBe(0);

    // Blank removes (not 0); the answer says "not reported".
    const removed = await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'express', amount: '' });
    expect(removed).toEqual({
      customerId: id,
      period: '2025-01',
      line: 'express',
      amount: null,
      sourceKind: null,
      sourceRef: null,
      updatedAt: null,
    });
    expect(f.db.prepare("SELECT count(*) AS n FROM revenue WHERE line = 'express'").get()).toEqual({ n: 0 });
    expectRevenueCopiesExact(f.db);
    // A placeholder dash is a blank too.
    await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'other', amount: '—' });
    expectRevenueCopiesExact(f.db);

    // Removing the last cell of a month drops its revenue_months row.
    expect(f.db.prepare("SELECT count(*) AS n FROM revenue_months WHERE period = '2025-02'").get()).toEqual({ n: 1 });
    await f.call('revenue/set', { customerId: id, period: '2025-02', line: 'letters', amount: '  ' });
    expect(f.db.prepare("SELECT count(*) AS n FROM revenue_months WHERE period = '2025-02'").get()).toEqual({ n: 0 });
    expectRevenueCopiesExact(f.db);
    // Removing a cell that was never there changes nothing and leaves no empty row.
    await f.call('revenue/set', { customerId: id, period: '2025-05', line: 'parcels', amount: '' });
    expect(f.db.prepare("SELECT count(*) AS n FROM revenue_months WHERE period = '2025-05'").get()).toEqual({ n: 0 });
    expectRevenueCopiesExact(f.db);

    const after = await f.call('revenue/customer', { customerId: id, year: 2025 });
    expect(after.months[0]?.cells).toEqual({ bills: expect.objectContaining({ amount: 1_500_000 }) });
    expect(after.months[1]).toEqual({ period: '2025-02', cells: {}, total: 0, newspaper: null });
    expect(after.total).toBe(1_500_000);
  });

  it('revenue_months matches revenue after many writes over several customers and months', async () => {
    const f = await setup();
    const a = await f.customer('汕头市宏达电子有限公司', '440507', '440500');
    const c = await f.customer('澄海区恒信玩具有限公司', '440515', '440515');
    const lines: RevenueLine[] = ['savings', 'bills', 'letters', 'express', 'other', 'newspapers'];
    let k = 0;
    for (const id of [a, c]) {
      for (let m = 1; m <= 4; m++) {
        for (const line of lines) {
          k++;
          const amount = k % 5 === 0 ? '' : `${(k * 137) % 5000}.${k % 100}`;
          await f.call('revenue/set', { customerId: id, period: `2025-0${m}`, line, amount });
        }
      }
    }
    expectRevenueCopiesExact(f.db);
    for (const line of lines) await f.call('revenue/set', { customerId: a, period: '2025-03', line, amount: '' });
    expect(
      f.db.prepare("SELECT count(*) AS n FROM revenue_months WHERE customer_id = ? AND period = '2025-03'").get(a),
    ).toEqual({
      n: 0,
    });
    expectRevenueCopiesExact(f.db);
  });

  it('an invalid amount is VALIDATION naming the field, and nothing changes', async () => {
    const f = await setup();
    const id = await f.customer('澄海区恒信玩具有限公司', '440515', '440515');
    await f.call('revenue/set', { customerId: id, period: '2025-01', line: 'bills', amount: '1.2万' });
    const before = dumpTables(f.db);
    const error = await f.fail(
      f.call('revenue/set', { customerId: id, period: '2025-01', line: 'bills', amount: '1.2.3' }),
    );
    expect(error.code).toBe('VALIDATION');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['amount']);
    expect(issues[0]?.message).toContain('收入');
    expect(issues[0]?.message).toContain('1.2.3');
    expect(dumpTables(f.db)).toEqual(before);

    // The envelope form says the same.
    const envelope = await f.b.registry.invoke('revenue/set', {
      customerId: id,
      period: '2025-01',
      line: 'bills',
      amount: '12abc',
    });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('VALIDATION');
    // A bad period or an unknown line, too.
    expect(
      (await f.fail(f.call('revenue/set', { customerId: id, period: '2025-13', line: 'bills', amount: '1' }))).code,
    ).toBe('VALIDATION');
    expect(
      (await f.b.registry.invoke('revenue/set', { customerId: id, period: '2025-01', line: 'stamps', amount: '1' })).ok,
    ).toBe(false);
    expect(dumpTables(f.db)).toEqual(before);
  });

  it('an unknown customer is NOT_FOUND and nothing changes', async () => {
    const f = await setup();
    const before = dumpTables(f.db);
    for (const p of [
      f.call('revenue/set', { customerId: '44051599999000', period: '2025-01', line: 'bills', amount: '100' }),
      f.call('revenue/set-newspaper', {
        customerId: '44051599999000',
        period: '2025-01',
        annualTurnover: '120000',
        ratePercent: '25',
        other: '',
      }),
      f.call('revenue/customer', { customerId: '44051599999000', year: 2025 }),
    ]) {
      expect((await f.fail(p)).code).toBe('NOT_FOUND');
    }
    expect(dumpTables(f.db)).toEqual(before);
  });

  it('R8: newspaper revenue = turnover × rate ÷ 12 + other, both stored; a rate over 100% is refused', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    const result = await f.call('revenue/set-newspaper', {
      customerId: id,
      period: '2025-03',
      annualTurnover: '120,000',
      ratePercent: '25%',
      other: '100',
    });
    // ¥120,000 × 25% ÷ 12 + ¥100 = ¥2,600.00
    expect(result).toEqual({ annualTurnover: 12_000_000, rateBasisPoints: 2500, other: 10_000, revenue: 260_000 });
    expect(
      f.db.prepare("SELECT amount_fen, source_kind FROM revenue WHERE customer_id = ? AND line = 'newspapers'").get(id),
    ).toEqual({ amount_fen: 260_000, source_kind: 'manual' });
    expect(
      f.db.prepare('SELECT newspapers, newspaper_turnover FROM revenue_months WHERE customer_id = ?').get(id),
    ).toEqual({
      newspapers: 260_000,
      newspaper_turnover: 1_000_000,
    });
    expectRevenueCopiesExact(f.db);
    const year = await f.call('revenue/customer', { customerId: id, year: 2025 });
    expect(year.months[2]?.newspaper).toEqual({
      annualTurnover: 12_000_000,
      rateBasisPoints: 2500,
      other: 10_000,
      revenue: 260_000,
    });
    expect(year.months[2]?.cells.newspapers?.amount).toBe(260_000);
    expect(year.total).toBe(260_000);

    // Re-entering the inputs replaces both.
    const again = await f.call('revenue/set-newspaper', {
      customerId: id,
      period: '2025-03',
      annualTurnover: '12万',
      ratePercent: 25.5,
      other: '',
    });
    expect(again).toEqual({ annualTurnover: 12_000_000, rateBasisPoints: 2550, other: 0, revenue: 255_000 });
    expectRevenueCopiesExact(f.db);

    const before = dumpTables(f.db);
    for (const ratePercent of ['101', '100.5%', '-5', 'abc', '25.555']) {
      const error = await f.fail(
        f.call('revenue/set-newspaper', {
          customerId: id,
          period: '2025-04',
          annualTurnover: '120000',
          ratePercent,
          other: '',
        }),
      );
      expect(error.code, ratePercent).toBe('VALIDATION');
      expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['ratePercent']);
    }
    // Turnover is required (blank is not 0 here).
    expect(
      (
        await f.fail(
          f.call('revenue/set-newspaper', {
            customerId: id,
            period: '2025-04',
            annualTurnover: '',
            ratePercent: '25',
            other: '',
          }),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(dumpTables(f.db)).toEqual(before);
  });

  it('R8: a negative newspaper turnover is refused as VALIDATION (not an internal error)', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    const before = dumpTables(f.db);
    const error = await f.fail(
      f.call('revenue/set-newspaper', {
        customerId: id,
        period: '2025-04',
        annualTurnover: '-120000',
        ratePercent: '25',
        other: '',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(dumpTables(f.db)).toEqual(before);
  });
  it('R8: blanking a month’s newspapers revenue also drops its R8 inputs and turnover, whatever else the month holds', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    // March: newspapers from R8 inputs plus bills; April: newspapers from R8 inputs only.
    for (const period of ['2025-03', '2025-04']) {
      await f.call('revenue/set-newspaper', {
        customerId: id,
        period,
        annualTurnover: '120000',
        ratePercent: '25',
        other: '',
      });
    }
    await f.call('revenue/set', { customerId: id, period: '2025-03', line: 'bills', amount: '5000' });
    for (const period of ['2025-03', '2025-04']) {
      await f.call('revenue/set', { customerId: id, period, line: 'newspapers', amount: '' });
    }
    // April's row is gone with its turnover; March's must not keep a turnover nobody reports any more
    // (R7 newspapers would still be judged on it), and the grid must not show stale inputs.
    expect(
      f.db.prepare('SELECT period, newspapers, newspaper_turnover FROM revenue_months WHERE customer_id = ?').all(id),
    ).toEqual([{ period: '2025-03', newspapers: 0, newspaper_turnover: null }]);
    const year = await f.call('revenue/customer', { customerId: id, year: 2025 });
    expect(year.months[2]?.newspaper).toBeNull();
    expect(year.months[3]?.newspaper).toBeNull();
  });

  it('R7/R8: newspapers qualify on turnover when units report it, not on the smaller revenue', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    // Turnover ¥30,000 a year at 10%: revenue ¥250 a month (¥3,000 a year, far below R6 and R7 revenue),
    // monthly turnover ¥2,500 ≥ ¥2,000 and the year's turnover ¥30,000 ≥ ¥20,000.
    for (let m = 1; m <= 12; m++) {
      const period = `2025-${String(m).padStart(2, '0')}`;
      await f.call('revenue/set-newspaper', {
        customerId: id,
        period,
        annualTurnover: '30000',
        ratePercent: '10%',
        other: '',
      });
    }
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(id)).toMatchObject({
      qualified: true,
      clauses: ['R7:newspapers'],
      annualRevenue: 300_000,
      scope: 'professional',
      mainLine: 'newspapers',
      tier: 'general',
    });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: id });
    expect(explain.steps.find((s) => s.rule === 'R7')?.text).toContain('流转额');
    expect(explain.inputs).toMatchObject({ figures: { newspaperTurnover: { annual: 3_000_000, thisMonth: 250_000 } } });
  });
});

describe('bureau revenue (R10)', () => {
  it('is set per year, listed newest first, replaced on a second entry; 0 or negative is refused', async () => {
    const f = await setup();
    expect(await f.call('revenue/bureau-list', {})).toEqual([]);
    expect(await f.call('revenue/bureau-set', { year: 2024, amount: '1.8亿' })).toEqual({
      year: 2024,
      amount: 18_000_000_000,
      enteredAt: NOW.toISOString(),
    });
    await f.call('revenue/bureau-set', { year: 2025, amount: '200,000,000' });
    await f.call('revenue/bureau-set', { year: 2025, amount: '2.1亿' });
    expect((await f.call('revenue/bureau-list', {})).map((r) => [r.year, r.amount])).toEqual([
      [2025, 21_000_000_000],
      [2024, 18_000_000_000],
    ]);

    const before = dumpTables(f.db);
    for (const amount of ['0', 0, '-5', '', '1.2.3']) {
      const error = await f.fail(f.call('revenue/bureau-set', { year: 2026, amount }));
      expect(error.code, String(amount)).toBe('VALIDATION');
      expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['amount']);
    }
    expect((await f.fail(f.call('revenue/bureau-set', { year: 1989, amount: '1' }))).code).toBe('VALIDATION');
    expect(dumpTables(f.db)).toEqual(before);
  });

  it('an annual run without the year’s bureau revenue is CONFLICT naming the year; nothing is written', async () => {
    const f = await workedCheckDb();
    await f.call('revenue/bureau-set', { year: 2024, amount: BUREAU.B });
    const before = dumpTables(f.db);
    const error = await f.fail(f.call('tiers/run', { kind: 'annual', year: 2025 }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('2025');
    expect(error.details).toEqual({ year: 2025 });
    expect(dumpTables(f.db)).toEqual(before);
    // The what-if needs it too.
    const doc = (await f.call('policies/get', { version: 1 })).document;
    expect((await f.fail(f.call('policies/what-if', { document: doc, kind: 'annual', year: 2025 }))).code).toBe(
      'CONFLICT',
    );
  });

  it('a monthly preview falls back to the previous year’s figure, but not two years back', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const run = await f.call('tiers/run', { kind: 'monthly', period: '2026-03' });
    expect(run).toMatchObject({
      kind: 'monthly',
      key: '2026-03',
      windowFrom: '2025-04',
      windowTo: '2026-03',
      bureauYear: 2025,
      bureauRevenue: BUREAU.B * 100,
    });
    // Once 2026 is entered, the preview uses it.
    await f.call('revenue/bureau-set', { year: 2026, amount: 300_000_000 });
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2026-03' })).bureauYear).toBe(2026);
    // 2027-01 falls back to 2026; 2028-01 has neither 2028 nor 2027.
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2027-01' })).bureauYear).toBe(2026);
    const error = await f.fail(f.call('tiers/run', { kind: 'monthly', period: '2028-01' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('2028');
  });

  it('a monthly preview grades the rolling 12 months with its own month as “this month”', async () => {
    const f = await workedCheckDb(BUREAU.B);
    // 2026-03: the window 2025-04…2026-03 holds C1's Apr–Dec 2025, but March 2026 has nothing: no R6.
    let run = await f.call('tiers/run', { kind: 'monthly', period: '2026-03' });
    let rows = await f.results(run.id);
    expect(rows.get(C1)?.annualRevenue).toBe((8 * 120_000 + 130_000) * 100);
    expect(rows.get(C1)?.thisMonthRevenue).toBe(0);
    expect(rows.get(C1)?.qualified).toBe(false);
    expect(rows.get(C1)?.tier).toBeNull();
    // 2025-12 as a monthly preview is the same window as the annual 2025 run.
    run = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    rows = await f.results(run.id);
    expect(rows.get(C1)).toMatchObject({ annualRevenue: 145_000_000, thisMonthRevenue: 13_000_000, total: 94 });
  });
});

describe('annual tiering: the worked checks (R6, R9–R12, R14, R15)', () => {
  it('¥1.45M at 0.9‰ → 90×0.6 + 60×0.4 = 54 + 24 = 78 → gold, comprehensive, 市局大客户中心', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(run).toMatchObject({
      kind: 'annual',
      key: '2025',
      windowFrom: '2025-01',
      windowTo: '2025-12',
      policyVersion: 1,
      bureauYear: 2025,
      bureauRevenue: BUREAU.A * 100,
      customers: 3,
      qualified: 3,
      createdAt: NOW.toISOString(),
    });
    const rows = await f.results(run.id);
    expect(rows.get(C1)).toEqual({
      customerId: C1,
      name: '汕头市宏达电子有限公司',
      unit: '市局大客户中心',
      qualified: true,
      clauses: ['R6', 'R7:bills', 'R7:express'],
      annualRevenue: 145_000_000,
      thisMonthRevenue: 13_000_000,
      revenueScore: 90,
      shareScore: 60,
      sharePpm: 900,
      total: 78,
      tier: 'gold',
      scope: 'comprehensive',
      mainLine: 'bills',
      responsibleUnit: '市局大客户中心',
      previousTier: null,
      effectiveTier: 'gold',
      effectiveSource: 'computed',
    });
    // ¥0.4M at 0.248‰ → 70×0.6 + 40×0.4 = 58 → general; ¥0.2M at 0.124‰ → 60×0.6 + 40×0.4 = 52 → general.
    expect(rows.get(C2)).toMatchObject({ total: 58, tier: 'general', scope: 'regional', responsibleUnit: '澄海分局' });
    expect(rows.get(C3)).toMatchObject({
      clauses: ['R6', 'R7:letters'],
      total: 52,
      tier: 'general',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '营业分局',
    });
    // Highest total first.
    expect((await f.call('tiers/results', { runId: run.id })).rows.map((r) => r.customerId)).toEqual([C1, C2, C3]);

    const summary = await f.call('tiers/summary', { runId: run.id });
    expect(summary).toEqual(run);
    expect(summary.counts).toEqual({
      diamond: { regional: 0, comprehensive: 0, professional: 0 },
      gold: { regional: 0, comprehensive: 1, professional: 0 },
      silver: { regional: 0, comprehensive: 0, professional: 0 },
      general: { regional: 1, comprehensive: 0, professional: 1 },
    });
    expect(summary.transitions.none).toEqual({ diamond: 0, gold: 1, silver: 0, general: 2, none: 0 });

    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explain.runId).toBe(run.id);
    expect(explain.policyVersion).toBe(1);
    expect(explain.row).toEqual(rows.get(C1));
    expect(explain.approval).toBeNull();
    expect(explain.override).toBeNull();
    const text = (rule: string) =>
      explain.steps
        .filter((s) => s.rule === rule)
        .map((s) => s.text)
        .join('\n');
    expect(explain.steps.map((s) => s.rule)).toEqual(['R6', 'R7', 'R9', 'R10', 'R11', 'R12', 'R14', 'R15']);
    expect(text('R6')).toContain('符合');
    expect(text('R9')).toContain('收入得分 90');
    expect(text('R10')).toContain('0.9‰');
    expect(text('R10')).toContain('占比得分 60');
    expect(text('R11')).toContain('60% × 90 + 40% × 60 = 54 + 24 = 78');
    expect(text('R12')).toContain('黄金');
    expect(text('R14')).toContain('综合');
    expect(text('R15')).toContain('市局大客户中心');
    // The inputs the result was computed from are stored with it (fen).
    expect(explain.inputs).toEqual({
      agreement: false,
      figures: {
        annual: { bills: 72_500_000, express: 72_500_000 },
        thisMonth: { bills: 6_500_000, express: 6_500_000 },
      },
      homeUnitIsCounty: false,
    });
    // …as typed columns (fen), one per line of the window and of the month.
    expect(
      f.db
        .prepare(
          `SELECT in_agreement, in_manual, in_turnover, in_bills, in_express, in_letters, in_month_bills,
             in_month_express FROM tier_results WHERE run_id = ? AND customer_id = ?`,
        )
        .get(run.id, C1),
    ).toEqual({
      in_agreement: 0,
      in_manual: null,
      in_turnover: null,
      in_bills: 72_500_000,
      in_express: 72_500_000,
      in_letters: 0,
      in_month_bills: 6_500_000,
      in_month_express: 6_500_000,
    });

    // Filters.
    expect((await f.call('tiers/results', { runId: run.id, tier: 'gold' })).rows.map((r) => r.customerId)).toEqual([
      C1,
    ]);
    expect((await f.call('tiers/results', { runId: run.id, scope: 'professional' })).total).toBe(1);
    expect(
      (await f.call('tiers/results', { runId: run.id, unitId: f.unit('440515') })).rows.map((r) => r.customerId),
    ).toEqual([C2]);
    expect((await f.call('tiers/results', { runId: run.id, tier: 'none' })).total).toBe(0);
    expect((await f.call('tiers/runs', {})).map((r) => r.id)).toEqual([run.id]);
    // Unknown run / customer.
    expect((await f.fail(f.call('tiers/summary', { runId: 999 }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/results', { runId: 999 }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/explain', { runId: run.id, customerId: '44051599999000' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('¥0.4M at 2‰ → 70×0.6 + 80×0.4 = 42 + 32 = 74 → silver, regional, 澄海分局', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const rows = await f.results(run.id);
    expect(rows.get(C2)).toMatchObject({
      qualified: true,
      clauses: ['R6', 'R7:bills', 'R7:express'],
      annualRevenue: 40_000_000,
      thisMonthRevenue: 7_000_000,
      revenueScore: 70,
      shareScore: 80,
      sharePpm: 2000,
      total: 74,
      tier: 'silver',
      scope: 'regional',
      mainLine: 'bills',
      responsibleUnit: '澄海分局',
    });
    // ¥1.45M at 7.25‰ → 54 + 40 = 94 diamond (comprehensive → province centre);
    // ¥0.2M at exactly 1‰ → 36 + 32 = 68 silver (professional letters → 函件局).
    expect(rows.get(C1)).toMatchObject({ total: 94, tier: 'diamond', responsibleUnit: '省局大客户中心' });
    expect(rows.get(C3)).toMatchObject({
      sharePpm: 1000,
      shareScore: 80,
      total: 68,
      tier: 'silver',
      responsibleUnit: '函件局',
    });
    expect(run.counts).toEqual({
      diamond: { regional: 0, comprehensive: 1, professional: 0 },
      gold: { regional: 0, comprehensive: 0, professional: 0 },
      silver: { regional: 1, comprehensive: 0, professional: 1 },
      general: { regional: 0, comprehensive: 0, professional: 0 },
    });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C2 });
    const all = explain.steps.map((s) => s.text).join('\n');
    expect(all).toContain('2‰');
    expect(all).toContain('42 + 32 = 74');
    expect(all).toContain('白银');
  });

  it('¥0.2M at 3.5‰ → 60×0.6 + 100×0.4 = 36 + 40 = 76 → gold, professional (letters), 函件局', async () => {
    const f = await workedCheckDb(BUREAU.C);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const rows = await f.results(run.id);
    expect(rows.get(C3)).toMatchObject({
      qualified: true,
      clauses: ['R6', 'R7:letters'],
      annualRevenue: 20_000_000,
      thisMonthRevenue: 3_500_000,
      revenueScore: 60,
      shareScore: 100,
      sharePpm: 3500,
      total: 76,
      tier: 'gold',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '函件局',
    });
    // R15 gold regional → the county centre of its home area.
    expect(rows.get(C2)).toMatchObject({ total: 82, tier: 'gold', scope: 'regional', responsibleUnit: '澄海分局' });
    expect(rows.get(C1)).toMatchObject({ total: 94, tier: 'diamond', scope: 'comprehensive' });
    expect(run.counts.gold).toEqual({ regional: 1, comprehensive: 0, professional: 1 });
    expect(run.counts.diamond).toEqual({ regional: 0, comprehensive: 1, professional: 0 });
    const all = (await f.call('tiers/explain', { runId: run.id, customerId: C3 })).steps.map((s) => s.text).join('\n');
    expect(all).toContain('3.5‰');
    expect(all).toContain('36 + 40 = 76');
    expect(all).toContain('函件');
  });

  it('a December below the R6 this-month threshold does not qualify (R6 needs both figures)', async () => {
    const f = await setup();
    const id = await f.customer('汕头市宏达电子有限公司', '440507', '440500');
    // ¥120,000 a year, all of it before December; December ¥999.99.
    await f.seedYear(id, 2025, (m) => (m < 12 ? { other: 10_000 } : { other: 999.99 }));
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const row = (await f.results(run.id)).get(id);
    expect(row).toMatchObject({
      qualified: false,
      clauses: [],
      tier: null,
      responsibleUnit: null,
      effectiveTier: null,
    });
    expect(run.qualified).toBe(0);
    expect((await f.call('tiers/results', { runId: run.id, tier: 'none' })).total).toBe(1);
    // ¥1,000.00 exactly qualifies (lower inclusive).
    await f.call('revenue/set', { customerId: id, period: '2025-12', line: 'other', amount: '1000' });
    const again = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(again.id)).get(id)).toMatchObject({ qualified: true, clauses: ['R6'] });
  });
});

describe('idempotence and previous tiers', () => {
  it('running the same year twice gives the same results', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const first = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const second = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(second.id).not.toBe(first.id);
    expect(summaryWithoutRun(second)).toEqual(summaryWithoutRun(first));
    const a = await f.call('tiers/results', { runId: first.id });
    const b = await f.call('tiers/results', { runId: second.id });
    expect(b).toEqual(a);
    const columns = (runId: number) =>
      f.db
        .prepare('SELECT * FROM tier_results WHERE run_id = ? ORDER BY customer_id')
        .all(runId)
        .map((r) => ({ ...(r as object), run_id: 0 }));
    expect(columns(second.id)).toEqual(columns(first.id));
    // A re-run of the same key does not take the first run as its "previous".
    expect(b.rows.every((r) => r.previousTier === null)).toBe(true);
  });

  it('the previous tier is the latest earlier run key of the same kind; transitions count previous → this', async () => {
    const f = await workedCheckDb(BUREAU.B);
    await f.call('revenue/bureau-set', { year: 2024, amount: BUREAU.B });
    // 2024: only C1, ¥120,000 in December → 60×0.6 + 60×0.4 (0.6‰) = 60 → general.
    await f.call('revenue/set', { customerId: C1, period: '2024-12', line: 'other', amount: '120000' });

    // Run 2025 first, then 2024: 2024 must not take 2025 as its previous.
    const early2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const y2024 = await f.call('tiers/run', { kind: 'annual', year: 2024 });
    const r2024 = await f.results(y2024.id);
    expect(r2024.get(C1)).toMatchObject({ total: 60, tier: 'general', previousTier: null });
    expect(r2024.get(C2)).toMatchObject({ tier: null, previousTier: null });
    expect(y2024.transitions.none).toEqual({ diamond: 0, gold: 0, silver: 0, general: 1, none: 2 });
    expect((await f.results(early2025.id)).get(C1)?.previousTier).toBeNull();

    // A monthly preview in between does not count as an annual "previous".
    await f.call('tiers/run', { kind: 'monthly', period: '2024-12' });

    const y2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const r2025 = await f.results(y2025.id);
    expect(r2025.get(C1)).toMatchObject({ tier: 'diamond', previousTier: 'general' });
    expect(r2025.get(C2)).toMatchObject({ tier: 'silver', previousTier: null });
    expect(r2025.get(C3)).toMatchObject({ tier: 'silver', previousTier: null });
    const expected = {
      diamond: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      gold: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      silver: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      general: { diamond: 1, gold: 0, silver: 0, general: 0, none: 0 },
      none: { diamond: 0, gold: 0, silver: 2, general: 0, none: 0 },
    };
    expect(y2025.transitions).toEqual(expected);
    expect((await f.call('tiers/summary', { runId: y2025.id })).transitions).toEqual(expected);

    // Monthly previews chain among themselves.
    const m1 = await f.call('tiers/run', { kind: 'monthly', period: '2025-11' });
    const m2 = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    const m1rows = await f.results(m1.id);
    const m2rows = await f.results(m2.id);
    expect(m2rows.get(C1)?.previousTier).toBe(m1rows.get(C1)?.tier ?? null);
    expect(m2rows.get(C2)?.previousTier).toBe(m1rows.get(C2)?.tier ?? null);
  });
});

describe('R5 agreements', () => {
  it('a customer with no revenue qualifies by an agreement signed before the window end, not after', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const d = await f.customer('澄海区新达陶瓷有限公司', '440515', '440515');
    const set = await f.call('customers/set-agreement', { id: d, since: '2025-06-01' });
    expect(set.agreementSince).toBe('2025-06-01');
    let run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({
      qualified: true,
      clauses: ['R5'],
      annualRevenue: 0,
      revenueScore: 0,
      shareScore: 0,
      total: 0,
      tier: 'general',
      scope: 'regional',
      responsibleUnit: '澄海分局',
    });
    expect(run.qualified).toBe(4);
    const steps = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps;
    expect(steps[0]).toEqual({ rule: 'R5', text: expect.stringContaining('协议') });

    // Signed on the last day of the window still counts.
    await f.call('customers/set-agreement', { id: d, since: '2025-12-31' });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)?.clauses).toEqual(['R5']);

    // Signed after the window: not a key customer in 2025.
    await f.call('customers/set-agreement', { id: d, since: '2026-01-15' });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: false, clauses: [], tier: null });
    const text = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps.map((s) => s.text).join('\n');
    expect(text).toContain('R5');

    // Cleared.
    expect((await f.call('customers/set-agreement', { id: d, since: null })).agreementSince).toBeNull();
    expect((await f.fail(f.call('customers/set-agreement', { id: d, since: '2025-02-30' }))).code).toBe('VALIDATION');
    expect((await f.fail(f.call('customers/set-agreement', { id: '44051599999000', since: '2025-01-01' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('manual key-customer decisions (R5–R8)', () => {
  it('a customer without last year’s figures qualifies by the centre’s decision with a reason, once decided', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const d = await f.customer('汕头市新设物流有限公司', '440515', '440515');
    const decision = await f.call('customers/set-qualification', {
      id: d,
      decision: {
        qualified: true,
        reason: '新签约的重点项目，预计年收入超过 50 万元',
        approver: '王总监',
        decidedOn: '2025-09-01',
      },
    });
    expect(decision).toMatchObject({ customerId: d, qualified: true, approver: '王总监' });
    let run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: true, clauses: ['manual'], tier: 'general' });
    const text = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps.map((s) => s.text).join('\n');
    expect(text).toContain('中心人工认定：新签约的重点项目');

    // Decided after the window: not a key customer of 2025.
    await f.call('customers/set-qualification', {
      id: d,
      decision: { qualified: true, reason: '补充认定', approver: '王总监', decidedOn: '2026-02-01' },
    });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: false, tier: null });

    // Cleared; a decision without a reason is refused.
    expect(await f.call('customers/set-qualification', { id: d, decision: null })).toBeNull();
    const refused = await f.fail(
      f.call('customers/set-qualification', {
        id: d,
        decision: { qualified: true, reason: '', approver: '王总监', decidedOn: '2025-09-01' },
      }),
    );
    expect(refused.code).toBe('VALIDATION');
  });
});

describe('R13 approvals and overrides, beside the computed tier', () => {
  const approval = (over: Partial<ApiInput<'tiers/approve'>> = {}): ApiInput<'tiers/approve'> => ({
    customerId: C1,
    tier: 'diamond',
    approver: '省局大客户中心 李明',
    documentNo: '粤邮大客〔2025〕18号',
    reason: '全省重点战略客户',
    validFrom: '2025-10-01',
    validTo: '2026-09-30',
    ...over,
  });

  it('a valid province approval shows as the effective tier; the computed tier stays', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const resultsBefore = f.db.prepare('SELECT * FROM tier_results ORDER BY run_id, customer_id').all();

    const a = await f.call('tiers/approve', approval());
    expect(a).toMatchObject({
      customerId: C1,
      tier: 'diamond',
      documentNo: '粤邮大客〔2025〕18号',
      validFrom: '2025-10-01',
      validTo: '2026-09-30',
      createdAt: NOW.toISOString(),
      revokedAt: null,
    });
    let row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', total: 78, effectiveTier: 'diamond', effectiveSource: 'approval' });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explain.approval).toEqual(a);
    expect(explain.row.effectiveTier).toBe('diamond');
    // Never instead of the computed tier: the stored results are untouched.
    expect(f.db.prepare('SELECT * FROM tier_results ORDER BY run_id, customer_id').all()).toEqual(resultsBefore);
    // The summary counts computed tiers.
    expect((await f.call('tiers/summary', { runId: run.id })).counts.gold.comprehensive).toBe(1);

    // A local override shows beside too, but the province's approval wins.
    const o = await f.call('tiers/override', {
      customerId: C1,
      tier: 'silver',
      approver: '市局 王芳',
      reason: '年中流失主要业务',
    });
    expect(o).toMatchObject({ customerId: C1, tier: 'silver', approver: '市局 王芳', revokedAt: null });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'diamond', effectiveSource: 'approval' });

    // Revoke the approval → the override shows; revoke the override → the computed tier.
    expect(await f.call('tiers/revoke', { kind: 'approval', id: a.id })).toEqual({ ok: true });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'silver', effectiveSource: 'override' });
    const explained = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explained.approval).toBeNull();
    expect(explained.override).toEqual(o);
    await f.call('tiers/revoke', { kind: 'override', id: o.id });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'gold', effectiveSource: 'computed' });
    expect((await f.call('tiers/explain', { runId: run.id, customerId: C1 })).override).toBeNull();
    // Revoking twice, or an unknown record, is NOT_FOUND.
    expect((await f.fail(f.call('tiers/revoke', { kind: 'override', id: o.id }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/revoke', { kind: 'approval', id: 999 }))).code).toBe('NOT_FOUND');
    expect(f.db.prepare('SELECT revoked_at FROM tier_approvals WHERE id = ?').get(a.id)).toEqual({
      revoked_at: NOW.toISOString(),
    });
  });

  it('an approval not valid at the window end is ignored (expired before, or starting after)', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    await f.call('tiers/approve', approval({ validFrom: '2025-01-01', validTo: '2025-06-30' }));
    await f.call('tiers/approve', approval({ validFrom: '2026-01-01', validTo: null }));
    expect((await f.results(run.id)).get(C1)).toMatchObject({
      tier: 'gold',
      effectiveTier: 'gold',
      effectiveSource: 'computed',
    });
    expect((await f.call('tiers/explain', { runId: run.id, customerId: C1 })).approval).toBeNull();
    // Valid through the last day of the window, open-ended: counts.
    await f.call('tiers/approve', approval({ validFrom: '2025-12-31', validTo: null }));
    expect((await f.results(run.id)).get(C1)).toMatchObject({ effectiveTier: 'diamond', effectiveSource: 'approval' });
  });

  it('an approval ending before it starts, or without approver/document, is VALIDATION; nothing written', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const before = dumpTables(f.db);
    const error = await f.fail(f.call('tiers/approve', approval({ validFrom: '2025-10-01', validTo: '2025-09-30' })));
    expect(error.code).toBe('VALIDATION');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['validTo']);
    expect((await f.fail(f.call('tiers/approve', approval({ documentNo: '  ' })))).code).toBe('VALIDATION');
    expect(
      (await f.fail(f.call('tiers/override', { customerId: C1, tier: 'gold', approver: '', reason: '理由' }))).code,
    ).toBe('VALIDATION');
    expect(
      (await f.fail(f.call('tiers/override', { customerId: C1, tier: 'gold', approver: '王芳', reason: '' }))).code,
    ).toBe('VALIDATION');
    expect((await f.fail(f.call('tiers/approve', approval({ customerId: '44051599999000' })))).code).toBe('NOT_FOUND');
    expect(dumpTables(f.db)).toEqual(before);
  });
});

describe('policies (R0)', () => {
  async function v1(f: Fixture): Promise<Policy> {
    return structuredClone((await f.call('policies/get', { version: 1 })).document);
  }

  it('lists version 1 as current and validates drafts with Chinese issues', async () => {
    const f = await setup();
    const list = await f.call('policies/list', {});
    expect(list).toEqual([
      {
        version: 1,
        label: expect.any(String),
        effectiveFrom: '2026-01-01',
        createdAt: NOW.toISOString(),
        createdBy: '信息主管',
        current: true,
      },
    ]);
    const got = await f.call('policies/get', { version: 1 });
    expect(got.info).toEqual(list[0]);
    expect(got.document.tiers).toEqual({ diamond: 90, gold: 75, silver: 65 });
    expect(await f.call('policies/validate', { document: got.document })).toEqual({ ok: true, issues: [] });
    expect((await f.fail(f.call('policies/get', { version: 2 }))).code).toBe('NOT_FOUND');

    const broken = await v1(f);
    broken.scoring.weights = { revenue: 50, share: 40, credit: 0 };
    const check = await f.call('policies/validate', { document: broken });
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([{ path: 'scoring.weights', message: expect.stringContaining('90%') }]);
    expect(check.issues[0]?.message).toMatch(/权重/);

    const disorder = await v1(f);
    disorder.tiers.gold = 95;
    const check2 = await f.call('policies/validate', { document: disorder });
    expect(check2.ok).toBe(false);
    expect(check2.issues.map((i) => i.path)).toEqual(['tiers']);
    expect((await f.call('policies/validate', { document: 'not a policy' })).ok).toBe(false);
  });

  it('creates version 2 from a copy of version 1; an invalid draft is VALIDATION and adds no row', async () => {
    const f = await setup();
    const draft = await v1(f);
    draft.tiers.gold = 80;
    draft.label = '黄金分数线调整为 80';
    draft.effectiveFrom = '2026-07-01';
    const created = await f.call('policies/create', { document: draft });
    expect(created).toEqual({
      version: 2,
      label: '黄金分数线调整为 80',
      effectiveFrom: '2026-07-01',
      createdAt: NOW.toISOString(),
      createdBy: '信息主管',
      current: true,
    });
    const list = await f.call('policies/list', {});
    expect(list.map((p) => [p.version, p.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const v2 = await f.call('policies/get', { version: 2 });
    expect(v2.document.version).toBe(2);
    expect(v2.document.tiers.gold).toBe(80);

    const before = dumpTables(f.db);
    const broken = structuredClone(draft);
    broken.scoring.weights = { revenue: 50, share: 40, credit: 0 };
    broken.effectiveFrom = '2027-01-01';
    const error = await f.fail(f.call('policies/create', { document: broken }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('90%');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['scoring.weights']);
    // Effective before the latest version's date.
    const early = structuredClone(draft);
    early.effectiveFrom = '2026-03-01';
    const error2 = await f.fail(f.call('policies/create', { document: early }));
    expect(error2.code).toBe('VALIDATION');
    expect(error2.message).toContain('2026-07-01');
    expect(dumpTables(f.db)).toEqual(before);
    expect(f.db.prepare('SELECT count(*) AS n FROM policies').get()).toEqual({ n: 2 });
  });

  it('a run uses the version in force at its window end, and records it', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const draft = await v1(f);
    draft.tiers.gold = 80;
    draft.effectiveFrom = '2026-07-01';
    await f.call('policies/create', { document: draft });

    // Annual 2025 ends 2025-12-31, before v2 (and before v1's own date: the first version applies).
    const y2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(y2025.policyVersion).toBe(1);
    expect((await f.results(y2025.id)).get(C1)?.tier).toBe('gold');
    // Monthly previews: 2026-06 ends before 2026-07-01 → v1; 2026-07 → v2 (bureau falls back to 2025).
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2026-06' })).policyVersion).toBe(1);
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2026-07' })).policyVersion).toBe(2);
    // Annual 2026 → v2.
    await f.call('revenue/bureau-set', { year: 2026, amount: BUREAU.A });
    const y2026 = await f.call('tiers/run', { kind: 'annual', year: 2026 });
    expect(y2026.policyVersion).toBe(2);
    expect((await f.call('tiers/explain', { runId: y2026.id, customerId: C1 })).policyVersion).toBe(2);

    // An explicit version reproduces 2025 under v2: 78 < 80 → silver.
    const under2 = await f.call('tiers/run', { kind: 'annual', year: 2025, policyVersion: 2 });
    expect(under2.policyVersion).toBe(2);
    const row = (await f.results(under2.id)).get(C1);
    expect(row).toMatchObject({ total: 78, tier: 'silver' });
    const r12 = (await f.call('tiers/explain', { runId: under2.id, customerId: C1 })).steps.find(
      (s) => s.rule === 'R12',
    );
    expect(r12?.text).toContain('[65, 80)');
    // The earlier v1 run still reads as it was.
    expect((await f.results(y2025.id)).get(C1)?.tier).toBe('gold');
    expect((await f.fail(f.call('tiers/run', { kind: 'annual', year: 2025, policyVersion: 9 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('what-if (R0)', () => {
  it('a draft with gold raised to 80 moves the 78-point customer gold → silver and writes nothing', async () => {
    const f = await workedCheckDb(BUREAU.A);
    // A run exists beforehand; the what-if must neither add nor change runs.
    await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const draft = structuredClone((await f.call('policies/get', { version: 1 })).document);
    draft.tiers.gold = 80;

    const before = dumpTables(f.db);
    const runsBefore = (f.db.prepare('SELECT count(*) AS n FROM tier_runs').get() as { n: number }).n;
    const result = await f.call('policies/what-if', { document: draft, kind: 'annual', year: 2025 });
    expect(dumpTables(f.db)).toEqual(before);
    expect(f.db.prepare('SELECT count(*) AS n FROM tier_runs').get()).toEqual({ n: runsBefore });

    expect(result.basePolicyVersion).toBe(1);
    expect(result.kind).toBe('annual');
    expect(result.key).toBe('2025');
    expect(result.customers).toBe(3);
    expect(result.changedTotal).toBe(1);
    expect(result.matrix.gold.silver).toBe(1);
    expect(result.matrix.general.general).toBe(2);
    const sum = Object.values(result.matrix).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(sum).toBe(3);
    expect(result.changed).toHaveLength(1);
    const change = result.changed[0];
    expect(change).toMatchObject({
      customerId: C1,
      name: '汕头市宏达电子有限公司',
      from: 'gold',
      to: 'silver',
      totalBefore: 78,
      totalAfter: 78,
    });
    const r12 = (steps: { rule: string; text: string }[]) => steps.find((s) => s.rule === 'R12')?.text ?? '';
    expect(r12(change?.explanationBefore ?? [])).toContain('黄金');
    expect(r12(change?.explanationAfter ?? [])).toContain('白银');
    expect(change?.explanationBefore.map((s) => s.text).join('\n')).toContain('54 + 24 = 78');

    // The same policy changes nothing.
    const same = await f.call('policies/what-if', {
      document: (await f.call('policies/get', { version: 1 })).document,
      kind: 'annual',
      year: 2025,
    });
    expect(same.changedTotal).toBe(0);
    expect(same.changed).toEqual([]);
    expect(same.matrix.gold.gold).toBe(1);

    // A monthly what-if needs its period; an invalid draft is VALIDATION; still nothing written.
    expect(
      (await f.call('policies/what-if', { document: draft, kind: 'monthly', period: '2025-12' })).changedTotal,
    ).toBe(1);
    expect((await f.fail(f.call('policies/what-if', { document: draft, kind: 'monthly', year: 2025 }))).code).toBe(
      'VALIDATION',
    );
    const broken = structuredClone(draft);
    broken.scoring.weights.share = 30;
    expect((await f.fail(f.call('policies/what-if', { document: broken, kind: 'annual', year: 2025 }))).code).toBe(
      'VALIDATION',
    );
    expect(dumpTables(f.db)).toEqual(before);
  });
});

describe('responsible unit (R15)', () => {
  it('gold comprehensive → 市局大客户中心; gold regional (澄海分局) → 澄海分局; gold professional letters → 函件局', async () => {
    const a = await workedCheckDb(BUREAU.A);
    const ra = await a.results((await a.call('tiers/run', { kind: 'annual', year: 2025 })).id);
    expect(ra.get(C1)).toMatchObject({ tier: 'gold', scope: 'comprehensive', responsibleUnit: '市局大客户中心' });

    const c = await workedCheckDb(BUREAU.C);
    const rc = await c.results((await c.call('tiers/run', { kind: 'annual', year: 2025 })).id);
    expect(rc.get(C2)).toMatchObject({
      tier: 'gold',
      scope: 'regional',
      unit: '澄海分局',
      responsibleUnit: '澄海分局',
    });
    expect(rc.get(C3)).toMatchObject({
      tier: 'gold',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '函件局',
    });
    // The seed's 函件局 (P03) is the bureau with main line letters.
    expect((await c.call('units/list', { includeRetired: false })).find((u) => u.code === 'P03')).toMatchObject({
      name: '函件局',
      mainLine: 'letters',
    });
    // R15 text in the explanation names the role.
    const steps = (
      await c.call('tiers/explain', { runId: (await c.call('tiers/runs', {}))[0]?.id ?? 0, customerId: C3 })
    ).steps;
    expect(steps.find((s) => s.rule === 'R15')?.text).toContain('专业局');
  });
});
