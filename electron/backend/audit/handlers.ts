/**
 * audit/, operators/ and session/ channels (DOMAIN-DECISIONS "Audit log"): the log read back and
 * its chain checked; the officers' profiles; the officer chosen at start, whose name every audit
 * row of the session carries.
 */
import { AppError } from '../../../shared/api/errors';
import type { AuditPage, AuditRowView, SessionView } from '../../../shared/api/types';
import type { AuditChange } from '../../../shared/domain/audit/changes';
import type { HandlerContext } from '../context';
import { writeAudit } from '../db/audit';
import { defineHandlers } from '../registry';
import { reportAnchors } from './anchors';
import { entity } from './entities';
import { getOperator, listOperators, markChosen, saveOperator } from './operators';
import { verifyAuditChain } from './verify';

interface Row {
  id: number;
  at: string;
  actor: string;
  channel: string;
  entity: string | null;
  input: string;
  changes: string | null;
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

function session(ctx: HandlerContext): SessionView {
  return { operator: ctx.session.operator };
}

export const auditHandlers = defineHandlers({
  'audit/list': {
    kind: 'read',
    run: (input, { db }): AuditPage => {
      const { from, to } = dayBounds(input.dateFrom, input.dateTo);
      const where = `WHERE (@actor IS NULL OR actor = @actor)
          AND (@channel IS NULL OR channel = @channel OR (substr(@channel, -1) = '/' AND substr(channel, 1, length(@channel)) = @channel))
          AND (@entity IS NULL OR entity = @entity
               OR (substr(@entity, -1) = ':' AND substr(entity, 1, length(@entity)) = @entity))
          AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;
      const params = { actor: input.actor, channel: input.channel, entity: input.entity, from, to };
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
      const rows = db
        .prepare(
          `SELECT id, at, actor, channel, entity, input, changes, hash FROM audit_log ${where}
             AND (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit`,
        )
        .all({ ...params, before: input.before, limit: input.limit }) as Row[];
      return { rows: rows.map(toRow), total };
    },
  },
  'audit/verify': {
    kind: 'read',
    run: (_input, { db, now }) => verifyAuditChain(db, reportAnchors(db), now()),
  },
  'operators/list': {
    kind: 'read',
    run: ({ includeRetired }, { db }) => listOperators(db, includeRetired),
  },
  'operators/save': {
    kind: 'write',
    audit: { entity: (i, r) => (i.id !== null ? entity('operator', i.id) : r ? entity('operator', r.id) : null) },
    run: (input, ctx) => {
      const saved = saveOperator(ctx.db, input, ctx.now().toISOString(), ctx.session.operator?.id ?? null);
      // A renamed profile in use signs the session's next rows with its new name.
      if (ctx.session.operator?.id === saved.id) ctx.afterCommit(() => ctx.session.choose(saved));
      return saved;
    },
  },
  'session/get': {
    kind: 'read',
    run: (_input, ctx) => session(ctx),
  },
  'session/start': {
    // Allowed on a database open read-only (the officer must still be able to restore a copy);
    // there the choice is kept for the session but cannot be logged.
    kind: 'thread-write',
    whenReadOnly: true,
    run: ({ operatorId }, ctx, audit) => {
      const operator = getOperator(ctx.db, operatorId);
      if (!operator.active) {
        throw new AppError(
          'CONFLICT',
          {
            zh: `操作员“${operator.name}”已停用，请选择其他操作员`,
            en: `Operator “${operator.name}” is retired; choose another`,
          },
          { id: operatorId },
        );
      }
      const at = ctx.now().toISOString();
      if (ctx.backups.problem === null) {
        ctx.db
          .transaction(() => {
            markChosen(ctx.db, operator.id, at);
            // The row names the officer now starting, not whoever (if anyone) was before.
            writeAudit(ctx.db, { ...audit, actor: operator.name, entity: entity('operator', operator.id) });
          })
          .immediate();
      }
      ctx.session.choose({ ...operator, lastChosenAt: at });
      return Promise.resolve(session(ctx));
    },
  },
});
