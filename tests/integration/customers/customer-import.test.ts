/**
 * 客户名单导入 through the registry: the blank template reads back as an empty list; a preview
 * names every problem by sheet, row and column (duplicates within the file and against the
 * database included) and writes nothing; a commit creates the customers with R16 IDs in one
 * transaction; an undo removes them, refused with a reason once something refers to them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../shared/domain/credit-code';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const open = backendsForTests();
const tempDir = tempDirsForTests('kam-customer-import-');

function creditCode(first17: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
    const check = checkCreditCode(first17 + c);
    if (check.ok) return check.code;
  }
  throw new Error(`no check character for ${first17}`);
}

/** The issues without their English twin. */
const chinese = (issues: readonly { messageEn?: string }[]) =>
  issues.map((i) => Object.fromEntries(Object.entries(i).filter(([k]) => k !== 'messageEn')));

const HEADER = ['客户全称*', '客户简称', '统一社会信用代码*', '属地区划*', '所属单位*', '行业', '地址'];

async function setup() {
  const b = open({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  const call = b.registry.call.bind(b.registry) as typeof b.registry.call;
  const unitId = (await call('units/list', {})).find((u) => u.code === '440500')?.id ?? 0;
  return { b, call, unitId, dir: tempDir() };
}

describe('customers/import-*', () => {
  it('the blank template previews as an empty list with its header found', async () => {
    const { call, dir } = await setup();
    const path = join(dir, '客户名单模板.xlsx');
    expect(await call('customers/import-template', { path })).toEqual({ path });
    const preview = await call('customers/import-preview', { path });
    expect(preview).toMatchObject({ sheet: '客户名单', counts: { ready: 0, errorRows: 0, errors: 0, warnings: 0 } });
  });

  it('previews with every problem located, commits with R16 IDs, and undoes the batch', async () => {
    const { call, unitId, dir } = await setup();
    const known = creditCode('91440500MA4UQ0001');
    await call('customers/create', { name: '汕头市已有客户有限公司', areaCode: '440507', unitId, creditCode: known });
    const fresh = creditCode('91440515MA4UQ0002');
    const path = workbookFile(
      dir,
      '名单.xlsx',
      [
        ['客户名单'],
        HEADER,
        ['澄海区恒信玩具有限公司', '恒信玩具', fresh, '440515', '澄海分局', '制造业', '澄海区莲下镇'],
        ['汕头市龙湖电器有限公司', '', '', '440507 龙湖区', '市局大客户中心', '', ''],
        ['', '', '', '', '', '', ''],
        ['澄海区恒信玩具有限公司', '', fresh, '440515', '澄海分局', '', ''],
        ['汕头市已有客户有限公司', '', known, '440507', '440500', '', ''],
        [`汕头市${'长'.repeat(78)}`, '', '', '449999', '没有的单位', '', ''],
        ['汕头市已有客户有限公司', '', '', '440507', '市局大客户中心', '', ''],
      ],
      '客户名单',
    );
    const preview = await call('customers/import-preview', { path });
    expect(preview.counts).toEqual({ ready: 3, errorRows: 3, errors: 5, warnings: 3 });
    // Chinese as the command line and the problem list read it (English: imports-english.test.ts).
    expect(chinese(preview.issues)).toEqual([
      {
        sheet: '客户名单',
        row: 6,
        column: 'C',
        severity: 'error',
        message: `统一社会信用代码 ${fresh} 与第 3 行相同：同一法人只能登记一次`,
      },
      {
        sheet: '客户名单',
        row: 8,
        column: 'A',
        severity: 'error',
        message: '客户全称不能超过 80 个字（现有 81 个字），请删减后再保存',
      },
      {
        sheet: '客户名单',
        row: 8,
        column: 'D',
        severity: 'error',
        message: '属地区划“449999”不在区划代码表中（应为 6 位代码，如 440515）',
      },
      {
        sheet: '客户名单',
        row: 8,
        column: 'E',
        severity: 'error',
        message: '找不到单位“没有的单位”（请填写单位名称或代码）',
      },
      {
        sheet: '客户名单',
        row: 7,
        column: 'C',
        severity: 'error',
        message: expect.stringContaining(`统一社会信用代码 ${known} 已登记为客户“汕头市已有客户有限公司”`),
      },
      {
        sheet: '客户名单',
        row: 6,
        column: 'A',
        severity: 'warning',
        message: '客户全称与第 3 行相同，请核实是否重复',
      },
      {
        sheet: '客户名单',
        row: 9,
        column: 'A',
        severity: 'warning',
        message: '客户全称与第 7 行相同，请核实是否重复',
      },
      {
        sheet: '客户名单',
        row: 9,
        column: 'A',
        severity: 'warning',
        message: expect.stringContaining('已有同名客户“汕头市已有客户有限公司”'),
      },
    ]);
    expect((await call('customers/list', {})).total).toBe(1);

    // Errors left: refused unless the officer leaves those rows out.
    const refused = await appError(call('customers/import-commit', { token: preview.token }));
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { errors: 3 } });
    const batch = await call('customers/import-commit', { token: preview.token, excludeErrorRows: true });
    expect(batch).toMatchObject({ customers: 3, fileName: '名单.xlsx', undoneAt: null });
    const list = await call('customers/list', {});
    expect(list.rows.map((r) => [r.id, r.name])).toEqual([
      ['44050700001000', '汕头市已有客户有限公司'],
      ['44050700002000', '汕头市龙湖电器有限公司'],
      ['44050700003000', '汕头市已有客户有限公司'],
      ['44051500001000', '澄海区恒信玩具有限公司'],
    ]);
    // The search index sees the new customers at once.
    expect((await call('customers/list', { search: '恒信' })).total).toBe(1);
    // A token is good for one commit.
    expect((await appError(call('customers/import-commit', { token: preview.token }))).code).toBe('NOT_FOUND');

    expect(await call('customers/import-undo-check', { batchId: batch.id })).toMatchObject({ canUndo: true });
    const undone = await call('customers/import-undo', { batchId: batch.id });
    expect(undone.undoneAt).not.toBeNull();
    expect((await call('customers/list', {})).rows.map((r) => r.id)).toEqual(['44050700001000']);
    // R16: IDs are never reused.
    const next = await call('customers/create', { name: '汕头市新客户有限公司', areaCode: '440507', unitId });
    expect(next.id).toBe('44050700004000');
    expect((await call('customers/import-list', {})).map((b) => [b.id, b.customers, b.undoneAt !== null])).toEqual([
      [batch.id, 3, true],
    ]);
  });

  it('refuses to undo once a customer of the batch has revenue, naming it; nothing changes', async () => {
    const { call, dir } = await setup();
    const path = workbookFile(
      dir,
      'list.xlsx',
      [HEADER, ['汕头市宏达电子有限公司', '', '', '440507', '市局大客户中心', '', '']],
      'Sheet1',
    );
    const preview = await call('customers/import-preview', { path });
    const batch = await call('customers/import-commit', { token: preview.token });
    await call('revenue/set', { customerId: '44050700001000', period: '2026-10', line: 'bills', amount: '3000' });
    const check = await call('customers/import-undo-check', { batchId: batch.id });
    expect(check).toEqual({
      batchId: batch.id,
      canUndo: false,
      customers: 1,
      blockers: [{ what: '收入', customers: 1, examples: ['44050700001000'] }],
      reason: expect.stringContaining('1 个客户已有收入（如 44050700001000）'),
    });
    const err = await appError(call('customers/import-undo', { batchId: batch.id }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('不能撤销');
    expect((await call('customers/list', {})).total).toBe(1);
  });

  it('a workbook without the header says which columns it needs', async () => {
    const { call, dir } = await setup();
    const path = workbookFile(
      dir,
      'x.xlsx',
      [
        ['名称', '地址'],
        ['某公司', '某地'],
      ],
      '表一',
    );
    const preview = await call('customers/import-preview', { path });
    expect(preview.sheet).toBeNull();
    // Chinese as the command line and the problem list read it (English: imports-english.test.ts).
    expect(chinese(preview.issues)).toEqual([
      {
        sheet: '表一',
        row: null,
        column: null,
        severity: 'error',
        message: '工作表“表一”的前 10 行中找不到表头：需要 客户全称、属地区划、所属单位 列（可下载空白客户名单模板）',
      },
    ]);
  });

  it('kam customers import previews, commits; kam revenue set asks for --confirm on -500', async () => {
    const dir = tempDir();
    const db = join(dir, 'kam.sqlite');
    expect((await kam(['init', '--db', db])).code).toBe(0);
    const file = workbookFile(dir, 'list.xlsx', [
      HEADER,
      ['汕头市宏达电子有限公司', '', '', '440507', '市局大客户中心', '', ''],
    ]);
    const dry = await kam(['customers', 'import', file, '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('可导入 1 个客户');
    const done = await kam(['customers', 'import', file, '--db', db, '--commit']);
    expect(done.out).toContain('已导入为第 1 批：1 个客户');
    const args = [
      'revenue',
      'set',
      '--db',
      db,
      '--customer',
      '44050700001000',
      '--period',
      '2026-10',
      '--line',
      'bills',
    ];
    const asked = await kam([...args, '--amount=-500']);
    expect(asked.code).not.toBe(0);
    expect(asked.err).toContain('收入为负数');
    expect((await kam([...args, '--amount=-500', '--confirm'])).code).toBe(0);
  });
});
