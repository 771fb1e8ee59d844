/**
 * `kam archive …` and `kam managers …` through the real `kam` entry point on a database file:
 * JSON keys, --date standing in for today, key persons masked unless --show-personal (recorded).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { MASK } from '../../../shared/domain/archive/fields';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const tempDir = tempDirsForTests('kam-cli-archives-');

/** A database with one customer graded silver for 2026 and two managers. */
async function database(): Promise<{ db: string; dir: string; id: string; chen: number; lin: number; unitId: number }> {
  const dir = tempDir();
  const db = join(dir, 'kam.sqlite');
  const b = openBackend({ databasePath: db });
  try {
    const units = await b.registry.call('units/list', {});
    const unitId = units.find((u) => u.code === '440515')?.id as number;
    const id = (
      await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId })
    ).id;
    gradeCustomers(b.db, 2025, [[id, 'silver', 'regional']]);
    const reg = (name: string) =>
      b.registry.call('managers/register', {
        name,
        unitId,
        post: 'account_manager',
        employment: 'full_time',
        effectiveOn: '2025-01-01',
      });
    const chen = (await reg('陈经理')).id;
    const lin = (await reg('林经理')).id;
    return { db, dir, id, chen, lin, unitId };
  } finally {
    await b.close();
  }
}

const json = (out: string) => JSON.parse(out) as Record<string, unknown>;

describe('kam archive', () => {
  it('update (JSON on stdin, then --set and --verified), show with due date, history and diff', async () => {
    const { db, id } = await database();
    const blocks = {
      basic: { fullName: '汕头市宏达电子有限公司', address: '澄海区工业大道 8 号', contactPhone: '13800138000' },
      keyPersons: [{ name: '张关键', position: '总监', contact: '13900139000' }],
    };
    const first = await kam(
      ['archive', 'update', id, '--db', db, '--file', '-', '--date', '2026-02-10', '--json'],
      JSON.stringify(blocks),
    );
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const saved = json(first.out);
    expect(Object.keys(saved)).toEqual(
      expect.arrayContaining([
        'customerId',
        'revision',
        'updatedOn',
        'document',
        'personalShown',
        'due',
        'completeness',
        'keeper',
      ]),
    );
    expect(saved).toMatchObject({ revision: 1, updatedOn: '2026-02-10', personalShown: false });
    expect(first.out).not.toContain('张关键');
    expect(first.out).not.toContain('13800138000');

    const second = await kam([
      'archive',
      'update',
      id,
      '--db',
      db,
      '--set',
      'basic.address=澄海区工业大道 18 号',
      '--set',
      'extended.staffCount=320',
      '--date',
      '2026-04-02',
      '--json',
    ]);
    expect(second.code).toBe(0);
    const verified = await kam([
      'archive',
      'update',
      id,
      '--db',
      db,
      '--verified',
      '--note',
      '电话核实',
      '--date',
      '2026-05-06',
      '--json',
    ]);
    expect(json(verified.out)).toMatchObject({ revision: 3, verifiedOnly: true, updatedOn: '2026-05-06' });

    const show = await kam(['archive', 'show', id, '--db', db, '--date', '2026-07-01', '--json']);
    const view = json(show.out);
    expect(view.due).toMatchObject({
      tier: 'silver',
      cadence: 'quarter',
      lastUpdatedOn: '2026-05-06',
      dueOn: '2026-09-30',
      overdue: false,
    });
    expect(view.keeper).toMatchObject({ role: 'city_centre' });
    expect(view.completeness).toMatchObject({ score: expect.any(Number), missing: expect.any(Array) });
    expect((view.document as { keyPersons: { name: string }[] }).keyPersons[0]?.name).toBe(MASK);
    const text = await kam(['archive', 'show', id, '--db', db, '--date', '2026-07-01']);
    expect(text.out).toContain('应于 2026-09-30 前更新');
    expect(text.out).toContain('--show-personal');

    const history = await kam(['archive', 'history', id, '--db', db, '--json']);
    const revisions = JSON.parse(history.out) as Record<string, unknown>[];
    expect(revisions.map((r) => [r.revision, r.verifiedOnly])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(Object.keys(revisions[0] ?? {})).toEqual([
      'revision',
      'updatedOn',
      'recordedAt',
      'recordedBy',
      'verifiedOnly',
      'changed',
      'note',
    ]);

    const diff = await kam(['archive', 'diff', id, '--db', db, '--from', '1', '--to', '2', '--json']);
    expect(json(diff.out)).toMatchObject({
      customerId: id,
      from: 1,
      to: 2,
      changes: [
        { path: 'basic.address', kind: 'changed', before: '澄海区工业大道 8 号', after: '澄海区工业大道 18 号' },
        { path: 'extended.staffCount', kind: 'changed', before: null, after: 320 },
      ],
    });
    const same = await kam(['archive', 'history', id, '--db', db, '--diff', '2,3']);
    expect(same.out).toBe('第 2 版与第 3 版相同');

    const duties = await kam(['archive', 'duties', '--db', db, '--date', '2026-10-02', '--overdue', '--json']);
    expect(JSON.parse(duties.out)).toEqual([
      expect.objectContaining({ customerId: id, dueOn: '2026-09-30', overdue: true, daysOverdue: 2 }),
    ]);
  });

  it('shows key persons only with --show-personal and --purpose, recording the viewing', async () => {
    const { db, id, dir } = await database();
    const file = join(dir, 'archive.json');
    writeFileSync(file, JSON.stringify({ keyPersons: [{ name: '张关键', position: '总监', contact: '13900139000' }] }));
    expect((await kam(['archive', 'update', id, '--db', db, '--file', file])).code).toBe(0);
    const refused = await kam(['archive', 'show', id, '--db', db, '--show-personal']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--purpose');
    const shown = await kam(['archive', 'show', id, '--db', db, '--show-personal', '--purpose', '走访准备', '--json']);
    expect(json(shown.out)).toMatchObject({ personalShown: true, document: { keyPersons: [{ name: '张关键' }] } });
    const b = openBackend({ databasePath: db });
    try {
      expect(await b.registry.call('archives/views', { customerId: id })).toEqual([
        expect.objectContaining({ customerId: id, revision: 1, viewedBy: '信息主管', purpose: '走访准备' }),
      ]);
    } finally {
      await b.close();
    }
  });

  it('refuses a bad JSON document or field with a validation message, never an internal error', async () => {
    const { db, id } = await database();
    const bad = await kam(['archive', 'update', id, '--db', db, '--file', '-', '--json'], '{"basic": {"nope": 1}}');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err).error.code).toBe('VALIDATION');
    const notJson = await kam(['archive', 'update', id, '--db', db, '--file', '-'], 'not json');
    expect(notJson.err).toContain('档案 JSON');
    const badSet = await kam(['archive', 'update', id, '--db', db, '--set', 'basic.nope=1']);
    expect(badSet.err).toContain('没有字段');
  });
});

