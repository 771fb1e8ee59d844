/**
 * 待办 through the registry and the command line: the units' forms (R30, R31) as duties on a date,
 * settled by the batch that brings them; the city centre owes itself nothing; the unit filter.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';
import { mapWideSheet, setWide } from '../../support/wide-template';

const open = backendsForTests();
const tempDir = tempDirsForTests('kam-worklist-');
/** Local noon of a date, so the officer's local date is that date in any time zone CI uses. */
const at = (date: string) => new Date(`${date}T12:00:00`);

function setup(databasePath = ':memory:') {
  const clock = { now: at('2026-10-20') };
  const b = open({ databasePath, now: () => clock.now });
  fillDemo(b.db, POLICY_V1, { customers: 40, seed: 9 }, clock.now);
  return { b, clock };
}

async function sendTemplate(b: Backend, unitCode: string, period: string): Promise<void> {
  const dir = tempDir();
  const { files } = await b.registry.call('templates/generate', { period, outDir: dir, unitCode });
  const path = (files[0] as { path: string }).path;
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
  const map = mapWideSheet(ws);
  setWide(ws, map, [...map.rows.keys()][0] as string, '储汇', 1000);
  const out = join(dir, `${unitCode}-filled.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const preview = await b.registry.call('imports/preview', { path: out });
  expect(preview.counts.errors).toBe(0);
  await b.registry.call('imports/commit', { token: preview.token });
}

const owing = (b: Backend) =>
  (
    b.db
      .prepare(
        `SELECT code FROM units u WHERE retired_on IS NULL AND kind NOT IN ('centre', 'province')
         AND EXISTS (SELECT 1 FROM customers c WHERE c.unit_id = u.id) ORDER BY code`,
      )
      .pluck()
      .all() as string[]
  ).sort();

describe('worklist/list: forms_missing (R30, R31)', () => {
  it('chases last month from its due day on and this month from 7 days before its due day', async () => {
    const { b } = setup();
    const units = owing(b);
    expect(units.length).toBeGreaterThanOrEqual(3);

    // 20 Oct: September's forms (due 28 Sep) are overdue from every unit; October's not yet asked.
    const oct20 = await b.registry.call('worklist/list', {});
    expect(oct20.date).toBe('2026-10-20');
    const forms = oct20.items.filter((i) => i.kind === 'forms_missing');
    expect(forms.map((i) => i.unit).sort()).toEqual(units);
    expect(new Set(forms.map((i) => i.period))).toEqual(new Set(['2026-09']));
    expect(forms[0]).toMatchObject({
      due: '2026-09-25', // the manager changes' due day comes first (R30)
      forms: ['revenue', 'registrations', 'manager_changes', 'fluctuation_reasons', 'unit_analysis'],
    });
    expect(oct20.counts.forms_missing).toBe(units.length);

    // 21 Oct (7 days before 28 Oct): October's are asked after too.
    const oct21 = await b.registry.call('worklist/list', { date: '2026-10-21' });
    expect(new Set(oct21.items.map((i) => i.period))).toEqual(new Set(['2026-09', '2026-10']));
    expect(oct21.counts.forms_missing).toBe(units.length * 2);
  });

  it('drops what a unit sent: its template brings four forms, its analysis is still owed', async () => {
    const { b, clock } = setup();
    const [sender] = owing(b) as [string];
    clock.now = at('2026-10-22');
    await sendTemplate(b, sender, '2026-10');
    const list = await b.registry.call('worklist/list', { unitCode: sender });
    expect(list.items.map((i) => [i.period, i.forms])).toEqual([
      ['2026-09', ['revenue', 'registrations', 'manager_changes', 'fluctuation_reasons', 'unit_analysis']],
      ['2026-10', ['unit_analysis']],
    ]);
    expect(list.items.every((i) => i.unit === sender && i.unitName !== sender)).toBe(true);
    // The other units still owe October's forms whole.
    const all = await b.registry.call('worklist/list', {});
    const others = all.items.filter((i) => i.period === '2026-10' && i.unit !== sender);
    expect(others.length).toBe(owing(b).length - 1);
    expect(others.every((i) => i.forms?.length === 5)).toBe(true);
  });

  it('never asks the city centre for forms, even when it holds customers', async () => {
    const { b } = setup();
    const centre = b.db.prepare("SELECT id, code FROM units WHERE kind = 'centre'").get() as {
      id: number;
      code: string;
    };
    await b.registry.call('customers/create', {
      name: '汕头市中心直管测试有限公司',
      areaCode: '440507',
      unitId: centre.id,
    });
    const list = await b.registry.call('worklist/list', {});
    expect(list.items.some((i) => i.unit === centre.code)).toBe(false);
    expect((await b.registry.call('worklist/list', { unitCode: centre.code })).items).toEqual([]);
  });

  it('counts match the list; an unknown unit or a bad date is refused', async () => {
    const { b } = setup();
    const list = await b.registry.call('worklist/list', { date: '2026-10-25' });
    const counts = await b.registry.call('worklist/counts', { date: '2026-10-25' });
    expect(counts.counts).toEqual(list.counts);
    expect(counts.total).toBe(list.items.length);
    expect((await appError(b.registry.call('worklist/list', { unitCode: '999999' }))).code).toBe('NOT_FOUND');
    expect((await appError(b.registry.call('worklist/list', { date: '2026-02-30' }))).code).toBe('VALIDATION');
  });
});

describe('kam worklist', () => {
  it('prints the same items as JSON with the contract keys, filtered by unit and date', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    const { b } = setup(db);
    const [unit] = owing(b) as [string];
    b.close();
    const run = await kam(['worklist', '--db', db, '--unit', unit, '--date', '2026-10-21', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { items: Record<string, unknown>[] };
    expect(out.items.map((i) => [i.kind, i.unit, i.due])).toEqual([
      ['forms_missing', unit, '2026-09-25'],
      ['forms_missing', unit, '2026-10-25'],
    ]);
    const text = await kam(['worklist', '--db', db, '--date', '2026-10-21']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('报表未报送');
    const bad = await kam(['worklist', '--db', db, '--date', '21/10/2026']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('日期');
  });
});
