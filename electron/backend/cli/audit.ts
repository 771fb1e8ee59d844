/** `kam audit verify` and `kam audit list` (DOMAIN-DECISIONS "Audit log"). */

import type { AuditRowView, AuditVerifyView } from '../../../shared/api/types';
import { positiveInt, withExisting } from './backend';
import type { Command, Values } from './command';

/** Exit code of a verify that found the chain broken (the command itself ran). */
export const CHAIN_BROKEN_EXIT = 3;

function verdictText(v: AuditVerifyView): string {
  const lines =
    v.broken === null
      ? [`审计链完整：共 ${v.rows} 条记录，链头 #${v.head.id} ${v.head.hash}`]
      : [`审计链断裂：${v.broken.message}（第 ${v.broken.id} 条）`];
  if (v.dataBroken !== null) lines.push(`数据与校验值不符：${v.dataBroken.message}`);
  for (const r of v.repairs)
    lines.push(`注意：${r.at} 打开时发现触发器被删除或改动并已恢复：${r.triggers.join('、')}（审计记录第 ${r.id} 条）`);
  return lines.join('\n');
}

function optionalString(values: Values, name: string): string | null {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function rowText(r: AuditRowView): string {
  const changes = (r.changes ?? [])
    .map((c) =>
      c.personal ? `${c.field}：已更改（个人信息）` : `${c.field}：${String(c.before)} → ${String(c.after)}`,
    )
    .join('；');
  return [r.id, r.at, r.actor, r.channel, r.entity ?? '', changes].join('\t');
}

export const AUDIT_COMMANDS: Command[] = [
  {
    name: 'audit verify',
    summary:
      '校验审计日志的哈希链（指出第一条断裂的记录）和收入数据的校验值 / check the audit log hash chain (naming the first broken row) and the revenue checksum',
    usage: 'kam audit verify [--db PATH] [--json]  (exit 0: intact, 3: broken)',
    options: {},
    run: async (_values, db) =>
      withExisting(db, async (b) => {
        const v = await b.registry.call('audit/verify', {});
        return { json: v, text: verdictText(v), exitCode: v.ok ? 0 : CHAIN_BROKEN_EXIT };
      }),
  },
  {
    name: 'audit list',
    summary: '列出审计日志（最新在前）/ list the audit log, newest first',
    usage: 'kam audit list [--db PATH] [--limit N] [--actor NAME] [--channel CH] [--entity E] [--json]',
    options: {
      limit: { type: 'string' },
      actor: { type: 'string' },
      channel: { type: 'string' },
      entity: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const page = await b.registry.call('audit/list', {
          limit: Math.min(500, positiveInt(values, 'limit', 50)),
          actor: optionalString(values, 'actor'),
          channel: optionalString(values, 'channel'),
          entity: optionalString(values, 'entity'),
        });
        return {
          json: page,
          text: page.rows.length === 0 ? '（无记录）' : `${page.rows.map(rowText).join('\n')}\n共 ${page.total} 条`,
        };
      }),
  },
];
