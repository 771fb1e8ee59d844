/**
 * 导出 (DOMAIN-DECISIONS "Exports"): `exports/build` makes 附件6-1, 6-2, 7 or the province package
 * for a month. With a `path` (from the main process's save dialog, or `kam export --out`) it writes
 * the file there; without one it returns the workbook as base64 for the renderer to save (a
 * download, which Electron turns into its own save dialog). A read: nothing in the database
 * changes.
 */
import { defineHandlers } from '../registry';
import { buildExport } from './build';
import { saveWorkbook } from './save';

export const exportHandlers = defineHandlers({
  'exports/build': {
    kind: 'read',
    run: (input, { db, policies, now, databasePath }) => {
      const built = buildExport(db, policies, input, now());
      const path = input.path === null ? null : saveWorkbook(input.path, built.bytes, databasePath);
      return {
        form: input.form,
        period: input.period,
        unit: built.unit,
        fileName: built.fileName,
        sheets: built.layouts.map((l) => ({ name: l.name, rows: l.rows.length })),
        tierBasis: built.tierBasis,
        auditHead: built.auditHead,
        size: built.bytes.length,
        path,
        base64: path === null ? built.bytes.toString('base64') : null,
      };
    },
  },
});
