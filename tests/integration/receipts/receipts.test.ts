/**
 * 回执 (the round trip with offline units): one workbook per unit and month with its registrations
 * approved (with their new IDs) or rejected (with the reason), the conflicts ruled and why,
 * releases, applications, archives due, missing A/B roles and what was received from it. Written
 * through the registry and the command line, read back as a unit would open it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const open = backendsForTests();
const tempDir = tempDirsForTests('kam-receipts-');
const at = (date: string) => new Date(`${date}T12:00:00`);

function rowsOf(path: string, sheet: string): unknown[][] {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet} in ${wb.SheetNames.join(',')}`);
  return XLSX.utils.sheet_to_json(ws, { header: 1, defval: null }) as unknown[][];
}

async function scenario(databasePath = ':memory:') {
  const clock = { now: at('2026-01-05') };
  const b = open({ databasePath, now: () => clock.now });
  fillDemo(b.db, POLICY_V1, { customers: 30, seed: 6 }, clock.now);
  fillDemoRevenue(b.db, { months: 24, endPeriod: '2025-12', seed: 6 }, clock.now.toISOString());
  await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  const units = await b.registry.call('units/list', {});
  const unit = (code: string) => (units.find((u) => u.code === code) as { id: number }).id;
  const decideAll = async (id: number, date: string) => {
    let r = await b.registry.call('registrations/decide', { id, approve: true, date });
    if (r.state === 'review') r = await b.registry.call('registrations/decide', { id, approve: true, date });
    return r;
  };
  // 澄海: one approved with its ID, one rejected with the reason.
  const ok = await b.registry.call('registrations/add', {
    unitId: unit('440515'),
    name: '汕头市澄海区甄逸乐器有限公司',
    areaCode: '440515',
    date: '2026-01-06',
  });
  const approved = await decideAll(ok.id, '2026-01-08');
  const no = await b.registry.call('registrations/add', {
    unitId: unit('440515'),
    name: '汕头市澄海区瑜珈五金商行',
    areaCode: '440515',
    date: '2026-01-06',
  });
  if (no.state === 'pre_review')
    await b.registry.call('registrations/decide', { id: no.id, approve: true, date: '2026-01-07' });
  await b.registry.call('registrations/decide', {
    id: no.id,
    approve: false,
    reason: '年收入不足一万元',
    date: '2026-01-09',
  });
  // 潮阳 registers 澄海's new customer again: the centre rules for 澄海.
  const clash = await b.registry.call('registrations/add', {
    unitId: unit('440513'),
    name: '甄逸乐器（汕头）有限公司',
    areaCode: '440513',
    date: '2026-01-10',
  });
  if (clash.state === 'pre_review') {
    await b.registry.call('registrations/decide', { id: clash.id, approve: true, date: '2026-01-11' });
  }
  await b.registry.call('registrations/decide', {
    id: clash.id,
    approve: false,
    ruling: 'signing_location',
    reason: '合同在澄海签订',
    date: '2026-01-12',
  });
  clock.now = at('2026-01-20');
  return { b, approvedId: approved.customerId as string, clashId: clash.id, unit };
}

describe('receipts/generate', () => {
  it('tells each unit its month: approvals with IDs, rejections and rulings with reasons, duties and what arrived', async () => {
    const { b, approvedId, clashId } = await scenario();
    const dir = tempDir();
    const view = await b.registry.call('receipts/generate', { period: '2026-01', outDir: dir });
    const ch = view.files.find((f) => f.unitCode === '440515');
    const cy = view.files.find((f) => f.unitCode === '440513');
    expect(ch?.fileName).toBe('澄海分局_2026年1月_回执.xlsx');
    expect(view.files.some((f) => f.unitCode === '440500')).toBe(false); // the centre owes itself nothing

    const regs = rowsOf(ch?.path as string, '注册申报结果');
    expect(regs[0]).toEqual(['申报号', '客户名称', '申报日期', '状态', '处理日期', '客户编号', '说明']);
    const approvedRow = regs.find((r) => r[5] === approvedId);
    expect(approvedRow).toMatchObject([
      expect.any(Number),
      '汕头市澄海区甄逸乐器有限公司',
      '2026-01-06',
      '已通过',
      '2026-01-08',
      approvedId,
      null,
    ]);
    expect(regs.some((r) => r[3] === '已驳回' && r[6] === '年收入不足一万元')).toBe(true);

    // The ruling: 潮阳 told why it lost, 澄海 that it kept its customer.
    expect(rowsOf(cy?.path as string, '冲突裁定')[1]).toEqual([
      clashId,
      '甄逸乐器（汕头）有限公司',
      '不归本单位',
      '合同签订地优先',
      '合同在澄海签订',
      '2026-01-12',
    ]);
    expect(rowsOf(ch?.path as string, '冲突裁定')[1]?.[2]).toBe('归本单位');
    expect(rowsOf(cy?.path as string, '注册申报结果').some((r) => r[0] === clashId && r[6] === '合同在澄海签订')).toBe(
      true,
    );

    // Duties: a unit with a gold or diamond customer (monthly or half-monthly archives: due by the
    // end of next month) gets its archives due and its missing roles, as the parts answer them.
    const dutyUnit = b.db
      .prepare(
        `SELECT u.code FROM tier_results r JOIN customers c ON c.id = r.customer_id JOIN units u ON u.id = c.unit_id
         WHERE r.tier IN ('gold', 'diamond') AND u.kind NOT IN ('centre', 'province') ORDER BY r.customer_id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const dutyFile = view.files.find((f) => f.unitCode === dutyUnit)?.path as string;
    const own = new Set(
      b.db
        .prepare('SELECT c.id FROM customers c JOIN units u ON u.id = c.unit_id WHERE u.code = ?')
        .pluck()
        .all(dutyUnit) as string[],
    );
    const due = (await b.registry.call('archives/duties', { date: '2026-01-20', overdueOnly: false }))
      .filter((d) => own.has(d.customerId) && (d.overdue || d.dueOn <= '2026-02-28'))
      .map((d) => d.customerId);
    expect(due.length).toBeGreaterThan(0);
    expect(
      rowsOf(dutyFile, '档案到期')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(due);
    const problems = (await b.registry.call('assignments/problems', { date: '2026-01-20' }))
      .filter((p) => own.has(p.customerId))
      .map((p) => p.customerId);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      rowsOf(dutyFile, '缺少AB角')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(problems);
    // 收到情况: nothing arrived yet for January, all five forms listed.
    expect(
      rowsOf(ch?.path as string, '收到情况')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['收入明细', '新客户申报', '客户经理变动', '波动原因', '经营分析']);
    // An empty section says so rather than showing a bare header.
    expect(rowsOf(ch?.path as string, '客户释放')[1]).toEqual(['本月没有从本单位释放的客户。', null, null, null, null]);
    // The cover counts each section.
    expect(rowsOf(ch?.path as string, '回执')[0]?.[0]).toBe('澄海分局（440515）2026年1月回执');
  });

  it('refuses to overwrite a receipt already in the folder, and writes nothing', async () => {
    const { b } = await scenario();
    const dir = tempDir();
    await b.registry.call('receipts/generate', { period: '2026-01', outDir: dir, unitCode: '440515' });
    const again = await appError(b.registry.call('receipts/generate', { period: '2026-01', outDir: dir }));
    expect(again.code).toBe('CONFLICT');
    expect(
      (await appError(b.registry.call('receipts/generate', { period: '2026-01', outDir: dir, unitCode: '440500' })))
        .code,
    ).toBe('VALIDATION');
    const overwritten = await b.registry.call('receipts/generate', { period: '2026-01', outDir: dir, overwrite: true });
    expect(overwritten.files.length).toBeGreaterThan(1);
  });

  it('kam receipts writes the same workbooks and prints the contract JSON', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    const { b } = await scenario(db);
    b.close();
    const out = tempDir();
    const run = await kam(['receipts', '--db', db, '--period', '2026-01', '--out', out, '--unit', '440515', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { period: string; files: { unitCode: string; path: string }[] };
    expect(json.period).toBe('2026-01');
    expect(json.files.map((f) => f.unitCode)).toEqual(['440515']);
    expect(rowsOf(json.files[0]?.path as string, '注册申报结果').length).toBeGreaterThan(1);
    const bad = await kam(['receipts', '--db', db, '--period', '2026-13', '--out', out]);
    expect(bad.code).not.toBe(0);
  });
});
