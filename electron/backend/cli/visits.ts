/** `kam visits` (R23), through the app's handlers: record a visit, list them, the month's obligations. */
import { withExisting } from './backend';
import { type Command, opt, required, wholeNumber } from './command';

const STATUS_ZH = { planned: '计划', held: '已拜访', not_held: '未拜访' } as const;

export const VISIT_COMMANDS: Command[] = [
  {
    name: 'visits add',
    summary: '登记拜访（默认为已拜访；只有已拜访计入 R23）/ record a visit (held by default; only held ones count)',
    usage:
      'kam visits add --customer ID --date D --kind manager|leader [--status planned|held|not_held] [--reason R]\n' +
      '      [--manager N] [--purpose T] [--participants T] [--outcome T] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      date: { type: 'string' },
      kind: { type: 'string' },
      status: { type: 'string' },
      reason: { type: 'string' },
      manager: { type: 'string' },
      purpose: { type: 'string' },
      participants: { type: 'string' },
      outcome: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const v = await b.registry.call('visits/add', {
          customerId: required(values, 'customer'),
          date: required(values, 'date'),
          kind: required(values, 'kind') as 'manager',
          status: (opt(values, 'status') ?? 'held') as 'held',
          managerId: wholeNumber(values, 'manager'),
          purpose: opt(values, 'purpose'),
          participants: opt(values, 'participants'),
          outcome: opt(values, 'outcome'),
          reason: opt(values, 'reason'),
        });
        return { json: v, text: `已登记拜访 #${v.id}：${v.customerName} ${v.date} ${STATUS_ZH[v.status]}` };
      }),
  },
  {
    name: 'visits list',
    summary: '列出拜访 / list visits',
    usage: 'kam visits list [--customer ID] [--period YYYY-MM] [--db PATH] [--json]',
    options: { customer: { type: 'string' }, period: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const rows = await b.registry.call('visits/list', {
          customerId: opt(values, 'customer'),
          period: opt(values, 'period'),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((v) => [v.id, v.date, v.customerId, v.kind, STATUS_ZH[v.status], v.reason ?? ''].join('\t'))
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'visits obligations',
    summary: '某月各重点客户应拜访与已拜访次数（R23）/ each key customer’s visits required and held in a month',
    usage: 'kam visits obligations --period YYYY-MM [--unit CODE] [--short] [--db PATH] [--json]',
    options: { period: { type: 'string' }, unit: { type: 'string' }, short: { type: 'boolean' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const rows = await b.registry.call('visits/obligations', {
          period: required(values, 'period'),
          unitCode: opt(values, 'unit'),
          shortOnly: values.short === true,
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows.map((o) => [o.customerId, o.unit, o.tier, o.scope, `${o.held}/${o.required}`].join('\t')).join('\n');
        return { json: rows, text };
      }),
  },
];
