/**
 * 经营分析 (R31): the unit's own monthly analysis — in the template, imported with the batch,
 * superseded by a later batch, withdrawn on undo, read back by `reports/unit-analyses`, counted by
 * the tracker. DOMAIN-DECISIONS "Templates" and "Submission tracker".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { unitAnalyses } from '../../../electron/backend/reports/unit-analyses';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { tempDirsForTests } from '../../support/temp-dir';

const PERIOD = '2026-10';
const SHEET = '经营分析';
const tempDir = tempDirsForTests('kam-analyses-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

/** Local noon of a date, so the officer's local date is that date in any time zone. */
const at = (date: string) => new Date(`${date}T12:00:00`);

function setup() {
  const clock = { now: at('2026-10-20') };
  const b = openBackend({ databasePath: ':memory:', now: () => clock.now });
  backends.push(b);
  fillDemo(b.db, POLICY_V1, { customers: 40, seed: 9 }, clock.now);
  fillDemoRevenue(b.db, { months: 3, seed: 9, endPeriod: '2026-09' }, clock.now.toISOString());
  return { b, clock };
}

async function template(b: Backend, unitCode: string): Promise<string> {
  const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir: tempDir(), unitCode });
  return (files[0] as { path: string }).path;
}

type Texts = Partial<Record<'竞争情况' | '波动原因补充说明' | '上月工作及好的做法' | '存在问题及本月计划', string>>;

/** Fills 经营分析 as a unit would: the 内容 cell on the row whose 项目 is the label. */
function fillAnalysis(path: string, texts: Texts | 'drop-sheet', name: string): string {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  if (texts === 'drop-sheet') {
    // A template made before 经营分析 existed: the same workbook without the sheet.
    const i = wb.SheetNames.indexOf(SHEET);
    wb.SheetNames.splice(i, 1);
    delete wb.Sheets[SHEET];
    if (wb.Workbook?.Sheets) wb.Workbook.Sheets.splice(i, 1);
  } else {
    const ws = wb.Sheets[SHEET] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, blankrows: true });
    const header = rows.findIndex((r) => r[0] === '项目');
    const content = rows[header]?.indexOf('内容') as number;
    for (const [label, text] of Object.entries(texts)) {
      const r = rows.findIndex((row) => row[0] === label);
      expect(r).toBeGreaterThan(header);
      ws[XLSX.utils.encode_cell({ r, c: content })] = { t: 's', v: text };
    }
  }
  const out = join(tempDir(), name);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

const stored = (b: Backend) =>
  b.db
    .prepare(
      'SELECT unit_id, period, batch_id, competition, fluctuation_notes, practice, plan, withdrawn_at FROM unit_analyses ORDER BY id',
    )
    .all() as Record<string, unknown>[];

const unitId = (b: Backend, code: string) =>
  b.db.prepare('SELECT id FROM units WHERE code = ?').pluck().get(code) as number;

async function preview(b: Backend, path: string) {
  return b.registry.call('imports/preview', { path });
}

async function commit(b: Backend, path: string): Promise<number> {
  const p = await preview(b, path);
  expect(p.counts.errors).toBe(0);
  return (await b.registry.call('imports/commit', { token: p.token })).id;
}

