/** What a unit's template is prefilled with (DOMAIN-DECISIONS "Templates"), read from the database. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import { addMonths, type Period, previousPeriod } from '../../../shared/domain/periods';
import type { TemplateCustomer, TemplateKeyCustomer } from '../../../shared/domain/templates/layout';
import type {
  ProgressApplication,
  ProgressRegistration,
  ProgressSubmission,
} from '../../../shared/domain/templates/progress';
import { monthTotalSql } from '../revenue/store';
import { keyCustomersInForce } from '../tiering/in-force';

export interface TemplateUnitRow {
  id: number;
  code: string;
  name: string;
}

/** The named unit (refused when unknown or retired), or every active unit that has customers. */
export function unitsForTemplates(db: Database, unitCode: string | undefined): TemplateUnitRow[] {
  if (unitCode !== undefined) {
    const unit = db.prepare('SELECT id, code, name, retired_on FROM units WHERE code = ?').get(unitCode) as
      | (TemplateUnitRow & { retired_on: string | null })
      | undefined;
    if (!unit)
      throw new AppError('NOT_FOUND', { zh: `找不到单位代码 ${unitCode}`, en: `Unit code ${unitCode} not found` });
    if (unit.retired_on !== null) {
      throw new AppError('VALIDATION', {
        zh: `单位“${unit.name}”已于 ${unit.retired_on} 撤销，不再生成报送模板`,
        en: `Unit “${unit.name}” was retired on ${unit.retired_on}; no template is made for it`,
      });
    }
    return [{ id: unit.id, code: unit.code, name: unit.name }];
  }
  return db
    .prepare(
      `SELECT u.id, u.code, u.name FROM units u
       WHERE u.retired_on IS NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.unit_id = u.id)
       ORDER BY u.id`,
    )
    .all() as TemplateUnitRow[];
}

const LINE_ORDER: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

export interface UnitTemplateData {
  customers: TemplateCustomer[];
  keyCustomers: TemplateKeyCustomer[];
}

/** 申报进度 (R19): the unit's registrations and applications in progress. */
export interface UnitProgress {
  registrations: ProgressRegistration[];
  applications: ProgressApplication[];
  submissions: ProgressSubmission[];
}

/**
 * The unit's registrations in progress or decided in the three months before the template's month
 * ends, and its applications not refused and not ended by the month's start.
 */
export function unitProgress(db: Database, unitId: number, period: Period): UnitProgress {
  const since = `${addMonths(period, -2)}-01`;
  const registrations = (
    db
      .prepare(
        `SELECT r.id, r.name, r.registered_on, r.state, r.customer_id, r.outcome_reason FROM registrations r
         WHERE r.unit_id = ? AND (r.state IN ('pre_review', 'review') OR r.updated_at >= ?) ORDER BY r.id`,
      )
      .all(unitId, since) as {
      id: number;
      name: string;
      registered_on: string;
      state: ProgressRegistration['state'];
      customer_id: string | null;
      outcome_reason: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    registeredOn: r.registered_on,
    state: r.state,
    customerId: r.customer_id,
    reason: r.outcome_reason,
  }));
  const applications = (
    db
      .prepare(
        `SELECT a.id, a.customer_id, c.name, a.state, a.end_on FROM applications a JOIN customers c ON c.id = a.customer_id
         WHERE a.unit_id = ? AND a.state <> 'refused' AND (a.end_on IS NULL OR a.end_on >= ?) ORDER BY a.id`,
      )
      .all(unitId, `${period}-01`) as {
      id: number;
      customer_id: string;
      name: string;
      state: ProgressApplication['state'];
      end_on: string | null;
    }[]
  ).map((a) => ({ id: a.id, customerId: a.customer_id, customerName: a.name, state: a.state, endOn: a.end_on }));
  const submissions = (
    db
      .prepare(
        `SELECT s.kind, s.fields, b.period, s.sheet, s.row_no, s.state, s.reason
         FROM template_submissions s JOIN import_batches b ON b.id = s.batch_id
         WHERE s.unit_id = ? AND (s.state = 'pending' OR (s.state = 'declined' AND s.decided_at >= ?)) ORDER BY s.id`,
      )
      .all(unitId, since) as {
      kind: ProgressSubmission['kind'];
      fields: string;
      period: string | null;
      sheet: string;
      row_no: number;
      state: ProgressSubmission['state'];
      reason: string | null;
    }[]
  ).map((r) => {
    const f = JSON.parse(r.fields) as { name?: string; customerName?: string };
    return {
      kind: r.kind,
      name: f.name ?? f.customerName ?? '',
      period: r.period,
      sheet: r.sheet,
      row: r.row_no,
      state: r.state,
      reason: r.reason,
    };
  });
  return { registrations, applications, submissions };
}

/**
 * The unit's customers with last month's figures and the lines they used in the 12 months before
 * `period` (the long layout's rows), and its key
 * customers (their tiers in force for the month, as the import's R27 warnings use) with last month's total.
 */
export function unitTemplateData(db: Database, unitId: number, period: Period): UnitTemplateData {
  const customers = db.prepare('SELECT id, name FROM customers WHERE unit_id = ? ORDER BY id').all(unitId) as {
    id: string;
    name: string;
  }[];
  const used = new Map<string, Set<RevenueLine>>();
  const usedRows = db
    .prepare(
      `SELECT r.customer_id AS customerId, r.line FROM revenue r JOIN customers c ON c.id = r.customer_id
       WHERE c.unit_id = ? AND r.period BETWEEN ? AND ? AND r.amount_fen <> 0
       GROUP BY r.customer_id, r.line`,
    )
    .all(unitId, addMonths(period, -12), previousPeriod(period)) as { customerId: string; line: RevenueLine }[];
  for (const r of usedRows) {
    const set = used.get(r.customerId) ?? new Set<RevenueLine>();
    set.add(r.line);
    used.set(r.customerId, set);
  }
  // Last month's figures, shown beside each 本月 cell for reference (wide layout).
  const last = new Map<string, Partial<Record<RevenueLine, number>>>();
  const lastRows = db
    .prepare(
      `SELECT r.customer_id AS customerId, r.line, r.amount_fen AS fen FROM revenue r
       JOIN customers c ON c.id = r.customer_id WHERE c.unit_id = ? AND r.period = ?`,
    )
    .all(unitId, previousPeriod(period)) as { customerId: string; line: RevenueLine; fen: number }[];
  for (const r of lastRows) {
    const byLine = last.get(r.customerId) ?? {};
    byLine[r.line] = r.fen;
    last.set(r.customerId, byLine);
  }
  // The tiers in force for the month (annual grading of an earlier year, R13 records beside).
  const inForce = keyCustomersInForce(db, period);
  const keyCustomers = (
    db
      .prepare(
        `SELECT c.id, c.name,
           (SELECT ${monthTotalSql('m')} FROM revenue_months m WHERE m.customer_id = c.id AND m.period = ?) AS lastMonth
         FROM customers c WHERE c.unit_id = ? ORDER BY c.id`,
      )
      .all(previousPeriod(period), unitId) as { id: string; name: string; lastMonth: number | null }[]
  ).flatMap((r) => {
    const tier = inForce.get(r.id)?.tier;
    return tier ? [{ id: r.id, name: r.name, tier, lastMonth: r.lastMonth }] : [];
  });
  return {
    customers: customers.map((c) => {
      const lines = used.get(c.id);
      return {
        id: c.id,
        name: c.name,
        recentLines: lines ? LINE_ORDER.filter((l) => lines.has(l)) : [],
        lastMonth: last.get(c.id) ?? {},
      };
    }),
    keyCustomers,
  };
}
