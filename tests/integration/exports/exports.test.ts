/**
 * Exports (R24–R26, R17; DOMAIN-DECISIONS "Exports") through the registry on a real (in-memory) database: the figures
 * of 附件6-1 against SQL sums of the `revenue` table, hand-computed YoY/MoM, the 附件6-2 top-10
 * fallback, the 附件7 threshold edge, the province package without any personal field, formula-like
 * text kept as written in string cells and numeric cells with number formats, read back from the .xlsx bytes.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { unitTemplateData } from '../../../electron/backend/templates/data';
import type { ApiInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ExportFileView } from '../../../shared/api/types';
import type { RevenueLine } from '../../../shared/domain/lines';
import type { Tier } from '../../../shared/domain/tiers';
import { OFFICIAL_LINE_ROWS } from '../../support/official-lines';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-exports-');

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

type Cell = [customerId: string, period: string, line: RevenueLine, fen: number];

async function setup() {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  const customer = async (name: string, unitCode = '440515', areaCode = '440515') =>
    (await call('customers/create', { name, areaCode, unitId: unit(unitCode), confirmDuplicateName: true })).id;
  const revenue = (cells: Cell[]) =>
    b.db.transaction(() =>
      b.registry.ctx.revenue.write(
        cells.map(([customerId, period, line, amount]) => ({ customerId, period, line, amount })),
        { kind: 'manual', ref: null },
        NOW.toISOString(),
      ),
    )();
  const build = async (input: ApiInput<'exports/build'>) => {
    const result = await call('exports/build', input);
    return { result, book: XLSX.read(Buffer.from(result.base64 ?? '', 'base64'), { cellNF: true, cellStyles: true }) };
  };
  return { b, db: b.db, call, unit, customer, revenue, build };
}

/**
 * Inserts a row, giving every other required column a neutral value (0, '', '[]' for JSON lists):
 * the tiering tables carry many inputs this test has no use for, and they may grow.
 */
function insertRow(db: Database, table: string, values: Record<string, unknown>): number {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: unknown;
    pk: number;
  }[];
  const row: Record<string, unknown> = {};
  for (const c of columns) {
    if (c.name in values) row[c.name] = values[c.name];
    else if (c.notnull === 1 && c.dflt_value === null && !(c.pk === 1 && c.type === 'INTEGER')) {
      row[c.name] = c.type === 'INTEGER' ? 0 : c.name === 'clauses' ? '[]' : '';
    }
  }
  const names = Object.keys(row);
  const info = db
    .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(row);
  return Number(info.lastInsertRowid);
}

/** An annual run with exactly these computed tiers (the rule engine itself is tested elsewhere). */
function annualRun(db: Database, year: number, tiers: Record<string, Tier | null>): number {
  const runId = insertRow(db, 'tier_runs', {
    kind: 'annual',
    run_key: String(year),
    window_from: `${year}-01`,
    window_to: `${year}-12`,
    policy_version: 1,
    bureau_year: year,
    bureau_revenue_fen: 100,
    created_at: NOW.toISOString(),
    actor: '测试',
  });
  for (const [id, tier] of Object.entries(tiers)) {
    insertRow(db, 'tier_results', {
      run_id: runId,
      customer_id: id,
      qualified: tier === null ? 0 : 1,
      tier,
      scope: 'comprehensive',
    });
  }
  return runId;
}

type Row = (string | number | null)[];

function rowsOf(book: XLSX.WorkBook, sheet: string): Row[] {
  const ws = book.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}; sheets: ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<Row>(ws, { header: 1, raw: true, defval: null, blankrows: true });
}

/** The row whose first cell is `label`, below the row whose first cell is `after`. */
function row(rows: Row[], label: string, after?: string): Row {
  const start = after === undefined ? 0 : rows.findIndex((r) => r[0] === after);
  const found = rows.slice(start + 1).find((r) => r[0] === label);
  if (!found) throw new Error(`no row ${label} after ${after}`);
  return found;
}

