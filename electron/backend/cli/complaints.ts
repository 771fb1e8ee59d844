/**
 * `kam holidays` and `kam complaints` (R33), through the app's handlers: the working-day calendar
 * the complaint clock counts on, and each complaint's steps. `--date D` (list) stands in for today.
 */
import { AppError } from '../../../shared/api/errors';
import type { ComplaintView } from '../../../shared/api/types-complaints';
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import { withExisting } from './backend';
import { type Command, opt, recordId, required, type Values } from './command';

function yearOf(values: Values): number {
  const y = required(values, 'year');
  if (!/^\d{4}$/.test(y))
    throw new AppError('VALIDATION', { zh: '--year 应为四位年份', en: '--year is a 4-digit year' });
  return Number(y);
}

/** `2026-10-01..2026-10-07,2026-10-10`: dates and inclusive ranges, comma-separated. */
export function dateList(text: string | null, option: string): string[] {
  if (text === null) return [];
  const out: string[] = [];
  for (const part of text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to, ...rest] = part.split('..');
    const bad = () =>
      new AppError('VALIDATION', {
        zh: `--${option} 中“${part}”应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD`,
        en: `"${part}" in --${option} must be YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD`,
      });
    if (!from || !isIsoDate(from) || rest.length > 0 || (to !== undefined && (!isIsoDate(to) || to < from)))
      throw bad();
    for (let d = from; d <= (to ?? from) && out.length <= 366; d = addDays(d, 1)) out.push(d);
    if (out.length > 366) throw bad();
  }
  return out;
}

const STATUS_ZH = { open: '待联系', contacted: '处理中', paused: '暂停', closed: '已结案' } as const;
const line = (c: ComplaintView) =>
  [
    c.id,
    c.customerId,
    STATUS_ZH[c.status],
    `联系 ${c.deadlines.contact.replace('T', ' ')}`,
    `结案 ${c.deadlines.close ?? '暂停中'}`,
    c.breached ? '超时' : '',
    c.escalated ? '已上报中心' : '',
  ].join('\t');

const EVENTS = ['contact', 'pause', 'resume', 'close'] as const;
const EVENT_SUMMARY: Record<(typeof EVENTS)[number], string> = {
  contact: '记录已联系客户（R33：受理后 24 小时内）/ record the contact with the customer',
  pause: '暂停（等待客户），须写明原因，结案时限停止计算 / pause, with a reason: the close clock stops',
  resume: '恢复处理，结案时限继续计算 / resume: the close clock runs again',
  close: '结案：处理结果与客户满意度（1–5）/ close with the resolution and the satisfaction (1–5)',
};

