/**
 * DOMAIN-DECISIONS "Template intake" and "Receipts (回执)": a unit's template carries its service
 * work — 营销日志 (R22), 拜访记录 (R23), 投诉登记 (R33), 资费优惠申请 (R29). Generate the template, fill
 * rows with SheetJS as a unit would, preview (bad rows named by sheet, row and column), commit
 * (leaving them out), find the records written with the batch through their channels' rules, the
 * receipt's sections, and undo taking them back — or refused, changing nothing, once the centre has
 * acted on one. All through the registry and a real database.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';
import { gradeCustomers } from '../../support/grade';
import { findSoffice, sofficeConvert } from '../../support/libreoffice';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-services-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

type Rows = (string | number | null)[][];

interface World {
  b: Backend;
  unit: { id: number; code: string; name: string };
  /** Two of the unit's customers, graded comprehensive gold for 2026 (R23: two visits a month). */
  gold: [string, string];
  /** Another unit's customer. */
  other: string;
  manager: { id: number; name: string };
}

/** In memory the jobs run inline; on a file, on the writer thread (the same code, another connection). */
function world(onFile = false): World {
  const b = openBackend({ databasePath: onFile ? join(tempDir(), 'kam.sqlite') : ':memory:', now: () => NOW });
  backends.push(b);
  fillDemo(b.db, POLICY_V1, { customers: 30, seed: 7 }, NOW);
  const unit = b.db.prepare("SELECT id, code, name FROM units WHERE code = '440515'").get() as World['unit'];
  const own = b.db.prepare('SELECT id FROM customers WHERE unit_id = ? ORDER BY id LIMIT 2').pluck().all(unit.id) as [
    string,
    string,
  ];
  gradeCustomers(b.db, 2025, [
    [own[0], 'gold', 'comprehensive'],
    [own[1], 'gold', 'comprehensive'],
  ]);
  const other = b.db
    .prepare('SELECT id FROM customers WHERE unit_id <> ? ORDER BY id LIMIT 1')
    .pluck()
    .get(unit.id) as string;
  const manager = b.db
    .prepare('SELECT id, name FROM managers WHERE unit_id = ? AND left_on IS NULL ORDER BY id LIMIT 1')
    .get(unit.id) as World['manager'];
  return { b, unit, gold: own, other, manager };
}

