/**
 * DOMAIN-DECISIONS "Imports": the hostile corpus through the registry, as the officer would meet it. Each file
 * has one right outcome, asserted exactly:
 *  - a file that is not a revenue workbook at all (empty, a Word document, a zip bomb, no sheet
 *    with a header) is refused at preview with one Chinese message naming the file, or the sheet;
 *  - a workbook whose header is found but whose rows are bad is previewed, each bad row named by
 *    sheet, row and (where one cell is at fault) column, and its commit is refused.
 * Either way the database is unchanged in content and no header ever becomes an object key.
 * Nothing here is timed: the parse runs in a worker whose limits parse.test.ts checks, and IPC
 * answering during a preview is what imports-responsiveness.test.ts asserts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../electron/backend';
import type { ImportIssueView, ImportPreview } from '../../shared/api/types';
import { dumpTables } from '../support/db-dump';
import { makeZip, minimalXlsx } from '../support/zip';

const HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];
const LINES_HINT = '（应为 储汇、帐单、函件、集邮、特快、物流、包件、报刊 或 其他）';
let b: Backend;
let dir: string;
let customer: string;

beforeAll(async () => {
  b = openBackend({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  customer = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
    .id;
  await b.registry.call('revenue/set', { customerId: customer, period: '2026-09', line: 'letters', amount: '100' });
  dir = mkdtempSync(join(tmpdir(), 'kam-hostile-'));
});
afterAll(() => {
  b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function book(build: (wb: XLSX.WorkBook) => void): Buffer {
  const wb = XLSX.utils.book_new();
  build(wb);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const row = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** Refused at preview: the error's code, its whole message and, from the file guard, its reason. */
interface Refused {
  refused: string | RegExp;
  reason?: string;
}
/** Previewed: every issue, in order (all of them errors), and the sheets as the preview lists them. */
interface RowErrors {
  rowErrors: (Omit<ImportIssueView, 'severity' | 'message'> & { message: string | RegExp })[];
  sheets: ImportPreview['sheets'];
}

