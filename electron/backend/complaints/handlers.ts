/** R33 channels: complaints on the working-day clock, and the calendar the clock counts on. */
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { setYear, showYear } from './calendar';
import { routeComplaint } from './routing';
import { addComplaint, complaintEvent, listComplaints } from './service';

export const complaintHandlers = defineHandlers({
  'holidays/show': { kind: 'read', run: ({ year }, { db }) => showYear(db, year) },
  'holidays/set': {
    kind: 'write',
    audit: { entity: (i) => entity('holidays', i.year) },
    run: (input, ctx) => setYear(ctx.db, input, ctx.now().toISOString(), ctx.actor),
  },
  'complaints/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('complaint', r.id) : null) },
    run: (input, ctx) => addComplaint(ctx, input),
  },
  'complaints/event': {
    kind: 'write',
    audit: { entity: (i) => entity('complaint', i.id) },
    run: (input, ctx) => complaintEvent(ctx, input),
  },
  'complaints/route': {
    kind: 'write',
    audit: { entity: (i) => entity('complaint', i.id) },
    run: (input, ctx) => routeComplaint(ctx, input),
  },
  'complaints/list': { kind: 'read', run: (input, ctx) => listComplaints(ctx, input) },
});
