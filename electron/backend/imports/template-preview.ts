/**
 * The template-aware steps of `imports/preview` gathered in one place, so the handler calls them
 * at five points and stays readable: side sheets, R8 columns, the template's period and unit
 * claims, R27 reasons, and what the batch records (unit, form, period from the metadata).
 */
import type { Database } from 'better-sqlite3';
import type { ImportSectionView, ImportTemplateView } from '../../../shared/api/types';
import type { HeaderMatch, ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import type { Policy } from '../../../shared/domain/policy/policy';
import { TEMPLATE_FORM } from '../../../shared/domain/templates/layout';
import { isMetadataSheet } from '../../../shared/domain/templates/metadata';
import {
  applyNewspaperInputs,
  findNewspaperColumns,
  type NewspaperInputs,
} from '../../../shared/domain/templates/newspaper-columns';
import type { FluctuationReasonRow } from '../../../shared/domain/templates/side-sheets';
import type { BatchMeta, BatchRow } from './batches';
import type { ParsedSheet } from './parse';
import {
  checkTemplatePeriod,
  checkUnitClaims,
  readSideSheet,
  sideSheetKind,
  type TemplateContext,
} from './template-import';

type SheetRow = RevenueRow & { sheet: string };

export class TemplatePreview {
  readonly sections: ImportSectionView[] = [];
  readonly reasons: FluctuationReasonRow[] = [];

  constructor(
    private readonly db: Database,
    readonly template: TemplateContext | null,
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
    const r = readSideSheet(this.db, sheet, kind, this.template, this.env);
    this.sections.push(r.summary);
    this.reasons.push(...r.reasons);
    return { issues: r.issues, sheet: { name: sheet.name, used: true, rows: r.summary.rows } };
  }

  /** R8 columns beside 收入(元), in a template or a hand-made sheet. */
  withNewspaperInputs(
    sheet: ParsedSheet,
    header: HeaderMatch,
    rows: readonly RevenueRow[],
    issues: ImportIssue[],
  ): RevenueRow[] {
    const columns = findNewspaperColumns(sheet, header);
    if (Object.keys(columns).length === 0) return [...rows];
    const r = applyNewspaperInputs(sheet, header, columns, rows);
    for (const i of r.issues) issues.push(i);
    return r.rows;
  }

  /**
   * The template's period and unit claims (template-import.ts). Rows it reports as errors are
   * removed from `rows` in place: they are excluded exactly like rows the sheet reader refused.
   */
  checkRows(rows: SheetRow[]): ImportIssue[] {
    if (!this.template) return [];
    const period = checkTemplatePeriod(this.template, rows);
    const claims = checkUnitClaims(this.db, this.template, period.rows);
    rows.splice(0, rows.length, ...claims.rows);
    return [...period.issues, ...claims.issues];
  }

  /**
   * R27: a flagged customer-month with a reason (or marked one-off, 一次性) in 波动原因 needs no
   * warning. The R27 warnings point at the customer-month's first row, which names it.
   */
  explainFluctuations(warnings: readonly ImportIssue[], rows: readonly SheetRow[]): ImportIssue[] {
    if (this.reasons.length === 0) return [...warnings];
    const explained = new Set(this.reasons.map((r) => `${r.customerId}|${r.period}`));
    const at = new Map(rows.map((r) => [`${r.sheet}|${r.row}`, `${r.customerId}|${r.period}`]));
    return warnings.filter((w) => !(w.message.startsWith('R27') && explained.has(at.get(`${w.sheet}|${w.row}`) ?? '')));
  }

  batchMeta(periods: readonly string[]): Pick<BatchMeta, 'unitId' | 'form' | 'period'> {
    if (this.template) return { unitId: this.template.unit.id, form: TEMPLATE_FORM, period: this.template.meta.period };
    return { unitId: null, form: 'revenue', period: periods.length === 1 ? (periods[0] as string) : null };
  }

  view(): ImportTemplateView | null {
    if (!this.template) return null;
    const { meta, unit } = this.template;
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

/** What the batch stores of a preview row (the R8 inputs ride along for newspapers rows). */
export function toBatchRow(r: RevenueRow & { newspaper?: NewspaperInputs }): BatchRow {
  const row: BatchRow = { customerId: r.customerId, period: r.period, line: r.line, amount: r.amount };
  if (r.newspaper) row.newspaper = r.newspaper;
  return row;
}
