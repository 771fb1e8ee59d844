/**
 * The records a write changes, as the audit log names them (`customer:12345678901234`,
 * `manager:3`, `revenue:12345678901234:2026-10`) and reads them, inside the write's transaction,
 * before and after it (DOMAIN-DECISIONS "Audit log"). A write's handler names its entity
 * (`audit` in registry.ts); the registry records the fields that changed. Bookkeeping columns
 * (timestamps, search keys derived from the name) are left out: they change with every save.
 */
import type { Database } from 'better-sqlite3';
import type { FieldRecord } from '../../../shared/domain/audit/changes';

export const ENTITY_KINDS = [
  'customer',
  'qualification',
  'manager',
  'unit',
  'area',
  'line-bureau',
  'revenue',
  'bureau-revenue',
  'report',
  'settings',
  'batch',
  'customer-batch',
  'tier-run',
  'tier-approval',
  'tier-override',
  'policy',
  'backup',
  'operator',
  'demo',
  'registration',
  'application',
  'archive',
  'assignment',
  'team',
  'manager-change-batch',
  'submission',
  'complaint',
  'holidays',
  'visit',
  'development',
  'log',
  'scorecard-target',
  'classification',
  'ranking',
  'prospect',
  'discount',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const entity = (kind: EntityKind, ...key: (string | number)[]): string => [kind, ...key].join(':');

interface Snapshot {
  read(db: Database, key: string[]): FieldRecord | null;
  ignore?: ReadonlySet<string>;
}

const row =
  (sql: string) =>
  (db: Database, key: string[]): FieldRecord | null =>
    (db.prepare(sql).get(...key) as FieldRecord | undefined) ?? null;

const STAMPS = new Set(['created_at', 'updated_at', 'recorded_at', 'entered_at']);

/** How each kind of record is read; a kind without one is named in the log, its fields not diffed. */
const SNAPSHOTS: Partial<Record<EntityKind, Snapshot>> = {
  customer: {
    read: row('SELECT * FROM customers WHERE id = ?'),
    ignore: new Set([...STAMPS, 'normalised_name', 'pinyin_initials', 'search_text']),
  },
  qualification: { read: row('SELECT * FROM qualification_decisions WHERE customer_id = ?'), ignore: STAMPS },
  manager: { read: row('SELECT * FROM managers WHERE id = ?'), ignore: STAMPS },
  unit: { read: row('SELECT * FROM units WHERE id = ?'), ignore: STAMPS },
  area: { read: row('SELECT * FROM area_codes WHERE code = ?') },
  'line-bureau': { read: row('SELECT unit_id FROM line_bureaus WHERE line = ?') },
  'bureau-revenue': { read: row('SELECT amount_fen FROM bureau_revenue WHERE year = ?') },
  operator: { read: row('SELECT name, title, active FROM operators WHERE id = ?') },
  registration: { read: row('SELECT * FROM registrations WHERE id = ?'), ignore: STAMPS },
  application: { read: row('SELECT * FROM applications WHERE id = ?'), ignore: STAMPS },
  submission: { read: row('SELECT * FROM template_submissions WHERE id = ?'), ignore: STAMPS },
  complaint: { read: row('SELECT * FROM complaints WHERE id = ?'), ignore: STAMPS },
  development: { read: row('SELECT * FROM developments WHERE id = ?'), ignore: new Set([...STAMPS, 'recorded_by']) },
  'scorecard-target': {
    read: (db, [key]) => {
      const [managerId, year] = String(key).split(':').map(Number);
      const r = db
        .prepare('SELECT revenue_target_fen FROM scorecard_targets WHERE manager_id = ? AND year = ?')
        .get(managerId, year) as FieldRecord | undefined;
      return r ?? null;
    },
  },
  // 附件2: an industry's customers in order, or (key 'industries') the industries in order.
  classification: {
    read: (db, [key]) =>
      key === 'industries'
        ? {
            order: (
              db.prepare('SELECT code FROM classification_industries ORDER BY position').pluck().all() as string[]
            ).join(','),
          }
        : {
            customers: (
              db
                .prepare('SELECT customer_id FROM classification_customers WHERE industry_code = ? ORDER BY position')
                .pluck()
                .all(key) as string[]
            ).join(','),
          },
  },
  // R21 steps 2–3: an industry's worksheet factors, and one surveyed enterprise.
  ranking: { read: row('SELECT factors FROM ranking_worksheets WHERE industry_code = ?') },
  prospect: {
    read: row('SELECT * FROM ranking_prospects WHERE id = ?'),
    ignore: new Set([...STAMPS, 'created_by', 'updated_by']),
  },
  log: { read: row('SELECT * FROM marketing_logs WHERE id = ?'), ignore: new Set([...STAMPS, 'recorded_by']) },
  visit: { read: row('SELECT * FROM visits WHERE id = ?'), ignore: new Set([...STAMPS, 'recorded_by']) },
  discount: { read: row('SELECT * FROM discount_requests WHERE id = ?'), ignore: new Set([...STAMPS, 'steps']) },
  holidays: { read: row('SELECT * FROM holiday_calendars WHERE year = ?'), ignore: new Set(['updated_at']) },
  settings: {
    read: (db, [key]) => {
      const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as FieldRecord) : null;
    },
  },
  // R17: the latest revision, each field a `block.field`; key persons as one personal field.
  archive: { read: (db, [id]) => readArchiveEntity(db, id as string) },
  // R20: who holds each role now, and the lead.
  assignment: {
    read: (db, [id]) => {
      const rows = db
        .prepare('SELECT role, manager_id FROM customer_managers WHERE customer_id = ? AND to_on IS NULL')
        .all(id) as { role: string; manager_id: number }[];
      const lead = db
        .prepare('SELECT lead_role FROM customer_leads WHERE customer_id = ? ORDER BY from_on DESC, id DESC LIMIT 1')
        .pluck()
        .get(id) as string | undefined;
      if (rows.length === 0 && lead === undefined) return null;
      return { ...Object.fromEntries(rows.map((r) => [`role.${r.role}`, r.manager_id])), lead: lead ?? null };
    },
  },
  // A month's lines, each line a field: amount in fen and where it came from.
  revenue: {
    read: (db, [customerId, period]) => {
      const rows = db
        .prepare('SELECT line, amount_fen, source_kind FROM revenue WHERE customer_id = ? AND period = ? ORDER BY line')
        .all(customerId, period) as { line: string; amount_fen: number; source_kind: string }[];
      if (rows.length === 0) return null;
      return Object.fromEntries(rows.map((r) => [r.line, r.amount_fen]));
    },
  },
  // A report's texts, each part a field, beside its state.
  report: {
    read: (db, [id]) => {
      const r = db.prepare('SELECT status, texts, hash FROM analysis_reports WHERE id = ?').get(id) as
        | { status: string; texts: string; hash: string | null }
        | undefined;
      if (!r) return null;
      const texts = JSON.parse(r.texts) as Record<string, string>;
      return {
        status: r.status,
        hash: r.hash,
        ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [`texts.${k}`, v])),
      };
    },
  },
};

