/**
 * A customer's timeline (the hub's 时间线): what happened to it, merged at read time from what each
 * part already stores — its registration, each year's grading in force and R13 approvals and
 * overrides, the R5 agreement, the import batches that wrote its figures, figures typed by hand.
 * Nothing is copied into a history table; a part that stores more adds a provider here.
 * The backend gives facts, the renderer phrases them in the officer's language.
 */
import type { Database } from 'better-sqlite3';
import type { TimelineEvent } from '../../../shared/api/types';
import { inForceRunOf } from '../tiering/in-force';

type Provider = (db: Database, customerId: string) => TimelineEvent[];

const created: Provider = (db, id) => {
  const row = db
    .prepare(
      `SELECT c.created_at AS at, u.name AS unit,
         (SELECT actor FROM audit_log WHERE entity = 'customer:' || c.id AND channel = 'customers/create' LIMIT 1) AS actor,
         (SELECT batch_id FROM customer_import_items WHERE customer_id = c.id LIMIT 1) AS batch
       FROM customers c JOIN units u ON u.id = c.unit_id WHERE c.id = ?`,
    )
    .get(id) as { at: string; unit: string; actor: string | null; batch: number | null } | undefined;
  if (!row) return [];
  return [{ at: row.at, kind: 'created', actor: row.actor, facts: { unit: row.unit, customerBatch: row.batch } }];
};

/** Each graded year's tier in force (R9–R13), when it differs from the year before or is the first. */
const grading: Provider = (db, id) => {
  const years = db
    .prepare("SELECT DISTINCT CAST(run_key AS INTEGER) AS year FROM tier_runs WHERE kind = 'annual' ORDER BY 1")
    .pluck()
    .all() as number[];
  const result = db.prepare(
    `SELECT r.tier, r.scope, r.qualified, t.created_at AS at, t.actor FROM tier_results r JOIN tier_runs t ON t.id = r.run_id
     WHERE r.run_id = ? AND r.customer_id = ?`,
  );
  const events: TimelineEvent[] = [];
  let before: string | null | undefined;
  for (const year of years) {
    const runId = inForceRunOf(db, year);
    if (runId === null) continue;
    const r = result.get(runId, id) as
      | { tier: string | null; scope: string; qualified: number; at: string; actor: string }
      | undefined;
    if (!r) continue;
    const tier = r.qualified ? r.tier : null;
    if (tier !== before) {
      events.push({
        at: r.at,
        kind: 'grading',
        actor: r.actor,
        facts: { year, tier, previous: before ?? null, scope: r.scope, runId },
      });
    }
    before = tier;
  }
  return events;
};

const approvals: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT 'approval' AS kind, tier, approver, document_no AS documentNo, reason, created_at AS at, revoked_at AS revokedAt
           FROM tier_approvals WHERE customer_id = @id
         UNION ALL
         SELECT 'override', tier, approver, NULL, reason, created_at, revoked_at FROM tier_overrides WHERE customer_id = @id`,
      )
      .all({ id }) as {
      kind: 'approval' | 'override';
      tier: string;
      approver: string;
      documentNo: string | null;
      reason: string;
      at: string;
      revokedAt: string | null;
    }[]
  ).flatMap((r) => {
    const facts = { tier: r.tier, approver: r.approver, documentNo: r.documentNo, reason: r.reason };
    const made: TimelineEvent = { at: r.at, kind: r.kind, actor: null, facts };
    return r.revokedAt ? [made, { at: r.revokedAt, kind: `${r.kind}_revoked` as const, actor: null, facts }] : [made];
  });

const agreement: Provider = (db, id) => {
  const since = db.prepare('SELECT agreement_since FROM customers WHERE id = ?').pluck().get(id) as string | null;
  return since ? [{ at: since, kind: 'agreement', actor: null, facts: {} }] : [];
};

/**
 * The import batches that wrote its figures, probed through import_changes' key (batch_id,
 * customer_id, …): one seek per batch, not a scan (as the audit list's customer filter).
 */
const imports: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT b.id, b.file_name AS fileName, b.period, b.committed_at AS at, b.committed_by AS actor,
           b.undone_at AS undoneAt, u.name AS unit,
           (SELECT count(*) FROM import_changes c WHERE c.batch_id = b.id AND c.customer_id = @id) AS cells
         FROM import_batches b LEFT JOIN units u ON u.id = b.unit_id
         WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.batch_id = b.id AND c.customer_id = @id)`,
      )
      .all({ id }) as {
      id: number;
      fileName: string;
      period: string | null;
      at: string;
      actor: string;
      undoneAt: string | null;
      unit: string | null;
      cells: number;
    }[]
  ).map((b) => ({
    at: b.at,
    kind: 'import' as const,
    actor: b.actor,
    facts: {
      batchId: b.id,
      fileName: b.fileName,
      period: b.period,
      unit: b.unit,
      cells: b.cells,
      undoneAt: b.undoneAt,
    },
  }));

