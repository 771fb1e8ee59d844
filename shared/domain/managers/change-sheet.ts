/**
 * R30: the units' 客户经理变动 sheet — one change to the account-manager register (附件4) a row —
 * read into checked rows. Pure: the register comes in as lookups; the backend applies the rows as
 * one batch (organisation/change-batches.ts). `MANAGER_CHANGE_COLUMNS` describes the sheet for the
 * units' monthly template (a later step writes it from this). Every problem names sheet, row, column.
 */
import { type Bilingual, bi, echo } from '../bilingual';
import { isIsoDate } from '../dates';
import {
  type ImportIssue,
  issueText,
  normaliseHeader,
  type SheetCell,
  type SheetInput,
} from '../imports/revenue-sheet';
import { EMPLOYMENT_NAMES_ZH, type Employment, MANAGER_POST_NAMES_ZH, type ManagerPost } from '../organisation';
import { columnLetter } from '../spreadsheet/cells';

export const MANAGER_CHANGE_SHEET = '客户经理变动';

export const MANAGER_CHANGE_KINDS = ['add', 'out', 'in', 'leave', 'edit'] as const;
export type ManagerChangeSheetKind = (typeof MANAGER_CHANGE_KINDS)[number];
export const MANAGER_CHANGE_KIND_NAMES_ZH: Record<ManagerChangeSheetKind, string> = {
  add: '新增',
  out: '调出',
  in: '调入',
  leave: '离职',
  edit: '信息变更',
};

export type ManagerChangeField =
  | 'unit'
  | 'name'
  | 'kind'
  | 'effectiveOn'
  | 'post'
  | 'employment'
  | 'phone'
  | 'otherUnit'
  | 'note';

/** The sheet's columns, in order, for the template (required ones marked *) and the reader. */
export const MANAGER_CHANGE_COLUMNS: readonly {
  field: ManagerChangeField;
  header: string;
  required: boolean;
  help: string;
}[] = [
  { field: 'unit', header: '单位', required: true, help: '填报单位名称或代码' },
  { field: 'name', header: '姓名', required: true, help: '客户经理姓名' },
  { field: 'kind', header: '变动类型', required: true, help: '新增、调出、调入、离职、信息变更' },
  { field: 'effectiveOn', header: '生效日期', required: true, help: 'YYYY-MM-DD；当月 25 日前报送（R30）' },
  {
    field: 'post',
    header: '岗位',
    required: false,
    help: '新增时必填：大客户经理、中心主任、总监、副总监、策划经理、信息主管',
  },
  { field: 'employment', header: '专兼职', required: false, help: '专职或兼职（新增时默认专职）' },
  { field: 'phone', header: '联系电话', required: false, help: '可选' },
  { field: 'otherUnit', header: '调往/调自单位', required: false, help: '调出时填调往单位，调入时填调自单位' },
  { field: 'note', header: '备注', required: false, help: '离职原因等' },
];

const HEADERS: Record<ManagerChangeField, readonly string[]> = {
  unit: ['单位', '填报单位', '所属单位'],
  name: ['姓名', '客户经理', '客户经理姓名'],
  kind: ['变动类型', '变动', '类型'],
  effectiveOn: ['生效日期', '变动日期', '日期'],
  post: ['岗位', '职务'],
  employment: ['专兼职', '用工性质'],
  phone: ['联系电话', '电话', '手机'],
  // 调入单位代码: the column of templates made before the sheet was unified with the register's.
  otherUnit: ['调往/调自单位', '调往单位', '调自单位', '对方单位', '调入单位代码', '调入单位', '新单位代码'],
  note: ['备注', '说明'],
};

const LABELS: Record<ManagerChangeField, Bilingual> = {
  unit: bi('单位', 'Unit'),
  name: bi('姓名', 'Name'),
  kind: bi('变动类型', 'Kind of change'),
  effectiveOn: bi('生效日期', 'Effective date'),
  post: bi('岗位', 'Post'),
  employment: bi('专兼职', 'Full/part time'),
  phone: bi('联系电话', 'Phone'),
  otherUnit: bi('调往/调自单位', 'Other unit'),
  note: bi('备注', 'Note'),
};

export interface ManagerChangeHeader {
  row: number;
  columns: Partial<Record<ManagerChangeField, number>>;
}

export interface ManagerChangeRow {
  sheet: string;
  row: number;
  kind: ManagerChangeSheetKind;
  unitId: number;
  unitName: string;
  name: string;
  effectiveOn: string;
  post: ManagerPost | null;
  employment: Employment | null;
  phone: string | null;
  otherUnitId: number | null;
  otherUnitName: string | null;
  note: string | null;
  /** Columns by field, to name a problem found when applied. */
  columns: Partial<Record<ManagerChangeField, string>>;
}