const CORPUS: { name: string; file: string; bytes: () => Buffer; outcome: Refused | RowErrors }[] = [
  {
    name: 'zip bomb',
    file: 'zip-bomb.xlsx',
    bytes: () =>
      makeZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
      ]),
    outcome: {
      // Refused from the zip directory, before any parser runs.
      refused:
        /^文件“zip-bomb\.xlsx”中的部件 xl\/worksheets\/sheet1\.xml 压缩比异常（40 MB 压缩为 \d+ 字节），疑似“压缩炸弹”，已拒绝$/,
      reason: 'suspicious_ratio',
    },
  },
  {
    name: 'a million declared rows holding one, for an unknown customer',
    file: 'million-declared.xlsx',
    bytes: () =>
      minimalXlsx(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z1048576"/><sheetData>${row(1, HEADER)}${row(2, ['44051599999000', '2026-10', '函件', '1'])}</sheetData></worksheet>`,
      ),
    outcome: {
      // The declared dimension is not believed: the sheet has the one row it holds.
      rowErrors: [{ sheet: '收入明细', row: 2, column: 'A', message: '客户ID 44051599999000 不存在' }],
      sheets: [{ name: '收入明细', used: true, rows: 1 }],
    },
  },
  {
    name: '__proto__ and constructor headers',
    file: 'proto-headers.xlsx',
    bytes: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(
          wb,
          XLSX.utils.aoa_to_sheet([
            ['__proto__', 'constructor', 'polluted', '收入(元)'],
            ['{"polluted":1}', 'x', 'yes', '1'],
          ]),
          '收入明细',
        ),
      ),
    outcome: { refused: '工作表“收入明细”的前 10 行中找不到表头：缺少 客户ID（或客户名称）、月份、业务种类 列' },
  },
  {
    name: 'a 32,767-character cell where a line belongs',
    file: 'long-cell.xlsx',
    bytes: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(
          wb,
          XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函'.repeat(32_767), 1]]),
          '收入明细',
        ),
      ),
    outcome: {
      // The cell is echoed cut to its first 40 characters, so the problem list stays readable.
      rowErrors: [
        {
          sheet: '收入明细',
          row: 2,
          column: 'C',
          message: `未知的业务种类“${'函'.repeat(40)}…”${LINES_HINT}`,
        },
      ],
      sheets: [{ name: '收入明细', used: true, rows: 1 }],
    },
  },
  {
    name: 'a formula without a cached value',
    file: 'formula.xlsx',
    bytes: () =>
      book((wb) => {
        const ws = XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函件', 1]]);
        ws.D2 = { t: 'n', f: 'B2*2' };
        XLSX.utils.book_append_sheet(wb, ws, '收入明细');
      }),
    outcome: {
      rowErrors: [
        {
          sheet: '收入明细',
          row: 2,
          column: 'D',
          message: '公式没有保存计算结果：请在 Excel 中打开并保存后再导入，或改为填写数值',
        },
      ],
      sheets: [{ name: '收入明细', used: true, rows: 1 }],
    },
  },
  {
    name: 'merged data cells',
    file: 'merged.xlsx',
    bytes: () =>
      book((wb) => {
        const ws = XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函件', 1]]);
        ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }];
        XLSX.utils.book_append_sheet(wb, ws, '收入明细');
      }),
    outcome: {
      // The whole row is named (the merge spans A2:B2, no one column is at fault).
      rowErrors: [
        { sheet: '收入明细', row: 2, column: null, message: '数据行中有合并单元格：请取消合并，每个单元格填一个值' },
      ],
      sheets: [{ name: '收入明细', used: true, rows: 1 }],
    },
  },
  {
    name: 'serial 60 as the month (the 1900 leap-year bug: not a date)',
    file: 'serial-60.xlsx',
    bytes: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, [customer, 60, '函件', 1]]), '收入明细'),
      ),
    outcome: {
      rowErrors: [
        {
          sheet: '收入明细',
          row: 2,
          column: 'B',
          message: '月份：序列号 60 不是有效日期（Excel 1900 年闰日错误）（应为 2026-10、2026年10月 等）',
        },
      ],
      sheets: [{ name: '收入明细', used: true, rows: 1 }],
    },
  },
  {
    name: 'no sheet with the revenue columns',
    file: 'no-revenue-sheet.xlsx',
    bytes: () =>
      book((wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明'], ['本表为空']]), '封面')),
    outcome: { refused: '工作表“封面”的前 10 行中找不到表头：缺少 客户ID（或客户名称）、月份、业务种类、收入(元) 列' },
  },
  {
    name: 'an empty file',
    file: 'empty.xlsx',
    bytes: () => Buffer.alloc(0),
    outcome: { refused: '文件“empty.xlsx”是空文件', reason: 'empty' },
  },
  {
    name: 'a .docx renamed to .xlsx',
    file: 'renamed-docx.xlsx',
    bytes: () =>
      makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
    outcome: { refused: '文件“renamed-docx.xlsx”不是 Excel 工作簿（看起来是 Word 文档）', reason: 'not_spreadsheet' },
  },
];

describe('the hostile corpus through the registry', () => {
  it.each(CORPUS)('$name: its one right outcome, nothing written', async (c) => {
    const path = join(dir, c.file);
    writeFileSync(path, c.bytes());
    const before = dumpTables(b.db);
    const response = await b.registry.invoke('imports/preview', { path });
    if ('refused' in c.outcome) {
      expect(response.ok, 'refused at preview').toBe(false);
      if (response.ok) return;
      expect(response.error.code).toBe('VALIDATION');
      if (typeof c.outcome.refused === 'string') expect(response.error.message).toBe(c.outcome.refused);
      else expect(response.error.message).toMatch(c.outcome.refused);
      if (c.outcome.reason) expect(response.error.details).toMatchObject({ reason: c.outcome.reason });
    } else {
      expect(response.ok, `previewed, not refused: ${response.ok ? '' : response.error.message}`).toBe(true);
      if (!response.ok) return;
      const preview = response.value as ImportPreview;
      const errors = c.outcome.rowErrors.length;
      expect(preview.counts).toMatchObject({ rows: 0, new: 0, changed: 0, errors, warnings: 0 });
      expect(preview.sheets).toEqual(c.outcome.sheets);
      expect(preview.issues).toEqual(
        c.outcome.rowErrors.map((e) => ({
          ...e,
          severity: 'error',
          message: typeof e.message === 'string' ? e.message : expect.stringMatching(e.message),
          messageEn: expect.any(String),
        })),
      );
      // English mode shows the same problem in English (bi): Chinese only inside a quoted cell.
      for (const issue of preview.issues) {
        expect(issue.messageEn?.replace(/"[^"]*"/g, '""')).toMatch(/^[^\u4e00-\u9fff]+$/);
      }
      const commit = await b.registry.invoke('imports/commit', { token: preview.token });
      expect(commit.ok).toBe(false);
      if (commit.ok) return;
      expect(commit.error.code).toBe('VALIDATION');
      expect(commit.error.message).toBe(`还有 ${errors} 处错误：请修正后重新导入，或明确选择“排除错误行”后再导入`);
    }
    expect(dumpTables(b.db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
