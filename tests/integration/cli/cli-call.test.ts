/** `kam call`: any registry channel from a script, answered exactly as the app's window is. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { UnitView } from '../../../shared/api/types';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-call-');

async function freshDb(): Promise<string> {
  const db = join(tempDir(), 'kam.sqlite');
  expect((await kam(['init', '--db', db])).code).toBe(0);
  return db;
}

describe('kam call', () => {
  it('answers a read with the channel’s JSON result, input from --input or standard input', async () => {
    const db = await freshDb();
    const byFlag = await kam(['call', 'units/list', '--input', '{"includeRetired":true}', '--db', db, '--json']);
    expect(byFlag.code).toBe(0);
    const units = JSON.parse(byFlag.out) as UnitView[];
    expect(units.map((u) => u.name)).toContain('澄海分局');
    const byStdin = await kam(['call', 'units/list', '--db', db, '--json'], '{}');
    expect(JSON.parse(byStdin.out)).toEqual(units.filter((u) => u.retiredOn === null));
  });

  it('runs a write through the registry (validated, audited) and a later read sees it', async () => {
    const db = await freshDb();
    const units = JSON.parse((await kam(['call', 'units/list', '--db', db, '--json'])).out) as UnitView[];
    const unitId = units.find((u) => u.code === '440515')?.id;
    const created = await kam([
      'call',
      'customers/create',
      '--db',
      db,
      '--json',
      '--input',
      JSON.stringify({ name: '汕头市测试贸易有限公司', areaCode: '440515', unitId }),
    ]);
    expect(created.code).toBe(0);
    const customer = JSON.parse(created.out) as { id: string; name: string };
    expect(customer.id).toMatch(/^\d{14}$/);
    const list = JSON.parse((await kam(['call', 'customers/list', '--db', db, '--json'], '{"search":"测试贸易"}')).out);
    expect(list.rows.map((r: { id: string }) => r.id)).toEqual([customer.id]);

    // Any list, saved as the window's 导出 Excel does.
    const file = join(tempDir(), '客户.xlsx');
    const saved = await kam(
      ['call', 'lists/export', '--db', db, '--json'],
      JSON.stringify({ path: file, title: '客户', columns: [{ title: '客户名称' }], rows: [[customer.name]] }),
    );
    expect(saved.code).toBe(0);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(file)).Sheets['客户'] as XLSX.WorkSheet, {
      header: 1,
      blankrows: false,
    });
    expect(grid.at(-1)).toEqual(['汕头市测试贸易有限公司']);
  });

  it('refuses an unknown channel (listing the channels), bad JSON, a refused input and a missing database', async () => {
    const db = await freshDb();
    const unknown = await kam(['call', 'customers/delete', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('未知通道：customers/delete');
    expect(unknown.err).toContain('customers/list');

    const badJson = await kam(['call', 'units/list', '--db', db, '--input', '{units']);
    expect(badJson.code).toBe(1);
    expect(badJson.err).toContain('输入不是有效的 JSON');

    const refused = await kam(['call', 'customers/create', '--db', db, '--json', '--input', '{"name":""}']);
    expect(refused.code).toBe(1);
    const error = JSON.parse(refused.err).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toContain('name');

    const missing = join(tempDir(), 'none.sqlite');
    const noDb = await kam(['call', 'units/list', '--db', missing]);
    expect(noDb.code).toBe(1);
    expect(noDb.err).toContain('找不到数据库文件');
    expect(existsSync(missing)).toBe(false);
  });
});
