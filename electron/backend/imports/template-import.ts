/**
 * The template-aware part of an import preview (DOMAIN-DECISIONS "Templates"): the metadata sheet
 * (which unit, form and period the file holds; a tampered one stops the import), the sheets beside
 * revenue, the template's period, and which unit may report a customer's figures.
 *
 * Two units and one customer: the unit a customer is registered with owns its figures (R14/R15
 * one point of access, R19 the first registration owns the customer). A row for another unit's
 * customer is a warning naming both units. A cell (customer, month, line) already holding a
 * figure from a standing batch of another unit is an error on the later row — unless the later
 * unit is the customer's own, whose figure then replaces it (a warning says so). Commit checks
 * again, so a batch committed between preview and commit cannot be overwritten unseen.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { isLateManagerChange, localDate, managerChangeDueDate } from '../../../shared/domain/dates';
import type { ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import { LINE_NAMES_EN, LINE_NAMES_ZH } from '../../../shared/domain/lines';
import {
  findManagerChangeHeader,
  type ManagerChangeRow,
  missingManagerChangeHeader,
  readManagerChangeSheet,
} from '../../../shared/domain/managers/change-sheet';
import { fenToYuanString } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy/policy';
import {
  readApplicationSubmissions,
  readRegistrationSubmissions,
  type TemplateSubmission,
} from '../../../shared/domain/templates/intake';
import { TEMPLATE_SHEETS } from '../../../shared/domain/templates/layout';
import {
  isMetadataSheet,
  type MetadataUnit,
  readTemplateMetadata,
  type TemplateMetadata,
} from '../../../shared/domain/templates/metadata';
import {
  type RefusedServiceRow,
  readComplaintSheet,
  readDiscountSheet,
  readLogSheet,
  readVisitSheet,
  type ServiceSheetRead,
  type ServiceSheetRow,
} from '../../../shared/domain/templates/service-sheets';
import {
  type FluctuationReasonRow,
  readFluctuationReasons,
  readUnitAnalysis,
  type UnitAnalysisTexts,
} from '../../../shared/domain/templates/side-sheets';
import { managerChangeLookups, planManagerChanges } from '../organisation/change-register';
import type { ParsedSheet, ParsedWorkbook } from './parsed-workbook';
import { checkServiceRows } from './template-services';

export interface TemplateContext {
  meta: TemplateMetadata;
  unit: MetadataUnit;
}

export type SectionKind =
  | 'registrations'
  | 'applications'
  | 'managerChanges'
  | 'fluctuations'
  | 'analysis'
  | 'logs'
  | 'visits'
  | 'complaints'
  | 'discounts';

export interface SectionSummary {
  sheet: string;
  kind: SectionKind;
  /** Rows read (with or without problems); for 经营分析, the items written. */
  rows: number;
  problems: number;
  /**
   * Stored on commit: 波动原因 and 经营分析 with the batch, 新客户申报 and 营销申报 into the centre's
   * inbox, 客户经理变动 applied to the register. False for a sheet that could not be read.
   */
  stored: boolean;
}

/** The metadata of a template, null for a hand-made workbook; throws on a tampered sheet. */
export function readTemplateContext(db: Database, workbook: ParsedWorkbook): TemplateContext | null {
  const sheet = workbook.sheets.find((s) => isMetadataSheet(s.name));
  if (!sheet) return null;
  const unitStmt = db.prepare('SELECT id, code, name, retired_on FROM units WHERE code = ?');
  const read = readTemplateMetadata(sheet, (code) => {
    const u = unitStmt.get(code) as { id: number; code: string; name: string; retired_on: string | null } | undefined;
    return u ? { id: u.id, code: u.code, name: u.name, retired: u.retired_on !== null } : null;
  });
  if (!read.ok) {
    const { message, messageEn } = read.issue;
    throw new AppError('VALIDATION', messageEn === undefined ? message : { zh: message, en: messageEn }, {
      issues: [read.issue],
    });
  }
  return { meta: read.meta, unit: read.unit };
}

