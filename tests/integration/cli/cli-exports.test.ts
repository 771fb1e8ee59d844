/** `kam revenue summary` and `kam export` (DOMAIN-DECISIONS "Exports"), as the officer types them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openBackend } from '../../../electron/backend';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-exports-');

/** A database with three customers reporting for 2026-10 (one of them a reported 0) and one for 2026-09. */
async function database(): Promise<string> {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-11-10T02:00:00Z') });
  try {
    const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 0;
    const id = async (name: string) =>
      (await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id;
    const [a, c, z] = [await id('汕头市甲有限公司'), await id('汕头市乙有限公司'), await id('汕头市丙有限公司')];
    const set = (
      customerId: string,
      period: string,
      line: 'letters' | 'express' | 'other' | 'newspapers',
      amount: string,
    ) => b.registry.call('revenue/set', { customerId, period, line, amount });
    await set(a, '2026-10', 'letters', '1,000,000.00');
    await set(a, '2026-10', 'express', '234567.89');
    await set(c, '2026-10', 'letters', '0.05');
    await set(c, '2026-10', 'other', '100');
    await set(z, '2026-10', 'newspapers', '0');
    await set(a, '2026-09', 'letters', '999');
  } finally {
    b.close();
  }
  return db;
}

describe('kam revenue summary', () => {
  it('--json prints the month in yuan decimal strings, every line in R1 order, and the customers reporting', async () => {
    const db = await database();
    const run = await kam(['revenue', 'summary', '--db', db, '--period', '2026-10', '--json']);
    expect(run).toEqual({
      code: 0,
      err: '',
      out: `{
  "period": "2026-10",
  "total": "1234667.94",
  "byLine": {
    "savings": "0.00",
    "bills": "0.00",
    "letters": "1000000.05",
    "philately": "0.00",
    "express": "234567.89",
    "logistics": "0.00",
    "parcels": "0.00",
    "newspapers": "0.00",
    "other": "100.00"
  },
  "customers": 3
}`,
    });
    const text = await kam(['revenue', 'summary', '--db', db, '--period', '2026年9月']);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('2026年9月收入合计 ¥999.00（1 个客户）');
  });

  it('fails clearly on a bad period or a missing database', async () => {
    const db = await database();
    const bad = await kam(['revenue', 'summary', '--db', db, '--period', '2026-13']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('错误：输入有误：无法识别的月份“2026-13”：月份应为 1–12，实际为 13');
    const missing = await kam(['revenue', 'summary', '--db', join(tempDir(), 'none.sqlite'), '--period', '2026-10']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^错误：找不到数据库文件：/);
  });
});

describe('kam export', () => {
  it('writes the workbook to --out, city-wide by default or for --unit', async () => {
    const db = await database();
    const out = join(tempDir(), '附件6-1.xlsx');
    const run = await kam(['export', '--db', db, '--period', '2026-10', '--form', '6-1', '--out', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(
      /^已导出 附件6-1 大客户数量及收入统计表（全市，2026年10月）→ .*附件6-1\.xlsx（\d+ 字节）\n分级依据：尚无年度分级，客户分级未知$/,
    );
    const book = XLSX.read(readFileSync(out));
    expect(book.SheetNames).toEqual(['附件6-1']);

    const unitOut = join(tempDir(), 'unit.xlsx');
    const unit = await kam([
      'export',
      '--db',
      db,
      '--period',
      '2026-10',
      '--form',
      '6-2',
      '--unit',
      '440515',
      '--out',
      unitOut,
      '--json',
    ]);
    expect(unit.code).toBe(0);
    expect(JSON.parse(unit.out)).toMatchObject({
      file: unitOut,
      form: '6-2',
      period: '2026-10',
      unit: { code: '440515', name: '澄海分局' },
      sheets: [{ name: '附件6-2' }],
      tierBasis: null,
    });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(readFileSync(unitOut)).Sheets['附件6-2'] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    expect(rows.filter((r) => typeof r[0] === 'number').map((r) => r[2])).toEqual([
      '汕头市甲有限公司',
      '汕头市乙有限公司',
    ]);

    const pkg = join(tempDir(), 'province.xlsx');
    expect((await kam(['export', '--db', db, '--period', '2026-10', '--form', 'province', '--out', pkg])).code).toBe(0);
    expect(XLSX.read(readFileSync(pkg)).SheetNames).toEqual(['附件6-1（全市汇总）', '附件7']);
  });

  it.each([
    [['--period', '2026-13', '--form', '6-1'], '错误：输入有误：无法识别的月份“2026-13”：月份应为 1–12，实际为 13'],
    [['--period', '2026-10', '--form', '6-3'], '错误：输入有误：报表应为 6-1、6-2、7 或 province（省局报送包）'],
    [
      ['--period', '2026-10', '--form', '6-1', '--unit', 'X99'],
      '错误：找不到代码为“X99”的单位（可在“单位”设置或 kam units list 中查看单位代码）',
    ],
    [['--period', '2026-10', '--form', 'province', '--unit', '440515'], '错误：省局报送包只有全市口径，不能指定单位'],
    [['--period', '2026-10', '--form', '7', '--out', 'x.csv'], '错误：输入有误：导出文件名应以 .xlsx 结尾'],
    [
      ['--period', '2026-10', '--form', '7', '--out', '/no/such/folder/x.xlsx'],
      '错误：保存位置不存在：/no/such/folder',
    ],
    [['--period', '2026-10', '--form', '7'], '错误：缺少 --out'],
  ])('%j fails with a Chinese message and exit 1, writing nothing', async (args, message) => {
    const db = await database();
    const dir = tempDir();
    // Every case writes to x.xlsx in a fresh folder unless it is about --out itself.
    const argv = args.includes('--out') || message.includes('--out') ? args : [...args, '--out', join(dir, 'x.xlsx')];
    const run = await kam(['export', '--db', db, ...argv]);
    expect(run).toEqual({ code: 1, out: '', err: message });
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