export const COMPLAINT_COMMANDS: Command[] = [
  {
    name: 'holidays show',
    summary: '某年的节假日与调休安排（未设置时给出 chinese-days 的建议）/ a year’s working-day calendar',
    usage: 'kam holidays show --year YYYY [--db PATH] [--json]',
    options: { year: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const view = await b.registry.call('holidays/show', { year: yearOf(values) });
        const source =
          view.source === null ? '（未知：请设置）' : view.source === 'suggested' ? '（建议，尚未保存）' : '';
        return {
          json: view,
          text: `${view.year} 年${source}\n放假：${view.off.join(', ') || '无'}\n调休上班：${view.work.join(', ') || '无'}`,
        };
      }),
  },
  {
    name: 'holidays set',
    summary: '设置某年的节假日与调休（整年替换）/ set a year’s days off and working weekends (replaces the year)',
    usage:
      'kam holidays set --year YYYY [--off LIST] [--work LIST] [--db PATH] [--json]\n' +
      '      LIST: dates and ranges, comma-separated, e.g. 2026-10-01..2026-10-07,2026-10-09',
    options: { year: { type: 'string' }, off: { type: 'string' }, work: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const year = yearOf(values);
        const view = await b.registry.call('holidays/set', {
          year,
          off: dateList(opt(values, 'off'), 'off'),
          work: dateList(opt(values, 'work'), 'work'),
        });
        return { json: view, text: `已设置 ${year} 年：放假 ${view.off.length} 天，调休上班 ${view.work.length} 天` };
      }),
  },
  {
    name: 'complaints add',
    summary: '登记投诉（R33：首问负责）/ record a complaint (R33: the first receiver owns it)',
    usage:
      'kam complaints add --customer ID --received YYYY-MM-DDTHH:MM --channel C --content T [--type T] [--complex] [--unit CODE] [--date D] [--db PATH] [--json]\n' +
      '      --date D: the day it is logged (R33: the day of receipt), today when absent',
    options: {
      customer: { type: 'string' },
      received: { type: 'string' },
      channel: { type: 'string' },
      content: { type: 'string' },
      type: { type: 'string' },
      complex: { type: 'boolean' },
      unit: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const date = opt(values, 'date');
        if (date !== null && !isIsoDate(date))
          throw new AppError('VALIDATION', { zh: '--date 应为 YYYY-MM-DD', en: '--date is YYYY-MM-DD' });
        const code = opt(values, 'unit');
        let unitId: number | null = null;
        if (code !== null) {
          const unit = (await b.registry.call('units/list', { includeRetired: true })).find((u) => u.code === code);
          if (!unit)
            throw new AppError('NOT_FOUND', { zh: `找不到代码为 ${code} 的单位`, en: `No unit has the code ${code}` });
          unitId = unit.id;
        }
        const c = await b.registry.call('complaints/add', {
          customerId: required(values, 'customer'),
          receivedAt: required(values, 'received'),
          channel: required(values, 'channel'),
          content: required(values, 'content'),
          type: opt(values, 'type'),
          complex: values.complex === true,
          unitId,
          loggedAt: date === null ? null : `${date}T00:00`,
        });
        return { json: c, text: `已登记投诉 #${c.id}\n${line(c)}` };
      }),
  },
  ...EVENTS.map(
    (event): Command => ({
      name: `complaints ${event}`,
      summary: EVENT_SUMMARY[event],
      usage: `kam complaints ${event} N --at YYYY-MM-DDTHH:MM${event === 'pause' ? ' --reason R' : event === 'close' ? ' --resolution T --satisfaction 1-5' : ''} [--db PATH] [--json]`,
      options: {
        at: { type: 'string' },
        reason: { type: 'string' },
        resolution: { type: 'string' },
        satisfaction: { type: 'string' },
      },
      positionals: true,
      run: async (values, db, io) =>
        withExisting(db, async (b) => {
          const satisfaction = opt(values, 'satisfaction');
          if (satisfaction !== null && !/^[1-5]$/.test(satisfaction))
            throw new AppError('VALIDATION', { zh: '--satisfaction 应为 1–5', en: '--satisfaction is 1 to 5' });
          const c = await b.registry.call('complaints/event', {
            id: recordId(
              io.positionals,
              { zh: '投诉', en: 'complaint' },
              `kam complaints ${event} 3 --at 2026-11-02T10:00`,
            ),
            event,
            at: required(values, 'at'),
            reason: opt(values, 'reason'),
            resolution: opt(values, 'resolution'),
            satisfaction: satisfaction === null ? null : Number(satisfaction),
          });
          return { json: c, text: line(c) };
        }),
    }),
  ),
  {
    name: 'complaints route',
    summary: '转办投诉给另一单位处理（首问单位仍负责到底；--unit 空则收回）/ route a complaint to another unit',
    usage: 'kam complaints route N --unit CODE [--db PATH] [--json]',
    options: { unit: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const code = opt(values, 'unit');
        let unitId: number | null = null;
        if (code !== null) {
          const unit = (await b.registry.call('units/list', { includeRetired: false })).find((u) => u.code === code);
          if (!unit) throw new AppError('NOT_FOUND', { zh: `找不到单位 ${code}`, en: `No unit ${code}` });
          unitId = unit.id;
        }
        const c = await b.registry.call('complaints/route', {
          id: recordId(io.positionals, { zh: '投诉', en: 'complaint' }, 'kam complaints route 3 --unit P05'),
          unitId,
        });
        return { json: c, text: `${line(c)}	转办：${c.routedTo?.name ?? '（无）'}` };
      }),
  },
  {
    name: 'complaints list',
    summary: '投诉及其时限（breached：是否超时；escalated：是否上报中心）/ complaints with their clocks',
    usage: 'kam complaints list [--open] [--customer ID] [--date D] [--db PATH] [--json]',
    options: { open: { type: 'boolean' }, customer: { type: 'string' }, date: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const date = opt(values, 'date');
        const rows = await b.registry.call('complaints/list', {
          open: values.open === true,
          customerId: opt(values, 'customer'),
          // --date stands in for today: breaches as of the end of that day.
          now: date === null ? null : `${date}T23:59`,
        });
        return { json: rows, text: rows.length === 0 ? '（无）' : rows.map(line).join('\n') };
      }),
  },
];
