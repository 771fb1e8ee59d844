/**
 * DOMAIN-DECISIONS "Submission tracker": the 数据报送 tracker through the registry — month × unit × form, received on time
 * or late (R31: after the 28th), pending or overdue, manager changes due the 25th (R30), the
 * centre's own deadline (R32), hand-made workbooks listed apart, undone batches not counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { tempDirsForTests } from '../../support/temp-dir';
import { mapWideSheet, setWide } from '../../support/wide-template';

const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-submissions-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

/** Local noon of a date, so the officer's local date is that date in any time zone CI uses. */
const at = (date: string) => new Date(`${date}T12:00:00`);

function setup() {
  const clock = { now: at('2026-10-20') };
  const b = openBackend({ databasePath: ':memory:', now: () => clock.now });
  backends.push(b);
  fillDemo(b.db, POLICY_V1, { customers: 40, seed: 9 }, clock.now);
  fillDemoRevenue(b.db, { months: 3, seed: 9, endPeriod: '2026-09' }, clock.now.toISOString());
  return { b, clock };
}

/** A unit's template with its first 收入明细 amount filled, as the unit would send it. */
async function filledTemplate(b: Backend, unitCode: string, yuan: number): Promise<string> {
  const dir = tempDir();
  const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode });
  const path = (files[0] as { path: string }).path;
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  // The first customer's first line (储汇 本月; the wide layout: one row per customer).
  const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
  const map = mapWideSheet(ws);
  setWide(ws, map, [...map.rows.keys()][0] as string, '储汇', yuan);
  const out = join(dir, `${unitCode}-filled.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

async function commit(b: Backend, path: string): Promise<number> {
  const preview = await b.registry.call('imports/preview', { path });
  expect(preview.counts.errors).toBe(0);
  return (await b.registry.call('imports/commit', { token: preview.token })).id;
}

describe('submissions/tracker (R30–R32)', () => {
  it('marks each unit × form received on time, late, pending or overdue', async () => {
    const { b, clock } = setup();
    const units = (await b.registry.call('submissions/tracker', { period: PERIOD })).units.map((u) => u.code);
    expect(units.length).toBeGreaterThanOrEqual(3);
    const [onTimeUnit, lateUnit, silentUnit] = units as [string, string, string];

    // Before anything arrives, on the 20th: everything is pending, nothing overdue.
    let view = await b.registry.call('submissions/tracker', { period: PERIOD });
    expect(view).toMatchObject({
      period: PERIOD,
      today: '2026-10-20',
      unitDueOn: '2026-10-28',
      managerChangeDueOn: '2026-10-25',
      centreDueOn: '2026-11-05',
      centreDaysLeft: 16,
    });
    expect(view.units.flatMap((u) => u.cells.map((c) => c.status))).toEqual(Array(units.length * 5).fill('pending'));

    // One unit sends on the 27th: after the 25th, so its manager changes are late (R30), the
    // rest on time (R31). Another sends on the 30th: all late.
    clock.now = at('2026-10-27');
    const first = await commit(b, await filledTemplate(b, onTimeUnit, 1234.5));
    clock.now = at('2026-10-30');
    const second = await commit(b, await filledTemplate(b, lateUnit, 99));
    // A workbook made by hand names no unit: listed apart, not counted for any unit.
    const hand = join(tempDir(), '手工收入表.xlsx');
    const ws = XLSX.utils.aoa_to_sheet([
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [b.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as string, PERIOD, '函件', 10],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '收入');
    writeFileSync(hand, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const handBatch = await commit(b, hand);
    // The history names the unit a template came from; a hand-made workbook has none.
    const history = new Map((await b.registry.call('imports/list', {})).map((x) => [x.id, x.unitName]));
    expect(history.get(handBatch)).toBeNull();
    expect(history.get(first)).toBe(b.db.prepare('SELECT name FROM units WHERE code = ?').pluck().get(onTimeUnit));

    clock.now = at('2026-11-02');
    view = await b.registry.call('submissions/tracker', { period: PERIOD });
    const row = (code: string) => view.units.find((u) => u.code === code);
    expect(row(onTimeUnit)?.cells.map((c) => [c.form, c.status, c.batchId])).toEqual([
      ['revenue', 'on_time', first],
      ['registrations', 'on_time', first],
      ['manager_changes', 'late', first],
      ['fluctuation_reasons', 'on_time', first],
      // The template's 经营分析 was left blank: still owed (R31), overdue after the 28th.
      ['unit_analysis', 'overdue', null],
    ]);
    expect(row(lateUnit)?.cells.map((c) => c.status)).toEqual(['late', 'late', 'late', 'late', 'overdue']);
    expect(row(lateUnit)?.cells[0]?.batchId).toBe(second);
    expect(row(silentUnit)?.cells.map((c) => c.status)).toEqual(Array(5).fill('overdue'));
    expect(view.unattributed.map((u) => u.id)).toEqual([handBatch]);
    expect(view.totals).toEqual({
      expected: units.length * 5,
      onTime: 3,
      late: 5,
      pending: 0,
      overdue: (units.length - 2) * 5 + 2,
    });
    expect(view.centreDaysLeft).toBe(3);

    // An undone batch no longer counts; the unit's page still lists it.
    await b.registry.call('imports/undo', { batchId: second });
    view = await b.registry.call('submissions/tracker', { period: PERIOD });
    expect(row(lateUnit)?.cells.map((c) => c.status)).toEqual(Array(5).fill('overdue'));
    const unitId = row(lateUnit)?.unitId as number;
    const listed = await b.registry.call('submissions/unit-batches', { unitId });
    expect(listed.map((x) => [x.id, x.undoneAt !== null, x.forms.length])).toEqual([[second, true, 4]]);
  });

  it('refuses a bad period or an unknown unit with a Chinese message', async () => {
    const { b } = setup();
    const bad = await b.registry.invoke('submissions/tracker', { period: '2026-13' });
    expect(bad.ok).toBe(false);
    const unknown = await b.registry.invoke('submissions/unit-batches', { unitId: 99_999 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到单位 99999' } });
  });
});
