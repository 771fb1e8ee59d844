/**
 * Writes a unit's monthly template (DOMAIN-DECISIONS "Templates"): instructions (printing on one
 * A4 page), the four data sheets with their drop-downs, styled headers and frozen panes (收入明细
 * in the wide layout: one row per customer, last month's figures greyed beside the input cells),
 * 经营分析 (R31: the unit's written analysis, 项目 | 内容, tall wrapped cells, A4 portrait),
 * and the metadata sheet — very hidden (not listed under 取消隐藏) and protected — so an import
 * knows the form, version, unit and period without trusting the file name.
 */
import * as XLSX from 'xlsx';
import type { Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import { columnRange } from '../../../shared/domain/spreadsheet/cells';
import {
  ANALYSIS_ITEMS,
  ANALYSIS_MAX_CHARS,
  analysisRows,
  instructionRows,
  LONG_TEMPLATE_VERSION,
  type SheetLayout,
  serviceSheets,
  TEMPLATE_FORM,
  TEMPLATE_SHEETS,
  TEMPLATE_VERSION,
  type TemplateCustomer,
  type TemplateKeyCustomer,
  type TemplateLayoutKind,
  type TemplateUnit,
  templateSheets,
} from '../../../shared/domain/templates/layout';
import { metadataRows, type TemplateMetadata } from '../../../shared/domain/templates/metadata';
import {
  PROGRESS_WIDTHS,
  type ProgressApplication,
  type ProgressRegistration,
  type ProgressSubmission,
  progressRows,
} from '../../../shared/domain/templates/progress';
import { WIDE_COLUMNS, WIDE_HEADER_ROWS, type WideRole } from '../../../shared/domain/templates/wide-layout';
import { postProcessXlsx } from '../xlsx/package';
import { textCell, writeXlsx } from '../xlsx/write';
import { type SheetLook, styleTemplateSheetXml, TEMPLATE_STYLE, templateStylesXml } from './styles';
import { dataValidationsXml, insertDataValidations, type ListValidation, textLengthValidationXml } from './validations';

/** Rows below the prefilled ones that still get the drop-downs (units add rows). */
const SPARE_ROWS = 500;
const MIN_VALIDATED_ROWS = 1000;

export interface TemplateInput {
  unit: TemplateUnit;
  period: Period;
  customers: readonly TemplateCustomer[];
  keyCustomers: readonly TemplateKeyCustomer[];
  policy: Pick<Policy, 'reporting' | 'fluctuationPercent'>;
  generatedAt: Date;
  /** YYYY-MM-DD, local. */
  generatedOn: string;
  /** 收入明细's layout: wide (version 2, the default) or long (version 1, kept for old files' tests). */
  layout?: TemplateLayoutKind;
  /** The area table, for 新客户申报's 地区代码 drop-down (a hidden list sheet); absent: no drop-down. */
  areas?: readonly { code: string; name: string }[];
  /** The unit's managers in post, for 拜访记录's 客户经理 drop-down (suggestions; the list sheet's column B). */
  managers?: readonly string[];
  /** 申报进度 (R19), for the unit to read; absent: the sheet says there is none. */
  progress?: {
    registrations: readonly ProgressRegistration[];
    applications: readonly ProgressApplication[];
    submissions?: readonly ProgressSubmission[];
  };
}

const WIDE_STYLE: Record<WideRole, number> = {
  customerId: TEMPLATE_STYLE.id,
  customerName: TEMPLATE_STYLE.text,
  note: TEMPLATE_STYLE.text,
  last: TEMPLATE_STYLE.lastMonth,
  amount: TEMPLATE_STYLE.money,
  turnover: TEMPLATE_STYLE.money,
  other: TEMPLATE_STYLE.money,
  rate: TEMPLATE_STYLE.rate,
};

/** Instructions: wide enough to read, one page when printed (fitToPage 1 × 1, A4 portrait). */
const INSTRUCTIONS_WIDTH = 80;

/**
 * Width in the column's character units: a CJK character renders a little over two of them (宋体
 * or the fallback font), so a paragraph's line count is estimated on the generous side.
 */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/.test(ch) ? 2.3 : 1.1;
  return n;
}