/**
 * The revenue table's row titles as the form prints them (R1's lines in their order, then 其他),
 * written out rather than taken from the code's own names, so a wrong name or order fails here.
 */
const LINE_ROWS = OFFICIAL_LINE_ROWS;

/** Yuan in a cell → fen (the cell holds fen / 100 as a double). */
const fen = (v: string | number | null | undefined) => Math.round(Number(v) * 100);

/** Data rows of a 6-2 or 附件7 table: those whose first cell is a number (序号). */
const listed = (rows: Row[]) => rows.filter((r) => typeof r[0] === 'number');

describe('附件6-1 (R24)', () => {
  it('totals equal SQL sums of the revenue table, city-wide and for a unit with its sub-units', async () => {
    const { db, call, unit, customer, revenue, build } = await setup();
    const branch = await call('units/create', {
      code: '44051501',
      name: '莲下支局',
      kind: 'branch',
      parentId: unit('440515'),
      areaCode: '440515',
    });
    const ids = [
      await customer('澄海甲有限公司'),
      await customer('澄海乙有限公司'),
      (await call('customers/create', { name: '莲下丙有限公司', areaCode: '440515', unitId: branch.id })).id,
      await customer('营业分局丁有限公司', 'P01', '440511'),
      await customer('潮阳戊有限公司', '440513', '440513'),
    ];
    expect(branch.code).toBe('44051501');
    const cells: Cell[] = [];
    const periods = ['2025-01', '2025-09', '2025-10', '2025-11', '2026-01', '2026-05', '2026-09', '2026-10', '2026-11'];
    ids.forEach((id, i) => {
      periods.forEach((p, j) => {
        const line = LINE_ROWS[(i + j) % LINE_ROWS.length]?.[1] as RevenueLine;
        // Customer 1 has nothing in 2026-10 (lost); customer 2 nothing in 2026-09 (new).
        if ((i === 1 && p === '2026-10') || (i === 2 && p === '2026-09')) return;
        cells.push([id, p, line, 1_000_00 * (i + 1) + 37 * j + 1]);
        cells.push([id, p, 'letters', 11_11 * (j + 1)]);
      });
    });
    revenue(cells);

    const sql = (where: string, ...args: unknown[]) =>
      new Map(
        (
          db
            .prepare(`SELECT line, sum(amount_fen) AS s FROM revenue r JOIN customers c ON c.id = r.customer_id
                      WHERE ${where} GROUP BY line`)
            .all(...args) as { line: RevenueLine; s: number }[]
        ).map((r) => [r.line, r.s]),
      );
    for (const [unitCode, scope] of [
      [null, '1 = 1'],
      ['440515', `c.unit_id IN (${unit('440515')}, ${branch.id})`],
    ] as const) {
      const { book } = await build({ form: '6-1', period: PERIOD, unitCode });
      const rows = rowsOf(book, '附件6-1');
      // The two tables' headers, and the revenue table's rows: the lines in R1's order, then 合计.
      expect(rows.find((r) => r[0] === '分级')).toEqual([
        '分级',
        '上月末户数',
        '本月新增',
        '本月流失',
        '期末户数',
        '本月收入',
        '本年累计收入',
        null,
        null,
      ]);
      const revenueHeader = rows.findIndex((r) => r[0] === '业务种类');
      expect(rows[revenueHeader]).toEqual([
        '业务种类',
        '本月',
        '上月',
        '环比',
        '去年同月',
        '同比',
        '本年累计',
        '去年同期累计',
        '累计同比',
      ]);
      expect(rows.slice(revenueHeader + 1, revenueHeader + 11).map((r) => r[0])).toEqual([
        ...LINE_ROWS.map(([label]) => label),
        '合计',
      ]);
      const buckets = [
        ["r.period = '2026-10'", 1],
        ["r.period = '2026-09'", 2],
        ["r.period = '2025-10'", 4],
        ["r.period BETWEEN '2026-01' AND '2026-10'", 6],
        ["r.period BETWEEN '2025-01' AND '2025-10'", 7],
      ] as const;
      for (const [where, col] of buckets) {
        const sums = sql(`${scope} AND ${where}`);
        let total = 0;
        for (const [label, line] of LINE_ROWS) {
          expect(fen(row(rows, label, '业务种类')[col]), `${unitCode} ${line} ${where}`).toBe(sums.get(line) ?? 0);
          total += sums.get(line) ?? 0;
        }
        expect(fen(row(rows, '合计', '业务种类')[col])).toBe(total);
      }
      // Counts: customers with revenue this month / last month (R27's new and stopped).
      const active = (p: string) =>
        (
          db
            .prepare(
              `SELECT count(*) AS n FROM (SELECT r.customer_id FROM revenue r JOIN customers c ON c.id = r.customer_id
               WHERE ${scope} AND r.period = ? GROUP BY r.customer_id HAVING sum(r.amount_fen) > 0)`,
            )
            .get(p) as { n: number }
        ).n;
      const counts = row(rows, '合计', '分级');
      expect(counts.slice(1, 5)).toEqual([active('2026-09'), 1, 1, active('2026-10')]);
      expect(fen(counts[5])).toBe(fen(row(rows, '合计', '业务种类')[1]));
    }
  });

  it('YoY and MoM match hand-computed figures; no base leaves the cell blank', async () => {
    const { customer, revenue, build } = await setup();
    const a = await customer('汕头市手算有限公司');
    revenue([
      [a, '2026-10', 'letters', 1_200_00],
      [a, '2026-09', 'letters', 1_000_00],
      [a, '2026-01', 'letters', 300_00],
      [a, '2025-10', 'letters', 800_00],
      [a, '2025-01', 'letters', 400_00],
      [a, '2026-10', 'express', 50_00],
    ]);
    const { book } = await build({ form: '6-1', period: PERIOD });
    const letters = row(rowsOf(book, '附件6-1'), '函件', '业务种类');
    // 本月 1,200; 上月 1,000 → +20%; 去年同月 800 → +50%; 累计 2,500 vs 1,200 → +108.33%.
    expect(letters.slice(1)).toEqual([1200, 1000, 0.2, 800, 0.5, 2500, 1200, 1300 / 1200]);
    const express = row(rowsOf(book, '附件6-1'), '特快', '业务种类');
    expect(express.slice(1)).toEqual([50, 0, null, 0, null, 50, 0, null]);

    const six2 = listed(rowsOf((await build({ form: '6-2', period: PERIOD })).book, '附件6-2'));
    expect(six2[0]?.slice(6)).toEqual([1250, 1000, 0.25, 800, 1250 / 800 - 1, 2550, 1200, 1350 / 1200]);
  });

  it('numbers are numeric cells with number formats; text is text', async () => {
    const { customer, revenue, build } = await setup();
    const a = await customer('汕头市格式有限公司');
    revenue([
      [a, '2026-10', 'letters', 1_234_567_89],
      [a, '2026-09', 'letters', 1_000_000_00],
    ]);
    const { book } = await build({ form: '6-1', period: PERIOD });
    const ws = book.Sheets['附件6-1'] as XLSX.WorkSheet;
    const rows = rowsOf(book, '附件6-1');
    const r = rows.findIndex((x) => x[0] === '函件');
    const at = (c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject;
    expect(at(0)).toMatchObject({ t: 's', v: '函件' });
    expect(at(1)).toMatchObject({ t: 'n', v: 1234567.89, z: '#,##0.00', w: '1,234,567.89' });
    expect(at(3)).toMatchObject({ t: 'n', z: '0.0%', w: '23.5%' });
    const counts = rows.findIndex((x) => x[0] === '合计');
    expect(ws[XLSX.utils.encode_cell({ r: counts, c: 4 })]).toMatchObject({ t: 'n', v: 1, z: '#,##0' });
    // No cell anywhere is a formula, and every figure cell is a number.
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith('!')) continue;
      expect((cell as XLSX.CellObject).f).toBeUndefined();
      if ((cell as XLSX.CellObject).t === 'n') expect((cell as XLSX.CellObject).z).toMatch(/^(#,##0\.00|#,##0|0\.0%)$/);
    }
    // The title is merged across the table and the columns have widths.
    expect(ws['!merges']?.[0]).toEqual({ s: { r: 1, c: 0 }, e: { r: 1, c: 8 } });
    expect(ws['!cols']?.length).toBe(9);
  });

  it('uses the latest annual run of a year before the period (last run of that year); R13 approval beside; templates agree', async () => {
    const { db, call, customer, revenue, build } = await setup();
    const a = await customer('汕头市钻石有限公司');
    const g = await customer('汕头市黄金有限公司');
    revenue([
      [a, PERIOD, 'bills', 900_00],
      [g, PERIOD, 'bills', 800_00],
    ]);
    annualRun(db, 2024, { [a]: 'general', [g]: 'general' });
    annualRun(db, 2025, { [a]: 'silver', [g]: 'silver' });
    const used = annualRun(db, 2025, { [a]: 'gold', [g]: 'gold' });
    annualRun(db, 2026, { [a]: 'diamond', [g]: 'diamond' });
    await call('tiers/approve', {
      customerId: a,
      approver: '省局大客户中心',
      documentNo: '粤邮大〔2026〕1号',
      reason: '战略客户',
      validFrom: '2026-01-01',
    });
    const { result, book } = await build({ form: '6-1', period: PERIOD });
    expect(result.tierBasis).toEqual({ runId: used, year: 2025, policyVersion: 1 });
    const rows = rowsOf(book, '附件6-1');
    expect(rows).toContainEqual(
      expect.arrayContaining([`分级依据：2025 年度分级结果（分级批次 ${used}，政策版本 1）`]),
    );
    expect(row(rows, '钻石', '分级').slice(1, 6)).toEqual([0, 1, 0, 1, 900]);
    expect(row(rows, '黄金', '分级').slice(1, 6)).toEqual([0, 1, 0, 1, 800]);
    const six2 = listed(rowsOf((await build({ form: '6-2', period: PERIOD })).book, '附件6-2'));
    expect(six2.map((r) => [r[1], r[4], r[5]])).toEqual([
      [a, '钻石（省局认定；计算为黄金）', '白银及以上；本月收入前 10 名'],
      [g, '黄金', '白银及以上；本月收入前 10 名'],
    ]);
    // The unit's template for the month lists the same tiers in force (one answer for every reader).
    const unitOf = db.prepare('SELECT unit_id FROM customers WHERE id = ?').pluck();
    expect(unitOf.get(a)).toBe(unitOf.get(g));
    const keyCustomers = unitTemplateData(db, unitOf.get(a) as number, PERIOD).keyCustomers;
    expect(keyCustomers.map((k) => [k.id, k.tier])).toEqual([
      [a, 'diamond'],
      [g, 'gold'],
    ]);
  });

  it('大客户户数 counts key customers (a tier in force) only; the others are told apart in a note', async () => {
    const { db, customer, revenue, build } = await setup();
    const s = await customer('汕头市白银客户有限公司');
    const g = await customer('汕头市普通客户有限公司');
    const n = await customer('汕头市非大客户有限公司');
    const fresh = await customer('汕头市新建档有限公司');
    revenue([
      [s, PERIOD, 'bills', 500_00],
      [g, PERIOD, 'bills', 300_00],
      [n, PERIOD, 'bills', 200_00],
      [fresh, PERIOD, 'bills', 100_00],
    ]);
    annualRun(db, 2025, { [s]: 'silver', [g]: 'general', [n]: null });
    const rows = rowsOf((await build({ form: '6-1', period: PERIOD })).book, '附件6-1');
    const labels = rows.slice(rows.findIndex((r) => r[0] === '分级') + 1).map((r) => r[0]);
    expect(labels.slice(0, 5)).toEqual(['钻石', '黄金', '白银', '一般', '合计']);
    expect(row(rows, '合计', '分级').slice(1, 6)).toEqual([0, 2, 0, 2, 800]);
    expect(rows.flat()).toContainEqual(
      expect.stringContaining('未定级客户（该次分级未达标准或分级后新建档）期末 2 户、本月收入 ¥300.00'),
    );
    // The revenue by line is still the unit's whole revenue.
    expect(row(rows, '合计', '业务种类')[1]).toBe(1_100);
  });

  it('works without any tiering run and says tiers are unknown', async () => {
    const { customer, revenue, build } = await setup();
    const a = await customer('汕头市未分级有限公司');
    revenue([[a, PERIOD, 'parcels', 10_00]]);
    const { result, book } = await build({ form: '6-1', period: PERIOD });
    expect(result.tierBasis).toBeNull();
    const rows = rowsOf(book, '附件6-1');
    expect(rows).toContainEqual(expect.arrayContaining(['分级依据：尚无年度分级，客户分级未知']));
    expect(row(rows, '分级未知', '分级').slice(1, 6)).toEqual([0, 1, 0, 1, 10]);
    expect(row(rows, '钻石', '分级').slice(1, 5)).toEqual([0, 0, 0, 0]);
  });

  it('a write between two exports is reflected (the kept figures are dropped)', async () => {
    const { customer, revenue, build, call } = await setup();
    const a = await customer('汕头市缓存有限公司');
    revenue([[a, PERIOD, 'letters', 100_00]]);
    expect(row(rowsOf((await build({ form: '6-1', period: PERIOD })).book, '附件6-1'), '函件', '业务种类')[1]).toBe(
      100,
    );
    await call('revenue/set', { customerId: a, period: PERIOD, line: 'letters', amount: '250' });
    expect(row(rowsOf((await build({ form: '6-1', period: PERIOD })).book, '附件6-1'), '函件', '业务种类')[1]).toBe(
      250,
    );
  });
});

describe('附件6-2 (R25)', () => {
  it('without any annual grading lists the unit top 10 by this month (nobody’s tier is known)', async () => {
    const { customer, revenue, build } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await customer(`汕头市前十${String.fromCharCode(0x4e00 + i)}有限公司`));
    const other = await customer('潮阳大户有限公司', '440513', '440513');
    revenue([
      ...ids.map((id, i): Cell => [id, PERIOD, 'express', (i + 1) * 1_000_00]),
      [other, PERIOD, 'express', 99_000_000_00],
    ]);
    const top = listed(rowsOf((await build({ form: '6-2', period: PERIOD, unitCode: '440515' })).book, '附件6-2'));
    expect(top.map((r) => r[1])).toEqual(ids.slice(2).reverse());
    expect(top.every((r) => r[4] === '未知' && r[5] === '本月收入前 10 名')).toBe(true);
    expect(top.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lists every silver+ key customer AND the unit’s top 10 key customers (the union, each once); a non-key top earner never', async () => {
    const { db, customer, revenue, build } = await setup();
    // 12 silver-and-above with modest revenue, 3 general key customers earning more, one general
    // earning little, and a customer with no tier in force (not key) earning most of all.
    const silverPlus: string[] = [];
    for (let i = 0; i < 12; i++)
      silverPlus.push(await customer(`汕头市白银${String.fromCharCode(0x4e00 + i)}有限公司`));
    const general: string[] = [];
    for (let i = 0; i < 4; i++) general.push(await customer(`汕头市普通${String.fromCharCode(0x4e00 + i)}有限公司`));
    const notKey = await customer('汕头市非大客户有限公司');
    revenue([
      ...silverPlus.map((id, i): Cell => [id, PERIOD, 'express', (100 + i) * 100_00]),
      ...general.map((id, i): Cell => [id, PERIOD, 'express', i < 3 ? (1_000 - i * 100) * 100_00 : 1_00]),
      [notKey, PERIOD, 'express', 99_000 * 100_00],
    ]);
    annualRun(db, 2025, {
      ...Object.fromEntries(silverPlus.map((id, i) => [id, i < 2 ? 'gold' : 'silver'] as const)),
      ...Object.fromEntries(general.map((id) => [id, 'general'] as const)),
      [notKey]: null,
    });
    const rows = rowsOf((await build({ form: '6-2', period: PERIOD, unitCode: '440515' })).book, '附件6-2');
    const list = listed(rows);
    expect(list.map((r) => r[1])).toEqual([
      silverPlus[1],
      silverPlus[0],
      ...silverPlus.slice(2).reverse(),
      general[0],
      general[1],
      general[2],
    ]);
    expect(list.map((r) => r[1])).not.toContain(notKey);
    expect(list.map((r) => r[1])).not.toContain(general[3]);
    // The top 10 key customers: the three general and silver 11…5; the rest are in by tier alone.
    const why = new Map(list.map((r) => [r[1], r[5]]));
    expect(why.get(general[0])).toBe('本月收入前 10 名');
    expect(why.get(silverPlus[11])).toBe('白银及以上；本月收入前 10 名');
    expect(why.get(silverPlus[2])).toBe('白银及以上');
    expect(row(rows, '合计')[1]).toBe('15 户');
  });
});

describe('an empty month (no revenue reported)', () => {
  it.each(['6-1', '6-2', '7', 'province'] as const)(
    '附件 %s: refuses with a clear message instead of a workbook of zeros',
    async (form) => {
      const { customer, revenue, call } = await setup();
      const a = await customer('汕头市空月有限公司');
      revenue([[a, '2026-09', 'letters', 100_00]]);
      const error = await call('exports/build', { form, period: PERIOD, unitCode: null, path: null }).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error?.code).toBe('NOT_FOUND');
      expect(error?.message).toBe('2026年10月全市没有任何收入数据，没有可导出的内容；请先导入或录入该月收入');
      expect(error?.details).toMatchObject({ reason: 'empty-month' });
    },
  );

  it('a unit with nothing this month is refused while the city exports', async () => {
    const { customer, revenue, call } = await setup();
    const a = await customer('潮阳有收入有限公司', '440513', '440513');
    revenue([[a, PERIOD, 'letters', 100_00]]);
    await expect(
      call('exports/build', { form: '6-1', period: PERIOD, unitCode: null, path: null }),
    ).resolves.toBeTruthy();
    await expect(
      call('exports/build', { form: '6-1', period: PERIOD, unitCode: '440515', path: null }),
    ).rejects.toThrow('2026年10月澄海分局没有任何收入数据');
  });
});

