/**
 * R30: a unit's 客户经理变动 sheet applied to the register (附件4) as a batch — preview (problems by
 * sheet, row and column; late flags), commit (late per DOMAIN-DECISIONS "R30 lateness"), undo (only
 * while nothing later depends on it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';
import { setup } from './setup';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});
const tempDir = tempDirsForTests('kam-mgr-changes-');

const HEADER = ['单位', '姓名', '变动类型', '生效日期', '岗位', '专兼职', '联系电话', '调往/调自单位', '备注'];

async function world() {
  const s = await setup(backends, '2026-11-10');
  const chen = await s.manager('陈经理');
  const lin = await s.manager('林经理');
  const dir = tempDir();
  const sheet = (name: string, rows: unknown[][]) => workbookFile(dir, name, [HEADER, ...rows], '客户经理变动');
  const register = () =>
    s.b.db
      .prepare('SELECT id, name, unit_id, post, employment, phone, started_on, left_on FROM managers ORDER BY id')
      .all();
  const changes = () => s.b.db.prepare('SELECT * FROM manager_changes ORDER BY id').all();
  return { ...s, chen, lin, sheet, register, changes };
}

describe('客户经理变动 batch (R30)', () => {
  it('previews rows with late flags and names each problem by sheet, row and column', async () => {
    const w = await world();
    const path = w.sheet('澄海分局11月.xlsx', [
      ['澄海分局', '黄新人', '新增', new Date(Date.UTC(2026, 10, 3)), '大客户经理', '专职', '13800000000', '', ''],
      ['澄海分局', '陈经理', '调出', '2026-10-20', '', '', '', '潮阳分局', ''],
      ['澄海分局', '林经理', '信息变更', '2026/11/1', '', '', '13900000000', '', ''],
      ['澄海分局', '无此人', '离职', '2026-11-01', '', '', '', '', '离职'],
      ['澄海分局', '张三', '升职', '2026-11-01', '', '', '', '', ''],
      ['澄海分局', '林经理', '离职', '2026-13-01', '', '', '', '', ''],
      ['澄海分局', '赵六', '调入', '2026-11-01', '', '', '', '', ''],
    ]);
    const p = await w.call('manager-changes/preview', { path });
    expect(p.sheet).toBe('客户经理变动');
    expect(p.counts).toEqual({ ready: 3, errorRows: 4, errors: 4, warnings: 0, late: 1 });
    expect(p.rows.map((r) => [r.row, r.kind, r.name, r.effectiveOn, r.dueOn, r.late])).toEqual([
      [2, 'add', '黄新人', '2026-11-03', '2026-11-25', false],
      // Effective 20 October: due 25 October, received 10 November → late (R30).
      [3, 'out', '陈经理', '2026-10-20', '2026-10-25', true],
      [4, 'edit', '林经理', '2026-11-01', '2026-11-25', false],
    ]);
    expect(p.issues.map((i) => [i.sheet, i.row, i.column])).toEqual(
      expect.arrayContaining([
        ['客户经理变动', 5, 'B'],
        ['客户经理变动', 6, 'C'],
        ['客户经理变动', 7, 'D'],
        ['客户经理变动', 8, 'H'],
      ]),
    );
    expect(p.issues.find((i) => i.row === 5)?.message).toContain('没有在岗客户经理“无此人”');
    // Nothing written by a preview.
    expect(w.b.db.prepare('SELECT count(*) AS n FROM manager_change_batches').get()).toEqual({ n: 0 });
  });

  it('commits (leaving out error rows only when asked), marking late changes, then undoes exactly', async () => {
    const w = await world();
    const before = { register: w.register(), changes: w.changes() };
    const path = w.sheet('澄海分局11月.xlsx', [
      ['澄海分局', '黄新人', '新增', '2026-11-03', '大客户经理', '兼职', '13800000000', '', ''],
      ['澄海分局', '陈经理', '调出', '2026-10-20', '', '', '', '潮阳分局', ''],
      ['澄海分局', '林经理', '信息变更', '2026-11-01', '', '', '13900000000', '', ''],
      ['澄海分局', '无此人', '离职', '2026-11-01', '', '', '', '', ''],
    ]);
    const p = await w.call('manager-changes/preview', { path });
    expect((await appError(w.call('manager-changes/commit', { token: p.token }))).code).toBe('VALIDATION');
    const batch = await w.call('manager-changes/commit', { token: p.token, excludeErrorRows: true });
    expect(batch).toMatchObject({ items: 3, late: 1, fileName: '澄海分局11月.xlsx', undoneAt: null });
    const managers = await w.call('managers/list', { unitId: null, includeInactive: true });
    expect(managers.sort((a, b) => a.id - b.id).map((m) => [m.name, m.unitName, m.phone, m.employment])).toEqual([
      ['陈经理', '潮阳分局', null, 'full_time'],
      ['林经理', '澄海分局', '13900000000', 'full_time'],
      ['黄新人', '澄海分局', '13800000000', 'part_time'],
    ]);
    // The setup's registrations (effective 2025) are late too; this batch's own rows name the file.
    const late = (await w.call('manager-changes/late', {})).filter((c) => c.summary.includes('.xlsx'));
    expect(late.map((c) => [c.managerName, c.kind, c.effectiveOn, c.dueOn])).toEqual([
      ['陈经理', 'move', '2026-10-20', '2026-10-25'],
    ]);
    expect(late[0]?.summary).toContain('澄海分局11月.xlsx 第 3 行');
    expect((await w.call('manager-changes/batches', {}))[0]?.id).toBe(batch.id);
    expect(await w.call('manager-changes/undo-check', { batchId: batch.id })).toEqual({
      batchId: batch.id,
      canUndo: true,
      reason: null,
    });
    const undone = await w.call('manager-changes/undo', { batchId: batch.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(w.register()).toEqual(before.register);
    expect(w.changes()).toEqual(before.changes);
    expect((await w.call('manager-changes/undo-check', { batchId: batch.id })).canUndo).toBe(false);
  });

  it('refuses the undo once something later depends on the batch, naming why, and changes nothing', async () => {
    const w = await world();
    const path = w.sheet('b.xlsx', [['澄海分局', '黄新人', '新增', '2026-11-03', '大客户经理', '', '', '', '']]);
    const batch = await w.call('manager-changes/commit', {
      token: (await w.call('manager-changes/preview', { path })).token,
    });
    const added = (await w.call('managers/list', { unitId: null, includeInactive: false })).find(
      (m) => m.name === '黄新人',
    );
    const gold = await w.customer('汕头市黄金公司');
    await w.call('assignments/set', {
      customerId: gold,
      role: 'A',
      managerId: added?.id as number,
      fromOn: '2026-11-05',
    });
    const check = await w.call('manager-changes/undo-check', { batchId: batch.id });
    expect(check.canUndo).toBe(false);
    expect(check.reason).toContain('黄新人 已被指定为客户的客户经理或项目组成员');
    const register = w.register();
    expect((await appError(w.call('manager-changes/undo', { batchId: batch.id }))).code).toBe('CONFLICT');
    expect(w.register()).toEqual(register);
  });

  it('a transfer reported by both units is recorded once; the second row is skipped with a warning', async () => {
    const w = await world();
    const out = w.sheet('out.xlsx', [['澄海分局', '陈经理', '调出', '2026-11-01', '', '', '', '潮阳分局', '']]);
    await w.call('manager-changes/commit', { token: (await w.call('manager-changes/preview', { path: out })).token });
    const inn = w.sheet('in.xlsx', [['潮阳分局', '陈经理', '调入', '2026-11-01', '', '', '', '澄海分局', '']]);
    const p = await w.call('manager-changes/preview', { path: inn });
    expect(p.counts).toMatchObject({ ready: 0, errorRows: 0, warnings: 1 });
    expect(p.issues[0]).toMatchObject({ row: 2, column: 'C', severity: 'warning' });
    expect((await appError(w.call('manager-changes/commit', { token: p.token }))).code).toBe('VALIDATION');
  });

  it('applies rows in order: a manager the batch registers can be changed by a later row, and undo removes both', async () => {
    const w = await world();
    const before = w.register();
    const path = w.sheet('c.xlsx', [
      ['澄海分局', '周新', '新增', '2026-11-02', '大客户经理', '', '', '', ''],
      ['澄海分局', '周新', '信息变更', '2026-11-05', '', '', '13600000000', '', ''],
      ['澄海分局', '周新', '调出', '2026-11-08', '', '', '', '潮阳分局', ''],
    ]);
    const batch = await w.call('manager-changes/commit', {
      token: (await w.call('manager-changes/preview', { path })).token,
    });
    expect(batch.items).toBe(3);
    const zhou = (await w.call('managers/list', { unitId: null, includeInactive: false })).find(
      (m) => m.name === '周新',
    );
    expect(zhou).toMatchObject({ unitName: '潮阳分局', phone: '13600000000', startedOn: '2026-11-02' });
    expect(
      (await w.call('managers/changes', { managerId: zhou?.id as number, month: null })).map((c) => c.kind).sort(),
    ).toEqual(['edit', 'move', 'register']);
    await w.call('manager-changes/undo', { batchId: batch.id });
    expect(w.register()).toEqual(before);
  });

  it('a sheet without the header is named', async () => {
    const w = await world();
    const path = workbookFile(tempDir(), 'x.xlsx', [['随便', '什么']], 'Sheet1');
    const p = await w.call('manager-changes/preview', { path });
    expect(p.sheet).toBeNull();
    expect(p.issues[0]).toMatchObject({ sheet: 'Sheet1', row: null, severity: 'error' });
  });
});