describe('经营分析 in the template (R31)', () => {
  it('is a two-column 项目 | 内容 sheet after 波动原因: instruction on top, tall wrapped cells, A4 portrait', async () => {
    const { b } = setup();
    const path = await template(b, '440515');
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    expect(wb.SheetNames).toEqual([
      '填表说明',
      '收入明细',
      '新客户申报',
      '营销申报',
      '客户经理变动',
      '波动原因',
      SHEET,
      '营销日志',
      '拜访记录',
      '投诉登记',
      '资费优惠申请',
      '申报进度',
      '_kam_meta',
      '_kam_lists',
    ]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SHEET] as XLSX.WorkSheet, {
      header: 1,
      defval: null,
      blankrows: true,
    });
    expect(String(rows[0]?.[0])).toContain('内容');
    expect(rows.slice(1, 6).map((r) => [r[0], r[1] ?? null])).toEqual([
      ['项目', '内容'],
      ['竞争情况', null],
      ['波动原因补充说明', null],
      ['上月工作及好的做法', null],
      ['存在问题及本月计划', null],
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync(path)));
    const xml = strFromU8(zip['xl/worksheets/sheet7.xml'] as Uint8Array);
    expect(xml).toContain('orientation="portrait"');
    expect(xml).toContain('fitToWidth="1"');
    // The 内容 cells are tall (several lines) and styled to wrap at the top.
    const heights = [...xml.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(heights.filter(([r, h]) => (r as number) >= 3 && (h as number) >= 120).map(([r]) => r)).toEqual([
      3, 4, 5, 6,
    ]);
    const styles = strFromU8(zip['xl/styles.xml'] as Uint8Array);
    const xfs = [...(styles.split('<cellXfs')[1] ?? '').matchAll(/<xf [^>]*>.*?<\/xf>/g)].map((m) => m[0]);
    const b3 = /<c r="B3"[^>]* s="(\d+)"/.exec(xml);
    expect(xfs[Number(b3?.[1])]).toMatch(/wrapText="1"/);
    expect(xfs[Number(b3?.[1])]).toMatch(/vertical="top"/);
    // Excel itself stops a 内容 cell over 2,000 characters as it is typed (the import checks again).
    expect(xml).toMatch(
      /<dataValidation type="textLength" operator="lessThanOrEqual"[^>]*sqref="B3:B6"><formula1>2000<\/formula1>/,
    );
    expect(xml.indexOf('</sheetData>')).toBeLessThan(xml.indexOf('<dataValidations'));
    expect(xml.indexOf('<dataValidations')).toBeLessThan(xml.indexOf('<pageMargins'));
    // The header and instruction repeat on every printed page.
    expect(strFromU8(zip['xl/workbook.xml'] as Uint8Array)).toContain(`&apos;${SHEET}&apos;!$1:$2`);
    expect(
      String(
        XLSX.utils
          .sheet_to_json<unknown[]>(wb.Sheets.填表说明 as XLSX.WorkSheet, { header: 1 })
          .flat()
          .join('\n'),
      ),
    ).toContain(`七、${SHEET}`);
  });
});

