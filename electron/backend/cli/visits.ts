/**
 * `kam visits` (R23), through the app's handlers: add a visit, record a planned one's result, list
 * them, the month's obligations, completion rates, leader-led visits of the year.
 */
import { AppError } from '../../../shared/api/errors';
import { withExisting } from './backend';
import { type Command, opt, required } from './command';

const STATUS_ZH = { planned: '计划', held: '已拜访', not_held: '未拜访' } as const;

export const VISIT_COMMANDS: Command[] = [
  {
    name: 'visits add',
    summary:
      '登记拜访（默认为已拜访，须写参加人员与结果；未拜访须写原因；只有已拜访计入 R23）/ record a visit (held by default: participants and outcome; not held: the reason)',
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
        const manager = opt(values, 'manager');
        if (manager !== null && !/^\d{1,9}$/.test(manager))
          throw new AppError('VALIDATION', { zh: '--manager 应为客户经理编号', en: '--manager is a manager number' });
        const v = await b.registry.call('visits/add', {
          customerId: required(values, 'customer'),
          date: required(values, 'date'),
          kind: required(values, 'kind') as 'manager',
          status: (opt(values, 'status') ?? 'held') as 'held',
          managerId: manager === null ? null : Number(manager),
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
  {
    name: 'visits record',
    summary: '记录计划拜访的结果：已拜访（参加人员、结果）或未拜访（原因）/ record a planned visit as held or not held',
    usage:
      'kam visits record N --held --participants T --outcome T [--date D] [--db PATH] [--json]\n' +
      '      kam visits record N --not-held --reason R [--db PATH] [--json]',
    options: {
      held: { type: 'boolean' },
      'not-held': { type: 'boolean' },
      date: { type: 'string' },
      participants: { type: 'string' },
      outcome: { type: 'string' },
      reason: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const [raw, ...extra] = io.positionals ?? [];
        if (!raw || !/^\d{1,9}$/.test(raw) || extra.length > 0)
          throw new AppError('VALIDATION', {
            zh: '请给出一个拜访编号，如 kam visits record 3 --held',
            en: 'Give one visit number, e.g. kam visits record 3 --held',
          });
        const held = values.held === true;
        if (held === (values['not-held'] === true))
          throw new AppError('VALIDATION', {
            zh: '请选择 --held（已拜访）或 --not-held（未拜访）之一',
            en: 'Give either --held or --not-held',
          });
        const v = await b.registry.call('visits/record', {
          id: Number(raw),
          status: held ? 'held' : 'not_held',
          date: opt(values, 'date'),
          participants: opt(values, 'participants'),
          outcome: opt(values, 'outcome'),
          reason: opt(values, 'reason'),
        });
        return { json: v, text: `拜访 #${v.id}：${v.customerName} ${v.date} ${STATUS_ZH[v.status]}` };
      }),
  },
  {
    name: 'visits completion',
    summary: '拜访完成率（按客户经理、责任单位、分级；本月或本年累计）/ visit completion by manager, unit and tier',
    usage: 'kam visits completion --period YYYY-MM [--ytd] [--db PATH] [--json]',
    options: { period: { type: 'string' }, ytd: { type: 'boolean' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const c = await b.registry.call('visits/completion', {
          period: required(values, 'period'),
          span: values.ytd === true ? 'ytd' : 'month',
        });
        const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
        const text = [
          `${c.from}–${c.to}：${c.total.counted}/${c.total.required} ${pct(c.total.rate)}`,
          ...c.byUnit.map((g) => `${g.label}\t${g.counted}/${g.required}\t${pct(g.rate)}`),
        ].join('\n');
        return { json: c, text };
      }),
  },
  {
    name: 'visits leaders',
    summary: '各重点客户本年领导拜访（每年至少 1 次）/ leader-led visits of the year per key customer',
    usage: 'kam visits leaders --year YYYY [--as-of D] [--db PATH] [--json]',
    options: { year: { type: 'string' }, 'as-of': { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const year = required(values, 'year');
        if (!/^\d{4}$/.test(year))
          throw new AppError('VALIDATION', { zh: '--year 应为四位年份', en: '--year is a year' });
        const v = await b.registry.call('visits/leader-check', { year: Number(year), asOf: opt(values, 'as-of') });
        const text =
          v.rows.length === 0
            ? '（无）'
            : v.rows
                .map((r) =>
                  [r.customerId, r.customerName, `${r.held}/${r.min}`, r.met ? '已完成' : '未完成'].join('\t'),
                )
                .join('\n');
        return { json: v, text };
      }),
  },
];