describe('附件7 (R26)', () => {
  it('¥300,000 over the 12 months is in (exactly), one fen less is out when 10 others qualify', async () => {
    const { customer, revenue, build } = await setup();
    const big: string[] = [];
    for (let i = 0; i < 9; i++) big.push(await customer(`汕头市大户${String.fromCharCode(0x4e00 + i)}有限公司`));
    const edge = await customer('汕头市恰好三十万有限公司');
    const below = await customer('汕头市差一分有限公司');
    const cells: Cell[] = big.map((id, i) => [id, '2026-03', 'logistics', 400_000_00 + i]);
    // ¥25,000 in each of the 12 months 2025-11 … 2026-10.
    for (const p of [
      '2025-11',
      '2025-12',
      ...Array.from({ length: 10 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
    ]) {
      cells.push([edge, p, 'letters', 25_000_00]);
    }
    cells.push([below, '2026-10', 'letters', 299_999_99]);
    // Outside the window: does not count.
    cells.push([below, '2025-10', 'letters', 1_000_000_00]);
    revenue(cells);
    const rows = rowsOf((await build({ form: '7', period: PERIOD })).book, '附件7');
    const list = listed(rows);
    expect(list).toHaveLength(10);
    expect(list.map((r) => r[1])).not.toContain(below);
    const e = list.find((r) => r[1] === edge) as Row;
    expect(e.slice(5, 8)).toEqual(['月均不低于 ¥25,000.00', 300_000, 25_000]);
    // This month per line (储汇 … 其他), then the month's total.
    expect(e.slice(8)).toEqual([0, 0, 25_000, 0, 0, 0, 0, 0, 0, 25_000]);
  });

  it('fewer than 10 over the line: the city top 10 fill the list; a unit table narrows the city list', async () => {
    const { customer, revenue, build } = await setup();
    const a = await customer('汕头市过线有限公司');
    const small: string[] = [];
    for (let i = 0; i < 11; i++)
      small.push(await customer(`潮阳小户${String.fromCharCode(0x4e00 + i)}有限公司`, '440513', '440513'));
    revenue([[a, PERIOD, 'bills', 300_000_00], ...small.map((id, i): Cell => [id, PERIOD, 'bills', (i + 1) * 100_00])]);
    const city = listed(rowsOf((await build({ form: '7', period: PERIOD })).book, '附件7'));
    expect(city.map((r) => r[1])).toEqual([a, ...small.slice(2).reverse()]);
    expect(city.slice(1).every((r) => r[5] === '全市前 10 名')).toBe(true);
    const unit = listed(rowsOf((await build({ form: '7', period: PERIOD, unitCode: '440513' })).book, '附件7'));
    expect(unit.map((r) => r[1])).toEqual(small.slice(2).reverse());
  });
});

describe('province package (R17, R26)', () => {
  it('holds the city 6-1 and 附件7 and no personal or key-person field in any cell of any sheet', async () => {
    const { db, call, unit, customer, revenue, build } = await setup();
    const planted = ['张关键', '13800138000', '汕头市金平区秘密路1号', '关键人爱好高尔夫'];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await customer(`汕头市报省${String.fromCharCode(0x4e00 + i)}有限公司`));
    await call('customers/update', {
      id: ids[0] as string,
      name: '汕头市报省一有限公司',
      shortName: planted[0],
      areaCode: '440515',
      unitId: unit('440515'),
      industry: planted[3],
      address: planted[2],
    });
    await call('managers/register', {
      name: planted[0] as string,
      unitId: unit('440515'),
      post: 'account_manager',
      employment: 'full_time',
      phone: planted[1],
      effectiveOn: '2026-01-05',
    });
    // The customer's archive (R17) with a key person and contact made of the planted values.
    await call('archives/update', {
      customerId: ids[0] as string,
      basic: { address: planted[2], contactName: planted[0], contactPhone: planted[1] },
      keyPersons: [{ name: planted[0], position: '总经理', contact: planted[1], interests: planted[3] }],
    });
    revenue(ids.map((id, i): Cell => [id, PERIOD, 'savings', (i + 1) * 400_000_00]));
    annualRun(db, 2025, { [ids[0] as string]: 'gold' });
    const { result, book } = await build({ form: 'province', period: PERIOD });
    expect(result.fileName).toBe('省局报送包_2026年10月.xlsx');
    expect(book.SheetNames).toEqual(['附件6-1（全市汇总）', '附件7']);
    // R17's key-person block and other personal fields, as labels a sheet could carry.
    const personalLabels = [
      '关键人',
      '年龄',
      '民族',
      '婚姻',
      '家庭',
      '学历',
      '爱好',
      '禁忌',
      '纪念日',
      '生日',
      '法定代表人',
      '联系人',
      '电话',
      '手机',
      '邮箱',
      '传真',
      '地址',
      '经理',
    ];
    let cells = 0;
    for (const name of book.SheetNames) {
      for (const r of rowsOf(book, name)) {
        for (const v of r) {
          if (typeof v !== 'string') continue;
          cells++;
          for (const p of planted) expect(v, `${name}: ${v}`).not.toContain(p);
          for (const label of personalLabels) expect(v, `${name}: ${v}`).not.toContain(label);
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    // 附件7's columns are exactly these: identity, unit, tier, figures.
    expect(rowsOf(book, '附件7').find((r) => r[0] === '序号')).toEqual([
      '序号',
      '客户编号',
      '客户名称',
      '所属单位',
      '分级',
      '列入依据',
      '近12个月收入',
      '月均收入',
      '本月储汇',
      '本月帐单',
      '本月函件',
      '本月集邮',
      '本月特快',
      '本月物流',
      '本月包件',
      '本月报刊',
      '本月其他',
      '本月合计',
    ]);
  });
});

describe('formula-like text', () => {
  it('a customer named =HYPERLINK(…) or ＋1… stays text exactly as written, never a formula', async () => {
    const { customer, revenue, build } = await setup();
    const evil = await customer('=HYPERLINK("http://evil.example","点我")');
    const plus = await customer('＋1贸易有限公司');
    revenue([
      [evil, PERIOD, 'letters', 5_000_00],
      [plus, PERIOD, 'letters', 4_000_00],
    ]);
    for (const form of ['6-2', '7'] as const) {
      const { book } = await build({ form, period: PERIOD });
      const ws = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
      const texts = Object.entries(ws)
        .filter(([a]) => !a.startsWith('!'))
        .map(([, c]) => c as XLSX.CellObject);
      expect(texts.some((c) => c.f !== undefined)).toBe(false);
      expect(texts.filter((c) => c.t === 's').map((c) => c.v)).toEqual(
        expect.arrayContaining(['=HYPERLINK("http://evil.example","点我")', '＋1贸易有限公司']),
      );
      for (const c of texts) if (c.t === 's') expect(String(c.v)).not.toMatch(/^'/);
    }
  });
});

describe('exports/build', () => {
  async function fails(p: Promise<unknown>) {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError) return e.toJSON();
      throw e;
    }
    throw new Error('expected a failure');
  }

  it('writes to the chosen .xlsx path (no bytes returned) and refuses other paths, units and scopes', async () => {
    const { b, call, customer, revenue } = await setup();
    const a = await customer('汕头市保存有限公司');
    revenue([[a, PERIOD, 'letters', 1_00]]);
    const path = join(tempDir(), '附件6-1.xlsx');
    const r: ExportFileView = await call('exports/build', { form: '6-1', period: '2026年10月', path });
    expect(r).toMatchObject({
      form: '6-1',
      period: PERIOD,
      path,
      base64: null,
      fileName: '附件6-1_全市_2026年10月.xlsx',
    });
    expect(readFileSync(path).length).toBe(r.size);
    expect(XLSX.read(readFileSync(path)).SheetNames).toEqual(['附件6-1']);

    expect(
      await fails(call('exports/build', { form: '6-1', period: PERIOD, path: join(tempDir(), 'a.csv') })),
    ).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('导出文件名应以 .xlsx 结尾'),
    });
    expect(await fails(call('exports/build', { form: '6-1', period: PERIOD, unitCode: 'X99' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('找不到代码为“X99”的单位'),
    });
    expect(await fails(call('exports/build', { form: 'province', period: PERIOD, unitCode: '440515' }))).toMatchObject({
      code: 'VALIDATION',
      message: '省局报送包只有全市口径，不能指定单位',
    });
    expect(await fails(call('exports/build', { form: '8' as '7', period: PERIOD }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('报表应为 6-1、6-2、7 或 province'),
    });
    expect(await fails(call('exports/build', { form: '7', period: '2026-13' }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('月份应为 1–12'),
    });
    // A read: the audit log (every write) is untouched.
    expect(b.db.prepare("SELECT count(*) AS n FROM audit_log WHERE channel = 'exports/build'").get()).toEqual({ n: 0 });
  });
});