/** Figures typed by hand (revenue/set), from the audit log: its entity is the customer's month. */
const typed: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT at, actor, input ->> 'period' AS period, input ->> 'line' AS line, input ->> 'amount' AS amount
         FROM audit_log WHERE entity >= 'revenue:' || @id || ':' AND entity < 'revenue:' || @id || ';'
           AND channel = 'revenue/set'`,
      )
      .all({ id }) as { at: string; actor: string; period: string; line: string; amount: string | null }[]
  ).map((r) => ({
    at: r.at,
    kind: 'revenue_typed' as const,
    actor: r.actor,
    facts: { period: r.period, line: r.line, amount: r.amount },
  }));

/** R19: the steps of the registrations that made or claimed this customer (the customer's own). */
const registrationSteps: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT s.recorded_at AS at, s.actor, s.step, s.decision, s.opinion, r.id AS registrationId, u.name AS unit
         FROM registrations r JOIN registration_steps s ON s.registration_id = r.id JOIN units u ON u.id = r.unit_id
         WHERE r.customer_id = ? ORDER BY s.id`,
      )
      .all(id) as {
      at: string;
      actor: string;
      step: string;
      decision: string;
      opinion: string | null;
      registrationId: number;
      unit: string;
    }[]
  ).map((s) => ({
    at: s.at,
    kind: 'registration_step' as const,
    actor: s.actor,
    facts: { step: s.step, decision: s.decision, opinion: s.opinion, registrationId: s.registrationId, unit: s.unit },
  }));

/** R19, R19c: the customer's owner unit changed by a release, a ruling or a new registration. */
const ownerChanges: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT x.recorded_at AS at, x.actor, x.kind, x.reason, x.bar_until AS barUntil,
           p.name AS previous, n.name AS next
         FROM customer_releases x JOIN units p ON p.id = x.previous_unit_id JOIN units n ON n.id = x.next_unit_id
         WHERE x.customer_id = ? ORDER BY x.id`,
      )
      .all(id) as {
      at: string;
      actor: string;
      kind: string;
      reason: string;
      barUntil: string | null;
      previous: string;
      next: string;
    }[]
  ).map(({ at, actor, ...facts }) => ({ at, kind: 'owner_change' as const, actor, facts }));

/** R19: marketing applications on this customer once decided. */
const applicationsDecided: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT a.updated_at AS at, coalesce(a.ruling_actor, a.owner_actor) AS actor, a.id AS applicationId, u.name AS unit,
           a.state, a.attribution_percent AS attribution, a.end_on AS endOn
         FROM applications a JOIN units u ON u.id = a.unit_id
         WHERE a.customer_id = ? AND a.state IN ('granted', 'refused') ORDER BY a.id`,
      )
      .all(id) as {
      at: string;
      actor: string | null;
      applicationId: number;
      unit: string;
      state: string;
      attribution: number | null;
      endOn: string | null;
    }[]
  ).map(({ at, actor, ...facts }) => ({ at, kind: 'application' as const, actor, facts }));

