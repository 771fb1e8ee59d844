/**
 * DOMAIN-DECISIONS "Exports", cells: every workbook the app writes — a unit's template, every
 * export form, an import's 问题清单, a list's 导出 Excel, the monthly report's tables, the blank
 * customer list — holds its texts as string cells (shared strings), never a formula and never a
 * guard character. Customers and a unit are given names a spreadsheet program would run
 * (=HYPERLINK(…), @SUM(1)单位, +1, -1, =1+1, tab- and CR-led texts); each workbook is unzipped and
 * its XML read: no `<f>` element, no formula-string cell (`t="str"`), and each hostile text is
 * there exactly as written (no leading apostrophe). LibreOffice then reads two of them as an
 * officer would and shows the texts as written, not evaluated. The unit's template still
 * round-trips through imports/preview with those names.
 */

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { addMonths } from '../../../shared/domain/periods';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { parseCsv, workbooksToCsvWithLibreOffice } from '../../support/soffice-csv';
import { tempDirsForTests } from '../../support/temp-dir';
import { mapWideSheet, REVENUE_SHEET, setCell, wideRef } from '../../support/wide-template';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const UNIT_CODE = '440515';
const UNIT_NAME = '@SUM(1)单位';
/** Customer names a spreadsheet program would read as a formula, were they not string cells. */
const CUSTOMER_NAMES = ['=HYPERLINK("http://evil","x")', '+1', '-1', '=1+1', '@SUM(1)公司', '＝2+2有限公司'];
/** Tab- and CR-led texts: a customer name cannot hold them (names are trimmed), a list's cell can. */
const CONTROL_TEXTS = ['\t=1+1', '\r=1+1'];
const HOSTILE = [UNIT_NAME, ...CUSTOMER_NAMES, ...CONTROL_TEXTS];

const tempDir = tempDirsForTests('kam-no-formulas-');

/** XML text → the string it stands for: entities, then SheetJS's _xHHHH_ escapes of control characters. */
function xmlText(s: string): string {
  return s
    .replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      if (e === 'amp') return '&';
      return String.fromCodePoint(e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** One `<si>` or `<is>`'s text: its `<t>` runs joined. */
const runsText = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => xmlText(m[1] ?? '')).join('');

interface WorkbookXml {
  /** Every text a cell shows: shared strings referenced by a cell, inline strings, formula strings. */
  texts: string[];
  /** Cells written as formulas or formula results: `<f>` elements and `t="str"` cells, by sheet part. */
  formulas: string[];
}

/** Reads the package's XML as a spreadsheet program would, without SheetJS's interpretation. */
function readXml(bytes: Uint8Array): WorkbookXml {
  const parts = unzipSync(bytes);
  const part = (p: string) => (parts[p] ? strFromU8(parts[p] as Uint8Array) : '');
  const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1] ?? ''));
  const texts: string[] = [];
  const formulas: string[] = [];
  for (const name of Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = part(name);
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1] ?? '';
      const body = m[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? '?';
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      if (/<f[\s>/]/.test(body) || type === 'str') formulas.push(`${name}!${ref} t=${type} ${body.slice(0, 80)}`);
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      if (type === 's' && v !== undefined) texts.push(shared[Number(v)] ?? '');
      else if (type === 'inlineStr') texts.push(runsText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? ''));
      else if (type === 'str' && v !== undefined) texts.push(xmlText(v));
    }
  }
  return { texts, formulas };
}

/** No formula anywhere; every `expected` text shown exactly; no hostile text behind a guard. */
function expectPlainTexts(label: string, bytes: Uint8Array, expected: readonly string[]): string[] {
  const { texts, formulas } = readXml(bytes);
  expect(formulas, `${label}: formula cells`).toEqual([]);
  for (const t of expected) expect(texts, `${label}: ${JSON.stringify(t)}`).toContain(t);
  const guarded = texts.filter((t) => HOSTILE.some((h) => t === `'${h}` || t.startsWith(`'${h}`)));
  expect(guarded, `${label}: texts with a guard character`).toEqual([]);
  return texts;
}

