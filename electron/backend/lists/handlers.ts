/**
 * "导出 Excel" of any list: the renderer sends the columns, filters and rows it shows; they are
 * laid out as an official-looking sheet (shared/domain/exports/list-table.ts), written with the
 * exports' writer and saved where the officer chose. Nothing in the database is read or changed.
 */
import { localDateTime } from '../../../shared/domain/dates';
import { layoutListTable } from '../../../shared/domain/exports/list-table';
import { readAuditHead } from '../db/audit';
import { saveWorkbook } from '../exports/save';
import { writeWorkbook } from '../exports/xlsx';
import { defineHandlers } from '../registry';

export const listHandlers = defineHandlers({
  'lists/export': {
    kind: 'read',
    run: (input, { db, now, databasePath }) => {
      const at = now();
      const layout = layoutListTable(input, localDateTime(at));
      const auditHead = readAuditHead(db);
      const bytes = writeWorkbook([layout], { title: input.title, created: at, auditHead });
      const path = saveWorkbook(input.path, bytes, databasePath);
      return { path, rows: input.rows.length, size: bytes.length, auditHead };
    },
  },
});