/** R17–R18: each archive revision (a verified-unchanged one counts as an update). */
const archiveRevisions: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT recorded_at AS at, recorded_by AS actor, revision, verified_only AS verified, json_array_length(changed) AS changed
         FROM archive_revisions WHERE customer_id = ? ORDER BY revision`,
      )
      .all(id) as { at: string; actor: string; revision: number; verified: number; changed: number }[]
  ).map(({ at, actor, ...facts }) => ({ at, kind: 'archive' as const, actor, facts }));

/** R20: who held A, B or 专人, from when and until when. */
const managers: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT cm.role, m.name AS manager, cm.from_on AS fromOn, cm.to_on AS toOn, cm.ended_reason AS reason,
           cm.recorded_by AS actor
         FROM customer_managers cm JOIN managers m ON m.id = cm.manager_id WHERE cm.customer_id = ? ORDER BY cm.id`,
      )
      .all(id) as {
      role: string;
      manager: string;
      fromOn: string;
      toOn: string | null;
      reason: string | null;
      actor: string;
    }[]
  ).flatMap((r) => {
    const facts = { role: r.role, manager: r.manager, reason: r.reason };
    const started: TimelineEvent = { at: r.fromOn, kind: 'manager_assigned', actor: r.actor, facts };
    return r.toOn === null ? [started] : [started, { at: r.toOn, kind: 'manager_ended', actor: null, facts }];
  });

/** R33: each complaint received (by whom, how), and its closing with the satisfaction and any breach. */
const complaints: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT c.id, c.received_at, c.channel, c.content, u.name AS unit, c.closed_at, c.satisfaction,
           c.breach_log + c.breach_contact + c.breach_close AS breaches
         FROM complaints c JOIN units u ON u.id = c.receiving_unit_id WHERE c.customer_id = ? ORDER BY c.id`,
      )
      .all(id) as {
      id: number;
      received_at: string;
      channel: string;
      content: string;
      unit: string;
      closed_at: string | null;
      satisfaction: number | null;
      breaches: number;
    }[]
  ).flatMap((c) => {
    const received: TimelineEvent = {
      at: c.received_at,
      kind: 'complaint',
      actor: null,
      facts: { id: c.id, channel: c.channel, unit: c.unit, content: c.content },
    };
    if (c.closed_at === null) return [received];
    return [
      received,
      {
        at: c.closed_at,
        kind: 'complaint_closed',
        actor: null,
        facts: { id: c.id, satisfaction: c.satisfaction, breached: c.breaches > 0 ? 1 : 0 },
      },
    ];
  });

/** R21–R22: each development's stages (opened, moved on, won or lost) and each marketing log entry. */
const developments: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT d.id, d.line, m.stage, m.moved_on, m.override_reason, d.lost_reason, m.recorded_by
         FROM development_moves m JOIN developments d ON d.id = m.development_id
         WHERE d.customer_id = ? ORDER BY m.id`,
      )
      .all(id) as {
      id: number;
      line: string;
      stage: string;
      moved_on: string;
      override_reason: string | null;
      lost_reason: string | null;
      recorded_by: string;
    }[]
  ).map((m) => ({
    at: m.moved_on,
    kind: 'development' as const,
    actor: m.recorded_by,
    facts: {
      id: m.id,
      line: m.line,
      stage: m.stage,
      reason: m.stage === 'lost' ? m.lost_reason : m.override_reason,
    },
  }));