describe('importing 经营分析', () => {
  it('stores the written items with the batch; the preview says how many; unitAnalyses and the channel read it', async () => {
    const { b } = setup();
    const path = fillAnalysis(
      await template(b, '440515'),
      { 竞争情况: '顺丰降价约 10%', 上月工作及好的做法: '走访 12 家', 存在问题及本月计划: '人手不足\n本月补齐' },
      'filled.xlsx',
    );
    const p = await preview(b, path);
    expect(p.sections.find((s) => s.kind === 'analysis')).toEqual({
      sheet: SHEET,
      kind: 'analysis',
      rows: 3,
      problems: 0,
      stored: true,
    });
    expect(stored(b)).toEqual([]);
    const batchId = (await b.registry.call('imports/commit', { token: p.token })).id;
    const unit = unitId(b, '440515');
    expect(stored(b)).toEqual([
      {
        unit_id: unit,
        period: PERIOD,
        batch_id: batchId,
        competition: '顺丰降价约 10%',
        fluctuation_notes: null,
        practice: '走访 12 家',
        plan: '人手不足\n本月补齐',
        withdrawn_at: null,
      },
    ]);
    const read = unitAnalyses(b.db, PERIOD, null);
    expect(read).toEqual([
      {
        unitId: unit,
        unitCode: '440515',
        unitName: '澄海分局',
        batchId,
        recordedAt: expect.any(String),
        competition: '顺丰降价约 10%',
        fluctuationNotes: null,
        practice: '走访 12 家',
        plan: '人手不足\n本月补齐',
      },
    ]);
    expect(unitAnalyses(b.db, PERIOD, new Set([unit + 1000]))).toEqual([]);
    expect(unitAnalyses(b.db, '2026-09', null)).toEqual([]);
    expect(await b.registry.call('reports/unit-analyses', { period: PERIOD, unitCode: '440515' })).toEqual(read);
    expect(await b.registry.call('reports/unit-analyses', { period: PERIOD })).toEqual(read);
    const unknown = await b.registry.invoke('reports/unit-analyses', { period: PERIOD, unitCode: 'NOPE' });
    expect(unknown.ok).toBe(false);
  });

  it('a blank 经营分析 stores nothing; a template without the sheet (made before it) imports without complaint', async () => {
    const { b } = setup();
    const blank = await preview(b, fillAnalysis(await template(b, '440515'), {}, 'blank.xlsx'));
    expect(blank.sections.find((s) => s.kind === 'analysis')).toMatchObject({ rows: 0, problems: 0 });
    await b.registry.call('imports/commit', { token: blank.token });
    const old = await preview(b, fillAnalysis(await template(b, '440515'), 'drop-sheet', 'old.xlsx'));
    expect(old.sections.some((s) => s.kind === 'analysis')).toBe(false);
    expect(old.issues.filter((i) => i.sheet === SHEET || i.message.includes(SHEET))).toEqual([]);
    expect(old.counts.errors).toBe(0);
    await b.registry.call('imports/commit', { token: old.token });
    expect(stored(b)).toEqual([]);
  });

  it('a cell over 2,000 characters is refused naming sheet, row and column; nothing is committed without consent', async () => {
    const { b } = setup();
    const path = fillAnalysis(await template(b, '440515'), { 竞争情况: '好'.repeat(2001) }, 'long.xlsx');
    const p = await preview(b, path);
    const issue = p.issues.find((i) => i.sheet === SHEET);
    expect(issue).toMatchObject({ sheet: SHEET, row: 3, column: 'B', severity: 'error' });
    expect(issue?.message).toContain('不能超过 2000 字（现有 2001 字）');
    expect(issue?.messageEn).toContain('at most 2000 characters (it has 2001)');
    const refused = await b.registry.invoke('imports/commit', { token: p.token });
    expect(refused.ok).toBe(false);
    expect(stored(b)).toEqual([]);
    expect(b.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('a later batch supersedes the earlier analysis; undo withdraws it and the earlier one stands again', async () => {
    const { b, clock } = setup();
    const first = await commit(b, fillAnalysis(await template(b, '440515'), { 竞争情况: '第一版' }, 'a.xlsx'));
    clock.now = at('2026-10-22');
    const second = await commit(b, fillAnalysis(await template(b, '440515'), { 竞争情况: '第二版' }, 'b.xlsx'));
    expect(unitAnalyses(b.db, PERIOD, null).map((a) => [a.batchId, a.competition])).toEqual([[second, '第二版']]);
    await b.registry.call('imports/undo', { batchId: second });
    expect(stored(b).map((r) => [r.batch_id, r.withdrawn_at !== null])).toEqual([
      [first, false],
      [second, true],
    ]);
    expect(unitAnalyses(b.db, PERIOD, null).map((a) => [a.batchId, a.competition])).toEqual([[first, '第一版']]);
    await b.registry.call('imports/undo', { batchId: first });
    expect(unitAnalyses(b.db, PERIOD, null)).toEqual([]);
  });
});

describe('the tracker counts 经营分析 (R31: due the 28th)', () => {
  it('received on time or late only when written; pending, then overdue, otherwise', async () => {
    const { b, clock } = setup();
    const codes = (await b.registry.call('submissions/tracker', { period: PERIOD })).units.map((u) => u.code);
    const [writer, blankUnit, lateUnit] = codes as [string, string, string];
    const cell = async (code: string) => {
      const view = await b.registry.call('submissions/tracker', { period: PERIOD });
      return view.units.find((u) => u.code === code)?.cells.find((c) => c.form === 'unit_analysis');
    };
    expect(await cell(writer)).toMatchObject({ status: 'pending', dueOn: '2026-10-28', batchId: null });

    clock.now = at('2026-10-27');
    const sent = await commit(b, fillAnalysis(await template(b, writer), { 存在问题及本月计划: '计划' }, 'w.xlsx'));
    await commit(b, fillAnalysis(await template(b, blankUnit), {}, 'blank.xlsx'));
    clock.now = at('2026-10-30');
    const late = await commit(b, fillAnalysis(await template(b, lateUnit), { 竞争情况: '迟到' }, 'l.xlsx'));

    expect(await cell(writer)).toMatchObject({ status: 'on_time', batchId: sent, batches: 1 });
    // The statistics came, the analysis did not: still owed, and overdue after the 28th.
    expect(await cell(blankUnit)).toMatchObject({ status: 'overdue', batchId: null, batches: 0 });
    expect(await cell(lateUnit)).toMatchObject({ status: 'late', batchId: late });
    const unit = unitId(b, writer);
    const batches = await b.registry.call('submissions/unit-batches', { unitId: unit });
    expect(batches.find((x) => x.id === sent)?.forms).toContain('unit_analysis');
    await b.registry.call('imports/undo', { batchId: sent });
    expect(await cell(writer)).toMatchObject({ status: 'overdue', batchId: null });
  });
});
