/**
 * Large unit workbooks for import tests and benchmarks: revenue rows for existing
 * customers, each (customer, month, line) once, written by SheetJS as .xlsx.
 */
import * as XLSX from 'xlsx';
import { LINE_NAMES_ZH, PRODUCT_LINES } from '../../shared/domain/lines';

export interface RevenueWorkbookSpec {
  customerIds: readonly string[];
  rows: number;
  /** Months counted back from this one ("2026-10"). */
  lastPeriod: string;
  /** Row number offset so several workbooks of one month never repeat a cell. */
  offset?: number;
}

function periodBack(last: string, back: number): string {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - back;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Header 客户ID, 月份, 业务种类, 收入(元); amounts vary between numbers and `1.2万`-style text. */
export function revenueRows(spec: RevenueWorkbookSpec): (string | number)[][] {
  const lines = PRODUCT_LINES.map((l) => LINE_NAMES_ZH[l]);
  const perCustomer = lines.length * 24;
  const capacity = spec.customerIds.length * perCustomer;
  const offset = spec.offset ?? 0;
  if (offset + spec.rows > capacity) throw new Error(`${spec.customerIds.length} 个客户最多 ${capacity} 行`);
  const out: (string | number)[][] = [['客户ID', '月份', '业务种类', '收入(元)']];
  for (let i = offset; i < offset + spec.rows; i++) {
    const customer = spec.customerIds[i % spec.customerIds.length] as string;
    const slot = Math.floor(i / spec.customerIds.length);
    const line = lines[slot % lines.length] as string;
    const period = periodBack(spec.lastPeriod, Math.floor(slot / lines.length));
    const amount = i % 5 === 0 ? `${(1 + (i % 97) / 10).toFixed(1)}万` : 100 + ((i * 37) % 100_000) / 100;
    out.push([customer, period, line, amount]);
  }
  return out;
}

export function revenueWorkbook(spec: RevenueWorkbookSpec, sheetName = '收入明细'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(revenueRows(spec), { dense: true }), sheetName);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