export interface ManagerChangeLookups {
  unit(text: string): { id: number; name: string } | 'retired' | null;
}

function cellText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  return String(cell.v).trim();
}

/** An Excel serial (1900 system) or a typed date (2026-11-05, 2026/11/5, 2026年11月5日) as YYYY-MM-DD. */
export function readSheetDate(cell: SheetCell | null | undefined): string | null {
  if (!cell || cell.v === null || cell.v === undefined || cell.v === '') return null;
  if (typeof cell.v === 'number' && Number.isFinite(cell.v) && cell.v > 60 && cell.v < 2_958_466) {
    const ms = Math.round((cell.v - 25569) * 86_400_000);
    const d = new Date(ms);
    const iso = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(cell.v).trim().normalize('NFKC'));
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * The first row within `scan` rows naming 单位, 姓名, 变动类型 and 生效日期. In a unit's monthly
 * template (`unitKnown`) the unit is the template's, so 单位 may be left out.
 */
export function findManagerChangeHeader(sheet: SheetInput, scan = 10, unitKnown = false): ManagerChangeHeader | null {
  for (let r = 0; r < Math.min(scan, sheet.rows.length); r++) {
    const columns: Partial<Record<ManagerChangeField, number>> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = normaliseHeader(cellText(cell)).replace(/\*$/, '');
      if (key === '') return;
      for (const field of Object.keys(HEADERS) as ManagerChangeField[]) {
        if (columns[field] === undefined && HEADERS[field].includes(key)) columns[field] = c;
      }
    });
    if (
      (unitKnown || columns.unit !== undefined) &&
      columns.name !== undefined &&
      columns.kind !== undefined &&
      columns.effectiveOn !== undefined
    ) {
      return { row: r, columns };
    }
  }
  return null;
}

export function missingManagerChangeHeader(sheet: string, scan = 10): ImportIssue {
  return {
    sheet,
    row: null,
    column: null,
    severity: 'error',
    ...issueText(
      bi(
        `工作表“${sheet}”的前 ${scan} 行中找不到表头：需要 单位、姓名、变动类型、生效日期 列`,
        `No header row in the first ${scan} rows of sheet "${sheet}": it needs the unit, name, kind and effective date columns`,
      ),
    ),
  };
}

const byName = <K extends string>(names: Record<K, string>, text: string): K | null => {
  for (const [k, v] of Object.entries(names) as [K, string][]) if (v === text) return k;
  return null;
};

/**
 * The kinds' names in templates made before the sheet was unified with the register's: 新任 is
 * 新增, 调动 (with 调入单位代码) is 调出, 离岗 is 离职. Read so a unit's older file still imports.
 */
const OLDER_KIND_NAMES: Readonly<Record<string, ManagerChangeSheetKind>> = { 新任: 'add', 调动: 'out', 离岗: 'leave' };

export interface ManagerChangeReadOptions {
  /** The template's unit: rows without 单位 are its, and a row naming another unit is refused. */
  unit?: { id: number; name: string } | undefined;
}