const SIDE_SHEETS: Record<string, SectionKind> = {
  [TEMPLATE_SHEETS.registrations]: 'registrations',
  [TEMPLATE_SHEETS.applications]: 'applications',
  [TEMPLATE_SHEETS.managerChanges]: 'managerChanges',
  [TEMPLATE_SHEETS.fluctuations]: 'fluctuations',
  [TEMPLATE_SHEETS.analysis]: 'analysis',
  [TEMPLATE_SHEETS.logs]: 'logs',
  [TEMPLATE_SHEETS.visits]: 'visits',
  [TEMPLATE_SHEETS.complaints]: 'complaints',
  [TEMPLATE_SHEETS.discounts]: 'discounts',
};

/** 新客户申报, 营销申报, 客户经理变动, 波动原因 and 经营分析 are recognised by name; 填表说明, 申报进度 (for reading) and the list sheet are skipped. */
export function sideSheetKind(name: string): SectionKind | 'instructions' | null {
  if (name === TEMPLATE_SHEETS.instructions || name === TEMPLATE_SHEETS.progress || name === TEMPLATE_SHEETS.lists)
    return 'instructions';
  return Object.hasOwn(SIDE_SHEETS, name) ? (SIDE_SHEETS[name] as SectionKind) : null;
}

export interface SideSheetResult {
  summary: SectionSummary;
  issues: ImportIssue[];
  reasons: FluctuationReasonRow[];
  /** 经营分析's texts (R31); null when nothing was written or the sheet is not the unit's. */
  analysis: UnitAnalysisTexts | null;
  /** 新客户申报 and 营销申报 rows for the centre's inbox. */
  submissions: TemplateSubmission[];
  /** 客户经理变动 rows the register accepts as they stand (planned again at commit). */
  managerChanges: ManagerChangeRow[];
  /** 营销日志, 拜访记录, 投诉登记 and 资费优惠申请 rows their channels accept (checked again at commit). */
  services: ServiceSheetRow[];
  /** Those rows refused, with the reason, for the unit's receipt. */
  refusedServices: RefusedServiceRow[];
}

/** A sheet that yields nothing to store. */
const nothing = (): Pick<
  SideSheetResult,
  'reasons' | 'analysis' | 'submissions' | 'managerChanges' | 'services' | 'refusedServices'
> => ({
  reasons: [],
  analysis: null,
  submissions: [],
  managerChanges: [],
  services: [],
  refusedServices: [],
});

const SERVICE_READERS = {
  logs: readLogSheet,
  visits: readVisitSheet,
  complaints: readComplaintSheet,
  discounts: readDiscountSheet,
} as const;

/**
 * 营销日志, 拜访记录, 投诉登记 and 资费优惠申请: each row read (service-sheets.ts), then through its
 * channel's schema and checks (template-services.ts), kept by the template's unit.
 */
function readServiceSheet(
  db: Database,
  sheet: ParsedSheet,
  kind: keyof typeof SERVICE_READERS,
  template: TemplateContext,
  env: { policy: Policy; now: Date; date1904: boolean },
): SideSheetResult {
  const read: ServiceSheetRead<ServiceSheetRow> = SERVICE_READERS[kind](sheet, { date1904: env.date1904 });
  const checked = checkServiceRows(db, read.rows, {
    unit: { id: template.unit.id, code: template.unit.code, name: template.unit.name },
    now: env.now,
    policy: env.policy,
  });
  const issues = [...read.issues, ...checked.issues];
  const headerMissing = read.issues.some((i) => i.row === null);
  return {
    summary: {
      sheet: sheet.name,
      kind,
      rows: read.rows.length + read.refused.length,
      problems: issues.length,
      stored: !headerMissing,
    },
    issues,
    ...nothing(),
    services: checked.accepted,
    refusedServices: [...read.refused, ...checked.refused],
  };
}

/**
 * 经营分析 is the unit's own text for its month (R31): outside a template no unit is named, so the
 * sheet is reported as not read rather than stored under nobody.
 */
function readAnalysisSheet(sheet: ParsedSheet, template: TemplateContext | null): SideSheetResult {
  if (template === null) {
    return {
      summary: { sheet: sheet.name, kind: 'analysis', rows: 0, problems: 1, stored: false },
      issues: [
        {
          sheet: sheet.name,
          row: null,
          column: null,
          severity: 'warning',
          message: `工作表“${sheet.name}”是单位的经营分析，但文件中没有模板信息，不知道是哪个单位的：未读取该表。请用中心下发的报送模板报送`,
          messageEn: `This sheet is a unit's business analysis, but the file has no template information, so the unit is unknown: the sheet was not read. Send it in the template the centre sent`,
        },
      ],
      ...nothing(),
    };
  }
  const r = readUnitAnalysis(sheet);
  return {
    summary: { sheet: sheet.name, kind: 'analysis', rows: r.written, problems: r.issues.length, stored: true },
    issues: r.issues,
    ...nothing(),
    analysis: r.analysis,
  };
}

