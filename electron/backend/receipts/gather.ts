/**
 * A unit's 回执 facts for a month, each read from the part that owns it: registrations and their
 * steps and rulings, releases, applications (R19, R19c), archive duties (R18), role problems
 * (R20), and the tracker's record of what arrived (R30, R31); its key customers short of visits
 * (R23), its complaints overdue (R33), its discounts decided (R29) and what became of the service
 * rows its templates sent (DOMAIN-DECISIONS "Receipts (回执)").
 */
import type { Database } from 'better-sqlite3';
import type { ComplaintView } from '../../../shared/api/types-complaints';
import type { VisitObligationRow } from '../../../shared/api/types-visits';
import { localDate } from '../../../shared/domain/dates';
import type { RevenueLine } from '../../../shared/domain/lines';
import { lastDayOf, nextPeriod, type Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { ReceiptFacts } from '../../../shared/domain/receipts';
import { archiveDuties } from '../archives/duties';
import { allAssignmentProblems } from '../assignments/handlers';
import { complaintViews, localMinute } from '../complaints/service';
import { trackerFor } from '../submissions/handlers';
import { visitObligations } from '../visits/service';

const localDateOf = (iso: string): string => localDate(new Date(iso));

export interface ReceiptUnit {
  id: number;
  code: string;
  name: string;
}

/**
 * The city-wide duties on the day the receipts are made (archives due, role problems), worked out
 * once for all units: each walks every customer.
 */
export interface CityDuties {
  today: string;
  archives: ReturnType<typeof archiveDuties>;
  roles: ReturnType<typeof allAssignmentProblems>;
  /** R23: the month's obligations, each key customer's with its responsible unit (R15). */
  visits: VisitObligationRow[];
  /** R33: complaints with their clocks judged now. */
  complaints: ComplaintView[];
}

export function cityDuties(db: Database, policy: Policy, now: Date, period: Period): CityDuties {
  const today = localDate(now);
  return {
    today,
    archives: archiveDuties(db, policy, today),
    roles: allAssignmentProblems(db, policy, today),
    // Managers as on the month's last day, or today while the month runs (as the visits page).
    visits: visitObligations(db, period, policy, [today, lastDayOf(period)].sort()[0]),
    complaints: complaintViews(db, { open: false, customerId: null }, localMinute(now)),
  };
}

export function receiptFacts(
  db: Database,
  unit: ReceiptUnit,
  period: Period,
  policy: Policy,
  duties: CityDuties,
): ReceiptFacts {
  const from = `${period}-01`;
  const to = lastDayOf(period);
  const { today } = duties;
  // Registrations of the unit decided in the month, and those still waiting (so the unit knows).
  const registrations = (
    db
      .prepare(
        `SELECT r.id, r.name, r.registered_on, r.state, r.customer_id, r.outcome_reason,
           (SELECT max(s.decided_on) FROM registration_steps s WHERE s.registration_id = r.id AND s.step <> 'submit') AS decided_on
         FROM registrations r WHERE r.unit_id = @unit
           AND (r.state IN ('pre_review', 'review')
             OR EXISTS (SELECT 1 FROM registration_steps s WHERE s.registration_id = r.id AND s.step <> 'submit'
                          AND s.decided_on BETWEEN @from AND @to))
         ORDER BY r.id`,
      )
      .all({ unit: unit.id, from, to }) as {
      id: number;
      name: string;
      registered_on: string;
      state: ReceiptFacts['registrations'][number]['state'];
      customer_id: string | null;
      outcome_reason: string | null;
      decided_on: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    registeredOn: r.registered_on,
    state: r.state,
    decidedOn: r.decided_on,
    customerId: r.customer_id,
    reason: r.outcome_reason,
  }));
  // Rulings of the month that concern the unit: on its registration, or against its customer or
  // its earlier registration (a holder in the ruled sides).
  const rulings = (
    db
      .prepare(
        `SELECT g.registration_id, r.name, r.unit_id, g.winner, g.basis, g.reason, g.ruled_on, g.sides
         FROM registration_rulings g JOIN registrations r ON r.id = g.registration_id
         WHERE g.ruled_on BETWEEN @from AND @to ORDER BY g.id`,
      )
      .all({ from, to }) as {
      registration_id: number;
      name: string;
      unit_id: number;
      winner: 'registration' | 'holder';
      basis: 'signing_location' | 'escalation';
      reason: string;
      ruled_on: string;
      sides: string;
    }[]
  ).flatMap((g) => {
    const ours = g.unit_id === unit.id;
    const holder = !ours && (JSON.parse(g.sides) as { unit?: string }[]).some((s) => s.unit === unit.code);
    if (!ours && !holder) return [];
    const forUnit = ours ? g.winner === 'registration' : g.winner === 'holder';
    return [
      {
        registrationId: g.registration_id,
        name: g.name,
        forUnit,
        basis: g.basis,
        reason: g.reason,
        ruledOn: g.ruled_on,
      },
    ];
  });
  const releases = (
    db
      .prepare(
        `SELECT x.customer_id, c.name, x.released_on, x.reason, x.bar_until FROM customer_releases x
         JOIN customers c ON c.id = x.customer_id
         WHERE x.previous_unit_id = @unit AND x.kind = 'release' AND x.released_on BETWEEN @from AND @to ORDER BY x.id`,
      )
      .all({ unit: unit.id, from, to }) as {
      customer_id: string;
      name: string;
      released_on: string;
      reason: string;
      bar_until: string | null;
    }[]
  ).map((x) => ({
    customerId: x.customer_id,
    name: x.name,
    releasedOn: x.released_on,
    reason: x.reason,
    barUntil: x.bar_until,
  }));
  const applications = (
    db
      .prepare(
        `SELECT a.id, c.name, a.state, a.decided_on, a.attribution_percent, a.end_on,
           coalesce(a.ruling_reason, a.owner_opinion) AS reason
         FROM applications a JOIN customers c ON c.id = a.customer_id
         WHERE a.unit_id = @unit AND (a.state IN ('owner_opinion', 'ruling') OR a.decided_on BETWEEN @from AND @to)
         ORDER BY a.id`,
      )
      .all({ unit: unit.id, from, to }) as {
      id: number;
      name: string;
      state: ReceiptFacts['applications'][number]['state'];
      decided_on: string | null;
      attribution_percent: number | null;
      end_on: string | null;
      reason: string | null;
    }[]
  ).map((a) => ({
    id: a.id,
    customerName: a.name,
    state: a.state,
    decidedOn: a.decided_on,
    attributionPercent: a.attribution_percent,
    endOn: a.end_on,
    reason: a.reason,
  }));
  // What its templates sent (DOMAIN-DECISIONS "Template intake"): waiting, or received or decided
  // in the month (times are stored in UTC; the month is the local one).
  const inMonth = (iso: string | null) => iso !== null && localDateOf(iso) >= from && localDateOf(iso) <= to;
  const inbox = (
    db
      .prepare(
        `SELECT kind, sheet, row_no, fields, state, received_at, decided_at, reason,
           coalesce(registration_id, application_id) AS filed_as
         FROM template_submissions WHERE unit_id = ? ORDER BY id`,
      )
      .all(unit.id) as {
      kind: 'registration' | 'application';
      sheet: string;
      row_no: number;
      fields: string;
      state: ReceiptFacts['inbox'][number]['state'];
      received_at: string;
      decided_at: string | null;
      reason: string | null;
      filed_as: number | null;
    }[]
  )
    .filter((r) => r.state === 'pending' || inMonth(r.received_at) || inMonth(r.decided_at))
    .map((r) => {
      const f = JSON.parse(r.fields) as { name?: string; customerName?: string };
      return {
        kind: r.kind,
        name: f.name ?? f.customerName ?? '',
        sheet: r.sheet,
        row: r.row_no,
        receivedOn: localDateOf(r.received_at),
        state: r.state,
        decidedOn: r.decided_at === null ? null : localDateOf(r.decided_at),
        filedAs: r.filed_as,
        reason: r.reason,
      };
    });
  // Duties as of the day the receipt is made: overdue now, or due by the end of the next month.
  const own = new Set(db.prepare('SELECT id FROM customers WHERE unit_id = ?').pluck().all(unit.id) as string[]);
  const horizon = lastDayOf(nextPeriod(period));
  const archivesDue = duties.archives
    .filter((d) => own.has(d.customerId) && (d.overdue || d.dueOn <= horizon))
    .map((d) => ({ customerId: d.customerId, name: d.customerName, tier: d.tier, dueOn: d.dueOn, overdue: d.overdue }));
  const missingRoles = duties.roles
    .filter((p) => own.has(p.customerId))
    .map((p) => ({ customerId: p.customerId, name: p.customerName, tier: p.tier, problems: p.problems }));
  const tracked = trackerFor(db, period, today, policy).units.find((u) => u.unitId === unit.id);
  const received = (tracked?.cells ?? []).map((c) => ({
    form: c.form,
    status: c.status,
    dueOn: c.dueOn,
    receivedAt: c.receivedAt,
  }));
  // R23: its key customers (responsible unit, R15) short of held visits in the month.
  const visitsShort = duties.visits
    .filter((v) => v.responsibleUnit === unit.code && v.short > 0)
    .map((v) => ({
      customerId: v.customerId,
      name: v.customerName,
      tier: v.tier,
      required: v.required,
      held: v.held,
      short: v.short,
    }));
  // R33: complaints it received (it owns them) whose clock was missed — open and overdue now, or
  // closed in the month with a breach recorded.
  const complaintsOverdue = duties.complaints
    .filter(
      (c) =>
        c.unit === unit.code &&
        c.breached &&
        (c.status !== 'closed' ||
          (c.closedAt !== null && c.closedAt.slice(0, 10) >= from && c.closedAt.slice(0, 10) <= to)),
    )
    .map((c) => ({
      id: c.id,
      customerId: c.customerId,
      name: c.customerName,
      receivedAt: c.receivedAt,
      status: c.status,
      missed: (['log', 'contact', 'close'] as const).filter((k) => c.breaches[k]),
      deadlines: c.deadlines,
      closedAt: c.closedAt,
    }));
  // R29: its customers' requests approved or rejected in the month, with the last step's comment.
  const discountsDecided = (
    db
      .prepare(
        `SELECT d.id, d.customer_id, c.name, d.line, d.rate_unit, d.standard_rate, d.proposed_rate, d.status,
           d.valid_from, d.valid_to, d.closed_at,
           (SELECT x.comment FROM discount_decisions x WHERE x.request_id = d.id ORDER BY x.step DESC LIMIT 1) AS comment
         FROM discount_requests d JOIN customers c ON c.id = d.customer_id
         WHERE c.unit_id = ? AND d.status IN ('approved', 'rejected') ORDER BY d.id`,
      )
      .all(unit.id) as {
      id: number;
      customer_id: string;
      name: string;
      line: RevenueLine;
      rate_unit: string;
      standard_rate: number;
      proposed_rate: number;
      status: 'approved' | 'rejected';
      valid_from: string;
      valid_to: string;
      closed_at: string;
      comment: string | null;
    }[]
  )
    .filter((d) => inMonth(d.closed_at))
    .map((d) => ({
      id: d.id,
      customerId: d.customer_id,
      name: d.name,
      line: d.line,
      rateUnit: d.rate_unit,
      standardRate: d.standard_rate,
      proposedRate: d.proposed_rate,
      status: d.status,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      decidedOn: localDateOf(d.closed_at),
      comment: d.comment,
    }));
  // What became of each service row its templates sent that arrived in the month.
  const serviceRows = (
    db
      .prepare(
        `SELECT kind, sheet, row_no, customer_id, state, record_id, reason, recorded_at
         FROM template_service_rows WHERE unit_id = ? ORDER BY batch_id, sheet, row_no`,
      )
      .all(unit.id) as {
      kind: ReceiptFacts['serviceRows'][number]['kind'];
      sheet: string;
      row_no: number;
      customer_id: string;
      state: ReceiptFacts['serviceRows'][number]['state'];
      record_id: number | null;
      reason: string | null;
      recorded_at: string;
    }[]
  )
    .filter((r) => inMonth(r.recorded_at))
    .map((r) => ({
      kind: r.kind,
      sheet: r.sheet,
      row: r.row_no,
      customerId: r.customer_id,
      state: r.state,
      recordId: r.record_id,
      reason: r.reason,
      receivedOn: localDateOf(r.recorded_at),
    }));
  return {
    unit: { code: unit.code, name: unit.name },
    period,
    generatedOn: today,
    registrations,
    rulings,
    releases,
    applications,
    inbox,
    archivesDue,
    missingRoles,
    received,
    visitsShort,
    complaintsOverdue,
    discountsDecided,
    serviceRows,
  };
}
