import { localDate } from '../../../shared/domain/dates';
import { schemaVersion } from '../db/open';
import { defineHandlers } from '../registry';

export const appHandlers = defineHandlers({
  'app/info': {
    kind: 'read',
    run: (_input, ctx) => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      schemaVersion: schemaVersion(ctx.db),
      today: localDate(ctx.now()),
      policyVersion: ctx.policy.version,
    }),
  },
});
