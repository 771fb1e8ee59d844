/**
 * audit/, operators/ and session/ channels (DOMAIN-DECISIONS "Audit log"): the log read back and
 * its chain checked; the officers' profiles; the officer chosen at start, whose name every audit
 * row of the session carries.
 */
import { AppError } from '../../../shared/api/errors';
import type { SessionView } from '../../../shared/api/types';
import type { HandlerContext } from '../context';
import { writeAudit } from '../db/audit';
import { defineHandlers } from '../registry';
import { reportAnchors } from './anchors';
import { entity } from './entities';
import { listAudit } from './list';
import { getOperator, listOperators, markChosen, saveOperator } from './operators';
import { verifyAuditChain } from './verify';

function session(ctx: HandlerContext): SessionView {
  return { operator: ctx.session.operator };
}

export const auditHandlers = defineHandlers({
  'audit/list': {
    kind: 'read',
    run: (input, { db }) => listAudit(db, input),
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
