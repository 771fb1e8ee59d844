/** R23 channels: visits, their results, the month's obligations, completion and leader-led visits. */
import { localDate } from '../../../shared/domain/dates';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import {
  addVisit,
  leaderCheck,
  listVisits,
  managersAsOf,
  ObligationReads,
  recordVisit,
  visitCompletion,
  visitObligations,
} from './service';

export const visitHandlers = defineHandlers({
  'visits/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('visit', r.id) : null) },
    run: (input, ctx) => addVisit(ctx, input),
  },
  'visits/record': {
    kind: 'write',
    audit: { entity: (input) => entity('visit', input.id) },
    run: (input, ctx) => recordVisit(ctx, input),
  },
  'visits/list': { kind: 'read', run: (input, { db }) => listVisits(db, input) },
  'visits/obligations': {
    kind: 'read',
    run: ({ period, unitCode, shortOnly, customerId }, ctx) => {
      return visitObligations(
        ctx.db,
        period,
        ctx.policies.forDate(`${period}-01`),
        managersAsOf(period, localDate(ctx.now())),
        new ObligationReads(ctx.db, customerId),
      ).filter((o) => (unitCode === null || o.unit === unitCode) && (!shortOnly || o.short > 0));
    },
  },
  'visits/completion': {
    kind: 'read',
    run: ({ period, span }, ctx) =>
      visitCompletion(ctx.db, period, span, localDate(ctx.now()), (m) => ctx.policies.forDate(`${m}-01`)),
  },
  'visits/leader-check': {
    kind: 'read',
    run: ({ year, asOf, customerId }, ctx) => {
      const day = asOf ?? localDate(ctx.now());
      return leaderCheck(ctx.db, year, day, ctx.policies.forDate(day), customerId);
    },
  },
});
