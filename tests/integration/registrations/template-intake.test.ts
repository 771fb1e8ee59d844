/**
 * DOMAIN-DECISIONS "Template intake": a unit's monthly template carries new customers (新客户申报),
 * marketing plans (营销申报) and manager changes (客户经理变动). Committed with the batch, the first
 * two wait in the centre's inbox (R19) and the last is applied to the register (R30); the centre
 * files or declines inbox rows; undoing the batch withdraws what is still pending and undoes the
 * manager changes unless later records depend on them — all through the registry and a real
 * database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-intake-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

function demoBackend(): Backend {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  fillDemo(b.db, POLICY_V1, { customers: 40, seed: 5 }, NOW);
  fillDemoRevenue(b.db, { months: 6, seed: 5, endPeriod: '2026-09' }, NOW.toISOString());
  return b;
}

interface Unit {
  id: number;
  code: string;
  name: string;
}

/** The unit's template, filled as a unit would: one figure, and the side sheets' rows. */
async function sendTemplate(
  b: Backend,
  unit: Unit,
  sides: { registrations?: unknown[][]; applications?: unknown[][]; managerChanges?: unknown[][] },
): Promise<string> {
  const dir = tempDir();
  const r = await b.registry.call('templates/generate', { period: PERIOD, outDir: dir, unitCode: unit.code });
  const file = r.files[0];
  if (!file) throw new Error('no template');
  const wb = XLSX.read(readFileSync(file.path), { type: 'buffer' });
  // One figure on the first customer's first 本月 column, so the batch has revenue too.
  const revenue = wb.Sheets['收入明细'] as XLSX.WorkSheet;
  const sub = XLSX.utils.sheet_to_json<unknown[]>(revenue, { header: 1, defval: null })[1] ?? [];
  const col = sub.indexOf('本月(元)');
  revenue[XLSX.utils.encode_cell({ r: 2, c: col })] = { t: 'n', v: 1234 };
  const append = (sheet: string, rows: unknown[][] | undefined) => {
    if (rows) XLSX.utils.sheet_add_aoa(wb.Sheets[sheet] as XLSX.WorkSheet, rows, { origin: -1 });
  };
  append('新客户申报', sides.registrations);
  append('营销申报', sides.applications);
  append('客户经理变动', sides.managerChanges);
  const out = join(dir, `${unit.name}_已填.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

function chenghai(b: Backend): Unit {
  return b.db.prepare("SELECT id, code, name FROM units WHERE code = '440515'").get() as Unit;
}

/** A customer of another unit (营销申报 is for those). */
function otherUnitsCustomer(b: Backend, unitId: number): { id: string; name: string; unit_id: number } {
  return b.db.prepare('SELECT id, name, unit_id FROM customers WHERE unit_id <> ? ORDER BY id LIMIT 1').get(unitId) as {
    id: string;
    name: string;
    unit_id: number;
  };
}

function aManagerOf(b: Backend, unitId: number): { id: number; name: string } {
  return b.db
    .prepare('SELECT id, name FROM managers WHERE unit_id = ? AND left_on IS NULL ORDER BY id LIMIT 1')
    .get(unitId) as { id: number; name: string };
}

describe('template intake', () => {
  it('puts 新客户申报 and 营销申报 in the inbox and applies 客户经理变动 with the batch; undo takes back what nobody acted on', async () => {
    const b = demoBackend();
    const unit = chenghai(b);
    const other = otherUnitsCustomer(b, unit.id);
    const leaver = aManagerOf(b, unit.id);
    const path = await sendTemplate(b, unit, {
      registrations: [
        [
          '汕头市澄海区新禾玩具有限公司',
          '',
          '440515 澄海区',
          '制造业',
          '澄海区莲上镇 8 号',
          '陈生',
          '13800138000',
          '特快',
          '8万',
          '月寄件 3000 件',
          '否',
          '新开业',
        ],
      ],
      applications: [[other.id, other.name, '年货礼盒寄递', '2026-12-01', '2027-01-31', '3万']],
      managerChanges: [
        ['黄新人', '新增', '2026-11-03', '大客户经理', '专职', '13900000000', '', ''],
        [leaver.name, '离职', '2026-11-05', '', '', '', '', '个人原因'],
      ],
    });

    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts.errors).toBe(0);
    expect(preview.sections.map((s) => [s.kind, s.rows, s.problems, s.stored])).toEqual([
      ['registrations', 1, 0, true],
      ['applications', 1, 0, true],
      ['managerChanges', 2, 0, true],
      ['fluctuations', 0, 0, true],
      ['analysis', 0, 0, true],
      ['logs', 0, 0, true],
      ['visits', 0, 0, true],
      ['complaints', 0, 0, true],
      ['discounts', 0, 0, true],
    ]);
    const batch = await b.registry.call('imports/commit', { token: preview.token });

    // R19: both wait in the inbox, with the batch's file and the unit that sent them.
    const inbox = await b.registry.call('inbox/list', { state: 'pending' });
    expect(inbox.map((s) => [s.kind, s.unit, s.batchId, s.sheet, s.row])).toEqual([
      ['application', '440515', batch.id, '营销申报', 2],
      ['registration', '440515', batch.id, '新客户申报', 2],
    ]);
    const reg = inbox.find((s) => s.kind === 'registration');
    expect(reg?.registration).toMatchObject({
      name: '汕头市澄海区新禾玩具有限公司',
      areaCode: '440515',
      lines: ['express'],
      revenueFen: 8_000_000,
      reason: '新开业',
    });
    expect(reg?.matches).toEqual([]);
    expect(b.db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 0 });
    // 待办: each row waiting in the inbox, under the unit that sent it.
    const duties = async () =>
      (await b.registry.call('worklist/list', { date: '2026-11-10' })).items
        .filter((i) => i.kind === 'template_inbox')
        .map((i) => [i.unit, i.due, i.notes]);
    expect(await duties()).toEqual([
      ['440515', '2026-11-10', ['新客户申报：汕头市澄海区新禾玩具有限公司']],
      ['440515', '2026-11-10', [`营销申报：${other.name}`]],
    ]);

    // R30: the register changed with the batch, as a manager-change batch tied to it.
    const mcb = b.db.prepare('SELECT id, item_count, import_batch_id FROM manager_change_batches').all();
    expect(mcb).toEqual([{ id: expect.any(Number), item_count: 2, import_batch_id: batch.id }]);
    expect(b.db.prepare("SELECT unit_id, post FROM managers WHERE name = '黄新人'").get()).toEqual({
      unit_id: unit.id,
      post: 'account_manager',
    });
    expect(b.db.prepare('SELECT left_on FROM managers WHERE id = ?').get(leaver.id)).toEqual({ left_on: '2026-11-05' });
    // Undone with its import, not on its own: one undo per file.
    const own = await b.registry.call('manager-changes/undo-check', { batchId: (mcb[0] as { id: number }).id });
    expect(own).toMatchObject({ canUndo: false, reason: expect.stringContaining(`导入批次 ${batch.id}`) });

    // Filing: the registration enters the review chain as if typed, its source the batch.
    const filed = await b.registry.call('inbox/file', { ids: [reg?.id as number], date: '2026-11-10' });
    const registrationId = filed.filed[0]?.registrationId as number;
    expect(b.db.prepare('SELECT unit_id, name, source, source_ref, state FROM registrations').get()).toEqual({
      unit_id: unit.id,
      name: '汕头市澄海区新禾玩具有限公司',
      source: 'template',
      source_ref: `batch:${batch.id}`,
      state: filed.filed[0]?.state,
    });
    expect(registrationId).toBeGreaterThan(0);
    expect(await duties()).toEqual([['440515', '2026-11-10', [`营销申报：${other.name}`]]]);
    // Filed once: a second try names the row.
    const again = await appError(b.registry.call('inbox/file', { ids: [reg?.id as number], date: null }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('新客户申报第 2 行已受理') });

    const check = await b.registry.call('imports/undo-check', { batchId: batch.id });
    expect(check.managerChanges).toMatchObject({ items: 2, canUndo: true });
    expect(check.inbox).toEqual({ pending: 1, filed: 1 });

    const undone = await b.registry.call('imports/undo', { batchId: batch.id });
    expect(undone.inbox).toEqual({ withdrawn: 1, kept: 1 });
    // The register as it was; the filed registration stays (the centre's own now); the pending plan is withdrawn.
    expect(b.db.prepare("SELECT count(*) AS n FROM managers WHERE name = '黄新人'").get()).toEqual({ n: 0 });
    expect(b.db.prepare('SELECT left_on FROM managers WHERE id = ?').get(leaver.id)).toEqual({ left_on: null });
    expect(b.db.prepare('SELECT kind, state FROM template_submissions ORDER BY id').all()).toEqual([
      { kind: 'registration', state: 'filed' },
      { kind: 'application', state: 'withdrawn' },
    ]);
    expect(b.db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 1 });
  });

  it('refuses the undo, changing nothing, once a later record depends on the batch’s manager changes (R30)', async () => {
    const b = demoBackend();
    const unit = chenghai(b);
    const path = await sendTemplate(b, unit, {
      managerChanges: [
        ['黄新人', '新增', '2026-11-03', '大客户经理', '专职', '', '', ''],
        // R30: a September change sent on 10 November was due by 25 September.
        ['周迟报', '新增', '2026-09-20', '大客户经理', '专职', '', '', ''],
      ],
    });
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.issues.filter((i) => i.sheet === '客户经理变动')).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'C',
        severity: 'warning',
        message: expect.stringContaining('2026-09-25'),
      }),
    ]);
    const batch = await b.registry.call('imports/commit', { token: preview.token });
    const newcomer = b.db.prepare("SELECT id FROM managers WHERE name = '黄新人'").get() as { id: number };
    const customer = b.db.prepare('SELECT id FROM customers WHERE unit_id = ? LIMIT 1').get(unit.id) as { id: string };
    await b.registry.call('assignments/set', {
      customerId: customer.id,
      role: 'A',
      managerId: newcomer.id,
      fromOn: '2026-11-10',
    });

    const check = await b.registry.call('imports/undo-check', { batchId: batch.id });
    expect(check.managerChanges).toMatchObject({ canUndo: false, reason: expect.stringContaining('黄新人') });
    const before = dumpTables(b.db);
    const refused = await appError(b.registry.call('imports/undo', { batchId: batch.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('客户经理变动不能撤销') });
    const after = dumpTables(b.db);
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);
  });

  it('declines with a reason; filing is all or none, naming the row that cannot be filed', async () => {
    const b = demoBackend();
    const unit = chenghai(b);
    const other = otherUnitsCustomer(b, unit.id);
    const path = await sendTemplate(b, unit, {
      registrations: [
        ['汕头市甲乙贸易有限公司', '', '440515', '', '', '', '请找王经理'],
        ['汕头市丙丁贸易有限公司', '', '440515'],
      ],
      applications: [[other.id, other.name, '函件', '2026-12-01', '2027-03-31', '1万']],
    });
    const preview = await b.registry.call('imports/preview', { path });
    await b.registry.call('imports/commit', { token: preview.token });
    const pending = await b.registry.call('inbox/list', { state: 'pending' });
    const byRow = (kind: string, row: number) => pending.find((s) => s.kind === kind && s.row === row)?.id as number;

    // A phone the registration form refuses: nothing is filed, the row is named.
    const before = dumpTables(b.db);
    const bad = await appError(
      b.registry.call('inbox/file', {
        ids: [byRow('registration', 3), byRow('registration', 2), byRow('application', 2)],
        date: null,
      }),
    );
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/新客户申报第 2 行：.*未受理任何申报/),
    });
    const after = dumpTables(b.db);
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);

    expect(
      await appError(b.registry.call('inbox/decline', { ids: [byRow('registration', 2)], reason: '' })),
    ).toMatchObject({ code: 'VALIDATION' });
    const declined = await b.registry.call('inbox/decline', {
      ids: [byRow('registration', 2)],
      reason: '联系电话不全，请补充后下月重报',
    });
    expect(declined.map((s) => [s.state, s.reason, s.decidedBy])).toEqual([
      ['declined', '联系电话不全，请补充后下月重报', expect.any(String)],
    ]);
    const ok = await b.registry.call('inbox/file', {
      ids: [byRow('registration', 3), byRow('application', 2)],
      date: '2026-11-10',
    });
    expect(ok.filed.map((f) => [f.registrationId !== null, f.applicationId !== null, f.state])).toEqual([
      [true, false, expect.any(String)],
      [false, true, 'owner_opinion'],
    ]);
    expect(b.db.prepare('SELECT unit_id, owner_unit_id, plan, expected_revenue_fen FROM applications').get()).toEqual({
      unit_id: unit.id,
      owner_unit_id: other.unit_id,
      plan: '函件',
      expected_revenue_fen: 1_000_000,
    });
    expect(await b.registry.call('inbox/list', { state: 'pending' })).toEqual([]);

    // The unit's receipt tells it what became of each row, with the reason for the declined one.
    const dir = tempDir();
    const receipts = await b.registry.call('receipts/generate', { period: '2026-11', outDir: dir, unitCode: '440515' });
    const wb = XLSX.read(readFileSync(receipts.files[0]?.path as string), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['模板申报受理'] as XLSX.WorkSheet, {
      header: 1,
      defval: null,
    });
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[7]])).toEqual([
      ['新客户申报', '汕头市甲乙贸易有限公司', '新客户申报 第 2 行', '不予受理', '联系电话不全，请补充后下月重报'],
      ['新客户申报', '汕头市丙丁贸易有限公司', '新客户申报 第 3 行', '已受理', null],
      ['营销申报', other.name, '营销申报 第 2 行', '已受理', null],
    ]);
    expect(String(rows[2]?.[6])).toMatch(/^注册申报 #\d+$/);

    // The next template's 申报进度 shows the declined row and why, for the unit to send it again.
    const next = await b.registry.call('templates/generate', {
      period: '2026-11',
      outDir: tempDir(),
      unitCode: '440515',
    });
    const progress = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(readFileSync(next.files[0]?.path as string), { type: 'buffer' }).Sheets['申报进度'] as XLSX.WorkSheet,
      { header: 1, defval: null },
    );
    expect(progress).toContainEqual([
      '新客户申报',
      '汕头市甲乙贸易有限公司',
      PERIOD,
      '不予受理',
      '新客户申报 第 2 行',
      '联系电话不全，请补充后下月重报',
    ]);
  });
});