/** The hidden list sheet's ranges, by the name a column asks for (ColumnSpec.listRange). */
type ListRanges = Partial<Record<'areas' | 'managers', string>>;

function dataSheet(
  layout: SheetLayout,
  ranges: ListRanges,
): { sheet: XLSX.WorkSheet; validations: ListValidation[]; look: SheetLook } {
  const header = layout.header ?? [layout.columns.map((c) => c.header)];
  const sheet = XLSX.utils.aoa_to_sheet([...header, ...layout.rows]);
  sheet['!cols'] = layout.columns.map((c) => ({ wch: c.width }));
  if (layout.merges) sheet['!merges'] = layout.merges;
  const wide = layout.header !== undefined;
  if (wide) {
    // Blank cells written as styled stubs (no value, read back as blank), so the grey reference
    // columns and the input cells' borders and number formats show on every customer's row.
    const total = header.length + layout.rows.length;
    for (let r = 0; r < total; r++) {
      for (let c = 0; c < layout.columns.length; c++) {
        const ref = XLSX.utils.encode_cell({ r, c });
        if (!sheet[ref]) sheet[ref] = { t: 'z', z: 'General' };
      }
    }
    sheet['!rows'] = [{ hpt: 20 }, { hpt: 30 }];
  }
  const last = Math.max(layout.rows.length + header.length + SPARE_ROWS, MIN_VALIDATED_ROWS);
  const validations: ListValidation[] = [];
  layout.columns.forEach((c, i) => {
    const sqref = columnRange(i, header.length + 1, last);
    const range = c.listRange ? ranges[c.listRange] : undefined;
    if (range) validations.push({ sqref, range, strict: c.listStrict ?? true });
    else if (c.list) validations.push({ sqref, values: c.list, strict: c.listStrict ?? true });
  });
  const look: SheetLook = {
    style: wide
      ? (r, c) =>
          r < WIDE_HEADER_ROWS
            ? TEMPLATE_STYLE.header
            : (WIDE_STYLE[WIDE_COLUMNS[c]?.role ?? 'note'] ?? TEMPLATE_STYLE.default)
      : (r) => (r === 0 ? TEMPLATE_STYLE.header : TEMPLATE_STYLE.default),
    frozenRows: header.length,
    frozenColumns: wide ? 2 : 0,
    landscape: true,
    onePage: false,
  };
  return { sheet, validations, look };
}

function instructionsSheet(lines: readonly string[]): { sheet: XLSX.WorkSheet; look: SheetLook } {
  const sheet = XLSX.utils.aoa_to_sheet(lines.map((line) => [line]));
  sheet['!cols'] = [{ wch: INSTRUCTIONS_WIDTH }];
  // Row heights set here: a wrapped paragraph's height is not recomputed by every program on open.
  sheet['!rows'] = lines.map((line, i) =>
    i === 0 ? { hpt: 24 } : { hpt: 15 * Math.max(1, Math.ceil(displayWidth(line) / (INSTRUCTIONS_WIDTH - 8))) },
  );
  return {
    sheet,
    look: {
      style: (r) => (r === 0 ? TEMPLATE_STYLE.title : TEMPLATE_STYLE.paragraph),
      frozenRows: 0,
      frozenColumns: 0,
      landscape: false,
      onePage: true,
    },
  };
}

/** 经营分析: 项目 narrow, 内容 wide; together one A4 portrait page wide. */
const ANALYSIS_WIDTHS = [16, 74];
/** Points: about eleven lines of 11-point text, so a few paragraphs show without resizing. */
const ANALYSIS_ROW_HEIGHT = 165;

/**
 * 经营分析 (R31): the instruction line (merged over both columns), the 项目 | 内容 header, one tall
 * wrapped row per item. Blank 内容 cells are written as styled stubs so their borders show.
 */