describe('no workbook the app writes holds a formula or a guard character', () => {
  let b: Backend;
  const customers = new Map<string, string>();

  beforeAll(async () => {
    b = openBackend({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 40, seed: 5 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 5 }, NOW.toISOString());
    const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
    const unit = (await call('units/list', {})).find((u) => u.code === UNIT_CODE);
    if (!unit) throw new Error(`no unit ${UNIT_CODE}`);
    await call('units/rename', { id: unit.id, name: UNIT_NAME });
    for (const name of CUSTOMER_NAMES) {
      const c = await call('customers/create', {
        name,
        areaCode: UNIT_CODE,
        unitId: unit.id,
        confirmDuplicateName: true,
      });
      customers.set(name, c.id);
    }
    // Large revenue over two years: top customers in every table (key customers, 附件7, the report).
    const periods = Array.from({ length: 24 }, (_, i) => addMonths(PERIOD, i - 23));
    b.db.transaction(() =>
      b.registry.ctx.revenue.write(
        [...customers.values()].flatMap((customerId, k) =>
          periods.map((period) => ({ customerId, period, line: 'express' as const, amount: 50_000_000 + k * 100 })),
        ),
        { kind: 'manual', ref: null },
        NOW.toISOString(),
      ),
    )();
    await call('tiers/run', { kind: 'annual', year: 2025 });
  }, 120_000);
  afterAll(() => b?.close());

  it('the unit template: names, unit title and metadata as plain strings; it still previews without error', async () => {
    const dir = tempDir();
    const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode: UNIT_CODE });
    const path = files[0]?.path as string;
    const texts = expectPlainTexts('template', readFileSync(path), CUSTOMER_NAMES);
    // The unit's name in the instructions' title and in the metadata, as the officer typed it.
    expect(texts).toContain(UNIT_NAME);
    expect(texts.some((t) => t !== UNIT_NAME && t.includes(UNIT_NAME))).toBe(true);

    // Read back as the import reads it: the same names, the unit recognised, no problem raised.
    const wb = XLSX.read(readFileSync(path));
    const ws = wb.Sheets[REVENUE_SHEET] as XLSX.WorkSheet;
    const map = mapWideSheet(ws);
    for (const [name, id] of customers) {
      const r = map.rows.get(id);
      expect(r, name).toBeDefined();
      expect(ws[XLSX.utils.encode_cell({ r: r as number, c: map.nameColumn })]?.v).toBe(name);
      setCell(ws, wideRef(map, id, '特快'), 500_000);
    }
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await b.registry.call('imports/preview', { path: filled });
    expect(preview.template).toMatchObject({ unitCode: UNIT_CODE, unitName: UNIT_NAME, period: PERIOD });
    expect(preview.counts.errors).toBe(0);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('an import’s 问题清单 copies the unit’s hostile texts exactly, its problems beside them', async () => {
    const dir = tempDir();
    const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode: UNIT_CODE });
    const wb = XLSX.read(readFileSync(files[0]?.path as string));
    const ws = wb.Sheets[REVENUE_SHEET] as XLSX.WorkSheet;
    const map = mapWideSheet(ws);
    const first = customers.get(CUSTOMER_NAMES[0] as string) as string;
    setCell(ws, wideRef(map, first, '特快'), '不是金额');
    const path = join(dir, 'with-problem.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts.errors).toBeGreaterThan(0);
    const report = await b.registry.call('imports/error-report', { token: preview.token, path: null });
    expectPlainTexts('error report', Buffer.from(report.base64 ?? '', 'base64'), CUSTOMER_NAMES);
  });

  it('every export form and the monthly report’s tables', async () => {
    const dir = tempDir();
    for (const form of ['6-1', '6-2', '7', 'province'] as const) {
      for (const unitCode of form === 'province' ? [null] : [null, UNIT_CODE]) {
        const r = await b.registry.call('exports/build', { form, period: PERIOD, unitCode });
        // 6-1 counts customers and sums revenue: no name, but its unit's name when per unit.
        const expected = form === '6-1' ? [] : CUSTOMER_NAMES;
        const texts = expectPlainTexts(`export ${form} ${unitCode}`, Buffer.from(r.base64 ?? '', 'base64'), expected);
        if (unitCode !== null)
          expect(
            texts.some((t) => t.includes(UNIT_NAME)),
            `${form}: unit named`,
          ).toBe(true);
      }
    }
    const report = join(dir, 'report.xlsx');
    await b.registry.call('reports/export-month', { period: PERIOD, unitCode: null, format: 'xlsx', path: report });
    const texts = expectPlainTexts('report tables', readFileSync(report), []);
    expect(
      CUSTOMER_NAMES.filter((n) => texts.includes(n)),
      'report: some hostile customer listed',
    ).not.toEqual([]);
  });

  it('a list’s 导出 Excel and the blank customer list', async () => {
    const dir = tempDir();
    const path = join(dir, 'list.xlsx');
    await b.registry.call('lists/export', {
      path,
      title: UNIT_NAME,
      filters: [`单位：${UNIT_NAME}`, '=1+1'],
      columns: [
        { title: '客户名称', format: 'text' },
        { title: '@SUM(1)列', format: 'text' },
      ],
      rows: HOSTILE.map((t) => [t, t]),
    });
    expectPlainTexts('list', readFileSync(path), [...HOSTILE, '@SUM(1)列', `单位：${UNIT_NAME}`]);
    const blank = join(dir, 'customers.xlsx');
    await b.registry.call('customers/import-template', { path: blank });
    const { texts, formulas } = readXml(readFileSync(blank));
    expect(formulas).toEqual([]);
    expect(texts.length).toBeGreaterThan(5);
  });

  it('LibreOffice shows the texts as written, not evaluated', async () => {
    const dir = tempDir();
    const list = join(dir, 'list.xlsx');
    await b.registry.call('lists/export', {
      path: list,
      title: '名单',
      filters: [],
      columns: [{ title: '客户名称', format: 'text' }],
      rows: HOSTILE.map((t) => [t]),
    });
    const exported = join(dir, '6-2.xlsx');
    const r = await b.registry.call('exports/build', { form: '6-2', period: PERIOD, unitCode: null, path: exported });
    const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode: UNIT_CODE });
    const template = join(dir, 'template.xlsx');
    copyFileSync(files[0]?.path as string, template);
    const csv = await workbooksToCsvWithLibreOffice(
      [
        { path: list, sheets: ['名单'] },
        { path: exported, sheets: [r.sheets[0]?.name as string] },
        { path: template, sheets: ['填表说明', REVENUE_SHEET] },
      ],
      dir,
    );
    const cells = (path: string, sheet: string) => parseCsv(csv.get(path)?.get(sheet) as string).flat();
    for (const t of HOSTILE) expect(cells(list, '名单'), JSON.stringify(t)).toContain(t);
    for (const t of CUSTOMER_NAMES) expect(cells(exported, r.sheets[0]?.name as string), t).toContain(t);
    for (const t of CUSTOMER_NAMES) expect(cells(template, REVENUE_SHEET), t).toContain(t);
    // The unit's name in the template's title line, as typed.
    expect(cells(template, '填表说明')[0]).toBe(`${UNIT_NAME}（${UNIT_CODE}）2026年10月数据报送模板`);
  }, 180_000);
});