/** The sheet's rows, each checked on its own (the register's checks are the backend's). */
export function readManagerChangeSheet(
  sheet: SheetInput,
  header: ManagerChangeHeader,
  lookups: ManagerChangeLookups,
  options: ManagerChangeReadOptions = {},
): { rows: ManagerChangeRow[]; issues: ImportIssue[]; errorRows: number } {
  const rows: ManagerChangeRow[] = [];
  const issues: ImportIssue[] = [];
  let errorRows = 0;
  const letters: Partial<Record<ManagerChangeField, string>> = {};
  for (const [f, c] of Object.entries(header.columns) as [ManagerChangeField, number][]) letters[f] = columnLetter(c);
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    const cell = (f: ManagerChangeField) => {
      const c = header.columns[f];
      return c === undefined ? null : (cells[c] ?? null);
    };
    const text = (f: ManagerChangeField) => cellText(cell(f));
    if ((Object.keys(HEADERS) as ManagerChangeField[]).every((f) => text(f) === '')) continue;
    let refused = false;
    const issue = (f: ManagerChangeField, message: Bilingual) => {
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: letters[f] ?? null,
        severity: 'error',
        ...issueText(message),
      });
      refused = true;
    };
    const unitOf = (f: 'unit' | 'otherUnit'): { id: number; name: string } | null => {
      const v = text(f);
      if (v === '') return null;
      const u = lookups.unit(v);
      if (u === 'retired') issue(f, bi(`单位“${echo(v)}”已撤销`, `Unit "${echo(v)}" is retired`));
      else if (u === null) issue(f, bi(`找不到单位“${echo(v)}”`, `No unit "${echo(v)}"`));
      else return u;
      return null;
    };
    const own = options.unit;
    let unit = unitOf('unit');
    if (own && text('unit') === '') unit = own;
    else if (text('unit') === '') issue('unit', bi('缺少单位', 'Unit missing'));
    else if (own && unit !== null && unit.id !== own.id) {
      issue(
        'unit',
        bi(
          `本表是${own.name}的报送模板，只能填报本单位的客户经理变动；${unit.name}的变动请由该单位报送`,
          `This is ${own.name}'s template: it reports that unit's changes only; ${unit.name} reports its own`,
        ),
      );
      unit = null;
    }
    const name = text('name');
    if (name === '') issue('name', bi('缺少姓名', 'Name missing'));
    else if (Array.from(name).length > 20) issue('name', bi('姓名不能超过 20 个字', 'A name is at most 20 characters'));
    const kindText = text('kind');
    const kind =
      byName(MANAGER_CHANGE_KIND_NAMES_ZH, kindText) ??
      (Object.hasOwn(OLDER_KIND_NAMES, kindText) ? (OLDER_KIND_NAMES[kindText] as ManagerChangeSheetKind) : null);
    if (kind === null)
      issue(
        'kind',
        bi(
          `变动类型“${echo(kindText)}”应为 新增、调出、调入、离职、信息变更 之一`,
          `Kind "${echo(kindText)}" must be one of 新增, 调出, 调入, 离职, 信息变更`,
        ),
      );
    const effectiveOn = readSheetDate(cell('effectiveOn'));
    if (effectiveOn === null)
      issue(
        'effectiveOn',
        bi(
          `生效日期“${echo(text('effectiveOn'))}”应为有效日期（YYYY-MM-DD）`,
          `Effective date "${echo(text('effectiveOn'))}" must be a real date (YYYY-MM-DD)`,
        ),
      );
    const postText = text('post');
    const post = postText === '' ? null : byName(MANAGER_POST_NAMES_ZH, postText);
    if (postText !== '' && post === null)
      issue('post', bi(`岗位“${echo(postText)}”不在岗位表中`, `Post "${echo(postText)}" is not a known post`));
    if (kind === 'add' && postText === '') issue('post', bi('新增客户经理须填写岗位', 'A new manager needs a post'));
    const employmentText = text('employment');
    const employment = employmentText === '' ? null : byName(EMPLOYMENT_NAMES_ZH, employmentText);
    if (employmentText !== '' && employment === null)
      issue('employment', bi('专兼职应为“专职”或“兼职”', 'Must be 专职 or 兼职'));
    const phone = text('phone');
    if (Array.from(phone).length > 30)
      issue('phone', bi('联系电话不能超过 30 个字', 'A phone is at most 30 characters'));
    const other = unitOf('otherUnit');
    if ((kind === 'out' || kind === 'in') && text('otherUnit') === '')
      issue(
        'otherUnit',
        bi(
          kind === 'out' ? '调出须填写调往单位（离开本局请填“离职”）' : '调入须填写调自单位（新人请填“新增”）',
          kind === 'out'
            ? 'A transfer out needs the receiving unit (use 离职 for leaving the bureau)'
            : 'A transfer in needs the sending unit (use 新增 for a newcomer)',
        ),
      );
    if (unit !== null && other !== null && unit.id === other.id)
      issue('otherUnit', bi('调往/调自单位不能是本单位', 'The other unit cannot be the same unit'));
    const note = text('note');
    if (Array.from(note).length > 200) issue('note', bi('备注不能超过 200 个字', 'A note is at most 200 characters'));
    if (kind === 'edit' && postText === '' && phone === '' && employmentText === '')
      issue(
        'kind',
        bi('信息变更须填写新的岗位、专兼职或联系电话', 'A change of details needs a new post, employment or phone'),
      );
    if (refused || unit === null || kind === null || effectiveOn === null || name === '') {
      errorRows++;
      continue;
    }
    rows.push({
      sheet: sheet.name,
      row: rowNo,
      kind,
      unitId: unit.id,
      unitName: unit.name,
      name,
      effectiveOn,
      post,
      employment,
      phone: phone === '' ? null : phone,
      otherUnitId: other?.id ?? null,
      otherUnitName: other?.name ?? null,
      note: note === '' ? null : note,
      columns: letters,
    });
  }
  return { rows, issues, errorRows };
}

/** The label of a column, for messages naming a field. */
export function managerChangeLabel(field: ManagerChangeField): Bilingual {
  return LABELS[field];
}