function analysisSheet(): { sheet: XLSX.WorkSheet; look: SheetLook } {
  const rows = analysisRows();
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < ANALYSIS_WIDTHS.length; c++) {
      const ref = XLSX.utils.encode_cell({ r, c });
      if (!sheet[ref]) sheet[ref] = { t: 'z', z: 'General' };
    }
  }
  sheet['!cols'] = ANALYSIS_WIDTHS.map((wch) => ({ wch }));
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
  sheet['!rows'] = [{ hpt: 36 }, { hpt: 20 }, ...ANALYSIS_ITEMS.map(() => ({ hpt: ANALYSIS_ROW_HEIGHT }))];
  return {
    sheet,
    look: {
      style: (r, c) =>
        r === 0
          ? TEMPLATE_STYLE.paragraph
          : r === 1
            ? TEMPLATE_STYLE.header
            : c === 0
              ? TEMPLATE_STYLE.analysisLabel
              : TEMPLATE_STYLE.analysisText,
      frozenRows: 2,
      frozenColumns: 0,
      landscape: false,
      onePage: false,
    },
  };
}

/** 申报进度: read-only information for the unit (shared/domain/templates/progress.ts). */
function progressSheet(input: TemplateInput): { sheet: XLSX.WorkSheet; look: SheetLook } {
  const { rows, headerRows } = progressRows(
    input.unit.name,
    input.progress?.registrations ?? [],
    input.progress?.applications ?? [],
    input.progress?.submissions ?? [],
  );
  const sheet: XLSX.WorkSheet = {};
  rows.forEach((row, r) => {
    for (let c = 0; c < PROGRESS_WIDTHS.length; c++) {
      const v = row[c] ?? null;
      const ref = XLSX.utils.encode_cell({ r, c });
      sheet[ref] = v === null ? { t: 'z', z: 'General' } : typeof v === 'number' ? { t: 'n', v } : textCell(v);
    }
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: rows.length - 1, c: PROGRESS_WIDTHS.length - 1 },
  });
  sheet['!cols'] = PROGRESS_WIDTHS.map((wch) => ({ wch }));
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: PROGRESS_WIDTHS.length - 1 } }];
  const headers = new Set(headerRows);
  return {
    sheet,
    look: {
      style: (r) => (r === 0 ? TEMPLATE_STYLE.paragraph : headers.has(r) ? TEMPLATE_STYLE.header : TEMPLATE_STYLE.text),
      frozenRows: 0,
      frozenColumns: 0,
      landscape: true,
      onePage: false,
    },
  };
}

