/** `kam receipts`: the units' 回执 workbooks for a month, through the app's handler. */

import { AppError } from '../../../shared/api/errors';
import { withExisting } from './backend';
import type { Command } from './command';

export const RECEIPT_COMMANDS: Command[] = [
  {
    name: 'receipts',
    summary: '出具各单位某月回执（.xlsx）/ write each unit’s receipt workbook for a month',
    usage: 'kam receipts [--db PATH] --period YYYY-MM --out DIR [--unit CODE] [--overwrite] [--json]',
    options: {
      period: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
      overwrite: { type: 'boolean' },
    },
    run: async (values, db) => {
      const { period, out, unit } = values;
      if (typeof period !== 'string' || typeof out !== 'string') {
        throw new AppError('VALIDATION', '请给出 --period YYYY-MM 和 --out 文件夹');
      }
      return withExisting(db, async (b) => {
        const view = await b.registry.call('receipts/generate', {
          period,
          outDir: out,
          ...(typeof unit === 'string' ? { unitCode: unit } : {}),
          overwrite: values.overwrite === true,
        });
        const text = [
          `已出具 ${view.files.length} 份回执（${view.period}）：`,
          ...view.files.map((f) => `  ${f.unitCode} ${f.unitName}  ${f.path}`),
        ].join('\n');
        return { json: view, text };
      });
    },
  },
];