/** The unit's template, filled as a unit would: rows appended under each service sheet's header. */
async function sendTemplate(
  w: World,
  sheets: { logs?: Rows; visits?: Rows; complaints?: Rows; discounts?: Rows },
): Promise<string> {
  const dir = tempDir();
  const r = await w.b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode: w.unit.code });
  const file = r.files[0];
  if (!file) throw new Error('no template');
  const wb = XLSX.read(readFileSync(file.path), { type: 'buffer' });
  const append = (sheet: string, rows: Rows | undefined) => {
    if (rows) XLSX.utils.sheet_add_aoa(wb.Sheets[sheet] as XLSX.WorkSheet, rows, { origin: -1 });
  };
  append('营销日志', sheets.logs);
  append('拜访记录', sheets.visits);
  append('投诉登记', sheets.complaints);
  append('资费优惠申请', sheets.discounts);
  const out = join(dir, `${w.unit.name}_已填.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

/** One good row a sheet, and one each sheet refuses. */
function filled(w: World) {
  const [a, c] = w.gold;
  return {
    logs: [
      [a, '2026-11-02', '', '', '电话', '了解年底寄递计划', w.manager.name, '李总', '年货礼盒', '意向良好', 4, '否'],
      [a, '2026-11-03', '', '', '飞鸽', '无效方式', '', '', '', '', '', ''],
    ],
    visits: [
      [a, '2026-11-05', '客户经理', '已拜访', w.manager.name, '回访', `${w.manager.name}、李总`, '续签意向'],
      [c, '2026-11-20', '客户经理', '计划', w.manager.name, '年度回访', '', ''],
      [a, '2026-11-06', '客户经理', '已拜访', '查无此人', '回访', '某某', '无'],
    ],
    complaints: [
      [
        '2026-11-02 09:30',
        a,
        '电话',
        '包裹延误',
        '时限',
        '否',
        '2026-11-02 11:00',
        '2026-11-03 16:00',
        '已补发并致歉',
        5,
      ],
      ['2026-10-20 09:30', c, '上门', '投递员态度', '服务', '否', '', '', '', ''],
      ['2026-11-04 10:00', a, '网站', '查询', '', '否', '', '2026-11-05 10:00', '', ''],
    ],
    discounts: [
      [a, '特快', '件', 12, 9.5, 3000, '月寄件量大，竞争对手报价 9 元', '2026-12-01', '2027-05-31'],
      [w.other, '特快', '件', 12, 10, 100, '其他单位的客户', '2026-12-01', '2027-05-31'],
    ],
  };
}

describe('template service sheets (R22, R23, R33, R29)', () => {
  it('writes the good rows through their channels with the batch, refuses the bad ones by sheet, row and column, tells the receipt, and undo withdraws them', async () => {
    const w = world();
    const { b } = w;
    const [a, c] = w.gold;
    const path = await sendTemplate(w, filled(w));
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.sections.filter((s) => ['logs', 'visits', 'complaints', 'discounts'].includes(s.kind))).toEqual([
      { sheet: '营销日志', kind: 'logs', rows: 2, problems: 1, stored: true },
      { sheet: '拜访记录', kind: 'visits', rows: 3, problems: 1, stored: true },
      { sheet: '投诉登记', kind: 'complaints', rows: 3, problems: 2, stored: true },
      { sheet: '资费优惠申请', kind: 'discounts', rows: 2, problems: 1, stored: true },
    ]);
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['营销日志', 3, 'E'],
      ['拜访记录', 4, 'E'],
      ['投诉登记', 4, 'I'],
      ['投诉登记', 4, 'J'],
      ['资费优惠申请', 3, 'A'],
    ]);
    expect(errors.map((i) => i.message)).toEqual([
      expect.stringContaining('接触方式“飞鸽”不在下拉列表中'),
      expect.stringContaining('本单位没有名为“查无此人”的在岗客户经理'),
      expect.stringContaining('须填写处理结果'),
      expect.stringContaining('须填写满意度'),
      expect.stringContaining('资费优惠由客户所属单位申请'),
    ]);
    // Errors stop the import until the officer leaves those rows out (as for any sheet).
    expect(await appError(b.registry.call('imports/commit', { token: preview.token }))).toMatchObject({
      code: 'VALIDATION',
    });
    const again = await b.registry.call('imports/preview', { path });
    const batch = await b.registry.call('imports/commit', { token: again.token, excludeErrorRows: true });

    // R22: the entry, kept by the template's unit, from the batch.
    const logs = await b.registry.call('logs/list', { customerId: a });
    expect(logs.map((l) => [l.date, l.method, l.content, l.unit, l.importBatchId])).toEqual([
      ['2026-11-02', 'phone', '了解年底寄递计划', w.unit.code, batch.id],
    ]);
    // R23: a held visit with its manager counts; the plan does not.
    const visits = b.db
      .prepare('SELECT customer_id, visit_on, status, manager_id, import_batch_id FROM visits ORDER BY visit_on')
      .all();
    expect(visits).toEqual([
      { customer_id: a, visit_on: '2026-11-05', status: 'held', manager_id: w.manager.id, import_batch_id: batch.id },
      {
        customer_id: c,
        visit_on: '2026-11-20',
        status: 'planned',
        manager_id: w.manager.id,
        import_batch_id: batch.id,
      },
    ]);
    const obligations = await b.registry.call('visits/obligations', { period: '2026-11', unitCode: w.unit.code });
    expect(obligations.filter((o) => o.customerId === a).map((o) => [o.required, o.held, o.short])).toEqual([
      [2, 1, 1],
    ]);
    // R33: received by the template's unit; the unit's contact and close through the clock.
    const complaints = await b.registry.call('complaints/list', { open: false, customerId: null, now: null });
    const byCustomer = (id: string) => complaints.find((x) => x.customerId === id);
    expect(byCustomer(a)).toMatchObject({
      unit: w.unit.code,
      status: 'closed',
      receivedAt: '2026-11-02T09:30',
      loggedAt: '2026-11-02T09:30',
      contactedAt: '2026-11-02T11:00',
      closedAt: '2026-11-03T16:00',
      satisfaction: 5,
      breached: false,
    });
    expect(byCustomer(c)).toMatchObject({ status: 'open', breached: true, breaches: { contact: true } });
    // R29: pending its first step; nothing decided by itself.
    const discounts = await b.registry.call('discounts/list', { customerId: a, status: null, unitCode: null });
    expect(discounts.map((d) => [d.status, d.currentStep, d.standardRate, d.proposedRate, d.monthlyVolume])).toEqual([
      ['pending', 0, 1200, 950, 3000],
    ]);
    expect(discounts[0]?.steps.every((s) => s.decision === null)).toBe(true);
    // Each row read, kept for the receipt.
    expect(
      b.db.prepare('SELECT kind, row_no, state, reason FROM template_service_rows ORDER BY kind, row_no').all(),
    ).toEqual([
      { kind: 'complaint', row_no: 2, state: 'accepted', reason: null },
      { kind: 'complaint', row_no: 3, state: 'accepted', reason: null },
      { kind: 'complaint', row_no: 4, state: 'refused', reason: expect.stringContaining('须填写处理结果') },
      { kind: 'discount', row_no: 2, state: 'accepted', reason: null },
      { kind: 'discount', row_no: 3, state: 'refused', reason: expect.stringContaining('客户所属单位') },
      { kind: 'log', row_no: 2, state: 'accepted', reason: null },
      { kind: 'log', row_no: 3, state: 'refused', reason: expect.stringContaining('飞鸽') },
      { kind: 'visit', row_no: 2, state: 'accepted', reason: null },
      { kind: 'visit', row_no: 3, state: 'accepted', reason: null },
      { kind: 'visit', row_no: 4, state: 'refused', reason: expect.stringContaining('查无此人') },
    ]);

    // 回执 for November: visits short, the overdue complaint, the discount once decided, the rows.
    await b.registry.call('discounts/decide', {
      id: discounts[0]?.id as number,
      decision: 'reject',
      step: 0,
      approver: '张主任',
      comment: '低于成本价',
    });
    const dir = tempDir();
    const receipts = await b.registry.call('receipts/generate', {
      period: '2026-11',
      outDir: dir,
      unitCode: w.unit.code,
    });
    const file = receipts.files[0];
    expect(file?.counts).toMatchObject({ 拜访不足: 2, 投诉逾期: 1, 资费优惠结果: 1, 模板服务记录受理: 10 });
    const receipt = XLSX.read(readFileSync(file?.path as string), { type: 'buffer' });
    const rowsOf = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(receipt.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null });
    expect(
      rowsOf('拜访不足')
        .find((r) => r[0] === a)
        ?.slice(3),
    ).toEqual([2, 1, 1]);
    expect(
      rowsOf('投诉逾期')
        .find((r) => r[1] === c)
        ?.slice(3, 6),
    ).toEqual(['2026-10-20 09:30', '待联系', '未在 24 小时内联系；未按期结案']);
    expect(
      rowsOf('资费优惠结果')
        .find((r) => r[1] === a)
        ?.slice(3, 8),
    ).toEqual(['特快', '12.00', '9.50', '件', '未批准']);
    expect(
      rowsOf('模板服务记录受理')
        .find((r) => r[1] === '拜访记录 第 4 行')
        ?.slice(4),
    ).toEqual(['不予受理', null, expect.stringContaining('查无此人')]);

    // The decided discount is a later record: the undo is refused and nothing changes.
    const check = await b.registry.call('imports/undo-check', { batchId: batch.id });
    expect(check.services).toEqual({
      logs: 1,
      visits: 2,
      complaints: 2,
      discounts: 1,
      blocker: expect.stringContaining('已有审批记录'),
      blockerEn: expect.stringContaining('has a decision on it'),
    });
    const before = dumpTables(b.db);
    const refused = await appError(b.registry.call('imports/undo', { batchId: batch.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('未撤销任何数据') });
    const { audit_log: _a, ...after } = dumpTables(b.db);
    const { audit_log: _b, ...beforeData } = before;
    expect(after).toEqual(beforeData);
  });

  it.each([
    ['in memory', false],
    ['on the writer thread', true],
  ])('undo withdraws the service records with the batch while nobody acted on them (%s)', async (_how, onFile) => {
    const w = world(onFile);
    const { b } = w;
    const rows = filled(w);
    const path = await sendTemplate(w, {
      logs: rows.logs.slice(0, 1),
      visits: rows.visits.slice(0, 2),
      complaints: rows.complaints.slice(0, 2),
      discounts: rows.discounts.slice(0, 1),
    });
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts.errors).toBe(0);
    const batch = await b.registry.call('imports/commit', { token: preview.token });
    const check = await b.registry.call('imports/undo-check', { batchId: batch.id });
    expect(check.services).toEqual({ logs: 1, visits: 2, complaints: 2, discounts: 1, blocker: null, blockerEn: null });
    const undone = await b.registry.call('imports/undo', { batchId: batch.id });
    expect(undone.services).toEqual({ logs: 1, visits: 2, complaints: 2, discounts: 1 });
    for (const table of ['marketing_logs', 'visits', 'complaints', 'discount_requests'])
      expect(b.db.prepare(`SELECT count(*) FROM ${table} WHERE import_batch_id IS NOT NULL`).pluck().get()).toBe(0);
    expect(b.db.prepare('SELECT DISTINCT state FROM template_service_rows').pluck().all()).toEqual(['withdrawn']);
  });

  it.each([
    [
      'a visit’s result recorded at the centre',
      async (b: Backend) => {
        const id = b.db.prepare("SELECT id FROM visits WHERE status = 'planned'").pluck().get() as number;
        // A planned visit is recorded once the day has come: the plan moved to today.
        b.db.prepare("UPDATE visits SET visit_on = '2026-11-09' WHERE id = ?").run(id);
        await b.registry.call('visits/record', { id, status: 'not_held', reason: '客户出差' });
      },
      '已在中心记录结果',
    ],
    [
      'a complaint contacted at the centre',
      async (b: Backend) => {
        const id = b.db.prepare("SELECT id FROM complaints WHERE status = 'open'").pluck().get() as number;
        await b.registry.call('complaints/event', { id, event: 'contact', at: '2026-11-09T10:00' });
      },
      '已在中心处理',
    ],
    [
      'a discount step approved',
      async (b: Backend) => {
        const id = b.db.prepare('SELECT id FROM discount_requests').pluck().get() as number;
        await b.registry.call('discounts/decide', { id, decision: 'approve', step: 0 });
      },
      '已有审批记录',
    ],
  ])('refuses the undo, changing nothing, after %s', async (_what, act, reason) => {
    const w = world();
    const { b } = w;
    const rows = filled(w);
    const path = await sendTemplate(w, {
      visits: rows.visits.slice(0, 2),
      complaints: rows.complaints.slice(0, 2),
      discounts: rows.discounts.slice(0, 1),
    });
    const preview = await b.registry.call('imports/preview', { path });
    const batch = await b.registry.call('imports/commit', { token: preview.token });
    await act(b);
    expect((await b.registry.call('imports/undo-check', { batchId: batch.id })).services?.blocker).toContain(reason);
    const { audit_log: _a, ...before } = dumpTables(b.db);
    expect(await appError(b.registry.call('imports/undo', { batchId: batch.id }))).toMatchObject({ code: 'CONFLICT' });
    const { audit_log: _b, ...after } = dumpTables(b.db);
    expect(after).toEqual(before);
  });

  it('refuses the whole commit, writing nothing, when a row the preview accepted is refused by then', async () => {
    const w = world();
    const { b } = w;
    const rows = filled(w);
    const path = await sendTemplate(w, { discounts: rows.discounts.slice(0, 1) });
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts.errors).toBe(0);
    // Meanwhile the centre records an overlapping request for the same customer and line (R29).
    await b.registry.call('discounts/add', {
      customerId: w.gold[0],
      line: 'express',
      rateUnit: '件',
      standardRate: '12',
      proposedRate: '11',
      monthlyVolume: null,
      reason: '中心录入',
      validFrom: '2026-12-15',
      validTo: '2027-01-31',
    });
    const { audit_log: _a, ...before } = dumpTables(b.db);
    const refused = await appError(b.registry.call('imports/commit', { token: preview.token }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('资费优惠申请 第 2 行'),
    });
    const { audit_log: _b, ...after } = dumpTables(b.db);
    expect(after).toEqual(before);
  });

  it('reads the four sheets from a workbook saved by LibreOffice (dates, times and numbers as it writes them)', async () => {
    expect(findSoffice(), 'LibreOffice (soffice) is required for this test; it never skips').not.toBeNull();
    const w = world();
    const path = await sendTemplate(w, filled(w));
    const out = join(tempDir(), 'lo');
    mkdirSync(out, { recursive: true });
    const saved = await sofficeConvert(path, 'xlsx', out);
    const preview = await w.b.registry.call('imports/preview', { path: saved });
    expect(preview.sections.filter((s) => ['logs', 'visits', 'complaints', 'discounts'].includes(s.kind))).toEqual([
      { sheet: '营销日志', kind: 'logs', rows: 2, problems: 1, stored: true },
      { sheet: '拜访记录', kind: 'visits', rows: 3, problems: 1, stored: true },
      { sheet: '投诉登记', kind: 'complaints', rows: 3, problems: 2, stored: true },
      { sheet: '资费优惠申请', kind: 'discounts', rows: 2, problems: 1, stored: true },
    ]);
    const batch = await w.b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
    const logs = await w.b.registry.call('logs/list', { customerId: w.gold[0] });
    expect(logs.map((l) => [l.date, l.method, l.importBatchId])).toEqual([['2026-11-02', 'phone', batch.id]]);
    const complaint = w.b.db
      .prepare('SELECT received_at, contacted_at, closed_at, satisfaction FROM complaints WHERE import_batch_id = ?')
      .get(batch.id);
    expect(complaint).toEqual({
      received_at: '2026-11-02T09:30',
      contacted_at: '2026-11-02T11:00',
      closed_at: '2026-11-03T16:00',
      satisfaction: 5,
    });
  });

  it('reports the service sheets as not read outside a template (no unit)', async () => {
    const w = world();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户编号', '日期', '类型', '状态'],
        [w.gold[0], '2026-11-05', '客户经理', '已拜访'],
      ]),
      '拜访记录',
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户ID', '客户名称', '月份', '业务种类', '收入(元)'],
        [w.gold[0], '', '2026-10', '特快', 100],
      ]),
      '收入',
    );
    const path = join(tempDir(), 'hand.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await w.b.registry.call('imports/preview', { path });
    expect(preview.sections).toEqual([{ sheet: '拜访记录', kind: 'visits', rows: 0, problems: 1, stored: false }]);
  });
});