export function buildTemplate(input: TemplateInput): { buffer: Buffer; meta: TemplateMetadata; rows: number } {
  const layoutKind = input.layout ?? 'wide';
  const wb = XLSX.utils.book_new();
  const instructions = instructionsSheet(
    instructionRows(input.unit, input.period, input.policy, input.generatedOn, layoutKind),
  );
  XLSX.utils.book_append_sheet(wb, instructions.sheet, TEMPLATE_SHEETS.instructions);
  const looks: SheetLook[] = [instructions.look];
  const validations = new Map<number, ListValidation[]>();
  const names: NonNullable<XLSX.WorkBook['Workbook']>['Names'] = [];
  const layouts = templateSheets(input, layoutKind);
  const areas = input.areas ?? [];
  const managers = input.managers ?? [];
  const ranges: ListRanges = {
    ...(areas.length > 0 ? { areas: `'${TEMPLATE_SHEETS.lists}'!$A$1:$A$${areas.length}` } : {}),
    ...(managers.length > 0 ? { managers: `'${TEMPLATE_SHEETS.lists}'!$B$1:$B$${managers.length}` } : {}),
  };
  const appendData = (layout: SheetLayout) => {
    const { sheet, validations: v, look } = dataSheet(layout, ranges);
    const index = wb.SheetNames.length;
    validations.set(index, v);
    looks.push(look);
    // The header rows repeat on every printed page.
    names.push({ Name: '_xlnm.Print_Titles', Sheet: index, Ref: `'${layout.name}'!$1:$${look.frozenRows}` });
    XLSX.utils.book_append_sheet(wb, sheet, layout.name);
  };
  for (const layout of layouts) appendData(layout);
  const analysis = analysisSheet();
  const analysisIndex = wb.SheetNames.length;
  looks.push(analysis.look);
  names.push({
    Name: '_xlnm.Print_Titles',
    Sheet: wb.SheetNames.length,
    Ref: `'${TEMPLATE_SHEETS.analysis}'!$1:$${analysis.look.frozenRows}`,
  });
  XLSX.utils.book_append_sheet(wb, analysis.sheet, TEMPLATE_SHEETS.analysis);
  // The unit's service work (R22, R23, R33, R29) after its analysis, before 申报进度.
  for (const layout of serviceSheets()) appendData(layout);
  const progress = progressSheet(input);
  looks.push(progress.look);
  XLSX.utils.book_append_sheet(wb, progress.sheet, TEMPLATE_SHEETS.progress);
  const meta: TemplateMetadata = {
    form: TEMPLATE_FORM,
    version: layoutKind === 'wide' ? TEMPLATE_VERSION : LONG_TEMPLATE_VERSION,
    unitCode: input.unit.code,
    unitName: input.unit.name,
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
  };
  const metaSheet = XLSX.utils.aoa_to_sheet(metadataRows(meta));
  metaSheet['!cols'] = [{ wch: 14 }, { wch: 30 }, { wch: 12 }];
  // Protection keeps a curious hand from editing it; the import still checks every field.
  metaSheet['!protect'] = { selectLockedCells: true, selectUnlockedCells: true };
  XLSX.utils.book_append_sheet(wb, metaSheet, TEMPLATE_SHEETS.meta);
  if (areas.length > 0 || managers.length > 0) {
    // Hidden, not very hidden: a unit that wonders where the list comes from can look (取消隐藏).
    // Column A the area table, column B the unit's managers.
    const height = Math.max(areas.length, managers.length);
    const lists = XLSX.utils.aoa_to_sheet(
      Array.from({ length: height }, (_, i) => {
        const area = areas[i];
        return [area ? `${area.code} ${area.name}` : null, managers[i] ?? null];
      }),
    );
    lists['!cols'] = [{ wch: 24 }, { wch: 14 }];
    XLSX.utils.book_append_sheet(wb, lists, TEMPLATE_SHEETS.lists);
  }
  wb.Workbook = {
    Sheets: wb.SheetNames.map((name) => ({
      name,
      Hidden: name === TEMPLATE_SHEETS.meta ? 2 : name === TEMPLATE_SHEETS.lists ? 1 : 0,
    })),
    Names: names,
  };
  // Texts as shared strings, never formulas (customer and unit names as written: xlsx/write.ts);
  // stored uncompressed, the post-processor unzips and zips once anyway.
  const written = writeXlsx(wb);
  const processed = postProcessXlsx(
    new Uint8Array(written),
    (parts) => {
      parts.edit('xl/styles.xml', () => templateStylesXml());
      looks.forEach((look, i) => {
        const v = validations.get(i) ?? [];
        parts.editSheet(i, (xml) => {
          const styled = styleTemplateSheetXml(xml, look);
          if (i === analysisIndex) {
            // 内容 of every item row (below the instruction and the header).
            const sqref = `B3:B${2 + ANALYSIS_ITEMS.length}`;
            return insertDataValidations(
              styled,
              textLengthValidationXml(sqref, ANALYSIS_MAX_CHARS, `每格不超过 ${ANALYSIS_MAX_CHARS} 字，请精简`),
            );
          }
          return v.length === 0 ? styled : insertDataValidations(styled, dataValidationsXml(v));
        });
      });
    },
    6,
  );
  const buffer = Buffer.from(processed);
  return { buffer, meta, rows: layouts[0]?.rows.length ?? 0 };
}