/**
 * 新客户申报 and 营销申报 are a unit's requests (R19): outside a template no unit is named, so the
 * sheet is reported as not read.
 */
function withoutUnit(sheet: ParsedSheet, kind: SectionKind): SideSheetResult {
  return {
    summary: { sheet: sheet.name, kind, rows: 0, problems: 1, stored: false },
    issues: [
      {
        sheet: sheet.name,
        row: null,
        column: null,
        severity: 'warning',
        message: `工作表“${sheet.name}”是单位的${sheet.name}，但文件中没有模板信息，不知道是哪个单位申报的：未读取该表。请用中心下发的报送模板报送`,
        messageEn: `This sheet holds a unit's requests, but the file has no template information, so the unit is unknown: the sheet was not read. Send it in the template the centre sent`,
      },
    ],
    ...nothing(),
  };
}

/** 客户经理变动 (R30), in a template the unit's own (managers/change-sheet.ts), checked against the register. */
function readManagerChangesSheet(
  db: Database,
  sheet: ParsedSheet,
  template: TemplateContext | null,
  env: { policy: Policy; now: Date },
): SideSheetResult {
  const header = findManagerChangeHeader(sheet, 10, template !== null);
  if (!header) {
    return {
      summary: { sheet: sheet.name, kind: 'managerChanges', rows: 0, problems: 1, stored: false },
      issues: [{ ...missingManagerChangeHeader(sheet.name), severity: 'warning' }],
      ...nothing(),
    };
  }
  const own = template ? { id: template.unit.id, name: template.unit.name } : undefined;
  const read = readManagerChangeSheet(sheet, header, managerChangeLookups(db), { unit: own });
  const checked = planManagerChanges(db, read.rows);
  // R30: what will be recorded late if imported today, said before the officer commits.
  const today = localDate(env.now);
  const dueDay = env.policy.reporting.managerChangeDueDay;
  const late: ImportIssue[] = checked.planned
    .filter((p) => isLateManagerChange(p.row.effectiveOn, today, dueDay))
    .map((p) => {
      const due = managerChangeDueDate(p.row.effectiveOn, dueDay);
      return {
        sheet: sheet.name,
        row: p.row.row,
        column: p.row.columns.effectiveOn ?? null,
        severity: 'warning',
        message: `R30：该变动应于 ${due} 前报送，今天（${today}）导入将记为迟报`,
        messageEn: `R30: this change was due by ${due}; imported today (${today}) it is recorded as late`,
      };
    });
  const issues = [...read.issues, ...checked.issues, ...late];
  const refused = new Set(checked.issues.filter((i) => i.severity === 'error').map((i) => i.row));
  return {
    summary: {
      sheet: sheet.name,
      kind: 'managerChanges',
      rows: read.rows.length + read.errorRows,
      problems: issues.length,
      stored: true,
    },
    issues,
    ...nothing(),
    managerChanges: read.rows.filter((r) => !refused.has(r.row)),
  };
}

