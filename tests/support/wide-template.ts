/**
 * Filling a unit's template in the wide layout (收入明细: one row per customer, the lines as
 * columns) as a unit would, by the header texts it shows — not by the code's own column table, so
 * a column in the wrong place is caught.
 */
import * as XLSX from 'xlsx';

export const REVENUE_SHEET = '收入明细';

export type WideField = '上月(元)' | '本月(元)' | '年流转额(元)' | '平均费率(%)' | '其他收入(元)';

export interface WideSheetMap {
  /** 0-based row of the first customer. */
  firstRow: number;
  idColumn: number;
  nameColumn: number;
  /** `${line name}|${field}` → 0-based column. */
  columns: Map<string, number>;
  /** Customer ID → 0-based row. */
  rows: Map<string, number>;
  width: number;
}

export function grid(ws: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, blankrows: true });
}

/** Reads the two header rows (line names merged over their columns above the column names). */
export function mapWideSheet(ws: XLSX.WorkSheet): WideSheetMap {
  const g = grid(ws);
  const top = g[0] ?? [];
  const sub = g[1] ?? [];
  const columns = new Map<string, number>();
  let group = '';
  for (let c = 0; c < Math.max(top.length, sub.length); c++) {
    if (top[c] !== null && top[c] !== undefined) group = String(top[c]);
    if (sub[c] !== null && sub[c] !== undefined) columns.set(`${group}|${String(sub[c])}`, c);
  }
  const rows = new Map<string, number>();
  g.slice(2).forEach((r, i) => {
    if (r[0] !== null) rows.set(String(r[0]), i + 2);
  });
  return {
    firstRow: 2,
    idColumn: top.indexOf('客户ID'),
    nameColumn: top.indexOf('客户名称'),
    columns,
    rows,
    width: Math.max(top.length, sub.length),
  };
}

export function wideColumn(map: WideSheetMap, line: string, field: WideField = '本月(元)'): number {
  const c = map.columns.get(`${line}|${field}`);
  if (c === undefined) throw new Error(`no column ${line} ${field}`);
  return c;
}

/** The cell of a customer's line, e.g. "H7". */
export function wideRef(map: WideSheetMap, customerId: string, line: string, field: WideField = '本月(元)'): string {
  const r = map.rows.get(customerId);
  if (r === undefined) throw new Error(`customer ${customerId} not in the sheet`);
  return XLSX.utils.encode_cell({ r, c: wideColumn(map, line, field) });
}

export function setCell(ws: XLSX.WorkSheet, ref: string, v: string | number): void {
  ws[ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const at = XLSX.utils.decode_cell(ref);
  range.e.r = Math.max(range.e.r, at.r);
  range.e.c = Math.max(range.e.c, at.c);
  ws['!ref'] = XLSX.utils.encode_range(range);
}

/** Sets a customer's figure for a line (本月 by default). */
export function setWide(
  ws: XLSX.WorkSheet,
  map: WideSheetMap,
  customerId: string,
  line: string,
  v: string | number,
  field: WideField = '本月(元)',
): string {
  const ref = wideRef(map, customerId, line, field);
  setCell(ws, ref, v);
  return ref;
}

/** Appends a row for a customer not listed, with figures by line name (本月). */
export function appendWideRow(
  ws: XLSX.WorkSheet,
  map: WideSheetMap,
  customer: { id: string; name: string },
  figures: Record<string, number | string>,
): number {
  const row: unknown[] = new Array(map.width).fill(null);
  row[map.idColumn] = customer.id;
  row[map.nameColumn] = customer.name;
  for (const [line, v] of Object.entries(figures)) row[wideColumn(map, line)] = v;
  const at = XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.r + 1;
  XLSX.utils.sheet_add_aoa(ws, [row], { origin: at });
  map.rows.set(customer.id, at);
  return at;
}