describe('kam managers', () => {
  it('assign, lead, team, problems, reassign and show, with JSON keys', async () => {
    const { db, id, chen, lin, unitId } = await database();
    const problems = await kam(['managers', 'problems', '--db', db, '--date', '2026-03-01', '--json']);
    expect(JSON.parse(problems.out)).toEqual([
      { customerId: id, customerName: '汕头市宏达电子有限公司', tier: 'silver', problems: expect.any(Array) },
    ]);
    expect(
      (
        await kam([
          'managers',
          'assign',
          id,
          '--db',
          db,
          '--role',
          'A',
          '--manager',
          String(chen),
          '--from',
          '2026-03-01',
        ])
      ).code,
    ).toBe(0);
    const b = await kam([
      'managers',
      'assign',
      id,
      '--db',
      db,
      '--role',
      'B',
      '--manager',
      String(lin),
      '--from',
      '2026-03-01',
      '--json',
    ]);
    expect(Object.keys(json(b.out))).toEqual([
      'customerId',
      'customerName',
      'asOf',
      'tier',
      'current',
      'history',
      'lead',
      'problems',
      'team',
    ]);
    expect(json(b.out).problems).toEqual([]);
    const lead = await kam(['managers', 'lead', id, '--db', db, '--to', 'B', '--from', '2026-03-15', '--json']);
    expect(json(lead.out).lead).toEqual({ role: 'B', fromOn: '2026-03-15', reason: '开发成功' });
    const team = await kam([
      'managers',
      'team',
      id,
      '--db',
      db,
      '--add',
      '--unit',
      String(unitId),
      '--manager',
      String(chen),
      '--purpose',
      '项目',
      '--from',
      '2026-03-01',
      '--json',
    ]);
    expect(JSON.parse(team.out)).toEqual([
      expect.objectContaining({ managerId: chen, purpose: '项目', source: 'project', toOn: null }),
    ]);
    const moved = await kam([
      'managers',
      'reassign',
      '--db',
      db,
      '--from-manager',
      String(chen),
      '--to-manager',
      String(lin),
      '--on',
      '2026-04-01',
      '--reason',
      '离职',
      '--json',
    ]);
    // 林经理 already is B: the move would make him A and B at once — refused, nothing moved.
    expect(moved.code).toBe(1);
    expect(JSON.parse(moved.err).error.code).toBe('CONFLICT');
    const show = await kam(['managers', 'show', id, '--db', db, '--date', '2026-04-02']);
    expect(show.out).toContain('A角：陈经理');
    expect(show.out).toContain('牵头：B角');
  });

  it('previews and commits a 客户经理变动 sheet, then undoes it', async () => {
    const { db, dir } = await database();
    const path = workbookFile(
      dir,
      'changes.xlsx',
      [
        ['单位', '姓名', '变动类型', '生效日期', '岗位', '专兼职', '联系电话', '调往/调自单位', '备注'],
        ['澄海分局', '黄新人', '新增', '2026-11-03', '大客户经理', '', '', '', ''],
        ['澄海分局', '陈经理', '离职', '2026-10-20', '', '', '', '', '退休'],
      ],
      '客户经理变动',
    );
    const preview = await kam(['managers', 'changes', path, '--db', db, '--date', '2026-11-10', '--json']);
    expect(json(preview.out).preview).toMatchObject({ counts: { ready: 2, late: 1, errorRows: 0 } });
    const commit = await kam(['managers', 'changes', path, '--db', db, '--date', '2026-11-10', '--commit', '--json']);
    const batch = json(commit.out).batch as { id: number };
    expect(batch).toMatchObject({ items: 2, late: 1 });
    const undo = await kam(['managers', 'changes-undo', String(batch.id), '--db', db, '--json']);
    expect(json(undo.out)).toMatchObject({ id: batch.id, undoneAt: expect.any(String) });
  });
});
