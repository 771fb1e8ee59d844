/**
 * DOMAIN-DECISIONS "Templates": unit templates from demo data → filled programmatically → preview and
 * commit through the registry → the database holds exactly the filled figures; tampered metadata;
 * two units claiming one customer; `kam templates`.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { runCli } from '../../../electron/backend/cli/main';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { unitTemplateData } from '../../../electron/backend/templates/data';
import { buildTemplate } from '../../../electron/backend/templates/workbook';
import type { TemplateFileView } from '../../../shared/api/types';
import type { RevenueLine } from '../../../shared/domain/lines';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { dumpTables } from '../../support/db-dump';
import { findSoffice, sofficeConvert } from '../../support/libreoffice';
import { OFFICIAL_LINE_ROWS } from '../../support/official-lines';
import { tempDirsForTests } from '../../support/temp-dir';
import { appendWideRow, mapWideSheet, setWide } from '../../support/wide-template';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-templates-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

function demoBackend(): Backend {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  fillDemo(b.db, POLICY_V1, { customers: 60, seed: 3 }, NOW);
  fillDemoRevenue(b.db, { months: 12, seed: 3, endPeriod: '2026-09' }, NOW.toISOString());
  return b;
}

async function generate(b: Backend, unitCode?: string): Promise<{ dir: string; files: TemplateFileView[] }> {
  const dir = tempDir();
  const r = await b.registry.call('templates/generate', {
    period: PERIOD,
    outDir: dir,
    ...(unitCode ? { unitCode } : {}),
  });
  return { dir, files: r.files };
}

/**
 * A version 1 template (收入明细 one row per customer and line), as units still hold from before
 * the wide layout: written by the same builder with the long layout.
 */
function generateLong(b: Backend, unitCode: string): { dir: string; files: { path: string }[] } {
  const dir = tempDir();
  const unit = b.db.prepare('SELECT id, code, name FROM units WHERE code = ?').get(unitCode) as {
    id: number;
    code: string;
    name: string;
  };
  const data = unitTemplateData(b.db, unit.id, PERIOD);
  const built = buildTemplate({
    unit,
    period: PERIOD,
    ...data,
    policy: POLICY_V1,
    generatedAt: NOW,
    generatedOn: '2026-11-10',
    layout: 'long',
  });
  const path = join(dir, `${unit.name}_长表.xlsx`);
  writeFileSync(path, built.buffer);
  return { dir, files: [{ path }] };
}

/** Opens a template, lets the test edit it as a unit would, and saves it under a new name. */
function fill(path: string, out: string, edit: (wb: XLSX.WorkBook) => void): string {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  edit(wb);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

// The template's line names, written out: mapping them back with the code's own table would turn
// a wrong name into the right line.
const LINE_BY_ZH = new Map<string, RevenueLine>(OFFICIAL_LINE_ROWS);

function sheetRows(wb: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null });
}