function readArchiveEntity(db: Database, customerId: string): FieldRecord | null {
  const r = db
    .prepare(
      'SELECT revision, verified_only, document FROM archive_revisions WHERE customer_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .get(customerId) as { revision: number; verified_only: number; document: string } | undefined;
  if (!r) return null;
  const doc = JSON.parse(r.document) as Record<string, unknown>;
  const out: Record<string, unknown> = { revision: r.revision, verified_only: r.verified_only };
  for (const block of ['basic', 'extended'] as const) {
    for (const [k, v] of Object.entries((doc[block] ?? {}) as Record<string, unknown>)) out[`${block}.${k}`] = v;
  }
  // Key persons are personal throughout (personal.ts): the log says only that they changed.
  out.keyPersons = JSON.stringify(doc.keyPersons ?? []);
  const competitors = (doc.competitors ?? []) as Record<string, unknown>[];
  out.competitors = JSON.stringify(competitors.map(({ personalTies: _ties, ...rest }) => rest));
  out['competitors.personalTies'] = JSON.stringify(competitors.map((c) => c.personalTies ?? null));
  return out;
}

/** The entity's fields as stored now, or null (it does not exist, or its kind is not diffed). */
export function readEntity(db: Database, name: string): FieldRecord | null {
  const [kind, ...key] = name.split(':');
  return SNAPSHOTS[kind as EntityKind]?.read(db, key) ?? null;
}

export function ignoredFields(name: string): ReadonlySet<string> {
  return SNAPSHOTS[name.split(':')[0] as EntityKind]?.ignore ?? new Set();
}
