/**
 * 客户名单导入: a workbook with one customer a row (the customer form's fields), read into
 * checked rows. Pure: reference data (area codes, units) comes in as lookups; duplicates against
 * the database are the backend's (customers/import). Every problem names sheet, row and column
 * (DOMAIN-DECISIONS "Customer-list import").
 */
import { type Bilingual, bi, echo } from '../bilingual';
import { checkCreditCodeText } from '../credit-code';
import { CUSTOMER_TEXT_LIMITS, normaliseCustomerName, tooLongText } from '../names';
import { columnLetter } from '../spreadsheet/cells';
import { type ImportIssue, issueText, normaliseHeader, type SheetCell, type SheetInput } from './revenue-sheet';

export type CustomerListField = 'name' | 'shortName' | 'creditCode' | 'area' | 'unit' | 'industry' | 'address';

/** The blank template's columns, in order; the first of each field's header variants. */
export const CUSTOMER_LIST_COLUMNS: readonly { field: CustomerListField; header: string; required: boolean }[] = [
  { field: 'name', header: '客户全称', required: true },
  { field: 'shortName', header: '客户简称', required: false },
  { field: 'creditCode', header: '统一社会信用代码', required: false },
  { field: 'area', header: '属地区划', required: true },
  { field: 'unit', header: '所属单位', required: true },
  { field: 'industry', header: '行业', required: false },
  { field: 'address', header: '地址', required: false },
];

export const CUSTOMER_LIST_SHEET = '客户名单';

/** Header texts after `normaliseHeader`, by field. */
const HEADERS: Record<CustomerListField, readonly string[]> = {
  name: ['客户全称', '客户名称', '名称', '单位名称'],
  shortName: ['客户简称', '简称'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码'],
  area: ['属地区划', '区划', '区划代码', '属地区划代码', '行政区划'],
  unit: ['所属单位', '单位', '归属单位'],
  industry: ['行业'],
  address: ['地址', '详细地址'],
};

const LABELS: Record<CustomerListField, Bilingual> = {
  name: bi('客户全称', 'Full name'),
  shortName: bi('客户简称', 'Short name'),
  creditCode: bi('统一社会信用代码', 'Credit code'),
  area: bi('属地区划', 'Area'),
  unit: bi('所属单位', 'Unit'),
  industry: bi('行业', 'Industry'),
  address: bi('地址', 'Address'),
};

export interface CustomerListHeader {
  row: number;
  columns: Partial<Record<CustomerListField, number>>;
}

export interface CustomerListLookups {
  /** An area by its code ("440515"), its code and name ("440515 澄海区") or its name; null if unknown. */
  area(text: string): { code: string; name: string } | null;
  /** A unit in use by its name or code; `retired` when it exists but is retired. */
  unit(text: string): { id: number; name: string } | 'retired' | null;
}

export interface CustomerListRow {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  name: string;
  normalisedName: string;
  shortName: string | null;
  creditCode: string | null;
  areaCode: string;
  unitId: number;
  unitName: string;
  industry: string | null;
  address: string | null;
}

export interface CustomerListReading {
  rows: CustomerListRow[];
  issues: ImportIssue[];
  /** Rows with at least one error (left out). */
  errorRows: number;
}

function cellText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  return String(cell.v).trim();
}

/** The first row within `scan` rows naming 客户全称, 属地区划 and 所属单位. */
export function findCustomerListHeader(sheet: SheetInput, scan = 10): CustomerListHeader | null {
  for (let r = 0; r < Math.min(scan, sheet.rows.length); r++) {
    const columns: Partial<Record<CustomerListField, number>> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = normaliseHeader(cellText(cell)).replace(/\*$/, '');
      if (key === '') return;
      for (const field of Object.keys(HEADERS) as CustomerListField[]) {
        if (columns[field] === undefined && HEADERS[field].includes(key)) columns[field] = c;
      }
    });
    if (columns.name !== undefined && columns.area !== undefined && columns.unit !== undefined) {
      return { row: r, columns };
    }
  }
  return null;
}

/** What a sheet without the header is told. */
export function missingHeaderIssue(sheet: string, scan = 10): ImportIssue {
  return {
    sheet,
    row: null,
    column: null,
    severity: 'error',
    ...issueText(
      bi(
        `工作表“${sheet}”的前 ${scan} 行中找不到表头：需要 客户全称、属地区划、所属单位 列（可下载空白客户名单模板）`,
        `No header row in the first ${scan} rows of sheet "${sheet}": it needs the full name, area and unit columns (the blank customer-list template has them)`,
      ),
    ),
  };
}

