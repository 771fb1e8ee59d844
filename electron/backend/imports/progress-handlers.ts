/** `imports/progress`: how far a preview under way has got (the wizard polls it for its bar). */
import type { ImportProgressView } from '../../../shared/api/types';
import { defineHandlers } from '../registry';

export const importProgressHandlers = defineHandlers({
  'imports/progress': {
    kind: 'read',
    run: ({ progressId }, { imports }): ImportProgressView | null => {
      const p = imports.progress.get(progressId);
      return p ? { stage: p.stage, done: Math.min(p.done, p.total), total: p.total } : null;
    },
  },
});