function setCell(wb: XLSX.WorkBook, sheet: string, ref: string, v: string | number): void {
  (wb.Sheets[sheet] as XLSX.WorkSheet)[ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
}

function appendRow(wb: XLSX.WorkBook, sheet: string, row: unknown[]): void {
  XLSX.utils.sheet_add_aoa(wb.Sheets[sheet] as XLSX.WorkSheet, [row], { origin: -1 });
}

function periodRevenue(b: Backend): Record<string, number> {
  const rows = b.db
    .prepare('SELECT customer_id, line, amount_fen FROM revenue WHERE period = ? ORDER BY 1, 2')
    .all(PERIOD) as { customer_id: string; line: string; amount_fen: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.customer_id}|${r.line}`, r.amount_fen]));
}

describe('templates/generate', () => {
  it('writes one template per active unit with customers, prefilled, with drop-downs and hidden metadata', async () => {
    const b = demoBackend();
    const { files } = await generate(b);
    const withCustomers = b.db
      .prepare(
        'SELECT DISTINCT u.code FROM units u JOIN customers c ON c.unit_id = u.id WHERE u.retired_on IS NULL ORDER BY u.id',
      )
      .all() as { code: string }[];
    expect(files.map((f) => f.unitCode)).toEqual(withCustomers.map((u) => u.code));
    const chenghai = files.find((f) => f.unitCode === '440515') as TemplateFileView;
    expect(chenghai.fileName).toBe('澄海分局_2026年10月_数据报送模板.xlsx');

    const zip = unzipSync(new Uint8Array(readFileSync(chenghai.path)));
    const part = (p: string) => strFromU8(zip[p] as Uint8Array);
    expect(part('xl/workbook.xml')).toMatch(/<sheet name="_kam_meta"[^>]*state="veryHidden"/);
    // Sheet order: 填表说明, 收入明细, 新客户申报, 营销申报, 客户经理变动, 波动原因, 经营分析, 营销日志,
    // 拜访记录, 投诉登记, 资费优惠申请, 申报进度, _kam_meta.
    expect(part('xl/worksheets/sheet13.xml')).toContain('<sheetProtection');
    // The service sheets' drop-downs (R22 阶段 and 接触方式, R23 类型 and 状态, R33 渠道, R29 业务).
    expect(part('xl/worksheets/sheet8.xml')).toContain('<formula1>"初次接触,协谈方案,报价,达成协议/签合同"</formula1>');
    expect(part('xl/worksheets/sheet8.xml')).toContain('<formula1>"上门拜访,电话,会议,信息/函件"</formula1>');
    expect(part('xl/worksheets/sheet9.xml')).toContain('<formula1>"客户经理,领导"</formula1>');
    expect(part('xl/worksheets/sheet9.xml')).toContain('<formula1>"已拜访,未拜访,计划"</formula1>');
    // 客户经理 suggests the unit's managers in post from the hidden list sheet's column B.
    const managers = b.db
      .prepare(
        "SELECT count(*) FROM managers m JOIN units u ON u.id = m.unit_id WHERE u.code = '440515' AND left_on IS NULL",
      )
      .pluck()
      .get() as number;
    expect(managers).toBeGreaterThan(0);
    expect(part('xl/worksheets/sheet9.xml')).toMatch(
      new RegExp(`errorStyle="warning"[^>]*><formula1>'_kam_lists'!\\$B\\$1:\\$B\\$${managers}</formula1>`),
    );
    expect(part('xl/worksheets/sheet10.xml')).toContain('<formula1>"电话,上门,信函,网站,12305,其他"</formula1>');
    expect(part('xl/worksheets/sheet11.xml')).toContain(
      '<formula1>"储汇,帐单,函件,集邮,特快,物流,包件,报刊,其他"</formula1>',
    );
    const registrationXml = part('xl/worksheets/sheet3.xml');
    expect(registrationXml).toContain('<formula1>"是,否"</formula1>');
    expect(registrationXml).toContain('<formula1>"储汇,帐单,函件,集邮,特快,物流,包件,报刊,其他"</formula1>');
    // 地区代码 from the hidden list sheet (the area table is too long to write inline); 行业 suggests only.
    const areaCount = (b.db.prepare('SELECT count(*) AS n FROM area_codes').get() as { n: number }).n;
    expect(registrationXml).toContain(`<formula1>'_kam_lists'!$A$1:$A$${areaCount}</formula1>`);
    expect(registrationXml).toMatch(/<dataValidation type="list" errorStyle="warning"[^>]*><formula1>"政府机关,/);
    expect(part('xl/workbook.xml')).toMatch(/<sheet name="_kam_lists"[^>]*state="hidden"/);
    expect(part('xl/worksheets/sheet5.xml')).toContain('<formula1>"新增,调出,调入,离职,信息变更"</formula1>');
    expect(part('xl/worksheets/sheet6.xml')).toContain('<formula1>"是,否"</formula1>');
    // The schema orders dataValidations after sheetData and before pageMargins; Excel refuses otherwise.
    const fluctuationXml = part('xl/worksheets/sheet6.xml');
    expect(fluctuationXml.indexOf('</sheetData>')).toBeLessThan(fluctuationXml.indexOf('<dataValidations'));
    expect(fluctuationXml.indexOf('<dataValidations')).toBeLessThan(fluctuationXml.indexOf('<pageMargins'));

    const wb = XLSX.read(readFileSync(chenghai.path), { type: 'buffer' });
    expect(wb.SheetNames).toEqual([
      '填表说明',
      '收入明细',
      '新客户申报',
      '营销申报',
      '客户经理变动',
      '波动原因',
      '经营分析',
      '营销日志',
      '拜访记录',
      '投诉登记',
      '资费优惠申请',
      '申报进度',
      '_kam_meta',
      '_kam_lists',
    ]);
    expect(sheetRows(wb, '_kam_meta').slice(1, 7)).toEqual([
      ['form', 'unit-monthly', '表单'],
      ['version', 2, '模板版本'],
      ['unitCode', '440515', '单位代码'],
      ['unitName', '澄海分局', '单位名称'],
      ['period', PERIOD, '报送月份'],
      ['generatedAt', NOW.toISOString(), '生成时间'],
    ]);
    expect(String(sheetRows(wb, '填表说明')[0]?.[0])).toContain('澄海分局（440515）2026年10月数据报送模板');
  });

  it('refuses to overwrite files already in the folder, writing none', async () => {
    const b = demoBackend();
    const { dir, files } = await generate(b, '440515');
    const before = readFileSync(files[0]?.path as string);
    const again = await b.registry.invoke('templates/generate', { period: PERIOD, outDir: dir, unitCode: '440515' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('同名文件') },
    });
    expect(readFileSync(files[0]?.path as string)).toEqual(before);
    const unknown = await b.registry.invoke('templates/generate', { period: PERIOD, outDir: dir, unitCode: 'X99' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('申报进度 in the template (R19)', () => {
  it('lists the unit’s registrations in progress and its applications with their state, and is never imported', async () => {
    const b = demoBackend();
    const unitId = (b.db.prepare("SELECT id FROM units WHERE code = '440515'").get() as { id: number }).id;
    const pending = await b.registry.call('registrations/add', {
      unitId,
      name: '汕头市澄海区甄逸乐器有限公司',
      areaCode: '440515',
      date: '2026-10-08',
    });
    const { files } = await generate(b, '440515');
    const path = (files[0] as TemplateFileView).path;
    const rows = sheetRows(XLSX.read(readFileSync(path), { type: 'buffer' }), '申报进度');
    expect(String(rows[0]?.[0])).toContain('澄海分局的注册申报和营销申报进度');
    expect(rows[1]).toEqual(['申报号', '客户名称', '申报日期', '状态', '客户编号', '说明']);
    expect(rows[2]?.slice(0, 4)).toEqual([
      pending.id,
      '汕头市澄海区甄逸乐器有限公司',
      '2026-10-08',
      pending.state === 'review' ? '待审核' : '待预审',
    ]);
    expect(rows.some((r) => r[1] === '（无进行中的营销申报）')).toBe(true);
    // Sent back as it is, the sheet is skipped: the preview reads no row of it.
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.issues.filter((i) => i.sheet === '申报进度')).toEqual([]);
  });
});

describe('template round trip (R8, R27)', () => {
  it('a version 1 template (long layout) still imports exactly the filled figures, R8 inputs and R27 reasons, and undoes them', async () => {
    const b = demoBackend();
    const { dir, files } = generateLong(b, '440515');
    const unitId = (b.db.prepare("SELECT id FROM units WHERE code = '440515'").get() as { id: number }).id;
    const expected: Record<string, number> = {};
    let reasonCustomer = '';
    const path = fill(files[0]?.path as string, join(dir, '澄海分局_回报.xlsx'), (wb) => {
      const rows = sheetRows(wb, '收入明细');
      let newspaperDone = false;
      rows.slice(1).forEach((r, i) => {
        const excelRow = i + 2;
        const line = LINE_BY_ZH.get(String(r[3])) as RevenueLine;
        if (line === 'newspapers' && !newspaperDone) {
          // R8: 120,000 × 25% ÷ 12 + 100 = 2,600 yuan.
          setCell(wb, '收入明细', `F${excelRow}`, 120000);
          setCell(wb, '收入明细', `G${excelRow}`, 25);
          setCell(wb, '收入明细', `H${excelRow}`, 100);
          expected[`${r[0]}|newspapers`] = 260_000;
          newspaperDone = true;
          return;
        }
        if (i % 3 === 2) return; // left blank: not reported
        const yuan = 1000 + i * 37.5;
        setCell(wb, '收入明细', `E${excelRow}`, i % 2 === 0 ? yuan : `${yuan}`);
        expected[`${r[0]}|${line}`] = Math.round(yuan * 100);
      });
      expect(newspaperDone).toBe(true);
      reasonCustomer = String(rows[1]?.[0]);
      appendRow(wb, '波动原因', [reasonCustomer, String(rows[1]?.[1]), PERIOD, null, null, '春节前集中寄递', '是']);
      // 客户名称, 统一社会信用代码, 地区代码, 行业, 地址, 联系人, 联系电话, 主要业务种类, 预计年收入(元)…
      appendRow(wb, '新客户申报', ['汕头市新申报贸易有限公司', '', '440515', '', '', '', '', '函件', '5万']);
      appendRow(wb, '新客户申报', ['', '', '440515']);
      // 姓名, 变动类型, 生效日期, 岗位, 专兼职, 联系电话, 调往/调自单位: a transfer out needs its unit.
      appendRow(wb, '客户经理变动', ['张三', '调出', '2026-10-05', '大客户经理', '专职', '', '']);
    });

    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.template).toMatchObject({ unitCode: '440515', unitName: '澄海分局', period: PERIOD, version: 1 });
    // The two side rows that cannot be used are errors, left out only when the officer says so.
    expect(preview.counts.errors).toBe(2);
    expect(preview.counts.new).toBe(Object.keys(expected).length);
    expect(preview.sections).toEqual([
      { sheet: '新客户申报', kind: 'registrations', rows: 2, problems: 1, stored: true },
      { sheet: '营销申报', kind: 'applications', rows: 0, problems: 0, stored: true },
      { sheet: '客户经理变动', kind: 'managerChanges', rows: 1, problems: 1, stored: true },
      { sheet: '波动原因', kind: 'fluctuations', rows: 1, problems: 0, stored: true },
      { sheet: '经营分析', kind: 'analysis', rows: 0, problems: 0, stored: true },
      { sheet: '营销日志', kind: 'logs', rows: 0, problems: 0, stored: true },
      { sheet: '拜访记录', kind: 'visits', rows: 0, problems: 0, stored: true },
      { sheet: '投诉登记', kind: 'complaints', rows: 0, problems: 0, stored: true },
      { sheet: '资费优惠申请', kind: 'discounts', rows: 0, problems: 0, stored: true },
    ]);
    expect(preview.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '新客户申报', row: 3, column: 'A', message: '缺少客户名称' }),
        expect.objectContaining({ sheet: '客户经理变动', row: 2, column: 'G', severity: 'error' }),
      ]),
    );

    const batch = await b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
    // R19: the registration waits in the centre's inbox; nothing is filed until the centre does.
    expect(
      b.db
        .prepare("SELECT kind, unit_id, sheet, row_no, state, fields ->> '$.name' AS name FROM template_submissions")
        .all(),
    ).toEqual([
      {
        kind: 'registration',
        unit_id: unitId,
        sheet: '新客户申报',
        row_no: 2,
        state: 'pending',
        name: '汕头市新申报贸易有限公司',
      },
    ]);
    expect(b.db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 0 });
    expect(periodRevenue(b)).toEqual(expected);
    expect(b.db.prepare('SELECT unit_id, form, period FROM import_batches WHERE id = ?').get(batch.id)).toEqual({
      unit_id: unitId,
      form: 'unit-monthly',
      period: PERIOD,
    });
    const inputs = b.db
      .prepare('SELECT annual_turnover_fen, rate_bp, other_fen, source_ref FROM newspaper_inputs')
      .all();
    expect(inputs).toEqual([
      { annual_turnover_fen: 12_000_000, rate_bp: 2500, other_fen: 10_000, source_ref: `batch:${batch.id}` },
    ]);
    const turnover = b.db
      .prepare('SELECT newspaper_turnover FROM revenue_months WHERE period = ? AND newspaper_turnover IS NOT NULL')
      .all(PERIOD);
    expect(turnover).toEqual([{ newspaper_turnover: 1_000_000 }]);
    expect(
      b.db.prepare('SELECT customer_id, period, reason, one_off, unit_id, withdrawn_at FROM fluctuation_reasons').all(),
    ).toEqual([
      {
        customer_id: reasonCustomer,
        period: PERIOD,
        reason: '春节前集中寄递',
        one_off: 1,
        unit_id: unitId,
        withdrawn_at: null,
      },
    ]);

    await b.registry.call('imports/undo', { batchId: batch.id });
    expect(b.db.prepare('SELECT state FROM template_submissions').all()).toEqual([{ state: 'withdrawn' }]);
    expect(periodRevenue(b)).toEqual({});
    expect(b.db.prepare('SELECT count(*) AS n FROM newspaper_inputs').get()).toEqual({ n: 0 });
    expect(b.db.prepare('SELECT count(*) AS n FROM revenue_months WHERE period = ?').get(PERIOD)).toEqual({ n: 0 });
    expect(b.db.prepare('SELECT withdrawn_at FROM fluctuation_reasons').get()).toEqual({
      withdrawn_at: NOW.toISOString(),
    });
  });

  it('refuses rows for another month than the template says (long layout)', async () => {
    const b = demoBackend();
    const { dir, files } = generateLong(b, '440515');
    const path = fill(files[0]?.path as string, join(dir, 'wrong-month.xlsx'), (wb) => {
      setCell(wb, '收入明细', 'C2', '2026-09');
      setCell(wb, '收入明细', 'E2', 500);
    });
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.issues[0]).toMatchObject({ sheet: '收入明细', row: 2, severity: 'error' });
    expect(preview.issues[0]?.message).toContain('本模板为 澄海分局 2026-10 月报，该行月份为 2026-09');
  });

  it.each([
    ['an unknown version', 'B3', '9', '单元格 B3：模板版本“9”不受支持'],
    ['an unknown unit', 'B4', '999999', '单元格 B4：单位代码“999999”不存在'],
    ['a bad period', 'B6', '2026-13', '单元格 B6：报送月份“2026-13”不是 YYYY-MM 格式的有效月份'],
    ['another form', 'B2', 'other-form', '单元格 B2：表单“other-form”不是本系统的报送模板'],
    ['a bad time', 'B7', 'yesterday', '单元格 B7：生成时间“yesterday”无效'],
    ['a removed field', 'A4', 'unit', '缺少“单位代码”'],
  ])(
    'refuses tampered metadata (%s), naming the sheet and cell, and writes nothing',
    async (_label, ref, value, text) => {
      const b = demoBackend();
      const { dir, files } = await generate(b, '440515');
      const path = fill(files[0]?.path as string, join(dir, 'tampered.xlsx'), (wb) => {
        setCell(wb, '_kam_meta', ref, value);
        setCell(wb, '收入明细', 'E2', 100);
      });
      const before = dumpTables(b.db);
      const r = await b.registry.invoke('imports/preview', { path });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(text) } });
      expect(r).toMatchObject({ error: { message: expect.stringContaining('模板信息表“_kam_meta”') } });
      expect(dumpTables(b.db)).toEqual(before);
    },
  );
});

/** The cell format of a cell in a sheet part: its xf, font and fill as written in styles.xml. */
function cellFormat(zip: Record<string, Uint8Array>, sheetPart: string, ref: string) {
  const sheet = strFromU8(zip[sheetPart] as Uint8Array);
  const styles = strFromU8(zip['xl/styles.xml'] as Uint8Array);
  const s = Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
  const section = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? '';
  const items = (tag: string, item: string) =>
    section(tag).match(new RegExp(`<${item}\\b[\\s\\S]*?(?:/>|</${item}>)`, 'g')) ?? [];
  const xf = items('cellXfs', 'xf')[s] as string;
  const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(xf)?.[1]);
  return {
    numFmtId: attr('numFmtId'),
    font: items('fonts', 'font')[attr('fontId')] as string,
    fill: items('fills', 'fill')[attr('fillId')] as string,
    border: items('borders', 'border')[attr('borderId')] as string,
    wrap: xf.includes('wrapText="1"'),
  };
}

const LINES_ZH = ['储汇', '帐单', '函件', '集邮', '特快', '物流', '包件', '报刊', '其他'];

describe('the wide layout (one row per customer)', () => {
  it('the template has one row per customer, the lines as columns with last month beside each, styled, frozen, printable', async () => {
    const b = demoBackend();
    const { files } = await generate(b, '440515');
    const file = files[0] as TemplateFileView;
    const wb = XLSX.read(readFileSync(file.path), { type: 'buffer' });
    const rows = sheetRows(wb, '收入明细');
    expect(rows[0]?.filter((v) => v !== null)).toEqual(['客户ID', '客户名称', ...LINES_ZH, '备注']);
    const pair = ['上月(元)', '本月(元)'];
    expect(rows[1]?.filter((v) => v !== null)).toEqual([
      ...LINES_ZH.slice(0, 7).flatMap(() => pair),
      ...pair,
      '年流转额(元)',
      '平均费率(%)',
      '其他收入(元)',
      ...pair,
    ]);
    const customers = b.db
      .prepare(
        "SELECT id, name FROM customers WHERE unit_id = (SELECT id FROM units WHERE code = '440515') ORDER BY id",
      )
      .all() as { id: string; name: string }[];
    expect(rows.slice(2).map((r) => [r[0], r[1]])).toEqual(customers.map((c) => [c.id, c.name]));
    expect(file.revenueRows).toBe(customers.length);

    // Last month's figure beside each line's input cell; every input cell blank.
    const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
    const map = mapWideSheet(ws);
    const last = b.db.prepare('SELECT amount_fen FROM revenue WHERE customer_id = ? AND period = ? AND line = ?');
    let figures = 0;
    for (const c of customers) {
      for (const [zh, line] of LINE_BY_ZH) {
        const r = map.rows.get(c.id) as number;
        const cell = (field: '上月(元)' | '本月(元)') => rows[r]?.[map.columns.get(`${zh}|${field}`) as number];
        const stored = last.get(c.id, '2026-09', line) as { amount_fen: number } | undefined;
        expect(cell('上月(元)')).toBe(stored ? stored.amount_fen / 100 : null);
        if (stored) figures++;
        expect(cell('本月(元)')).toBeNull();
      }
    }
    expect(figures).toBeGreaterThan(0);

    const zip = unzipSync(new Uint8Array(readFileSync(file.path)));
    const part = (p: string) => strFromU8(zip[p] as Uint8Array);
    const revenueXml = part('xl/worksheets/sheet2.xml');
    // Frozen: the two header rows and the ID/name columns.
    expect(revenueXml).toMatch(
      /<pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"\/>/,
    );
    expect(revenueXml).toContain('<mergeCell ref="C1:D1"/>');
    expect(revenueXml).toContain('<mergeCell ref="Q1:U1"/>');
    expect(revenueXml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(part('xl/workbook.xml')).toMatch(/_xlnm.Print_Titles[^>]*>&apos;收入明细&apos;!\$1:\$2</);
    const header = cellFormat(zip, 'xl/worksheets/sheet2.xml', 'C1');
    expect(header.font).toContain('<b/>');
    expect(header.fill).toContain('patternType="solid"');
    expect(header.border).toContain('style="thin"');
    expect(header.wrap).toBe(true);
    // 上月 greyed (read-only look), 本月 plain; both money-formatted (#,##0.00 is built-in 4).
    const lastMonth = cellFormat(zip, 'xl/worksheets/sheet2.xml', 'C3');
    const input = cellFormat(zip, 'xl/worksheets/sheet2.xml', 'D3');
    expect(lastMonth).toMatchObject({ numFmtId: 4, fill: expect.stringContaining('FFEDEDED') });
    expect(input).toMatchObject({ numFmtId: 4, fill: expect.stringContaining('patternType="none"') });
    expect(cellFormat(zip, 'xl/worksheets/sheet2.xml', 'A3').numFmtId).toBe(49);
    // 填表说明 prints on one A4 page.
    const instructionsXml = part('xl/worksheets/sheet1.xml');
    expect(instructionsXml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(instructionsXml).toMatch(
      /<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="1"\/>/,
    );
    expect(instructionsXml).toMatch(/<pageMargins left="[\d.]+" right="[\d.]+"/);
  });

  /** Fills the first customers' cells as a unit would; returns the revenue the database should hold. */
  function fillWide(wb: XLSX.WorkBook, ids: readonly string[]): Record<string, number> {
    const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
    const map = mapWideSheet(ws);
    const expected: Record<string, number> = {};
    const [a, c, d, e] = ids as [string, string, string, string];
    setWide(ws, map, a, '储汇', 1234.5);
    expected[`${a}|savings`] = 123_450;
    setWide(ws, map, a, '函件', '1,000.25');
    expected[`${a}|letters`] = 100_025;
    setWide(ws, map, a, '其他', 0); // a real zero, reported
    expected[`${a}|other`] = 0;
    setWide(ws, map, c, '特快', '1.2万');
    expected[`${c}|express`] = 1_200_000;
    // R8: 120,000 × 25% ÷ 12 + 100 = 2,600 yuan.
    setWide(ws, map, d, '报刊', 120000, '年流转额(元)');
    setWide(ws, map, d, '报刊', 25, '平均费率(%)');
    setWide(ws, map, d, '报刊', 100, '其他收入(元)');
    expected[`${d}|newspapers`] = 260_000;
    setWide(ws, map, e, '报刊', 88);
    expected[`${e}|newspapers`] = 8_800;
    // A figure typed over a 上月 reference cell is not read.
    setWide(ws, map, e, '包件', 999, '上月(元)');
    return expected;
  }

  it('wide layout imports: the typed figures become revenue, blanks are not reported, R8 inputs apply', async () => {
    const b = demoBackend();
    const { dir, files } = await generate(b, '440515');
    const ids = [
      ...mapWideSheet(XLSX.read(readFileSync(files[0]?.path as string)).Sheets.收入明细 as XLSX.WorkSheet).rows.keys(),
    ];
    // A figure already stored for the month, whose cell the unit leaves blank: it must stay.
    const first = fill(files[0]?.path as string, join(dir, 'first.xlsx'), (wb) => {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      setWide(ws, mapWideSheet(ws), ids[5] as string, '集邮', 500);
    });
    await b.registry.call('imports/commit', {
      token: (await b.registry.call('imports/preview', { path: first })).token,
    });
    let expected: Record<string, number> = {};
    const path = fill(files[0]?.path as string, join(dir, 'filled.xlsx'), (wb) => {
      expected = fillWide(wb, ids);
    });
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.template).toMatchObject({ unitCode: '440515', period: PERIOD, version: 2 });
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.counts).toMatchObject({ errors: 0, new: Object.keys(expected).length, blank: 0 });
    expect(preview.sheets).toEqual(expect.arrayContaining([{ name: '收入明细', used: true, rows: 4 }]));
    await b.registry.call('imports/commit', { token: preview.token });
    expect(periodRevenue(b)).toEqual({ ...expected, [`${ids[5]}|philately`]: 50_000 });
    expect(b.db.prepare('SELECT annual_turnover_fen, rate_bp, other_fen FROM newspaper_inputs').all()).toEqual([
      { annual_turnover_fen: 12_000_000, rate_bp: 2500, other_fen: 10_000 },
    ]);
  });

  it('wide layout errors name the sheet, the row and the line’s column', async () => {
    const b = demoBackend();
    const { dir, files } = await generate(b, '440515');
    let row = 0;
    const path = fill(files[0]?.path as string, join(dir, 'bad.xlsx'), (wb) => {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      const map = mapWideSheet(ws);
      const id = [...map.rows.keys()][1] as string;
      row = (map.rows.get(id) as number) + 1;
      setWide(ws, map, id, '函件', 'abc');
      setWide(ws, map, id, '储汇', 10);
      setWide(ws, map, id, '报刊', 25, '平均费率(%)');
      appendWideRow(ws, map, { id: '44051500000000', name: '不存在的客户' }, { 物流: 5 });
    });
    const preview = await b.registry.call('imports/preview', { path });
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: '收入明细',
          row,
          column: 'H',
          message: expect.stringContaining('函件本月收入'),
        }),
        expect.objectContaining({
          sheet: '收入明细',
          row,
          column: 'S',
          message: expect.stringContaining('缺少报刊年流转额'),
        }),
        expect.objectContaining({ sheet: '收入明细', column: 'A', message: '客户ID 44051500000000 不存在' }),
      ]),
    );
    expect(errors.every((i) => i.sheet !== null && i.row !== null && i.column !== null)).toBe(true);
    // The row's good cell (储汇) stays importable when the bad ones are excluded.
    await b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
    expect(Object.values(periodRevenue(b))).toEqual([1000]);
  });

  it('a wide 收入明细 copied out of its template is refused: no month to file it under', async () => {
    const b = demoBackend();
    const { dir, files } = await generate(b, '440515');
    const wb = XLSX.read(readFileSync(files[0]?.path as string));
    const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
    setWide(ws, mapWideSheet(ws), [...mapWideSheet(ws).rows.keys()][0] as string, '函件', 10);
    const copy = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(copy, ws, '收入明细');
    const path = join(dir, 'copy.xlsx');
    writeFileSync(path, XLSX.write(copy, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.issues[0]).toMatchObject({ sheet: '收入明细', row: 2, severity: 'error' });
    expect(preview.issues[0]?.message).toContain('没有模板信息');
    expect(preview.counts.new).toBe(0);
  });

  it('round trip through LibreOffice: generated, filled, saved by soffice, imported with the typed figures', async () => {
    expect(findSoffice(), 'LibreOffice (soffice) is required for this test; it never skips').not.toBeNull();
    const b = demoBackend();
    const { dir, files } = await generate(b, '440515');
    const ids = [
      ...mapWideSheet(XLSX.read(readFileSync(files[0]?.path as string)).Sheets.收入明细 as XLSX.WorkSheet).rows.keys(),
    ];
    let expected: Record<string, number> = {};
    const filled = fill(files[0]?.path as string, join(dir, 'filled.xlsx'), (wb) => {
      expected = fillWide(wb, ids);
      // A new customer with the area as the drop-down writes it, and a new manager (DOMAIN-DECISIONS "Template intake").
      appendRow(wb, '新客户申报', ['汕头市澄海区新禾玩具有限公司', '', '440515 澄海区', '制造业', '', '', '', '特快']);
      appendRow(wb, '客户经理变动', ['黄新人', '新增', '2026-11-03', '大客户经理', '专职']);
    });
    const out = join(dir, 'lo');
    mkdirSync(out, { recursive: true });
    const saved = await sofficeConvert(filled, 'xlsx', out);
    // LibreOffice keeps the 地区代码 drop-down on the hidden list sheet (the template as written:
    // the test's own filling goes through SheetJS, which writes no drop-downs).
    const asIs = join(dir, 'lo-as-is');
    mkdirSync(asIs, { recursive: true });
    const zip = unzipSync(new Uint8Array(readFileSync(await sofficeConvert(files[0]?.path as string, 'xlsx', asIs))));
    const xml = Object.entries(zip)
      .filter(([name]) => name.startsWith('xl/worksheets/sheet'))
      .map(([, data]) => strFromU8(data))
      .join('');
    expect(xml).toMatch(/<formula1>\$?'?_kam_lists'?!\$A\$1:\$A\$\d+<\/formula1>/);
    const preview = await b.registry.call('imports/preview', { path: saved });
    expect(preview.template).toMatchObject({ version: 2, period: PERIOD });
    expect(preview.counts.errors).toBe(0);
    await b.registry.call('imports/commit', { token: preview.token });
    expect(periodRevenue(b)).toEqual(expected);
    expect(b.db.prepare("SELECT fields ->> '$.areaCode' AS area, state FROM template_submissions").all()).toEqual([
      { area: '440515', state: 'pending' },
    ]);
    expect(b.db.prepare("SELECT count(*) AS n FROM managers WHERE name = '黄新人'").get()).toEqual({ n: 1 });
  }, 180_000);
});

describe('two units claiming one customer (R14/R15, R19)', () => {
  /** Unit 440515's first customer, reported for letters by its own unit and by 440513 (which adds a row). */
  async function twoWorkbooks(b: Backend) {
    const own = await generate(b, '440515');
    const other = await generate(b, '440513');
    const customer = b.db
      .prepare(
        "SELECT id, name FROM customers WHERE unit_id = (SELECT id FROM units WHERE code = '440515') ORDER BY id LIMIT 1",
      )
      .get() as { id: string; name: string };
    const ownPath = fill(own.files[0]?.path as string, join(own.dir, 'own.xlsx'), (wb) => {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      setWide(ws, mapWideSheet(ws), customer.id, '函件', 1000);
    });
    let otherCustomer = '';
    let otherRow = 0;
    const otherPath = fill(other.files[0]?.path as string, join(other.dir, 'other.xlsx'), (wb) => {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      const map = mapWideSheet(ws);
      otherCustomer = [...map.rows.keys()][0] as string;
      setWide(ws, map, otherCustomer, '函件', 300);
      // Another unit's customer, added at the bottom as the instructions say.
      otherRow = appendWideRow(ws, map, customer, { 函件: 2000 }) + 1;
    });
    return { customer, ownPath, otherPath, otherCustomer, otherRow };
  }
  const letters = (b: Backend, id: string) =>
    (
      b.db
        .prepare("SELECT amount_fen FROM revenue WHERE customer_id = ? AND period = ? AND line = 'letters'")
        .get(id, PERIOD) as { amount_fen: number } | undefined
    )?.amount_fen;

  it('another unit first: a warning naming both units; the owning unit then replaces its figure', async () => {
    const b = demoBackend();
    const { customer, ownPath, otherPath } = await twoWorkbooks(b);
    const p1 = await b.registry.call('imports/preview', { path: otherPath });
    expect(p1.counts.errors).toBe(0);
    expect(p1.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringMatching(new RegExp(`客户 ${customer.id}.*登记在“澄海分局”，本表由“潮阳分局”报送`)),
        }),
      ]),
    );
    const first = await b.registry.call('imports/commit', { token: p1.token });
    expect(letters(b, customer.id)).toBe(200_000);
    const p2 = await b.registry.call('imports/preview', { path: ownPath });
    expect(p2.counts.errors).toBe(0);
    expect(p2.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          message: `该客户登记在本单位：将替换“潮阳分局”第 ${first.id} 批报送的 2000.00 元`,
        }),
      ]),
    );
    await b.registry.call('imports/commit', { token: p2.token });
    expect(letters(b, customer.id)).toBe(100_000);
  });

  it('owning unit first: the other unit’s row is an error; excluded, the owner’s figure stays', async () => {
    const b = demoBackend();
    const { customer, ownPath, otherPath, otherCustomer, otherRow } = await twoWorkbooks(b);
    const own = await b.registry.call('imports/commit', {
      token: (await b.registry.call('imports/preview', { path: ownPath })).token,
    });
    const p = await b.registry.call('imports/preview', { path: otherPath });
    expect(p.counts.errors).toBe(1);
    // The cell named: the row added and the 函件 本月 column (H: 客户ID, 客户名称, then 上月/本月 pairs).
    expect(p.issues[0]).toMatchObject({ severity: 'error', sheet: '收入明细', row: otherRow, column: 'H' });
    expect(p.issues[0]?.message).toContain(`已由“澄海分局”（第 ${own.id} 批）报送 1000.00 元`);
    const refused = await b.registry.invoke('imports/commit', { token: p.token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await b.registry.call('imports/commit', { token: p.token, excludeErrorRows: true });
    expect(letters(b, customer.id)).toBe(100_000);
    expect(
      b.db.prepare('SELECT count(*) AS n FROM revenue WHERE customer_id = ? AND period = ?').get(otherCustomer, PERIOD),
    ).toEqual({ n: 1 });
  });

  it('a batch committed between preview and commit is not overwritten unseen: commit refused, nothing written', async () => {
    const b = demoBackend();
    const { customer, ownPath, otherPath } = await twoWorkbooks(b);
    // A third unit (函件局) also claims the customer's letters: neither it nor 潮阳 owns it.
    const third = await generate(b, 'P03');
    const thirdPath = fill(third.files[0]?.path as string, join(third.dir, 'third.xlsx'), (wb) => {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      appendWideRow(ws, mapWideSheet(ws), customer, { 函件: 3000 });
    });
    void ownPath;
    const pOther = await b.registry.call('imports/preview', { path: otherPath });
    const pThird = await b.registry.call('imports/preview', { path: thirdPath });
    expect(pOther.counts.errors).toBe(0);
    await b.registry.call('imports/commit', { token: pThird.token });
    const before = dumpTables(b.db);
    const r = await b.registry.invoke('imports/commit', { token: pOther.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请重新预览') } });
    expect(dumpTables(b.db)).toEqual(before);
    expect(letters(b, customer.id)).toBe(300_000);
  });
});

describe('kam templates', () => {
  it('writes one unit’s template, refuses to overwrite it, and overwrites with --force', async () => {
    const dir = tempDir();
    const db = join(dir, 'demo.sqlite');
    const out = join(dir, 'templates');
    const kam = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(
        argv,
        (s) => lines.push(s),
        (s) => lines.push(s),
      );
      return { code, text: lines.join('\n') };
    };
    expect((await kam('demo', '--db', db, '--customers', '40')).code).toBe(0);
    const first = await kam('templates', '--db', db, '--period', PERIOD, '--out', out, '--unit', '440515', '--json');
    expect(first.code).toBe(0);
    const file = join(out, '澄海分局_2026年10月_数据报送模板.xlsx');
    expect(JSON.parse(first.text).files[0]).toMatchObject({ unitCode: '440515', path: file });
    expect(existsSync(file)).toBe(true);
    const again = await kam('templates', '--db', db, '--period', PERIOD, '--out', out, '--unit', '440515');
    expect(again.code).not.toBe(0);
    expect(again.text).toContain('同名文件');
    expect(
      (await kam('templates', '--db', db, '--period', PERIOD, '--out', out, '--unit', '440515', '--force')).code,
    ).toBe(0);
    const bad = await kam('templates', '--db', db, '--period', '2026-13', '--out', out);
    expect(bad.code).not.toBe(0);
  });
});
