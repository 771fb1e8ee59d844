/**
 * receipts/generate: one 回执 workbook per unit for a month, written to the folder the officer
 * chose (all units in one action, or one). Like the templates, an existing file stops the run
 * before anything is written unless the officer chose to overwrite; each file is written beside
 * and renamed, so a reader never sees half a workbook.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ReceiptFilesView } from '../../../shared/api/types';
import { receiptFileName, receiptSheets } from '../../../shared/domain/receipts';
import { defineHandlers } from '../registry';
import { cityDuties, type ReceiptUnit, receiptFacts } from './gather';
import { receiptWorkbook } from './workbook';

export const receiptHandlers = defineHandlers({
  'receipts/generate': {
    kind: 'read',
    run: ({ period, outDir, unitCode, overwrite }, ctx): ReceiptFilesView => {
      // Units that deal with the centre: active, not the centres themselves, with customers or
      // registrations or applications of their own.
      const units = ctx.db
        .prepare(
          `SELECT u.id, u.code, u.name FROM units u
           WHERE u.retired_on IS NULL AND u.kind NOT IN ('province', 'centre') AND (@code IS NULL OR u.code = @code)
             AND (EXISTS (SELECT 1 FROM customers c WHERE c.unit_id = u.id)
               OR EXISTS (SELECT 1 FROM registrations r WHERE r.unit_id = u.id)
               OR EXISTS (SELECT 1 FROM applications a WHERE a.unit_id = u.id))
           ORDER BY u.code`,
        )
        .all({ code: unitCode ?? null }) as ReceiptUnit[];
      if (units.length === 0) {
        throw new AppError(
          'VALIDATION',
          unitCode
            ? {
                zh: `单位 ${unitCode} 不存在、已撤销、是中心本身，或没有客户和申报：没有回执可出`,
                en: `Unit ${unitCode} does not exist, is retired, is a centre, or has no customers or registrations: no receipt to make`,
              }
            : { zh: '没有需要出具回执的单位', en: 'No unit needs a receipt' },
        );
      }
      const planned = units.map((u) => ({ unit: u, path: join(outDir, receiptFileName(u, period)) }));
      const existing = planned.filter((p) => existsSync(p.path));
      if (existing.length > 0 && !overwrite) {
        throw new AppError(
          'CONFLICT',
          {
            zh: `文件夹中已有同名文件：${existing.map((p) => p.path).join('、')}。未生成任何回执；请换一个文件夹或选择覆盖`,
            en: `The folder already has files of these names: ${existing.map((p) => p.path).join(', ')}. No receipt was made; choose another folder or choose to overwrite`,
          },
          { paths: existing.map((p) => p.path) },
        );
      }
      mkdirSync(outDir, { recursive: true });
      const now = ctx.now();
      const duties = cityDuties(ctx.db, ctx.policy, now, period);
      const files = planned.map(({ unit, path }) => {
        const facts = receiptFacts(ctx.db, unit, period, ctx.policy, duties);
        const partial = `${path}.part`;
        writeFileSync(partial, receiptWorkbook(facts));
        renameSync(partial, path);
        return {
          unitCode: unit.code,
          unitName: unit.name,
          fileName: receiptFileName(unit, period),
          path,
          counts: Object.fromEntries(receiptSheets(facts).map((s) => [s.name, s.rows.length])),
        };
      });
      return { period, generatedAt: now.toISOString(), files };
    },
  },
});