export function readSideSheet(
  db: Database,
  sheet: ParsedSheet,
  kind: SectionKind,
  template: TemplateContext | null,
  env: { policy: Policy; now: Date; date1904: boolean },
): SideSheetResult {
  if (kind === 'analysis') return readAnalysisSheet(sheet, template);
  if (kind === 'managerChanges') return readManagerChangesSheet(db, sheet, template, env);
  if (kind === 'logs' || kind === 'visits' || kind === 'complaints' || kind === 'discounts')
    return template === null ? withoutUnit(sheet, kind) : readServiceSheet(db, sheet, kind, template, env);
  if ((kind === 'registrations' || kind === 'applications') && template === null) return withoutUnit(sheet, kind);
  let read: { rows: readonly unknown[]; issues: ImportIssue[] };
  let submissions: TemplateSubmission[] = [];
  let reasons: FluctuationReasonRow[] = [];
  if (kind === 'registrations') {
    const byCode = db.prepare('SELECT id, name FROM customers WHERE credit_code = ?');
    const byName = db.prepare('SELECT id, name FROM customers WHERE normalised_name = ? ORDER BY id LIMIT 3');
    const area = db.prepare('SELECT 1 FROM area_codes WHERE code = ?');
    const r = readRegistrationSubmissions(sheet, {
      byCreditCode: (code) => (byCode.get(code) as { id: string; name: string } | undefined) ?? null,
      byNormalisedName: (n) => byName.all(n) as { id: string; name: string }[],
      areaExists: (code) => area.get(code) !== undefined,
    });
    read = r;
    submissions = r.rows;
  } else if (kind === 'applications') {
    const customer = db.prepare(
      'SELECT c.name, c.unit_id AS unitId, u.name AS unitName FROM customers c JOIN units u ON u.id = c.unit_id WHERE c.id = ?',
    );
    const r = readApplicationSubmissions(
      sheet,
      {
        customer: (id) => (customer.get(id) as { name: string; unitId: number; unitName: string } | undefined) ?? null,
      },
      { unitId: template?.unit.id ?? null, date1904: env.date1904 },
    );
    read = r;
    submissions = r.rows;
  } else {
    const customerExists = db.prepare('SELECT 1 FROM customers WHERE id = ?');
    const r = readFluctuationReasons(
      sheet,
      { byId: (id) => customerExists.get(id) !== undefined, byName: () => [] },
      { date1904: env.date1904, period: template?.meta.period ?? null },
    );
    read = r;
    reasons = r.rows;
  }
  const { issues } = read;
  const rowsWithErrors = new Set(issues.filter((i) => i.row !== null && i.severity === 'error').map((i) => i.row)).size;
  return {
    summary: {
      sheet: sheet.name,
      kind,
      rows: read.rows.length + rowsWithErrors,
      problems: issues.length,
      stored: true,
    },
    issues,
    reasons,
    analysis: null,
    submissions,
    managerChanges: [],
    services: [],
    refusedServices: [],
  };
}

type SheetRow = RevenueRow & { sheet: string };

/** A template is one unit's report for one month: a row for another month is an error. */
export function periodMismatch(template: TemplateContext, r: SheetRow): ImportIssue | null {
  if (r.period === template.meta.period) return null;
  return {
    sheet: r.sheet,
    row: r.row,
    column: null,
    severity: 'error',
    message: `本模板为 ${template.meta.unitName || template.unit.name} ${template.meta.period} 月报，该行月份为 ${r.period}：其他月份请用该月的模板报送`,
    messageEn: `This template is the ${template.meta.period} report of "${template.meta.unitName || template.unit.name}" but this row is for ${r.period}: report other months with that month's template`,
  };
}

interface Holder {
  batchId: number;
  unitId: number;
  unitName: string;
  amount: number;
}

/** Reads who holds a cell: the standing batch of a unit whose import last wrote it. */
function holderReader(db: Database): (r: RevenueRow) => Holder | null {
  const cell = db.prepare(
    'SELECT amount_fen, source_ref FROM revenue WHERE customer_id = ? AND period = ? AND line = ?',
  );
  const batch = db.prepare(
    `SELECT b.id, b.unit_id AS unitId, u.name AS unitName FROM import_batches b JOIN units u ON u.id = b.unit_id
     WHERE b.id = ? AND b.undone_at IS NULL`,
  );
  const batches = new Map<number, { unitId: number; unitName: string } | null>();
  return (r) => {
    const c = cell.get(r.customerId, r.period, r.line) as { amount_fen: number; source_ref: string | null } | undefined;
    const m = c?.source_ref ? /^batch:(\d+)$/.exec(c.source_ref) : null;
    if (!c || !m) return null;
    const id = Number(m[1]);
    if (!batches.has(id)) {
      batches.set(id, (batch.get(id) as { unitId: number; unitName: string } | undefined) ?? null);
    }
    const b = batches.get(id);
    return b ? { batchId: id, unitId: b.unitId, unitName: b.unitName, amount: c.amount_fen } : null;
  };
}

function customerUnitReader(db: Database): (id: string) => { unitId: number; unitName: string; name: string } {
  const stmt = db.prepare(
    'SELECT c.name, c.unit_id AS unitId, u.name AS unitName FROM customers c JOIN units u ON u.id = c.unit_id WHERE c.id = ?',
  );
  const cache = new Map<string, { unitId: number; unitName: string; name: string }>();
  return (id) => {
    let v = cache.get(id);
    if (!v) {
      v = stmt.get(id) as { unitId: number; unitName: string; name: string };
      cache.set(id, v);
    }
    return v;
  };
}

