/** `kam backup`, `kam backups list`, `kam restore` (DOMAIN-DECISIONS "Backups"). */

import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupView } from '../../../shared/api/types';
import { withExisting } from './backend';
import type { Command, Values } from './command';

const REASONS_ZH: Record<BackupView['reason'], string> = {
  daily: '每日',
  'pre-import': '导入前',
  'pre-tiering': '分级前',
  'pre-migration': '升级前',
  'pre-restore': '恢复前',
  manual: '手动',
};

function line(b: BackupView): string {
  const mb = (b.size / 1024 / 1024).toFixed(1);
  const verdict = b.integrity === 'ok' ? '完好' : `未通过检查：${b.integrity}`;
  return `${b.at}\t${REASONS_ZH[b.reason]}\t${mb} MB\t客户 ${b.customers}\t收入行 ${b.revenueRows}\t${verdict}\t${b.file}`;
}

function stringOption(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new AppError('VALIDATION', `--${name} 需要一个文件路径`);
  }
  return resolve(v);
}

export const BACKUP_COMMANDS: Command[] = [
  {
    name: 'backup',
    summary: '备份数据库（一致的副本，并检查其完整性）/ back up the database (a consistent, checked copy)',
    usage: 'kam backup [--db PATH] [--out FILE] [--json]  (without --out: into backups/ beside the database)',
    options: { out: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const out = values.out === undefined ? undefined : stringOption(values, 'out');
        const copy = await b.registry.call('backups/create', out === undefined ? {} : { file: out });
        return { json: copy, text: `已备份：${line(copy)}` };
      }),
  },
  {
    name: 'backups list',
    summary: '列出数据库旁 backups/ 中的备份 / list the backups beside the database',
    usage: 'kam backups list [--db PATH] [--json]',
    options: {},
    run: async (_values, db) =>
      withExisting(db, async (b) => {
        const view = await b.registry.call('backups/list', {});
        const head = view.problem === null ? '' : `数据库检查未通过（只读）：${view.problem}\n`;
        const rows = view.backups.length === 0 ? '（无）' : view.backups.map(line).join('\n');
        return { json: view, text: `${head}${view.folder}\n${rows}` };
      }),
  },
  {
    name: 'restore',
    summary:
      '用一份备份替换数据库（先备份当前数据库）/ replace the database with a backup (the current one is saved first)',
    usage: 'kam restore [--db PATH] --from FILE [--json]',
    options: { from: { type: 'string' } },
    run: async (values, db) => {
      const from = stringOption(values, 'from');
      return withExisting(db, async (b) => {
        const r = await b.registry.call('backups/restore', { file: from });
        return {
          json: r,
          text: `已恢复：${line(r.restored)}\n恢复前的数据库已保存为：${r.saved.file}`,
        };
      });
    },
  },
];