const logs: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT l.id, l.log_on, l.stage, l.method, l.content, l.summary, u.name AS unit, l.recorded_by
         FROM marketing_logs l JOIN units u ON u.id = l.unit_id WHERE l.customer_id = ? ORDER BY l.id`,
      )
      .all(id) as {
      id: number;
      log_on: string;
      stage: string | null;
      method: string;
      content: string;
      summary: number;
      unit: string;
      recorded_by: string;
    }[]
  ).map((l) => ({
    at: l.log_on,
    kind: 'log' as const,
    actor: l.recorded_by,
    facts: { id: l.id, stage: l.stage, method: l.method, unit: l.unit, content: l.content, summary: l.summary },
  }));
/**
 * R29: each discount request (line, rates, validity), each step's decision (role, approve or
 * reject with the comment), and the request approved or withdrawn — a view over its two tables.
 */
const discounts: Provider = (db, id) => {
  const requests = db
    .prepare(
      `SELECT id, line, rate_unit, standard_rate, proposed_rate, valid_from, valid_to, status, steps, requested_at,
         requested_by, closed_at, withdraw_reason FROM discount_requests WHERE customer_id = ? ORDER BY id`,
    )
    .all(id) as {
    id: number;
    line: string;
    rate_unit: string;
    standard_rate: number;
    proposed_rate: number;
    valid_from: string;
    valid_to: string;
    status: string;
    steps: string;
    requested_at: string;
    requested_by: string;
    closed_at: string | null;
    withdraw_reason: string | null;
  }[];
  if (requests.length === 0) return [];
  const decisions = db.prepare(
    `SELECT step, role, decision, approver, comment, decided_at, recorded_by FROM discount_decisions
     WHERE request_id = ? ORDER BY step`,
  );
  return requests.flatMap((r) => {
    const labels = (JSON.parse(r.steps) as { label: { zh: string; en: string } }[]).map((s) => s.label);
    const base = { id: r.id, line: r.line, validFrom: r.valid_from, validTo: r.valid_to };
    const events: TimelineEvent[] = [
      {
        at: r.requested_at,
        kind: 'discount_requested',
        actor: r.requested_by,
        facts: {
          ...base,
          standard: r.standard_rate,
          proposed: r.proposed_rate,
          rateUnit: r.rate_unit,
          steps: labels.length,
        },
      },
    ];
    for (const d of decisions.all(r.id) as {
      step: number;
      role: string;
      decision: string;
      approver: string | null;
      comment: string | null;
      decided_at: string;
      recorded_by: string;
    }[])
      events.push({
        at: d.decided_at,
        kind: 'discount_decided',
        actor: d.recorded_by,
        facts: {
          id: r.id,
          step: d.step + 1,
          role: labels[d.step]?.zh ?? d.role,
          roleEn: labels[d.step]?.en ?? d.role,
          decision: d.decision,
          approver: d.approver,
          comment: d.comment,
        },
      });
    if (r.status === 'approved' && r.closed_at)
      events.push({ at: r.closed_at, kind: 'discount_approved', actor: null, facts: base });
    if (r.status === 'withdrawn' && r.closed_at)
      events.push({
        at: r.closed_at,
        kind: 'discount_withdrawn',
        actor: null,
        facts: { ...base, reason: r.withdraw_reason },
      });
    return events;
  });
};

/** R23: each visit held (kind, participants, outcome) or not held (the reason), on its day. */
const visits: Provider = (db, id) =>
  (
    db
      .prepare(
        `SELECT id, visit_on, kind, status, participants, outcome, reason, recorded_by FROM visits
         WHERE customer_id = ? AND status <> 'planned' ORDER BY visit_on, id`,
      )
      .all(id) as {
      id: number;
      visit_on: string;
      kind: 'manager' | 'leader';
      status: 'held' | 'not_held';
      participants: string | null;
      outcome: string | null;
      reason: string | null;
      recorded_by: string;
    }[]
  ).map((v) => ({
    at: v.visit_on,
    kind: v.status === 'held' ? 'visit_held' : 'visit_not_held',
    actor: v.recorded_by,
    facts: { id: v.id, visitKind: v.kind, participants: v.participants, outcome: v.outcome, reason: v.reason },
  }));

const PROVIDERS: readonly Provider[] = [
  created,
  registrationSteps,
  ownerChanges,
  grading,
  approvals,
  agreement,
  imports,
  typed,
  applicationsDecided,
  archiveRevisions,
  managers,
  complaints,
  developments,
  logs,
  discounts,
  visits,
];

/**
 * Newest first; at one instant the later provider's event first (a registration precedes what
 * follows from it in the same write).
 */
export function customerTimeline(db: Database, customerId: string): TimelineEvent[] {
  const events = PROVIDERS.flatMap((p) => p(db, customerId));
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i)
    .map(({ e }) => e);
}
