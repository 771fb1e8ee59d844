/**
 * The monthly template's steps of `imports/preview` gathered in one place, so its callers
 * (read-workbook.ts, then preview.ts) stay readable: side sheets, R8 columns, the
 * template's period and unit claims, R27 reasons, and what the batch records (unit, form, period
 * from the metadata).
 */
import type { Database } from 'better-sqlite3';
import type { ImportSectionView, ImportTemplateView } from '../../../shared/api/types';
import type { HeaderMatch, ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import type { ManagerChangeRow } from '../../../shared/domain/managers/change-sheet';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { TemplateSubmission } from '../../../shared/domain/templates/intake';
import { TEMPLATE_FORM, TEMPLATE_SHEETS } from '../../../shared/domain/templates/layout';
import { isMetadataSheet } from '../../../shared/domain/templates/metadata';
import { applyNewspaperInputs, findNewspaperColumns } from '../../../shared/domain/templates/newspaper-columns';
import type { RefusedServiceRow, ServiceSheetRow } from '../../../shared/domain/templates/service-sheets';
import type { FluctuationReasonRow, UnitAnalysisTexts } from '../../../shared/domain/templates/side-sheets';
import { findWideHeader, readWideRevenueSheet } from '../../../shared/domain/templates/wide-layout';
import type { BatchMeta } from './batches';
import type { PrimedLookup } from './customer-lookup';
import type { Pacer } from './pace';
import type { ParsedSheet } from './parsed-workbook';
import { periodMismatch, readSideSheet, sideSheetKind, type TemplateContext, unitClaimFilter } from './template-import';
import type { ServiceIntake } from './template-services';

type SheetRow = RevenueRow & { sheet: string };

/** Rows per slice between two looks at the clock (pace.ts). */
const SLICE_ROWS = 2_000;
/** Wide-layout rows per slice: each holds up to nine figures, so a slice checks ~1,800 of them. */
const WIDE_SLICE_ROWS = 200;

export class TemplatePreview {
  readonly sections: ImportSectionView[] = [];
  readonly reasons: FluctuationReasonRow[] = [];
  /** 新客户申报 and 营销申报 rows for the centre's inbox (R19). */
  readonly submissions: TemplateSubmission[] = [];
  /** 客户经理变动 rows to apply to the register (R30). */
  readonly managerChanges: ManagerChangeRow[] = [];
  /** 经营分析's texts (R31), stored with the batch; null when the unit wrote none. */
  analysis: UnitAnalysisTexts | null = null;
  /** 营销日志, 拜访记录, 投诉登记 and 资费优惠申请 rows accepted and refused (R22, R23, R33, R29). */
  private readonly serviceRows: ServiceSheetRow[] = [];
  private readonly refusedServices: RefusedServiceRow[] = [];

  constructor(
    private readonly db: Database,
    /** The template's metadata and unit; null for a hand-made workbook. */
    private readonly context: TemplateContext | null,
    private readonly env: { policy: Policy; now: Date; date1904: boolean },
  ) {}

  /**
   * Reads a sheet that is not a revenue sheet (instructions, 新客户申报, 客户经理变动, 波动原因, an
   * unhidden metadata sheet); null for any other sheet, which the caller reads as revenue.
   */
  readOtherSheet(
    sheet: ParsedSheet,
  ): { issues: ImportIssue[]; sheet: { name: string; used: boolean; rows: number } } | null {
    const kind = isMetadataSheet(sheet.name) ? 'instructions' : sideSheetKind(sheet.name);
    if (kind === null) return null;
    if (kind === 'instructions') return { issues: [], sheet: { name: sheet.name, used: false, rows: 0 } };
    const r = readSideSheet(this.db, sheet, kind, this.context, this.env);
    this.sections.push(r.summary);
    this.reasons.push(...r.reasons);
    this.submissions.push(...r.submissions);
    this.managerChanges.push(...r.managerChanges);
    this.serviceRows.push(...r.services);
    this.refusedServices.push(...r.refusedServices);
    if (r.analysis) this.analysis = r.analysis;
    return { issues: r.issues, sheet: { name: sheet.name, used: true, rows: r.summary.rows } };
  }

  /** What the commit job writes of the service sheets; undefined outside a template or when they were empty. */
  services(): ServiceIntake | undefined {
    if (!this.context || (this.serviceRows.length === 0 && this.refusedServices.length === 0)) return undefined;
    const { id, code, name } = this.context.unit;
    return { unit: { id, code, name }, rows: this.serviceRows, refused: this.refusedServices };
  }

  /**
   * 收入明细 in the wide layout (one row per customer, the lines as columns; wide-layout.ts), read
   * in paced slices of rows; null when the sheet is not in that layout (the caller reads it as a
   * long one). Its month is the template's: a wide sheet outside a template is refused.
   */
  async readWideSheet(
    sheet: ParsedSheet,
    customers: PrimedLookup,
    pacer: Pacer,
  ): Promise<{ rows: RevenueRow[]; issues: ImportIssue[]; rowsRead: number; headerRow: number } | null> {
    const header = findWideHeader(sheet);
    if (!header) return null;
    const out = { rows: [] as RevenueRow[], issues: [] as ImportIssue[], rowsRead: 0, headerRow: header.row };
    if (!this.context) {
      out.issues.push({
        sheet: sheet.name,
        row: header.row + 1,
        column: null,
        severity: 'error',
        message: `工作表“${sheet.name}”是报送模板的${TEMPLATE_SHEETS.revenue}（每行一个客户），但文件中没有模板信息，无法确定月份：请在中心下发的原模板中填写，不要复制到新文件`,
        messageEn: `Sheet "${sheet.name}" is the revenue sheet of a reporting template (one customer a row), but the file has no template information, so its month is unknown: fill in the template the centre sent, not a copy in a new file`,
      });
      return out;
    }
    const period = this.context.meta.period;
    for (let from = header.row + 1; from < sheet.rows.length; from += WIDE_SLICE_ROWS) {
      const to = Math.min(from + WIDE_SLICE_ROWS, sheet.rows.length);
      if (header.customerId !== undefined) {
        const ids: string[] = [];
        for (let r = from; r < to; r++) {
          const v = sheet.rows[r]?.[header.customerId]?.v;
          const id = v === null || v === undefined ? '' : String(v).replace(/\s/g, '');
          if (/^\d{14}$/.test(id)) ids.push(id);
        }
        customers.prime(ids);
      }
      const part = readWideRevenueSheet(sheet, header, customers, { period, from, to });
      for (const r of part.rows) out.rows.push(r);
      for (const i of part.issues) out.issues.push(i);
      out.rowsRead += part.rowsRead;
      if (pacer.progress) pacer.progress.done += to - from;
      if (pacer.due()) await pacer.pause();
    }
    return out;
  }

  /** R8 columns beside 收入(元), in a template or a hand-made sheet; read in paced slices of rows. */
  async withNewspaperInputs(
    sheet: ParsedSheet,
    header: HeaderMatch,
    rows: readonly RevenueRow[],
    issues: ImportIssue[],
    pacer: Pacer,
  ): Promise<RevenueRow[]> {
    const columns = findNewspaperColumns(sheet, header);
    if (Object.keys(columns).length === 0) return [...rows];
    const out: RevenueRow[] = [];
    for (let from = 0; from < rows.length; from += SLICE_ROWS) {
      const r = applyNewspaperInputs(sheet, header, columns, rows.slice(from, from + SLICE_ROWS));
      for (const row of r.rows) out.push(row);
      for (const i of r.issues) issues.push(i);
      if (pacer.due()) await pacer.pause();
    }
    return out;
  }

  /**
   * The template's period and unit claims (template-import.ts). Rows it reports as errors are
   * removed from `rows` in place: they are excluded exactly like rows the sheet reader refused.
   * Paced (the claims read SQLite per row) and compacted in a loop: `splice(…, ...rows)` of
   * 100,000+ rows can overflow the call stack.
   */
  async checkRows(rows: SheetRow[], pacer: Pacer): Promise<ImportIssue[]> {
    if (!this.context) return [];
    const periodIssues: ImportIssue[] = [];
    const claimIssues: ImportIssue[] = [];
    const keep = unitClaimFilter(this.db, this.context);
    let kept = 0;
    for (let i = 0; i < rows.length; i++) {
      if ((i & 255) === 0 && pacer.due()) await pacer.pause();
      const r = rows[i] as SheetRow;
      const wrongMonth = periodMismatch(this.context, r);
      if (wrongMonth) periodIssues.push(wrongMonth);
      else if (keep(r, claimIssues)) rows[kept++] = r;
    }
    rows.length = kept;
    return [...periodIssues, ...claimIssues];
  }

  /**
   * R27: a flagged customer-month with a reason (or marked one-off, 一次性) in 波动原因 needs no
   * warning. The R27 warnings point at the customer-month's first row, which names it. Paced.
   */
  async explainFluctuations(
    warnings: readonly ImportIssue[],
    rows: readonly SheetRow[],
    pacer: Pacer,
  ): Promise<ImportIssue[]> {
    const isR27 = (w: ImportIssue) => w.message.startsWith('R27');
    if (this.reasons.length === 0 || !warnings.some(isR27)) return [...warnings];
    const explained = new Set(this.reasons.map((r) => `${r.customerId}|${r.period}`));
    const flagged = new Set(warnings.filter(isR27).map((w) => `${w.sheet}|${w.row}`));
    const silenced = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
      const r = rows[i] as SheetRow;
      const at = `${r.sheet}|${r.row}`;
      if (flagged.has(at) && explained.has(`${r.customerId}|${r.period}`)) silenced.add(at);
    }
    return warnings.filter((w) => !(isR27(w) && silenced.has(`${w.sheet}|${w.row}`)));
  }

  batchMeta(periods: readonly string[]): Pick<BatchMeta, 'unitId' | 'form' | 'period'> {
    if (this.context) return { unitId: this.context.unit.id, form: TEMPLATE_FORM, period: this.context.meta.period };
    return { unitId: null, form: 'revenue', period: periods.length === 1 ? (periods[0] as string) : null };
  }

  view(): ImportTemplateView | null {
    if (!this.context) return null;
    const { meta, unit } = this.context;
    return {
      form: meta.form,
      version: meta.version,
      unitCode: unit.code,
      unitName: unit.name,
      period: meta.period,
      generatedAt: meta.generatedAt,
    };
  }
}
