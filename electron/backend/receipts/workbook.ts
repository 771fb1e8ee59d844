/** The 回执 workbook: a cover sheet, then one sheet per section (shared/domain/receipts.ts). */
import * as XLSX from 'xlsx';
import { formatPeriodZh } from '../../../shared/domain/periods';
import { type ReceiptFacts, receiptSheets } from '../../../shared/domain/receipts';
import { textCell, writeXlsx } from '../xlsx/write';

function cell(v: string | number | null): XLSX.CellObject {
  if (v === null) return { t: 'z' };
  return typeof v === 'number' ? { t: 'n', v } : textCell(v);
}

function sheetOf(rows: (string | number | null)[][], widths: number[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws[XLSX.utils.encode_cell({ r, c })] = cell(v);
      maxCol = Math.max(maxCol, c);
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: maxCol } });
  ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}

export function receiptWorkbook(f: ReceiptFacts): Buffer {
  const wb = XLSX.utils.book_new();
  const sheets = receiptSheets(f);
  const cover: (string | number | null)[][] = [
    [`${f.unit.name}（${f.unit.code}）${formatPeriodZh(f.period)}回执`],
    [`市局大客户中心 ${f.generatedOn} 出具`],
    [],
    ['项目', '条数'],
    ...sheets.map((s) => [s.name, s.rows.length]),
    [],
    ['各表列出本月处理结果和当前待办；如有疑问请与市局大客户中心联系。'],
  ];
  XLSX.utils.book_append_sheet(wb, sheetOf(cover, [40, 10]), '回执');
  for (const s of sheets) {
    const rows = s.rows.length === 0 ? [s.header, [s.empty]] : [s.header, ...s.rows];
    XLSX.utils.book_append_sheet(wb, sheetOf(rows, s.widths), s.name);
  }
  return writeXlsx(wb, { compress: true });
}
