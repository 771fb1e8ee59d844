/** `imports/undo-check`: what undoing a batch would restore and keep, shown before the officer chooses. */
import type { ImportUndoCheckView } from '../../../shared/api/types';
import { defineHandlers } from '../registry';
import { undoCheck } from './batches';

export const importUndoCheckHandlers = defineHandlers({
  'imports/undo-check': {
    kind: 'read',
    run: ({ batchId }, { db }): ImportUndoCheckView => undoCheck(db, batchId),
  },
});
