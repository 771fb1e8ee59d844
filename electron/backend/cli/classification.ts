/** `kam classification` (附件2, R21), through the app's handlers: show the table, order its industries, place customers. */
import { withExisting } from './backend';
import { type Command, opt, required } from './command';

export const CLASSIFICATION_COMMANDS: Command[] = [
  {
    name: 'classification show',
    summary: '分类排序表（附件2）：行业及其客户的顺序 / the classification table',
    usage: 'kam classification show [--db PATH] [--json]',
    options: {},
    run: async (_values, db) =>
      withExisting(db, async (b) => {
        const v = await b.registry.call('classification/get', {});
        const lines = v.industries.flatMap((i, n) => [
          `${n + 1}. ${i.code} ${i.name}`,
          ...i.customers.map((c, k) => `   ${k + 1}) ${c.id} ${c.name}`),
        ]);
        if (v.unplaced.length > 0) lines.push(`未排序的重点客户 ${v.unplaced.length} 户（列在已排序客户之后）`);
        return { json: v, text: lines.join('\n') };
      }),
  },
  {
    name: 'classification industries',
    summary:
      '按给出的顺序把行业排在前面，其余行业保持原顺序排在后面（CODE=名称 可改名或新增）/ put industries first in this order',
    usage: 'kam classification industries --order "G,C,F=批发零售,…" [--db PATH] [--json]',
    options: { order: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const current = await b.registry.call('classification/get', {});
        const names = new Map(current.industries.map((i) => [i.code, i.name]));
        const industries = required(values, 'order')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const [code, name] = part.split('=').map((s) => s.trim());
            return { code: code ?? '', name: name || names.get(code ?? '') || '' };
          });
        // The industries not named keep their order after the named ones (none is dropped here).
        const named = new Set(industries.map((i) => i.code));
        const rest = current.industries.filter((i) => !named.has(i.code)).map(({ code, name }) => ({ code, name }));
        const v = await b.registry.call('classification/set-industries', { industries: [...industries, ...rest] });
        return { json: v, text: v.industries.map((i) => `${i.code} ${i.name}`).join('\n') };
      }),
  },
  {
    name: 'classification place',
    summary: '设定某行业的客户及其顺序（替换该行业原有名单）/ set an industry’s customers in order',
    usage: 'kam classification place --industry CODE --customers ID,ID,… [--db PATH] [--json]',
    options: { industry: { type: 'string' }, customers: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const customerIds = (opt(values, 'customers') ?? '')
          .split(',')
          .map((s) => s.replace(/\s/g, ''))
          .filter(Boolean);
        const v = await b.registry.call('classification/place', {
          industryCode: required(values, 'industry'),
          customerIds,
        });
        const i = v.industries.find((x) => x.code === required(values, 'industry'));
        return {
          json: v,
          text: (i?.customers ?? []).map((c, k) => `${k + 1}) ${c.id} ${c.name}`).join('\n') || '（无）',
        };
      }),
  },
];
