/**
 * audit/list: the log read back newest first, a page at a time, filtered (DOMAIN-DECISIONS "Audit
 * log"). A customer's rows are those naming it (`customer:<id>`, `qualification:<id>`,
 * `revenue:<id>:<YYYY-MM>`) and those of the batches that touched it: a revenue import names its
 * batch (`batch:N`) and keeps each cell it wrote in import_changes; a customer-list import
 * (`customer-batch:N`) keeps each record in customer_import_items; a discount request
 * (`discount:N`, R29) names its customer. A tiering run grades every
 * customer and is not listed on one customer's page.
 */
import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AuditPage, AuditRowView } from '../../../shared/api/types';
import type { AuditChange } from '../../../shared/domain/audit/changes';
import type { ChainedFields } from './chain';

interface Row extends ChainedFields {
  hash: string | null;
}

const toRow = (r: Row): AuditRowView => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  channel: r.channel,
  entity: r.entity,
  input: r.input,
  changes: r.changes === null ? null : (JSON.parse(r.changes) as AuditChange[]),
  hash: r.hash ?? '',
});

/** The day's end in UTC of a local date filter: rows are stored in ISO UTC, filtered by local day. */
function dayBounds(from: string | null, to: string | null): { from: string | null; to: string | null } {
  const start = (d: string) => new Date(`${d}T00:00:00`).toISOString();
  const end = (d: string) => new Date(new Date(`${d}T00:00:00`).getTime() + 86_400_000).toISOString();
  return { from: from === null ? null : start(from), to: to === null ? null : end(to) };
}

// The revenue months as a range on the entity index (';' follows ':' in code order). A batch is
// probed through import_changes' key (batch_id, customer_id, …): one seek per batch, not a scan
// of every imported cell.
const CUSTOMER_ROWS = `(@customer IS NULL
    OR entity IN ('customer:' || @customer, 'qualification:' || @customer)
    OR (entity >= 'revenue:' || @customer || ':' AND entity < 'revenue:' || @customer || ';')
    OR entity IN (SELECT 'batch:' || b.id FROM import_batches b
                   WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.batch_id = b.id AND c.customer_id = @customer))
    OR entity IN (SELECT 'customer-batch:' || batch_id FROM customer_import_items WHERE customer_id = @customer)
    OR entity IN (SELECT 'discount:' || id FROM discount_requests WHERE customer_id = @customer))`;

export function listAudit(db: Database, input: ParsedInput<'audit/list'>): AuditPage {
  const { from, to } = dayBounds(input.dateFrom, input.dateTo);
  const where = `WHERE (@actor IS NULL OR actor = @actor)
      AND (@channel IS NULL OR channel = @channel OR (substr(@channel, -1) = '/' AND substr(channel, 1, length(@channel)) = @channel))
      AND (@entity IS NULL OR entity = @entity
           OR (substr(@entity, -1) = ':' AND substr(entity, 1, length(@entity)) = @entity))
      AND ${CUSTOMER_ROWS}
      AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;
  const params = {
    actor: input.actor,
    channel: input.channel,
    entity: input.entity,
    customer: input.customer,
    from,
    to,
  };
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, actor, channel, entity, input, changes, hash FROM audit_log ${where}
         AND (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit`,
    )
    .all({ ...params, before: input.before, limit: input.limit }) as Row[];
  return { rows: rows.map(toRow), total };
}
