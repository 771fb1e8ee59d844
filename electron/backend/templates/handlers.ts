/**
 * 报送模板 (`templates/generate`, `kam templates`; DOMAIN-DECISIONS "Templates"): writes one
 * monthly template per unit into a folder. A read as far as the database goes (nothing in it
 * changes); the files are checked before any is written, so an existing file stops the run (unless
 * overwriting was asked for) with nothing half done.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { TemplateFileView } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { templateFileName } from '../../../shared/domain/templates/layout';
import { defineHandlers } from '../registry';
import { unitProgress, unitsForTemplates, unitTemplateData } from './data';
import { buildTemplate } from './workbook';

export const templateHandlers = defineHandlers({
  'templates/generate': {
    kind: 'read',
    run: ({ period, outDir, unitCode, overwrite }, ctx) => {
      const units = unitsForTemplates(ctx.db, unitCode);
      if (units.length === 0)
        throw new AppError('VALIDATION', {
          zh: '没有登记了客户的在用单位，无需生成模板',
          en: 'No active unit has customers, so there is no template to make',
        });
      const planned = units.map((u) => ({ unit: u, path: join(outDir, templateFileName(u, period)) }));
      const names = new Set<string>();
      for (const p of planned) {
        // Two units whose names differ only in characters a file name cannot hold.
        if (names.has(p.path))
          throw new AppError('CONFLICT', {
            zh: `两个单位的模板文件名相同：${p.path}`,
            en: `Two units' templates would have the same file name: ${p.path}`,
          });
        names.add(p.path);
      }
      const existing = planned.filter((p) => existsSync(p.path));
      if (existing.length > 0 && !overwrite) {
        throw new AppError(
          'CONFLICT',
          {
            zh: `文件夹中已有同名文件：${existing.map((p) => p.path).join('、')}。为免覆盖单位报回的表格，未生成任何模板；请换一个文件夹或选择覆盖`,
            en: `The folder already has files of these names: ${existing.map((p) => p.path).join(', ')}. No template was made, so that no workbook a unit sent back is overwritten; choose another folder or choose to overwrite`,
          },
          { paths: existing.map((p) => p.path) },
        );
      }
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (e) {
        throw new AppError('VALIDATION', {
          zh: `无法创建文件夹 ${outDir}：${(e as Error).message}`,
          en: `Cannot create the folder ${outDir}: ${(e as Error).message}`,
        });
      }
      const at = ctx.now();
      const files: TemplateFileView[] = [];
      const areas = ctx.db.prepare('SELECT code, name FROM area_codes ORDER BY code').all() as {
        code: string;
        name: string;
      }[];
      for (const { unit, path } of planned) {
        const data = unitTemplateData(ctx.db, unit.id, period);
        const built = buildTemplate({
          unit,
          period,
          customers: data.customers,
          keyCustomers: data.keyCustomers,
          progress: unitProgress(ctx.db, unit.id, period),
          areas,
          managers: ctx.db
            .prepare('SELECT name FROM managers WHERE unit_id = ? AND left_on IS NULL ORDER BY name')
            .pluck()
            .all(unit.id) as string[],
          policy: ctx.policy,
          generatedAt: at,
          generatedOn: localDate(at),
        });
        // Written beside and renamed, so a reader never sees half a workbook.
        const partial = `${path}.part`;
        writeFileSync(partial, built.buffer);
        renameSync(partial, path);
        files.push({
          unitCode: unit.code,
          unitName: unit.name,
          fileName: templateFileName(unit, period),
          path,
          customers: data.customers.length,
          revenueRows: built.rows,
          keyCustomers: data.keyCustomers.length,
        });
      }
      return { period, generatedAt: at.toISOString(), files };
    },
  },
});
