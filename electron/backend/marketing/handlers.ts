/** R21–R22 channels: developments and marketing logs. */
import { localDate } from '../../../shared/domain/dates';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { addDevelopment, listDevelopments, moveDevelopment } from './developments';
import { addLog, listLogs } from './logs';

export const marketingHandlers = defineHandlers({
  'developments/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('development', r.id) : null) },
    run: (input, ctx) => addDevelopment(ctx, input),
  },
  'developments/move': {
    kind: 'write',
    audit: { entity: (i) => entity('development', i.id) },
    run: (input, ctx) => moveDevelopment(ctx, input),
  },
  'developments/list': { kind: 'read', run: (input, ctx) => listDevelopments(ctx, input) },
  'logs/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('log', r.id) : null) },
    run: (input, ctx) => addLog(ctx, input, localDate(ctx.now())),
  },
  'logs/list': { kind: 'read', run: (input, { db }) => listLogs(db, input) },
});