/**
 * The sheet's rows checked one by one, then against each other: the same credit code twice is
 * an error on the later row (one legal entity, R19), the same normalised name twice a warning.
 */
export function readCustomerListSheet(
  sheet: SheetInput,
  header: CustomerListHeader,
  lookups: CustomerListLookups,
): CustomerListReading {
  const rows: CustomerListRow[] = [];
  const issues: ImportIssue[] = [];
  let errorRows = 0;
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    const text = (field: CustomerListField) => {
      const c = header.columns[field];
      return c === undefined ? '' : cellText(cells[c]);
    };
    const values = Object.fromEntries((Object.keys(HEADERS) as CustomerListField[]).map((f) => [f, text(f)])) as Record<
      CustomerListField,
      string
    >;
    if (Object.values(values).every((v) => v === '')) continue;
    let refused = false;
    const issue = (field: CustomerListField, message: Bilingual, severity: 'error' | 'warning' = 'error') => {
      const c = header.columns[field];
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: c === undefined ? null : columnLetter(c),
        ...issueText(message),
        severity,
      });
      if (severity === 'error') refused = true;
    };
    const limited = (field: 'name' | 'shortName' | 'industry' | 'address') => {
      const v = values[field];
      const problem = tooLongText(LABELS[field], CUSTOMER_TEXT_LIMITS[field], v);
      if (problem) issue(field, problem);
      return v === '' ? null : v;
    };
    const name = limited('name');
    if (name === null) issue('name', bi('缺少客户全称', 'Full name missing'));
    const shortName = limited('shortName');
    const industry = limited('industry');
    const address = limited('address');
    let creditCode: string | null = null;
    if (values.creditCode !== '') {
      const check = checkCreditCodeText(values.creditCode);
      if (check.ok) creditCode = check.code;
      else issue('creditCode', check.problem);
    }
    let areaCode: string | null = null;
    if (values.area === '')
      issue(
        'area',
        bi('缺少属地区划（6 位区划代码，如 440515）', 'Area missing (a 6-digit division code, e.g. 440515)'),
      );
    else {
      const area = lookups.area(values.area);
      if (area) areaCode = area.code;
      else {
        issue(
          'area',
          bi(
            `属地区划“${echo(values.area)}”不在区划代码表中（应为 6 位代码，如 440515）`,
            `Area "${echo(values.area)}" is not in the division code table (expected a 6-digit code, e.g. 440515)`,
          ),
        );
      }
    }
    let unit: { id: number; name: string } | null = null;
    if (values.unit === '') issue('unit', bi('缺少所属单位', 'Unit missing'));
    else {
      const found = lookups.unit(values.unit);
      if (found === 'retired') {
        issue(
          'unit',
          bi(
            `单位“${echo(values.unit)}”已撤销，请填写在用单位`,
            `Unit "${echo(values.unit)}" is retired: give a unit in use`,
          ),
        );
      } else if (found === null) {
        issue(
          'unit',
          bi(
            `找不到单位“${echo(values.unit)}”（请填写单位名称或代码）`,
            `No unit "${echo(values.unit)}" (give a unit name or code)`,
          ),
        );
      } else unit = found;
    }
    const normalisedName = name === null ? '' : normaliseCustomerName(name);
    if (creditCode !== null) {
      const first = byCode.get(creditCode);
      if (first !== undefined)
        issue(
          'creditCode',
          bi(
            `统一社会信用代码 ${creditCode} 与第 ${first} 行相同：同一法人只能登记一次`,
            `Credit code ${creditCode} is the same as row ${first}'s: a legal entity is registered once`,
          ),
        );
      else byCode.set(creditCode, rowNo);
    }
    if (normalisedName !== '') {
      const first = byName.get(normalisedName);
      if (first !== undefined) {
        issue(
          'name',
          bi(`客户全称与第 ${first} 行相同，请核实是否重复`, `Same full name as row ${first}: check for a duplicate`),
          'warning',
        );
      } else byName.set(normalisedName, rowNo);
    }
    if (refused || name === null || areaCode === null || unit === null) {
      errorRows++;
      continue;
    }
    rows.push({
      sheet: sheet.name,
      row: rowNo,
      name,
      normalisedName,
      shortName,
      creditCode,
      areaCode,
      unitId: unit.id,
      unitName: unit.name,
      industry,
      address,
    });
  }
  return { rows, issues, errorRows };
}