/** Preview: warnings for other units' customers, errors for cells another unit holds (see top). */
export function checkUnitClaims<R extends SheetRow>(
  db: Database,
  template: TemplateContext,
  rows: readonly R[],
): { rows: R[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const keep = unitClaimFilter(db, template);
  return { rows: rows.filter((r) => keep(r, issues)), issues };
}

/**
 * `checkUnitClaims` one row at a time (true: keep the row; problems go to `issues`), so a caller
 * can check a large sheet in slices; a customer of another unit is warned about once per filter.
 */
export function unitClaimFilter(
  db: Database,
  template: TemplateContext,
): (r: SheetRow, issues: ImportIssue[]) => boolean {
  const customerOf = customerUnitReader(db);
  const holderOf = holderReader(db);
  const me = template.unit;
  const warned = new Set<string>();
  return (r, issues) => {
    const owner = customerOf(r.customerId);
    // The wide layout names the cell's column; the long layout's row is the cell.
    const at = { sheet: r.sheet, row: r.row, column: r.column ?? null };
    if (owner.unitId !== me.id && !warned.has(r.customerId)) {
      warned.add(r.customerId);
      issues.push({
        ...at,
        severity: 'warning',
        message: `客户 ${r.customerId}（${owner.name}）登记在“${owner.unitName}”，本表由“${me.name}”报送：请核实由哪个单位报送该客户`,
        messageEn: `Customer ${r.customerId} ("${owner.name}") is registered with "${owner.unitName}" but this sheet is from "${me.name}": check which unit reports this customer`,
      });
    }
    if (r.amount === null) return true;
    const holder = holderOf(r);
    if (!holder || holder.unitId === me.id) return true;
    if (owner.unitId === me.id) {
      issues.push({
        ...at,
        severity: 'warning',
        message: `该客户登记在本单位：将替换“${holder.unitName}”第 ${holder.batchId} 批报送的 ${fenToYuanString(holder.amount)} 元`,
        messageEn: `The customer is registered with this unit: this replaces the ${fenToYuanString(holder.amount)} yuan reported by "${holder.unitName}" in batch ${holder.batchId}`,
      });
      return true;
    }
    issues.push({
      ...at,
      severity: 'error',
      message: `客户 ${r.customerId} ${r.period} ${LINE_NAMES_ZH[r.line]}收入已由“${holder.unitName}”（第 ${holder.batchId} 批）报送 ${fenToYuanString(holder.amount)} 元；同一客户同一月份同一业务只能由一个单位报送，如需更改请先撤销该批次或由客户所属单位“${owner.unitName}”报送`,
      messageEn: `${LINE_NAMES_EN[r.line]} revenue of customer ${r.customerId} for ${r.period} was reported by "${holder.unitName}" (batch ${holder.batchId}, ${fenToYuanString(holder.amount)} yuan); one unit reports a customer's line for a month: undo that batch first, or let the customer's unit "${owner.unitName}" report it`,
    });
    return false;
  };
}

/** Commit: the same rule against batches committed since the preview; refuses the whole batch. */
export function assertNoNewClaims(
  db: Database,
  unitId: number | null,
  rows: readonly { customerId: string; period: string; line: RevenueRow['line']; amount: number | null }[],
): void {
  if (unitId === null) return;
  const customerOf = customerUnitReader(db);
  const holderOf = holderReader(db);
  for (const r of rows) {
    if (r.amount === null) continue;
    const holder = holderOf({ ...r, row: 0 });
    if (!holder || holder.unitId === unitId) continue;
    if (customerOf(r.customerId).unitId === unitId) continue;
    throw new AppError(
      'CONFLICT',
      {
        zh: `预览之后，“${holder.unitName}”第 ${holder.batchId} 批已报送客户 ${r.customerId} ${r.period} 的同一项收入：未导入任何数据，请重新预览`,
        en: `Since the preview, batch ${holder.batchId} of “${holder.unitName}” reported the same revenue of customer ${r.customerId} for ${r.period}: nothing was imported; preview again`,
      },
      { batchId: holder.batchId, customerId: r.customerId },
    );
  }
}
