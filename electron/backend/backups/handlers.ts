/** backups/ channels (DOMAIN-DECISIONS "Backups"): the list, a copy now, a restore. */

import { entity } from '../audit/entities';
import { writeAudit } from '../db/audit';
import { defineHandlers } from '../registry';
import { toView } from './service';
import { RETENTION_KEY, readRetention, writeSetting } from './settings';

export const backupHandlers = defineHandlers({
  'backups/list': {
    kind: 'read',
    run: (_input, ctx) => ctx.backups.list(),
  },
  'backups/create': {
    // Not one transaction: a copy is made outside any (VACUUM INTO and the backup API refuse one).
    kind: 'thread-write',
    whenReadOnly: true,
    run: async ({ folder, file }, ctx, audit) => {
      const info = await ctx.backups.create('manual', { folder, file });
      // Copying the bureau's records out (a USB drive) is audited; a read-only file cannot be.
      if (ctx.backups.problem === null) ctx.db.transaction(() => writeAudit(ctx.db, audit)).immediate();
      return toView(info);
    },
  },
  'backups/set-retention': {
    kind: 'write',
    audit: { entity: () => entity('settings', 'backup_retention') },
    run: (input, ctx) => {
      writeSetting(ctx.db, RETENTION_KEY, input);
      // Applied at once (files are not part of the transaction: only once it committed).
      ctx.afterCommit(() => ctx.backups.applyRetention());
      return readRetention(ctx.db);
    },
  },
  'backups/restore': {
    kind: 'thread-write',
    whenReadOnly: true,
    run: ({ file }, ctx, audit) => ctx.backups.restore(file, audit),
  },
});
