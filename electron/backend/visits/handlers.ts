/** R23 channels: visits and the month's obligations. */
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { addVisit, listVisits, visitObligations } from './service';

export const visitHandlers = defineHandlers({
  'visits/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('visit', r.id) : null) },
    run: (input, ctx) => addVisit(ctx, input),
  },
  'visits/list': { kind: 'read', run: (input, { db }) => listVisits(db, input) },
  'visits/obligations': {
    kind: 'read',
    run: ({ period, unitCode, shortOnly }, ctx) =>
      visitObligations(ctx.db, period, ctx.policies.forDate(`${period}-01`)).filter(
        (o) => (unitCode === null || o.unit === unitCode) && (!shortOnly || o.short > 0),
      ),
  },
});
