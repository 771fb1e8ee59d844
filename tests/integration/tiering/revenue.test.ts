/**
 * The revenue store (R1, R8) through revenue/*, and the bureau's revenue (R10) that annual runs and
 * monthly previews need. Amounts go in as the officer types them (yuan), come back in fen.
 */
import { describe, expect, it } from 'vitest';
import type { RevenueLine } from '../../../shared/domain/lines';
import { dumpTables } from '../../support/db-dump';
import { expectRevenueCopiesExact } from '../../support/revenue-copies';
import { BUREAU, C1, NOW, setup, workedCheckDb } from './fixture';

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

  it.each<[string, string, string, boolean]>([
    ['an annual ¥20,000.00 entered in each month is ¥20,000.00 to the fen and meets R7', '20000.00', '24000', true],
    ['an annual ¥19,999.99 in each month falls short by the fen', '19999.99', '24000', false],
    ['this month ¥23,999.99 a year is ¥1,999.99… a month, short of ¥2,000', '20000', '23999.99', false],
  ])('R7/R8: %s', async (_label, lastYearAnnual, thisMonthAnnual, qualified) => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    const set = (period: string, annualTurnover: string) =>
      f.call('revenue/set-newspaper', { customerId: id, period, annualTurnover, ratePercent: '10', other: '' });
    for (let m = 3; m <= 12; m++) await set(`2025-${String(m).padStart(2, '0')}`, lastYearAnnual);
    for (const period of ['2026-01', '2026-02']) await set(period, lastYearAnnual);
    await set('2026-03', thisMonthAnnual);
    await f.call('revenue/bureau-set', { year: 2026, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'monthly', period: '2026-03' });
    expect((await f.results(run.id)).get(id)?.clauses).toEqual(qualified ? ['R7:newspapers'] : []);
  });

  it('R8: twelve months of an annual ¥20,000.00 add back to ¥20,000.00 to the fen in the stored inputs', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    for (let m = 1; m <= 12; m++) {
      const period = `2025-${String(m).padStart(2, '0')}`;
      await f.call('revenue/set-newspaper', {
        customerId: id,
        period,
        annualTurnover: '20000.00',
        ratePercent: '10',
        other: '',
      });
    }
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: id });
    // Dividing each month first gave 12 × ¥1,666.66 = ¥19,999.92.
    expect(explain.inputs).toMatchObject({ figures: { newspaperTurnover: { annual: 2_000_000, thisMonth: 166_666 } } });
  });

  it('R7/R8: newspapers reported as revenue only (no turnover) never meet R7, and the explanation says why', async () => {
    const f = await setup();
    const id = await f.customer('汕头市新联印务有限公司', '440511', 'P01');
    for (let m = 1; m <= 12; m++) {
      const period = `2025-${String(m).padStart(2, '0')}`;
      await f.call('revenue/set', { customerId: id, period, line: 'newspapers', amount: '5000' });
    }
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    // ¥60,000 of newspaper revenue is R6 (all lines), never R7:newspapers.
    expect((await f.results(run.id)).get(id)?.clauses).toEqual(['R6']);
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: id });
    expect(explain.steps.filter((s) => s.rule === 'R7').map((s) => s.key)).toEqual([
      'professionalNone',
      'newspapersNoTurnover',
    ]);
  });
});

describe('bureau revenue (R10)', () => {
  it('is set per year, listed newest first, replaced on a second entry when asked; 0 or negative is refused', async () => {
    const f = await setup();
    expect(await f.call('revenue/bureau-list', {})).toEqual([]);
    expect(await f.call('revenue/bureau-set', { year: 2024, amount: '1.8亿' })).toEqual({
      year: 2024,
      amount: 18_000_000_000,
      enteredAt: NOW.toISOString(),
      staleRuns: 0,
    });
    await f.call('revenue/bureau-set', { year: 2025, amount: '200,000,000' });
    await f.call('revenue/bureau-set', { year: 2025, amount: '2.1亿', replace: true });
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
      // R13: last year 2025-03…2026-02, this month 2026-03 (the run records both, from…to).
      windowFrom: '2025-03',
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

  it('a monthly preview grades the 12 months before its month as last year, and its month as this month (R13)', async () => {
    const f = await workedCheckDb(BUREAU.B);
    // 2026-03: last year is 2025-03…2026-02 (C1's Mar–Dec 2025); March 2026 has nothing: no R6.
    let run = await f.call('tiers/run', { kind: 'monthly', period: '2026-03' });
    let rows = await f.results(run.id);
    expect(rows.get(C1)?.annualRevenue).toBe((9 * 120_000 + 130_000) * 100);
    expect(rows.get(C1)?.thisMonthRevenue).toBe(0);
    expect(rows.get(C1)?.qualified).toBe(false);
    expect(rows.get(C1)?.tier).toBeNull();
    // 2025-12: December is this month only; last year is 2024-12…2025-11 (never the graded month).
    run = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    rows = await f.results(run.id);
    expect(rows.get(C1)).toMatchObject({ annualRevenue: 11 * 120_000 * 100, thisMonthRevenue: 13_000_000 });
    // 2026-01: last year is the calendar year 2025, the annual run's figure.
    run = await f.call('tiers/run', { kind: 'monthly', period: '2026-01' });
    rows = await f.results(run.id);
    expect(rows.get(C1)).toMatchObject({ annualRevenue: 145_000_000, thisMonthRevenue: 0 });
  });

  it.each<[string, [string, number][], boolean]>([
    [
      'a new customer whose only revenue is in the graded month has no last year (R5 or a decision only)',
      [['2026-03', 50_000]],
      false,
    ],
    [
      '¥9,000 last June + ¥1,000 this month: last year is ¥9,000, short of R6',
      [
        ['2025-06', 9_000],
        ['2026-03', 1_000],
      ],
      false,
    ],
    [
      '¥10,000 last June + ¥1,000 this month meets R6 exactly',
      [
        ['2025-06', 10_000],
        ['2026-03', 1_000],
      ],
      true,
    ],
    [
      '¥10,000 in March 2025 (12 months before) + ¥1,000 this month meets R6',
      [
        ['2025-03', 10_000],
        ['2026-03', 1_000],
      ],
      true,
    ],
    [
      '¥10,000 in February 2025 (13 months before) is outside the window',
      [
        ['2025-02', 10_000],
        ['2026-03', 1_000],
      ],
      false,
    ],
  ])('monthly preview of 2026-03: %s', async (_label, figures, qualified) => {
    const f = await workedCheckDb(BUREAU.B);
    const id = await f.customer('汕头市新开张贸易有限公司', '440507', '440500');
    for (const [period, amount] of figures)
      await f.call('revenue/set', { customerId: id, period, line: 'bills', amount });
    const run = await f.call('tiers/run', { kind: 'monthly', period: '2026-03' });
    const row = (await f.results(run.id)).get(id);
    expect(row?.qualified).toBe(qualified);
    expect(row?.clauses).toEqual(qualified ? ['R6'] : []);
  });
});
