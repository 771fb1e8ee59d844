/** `kam worklist`: the work list (待办) as the app shows it, through the same handler. */

import type { WorkItemView } from '../../../shared/api/types';
import { WORK_ITEM_KIND_NAMES } from '../../../shared/domain/worklist';
import { positiveInt, withExisting } from './backend';
import type { Command, Values } from './command';

function optional(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function itemText(i: WorkItemView): string {
  const what = i.customerId
    ? `${i.customerId} ${i.customerName ?? ''}`
    : i.registrationId !== undefined
      ? `注册 #${i.registrationId}`
      : (i.period ?? '');
  return [i.due ?? '—', WORK_ITEM_KIND_NAMES[i.kind].zh, `${i.unit} ${i.unitName}`, what].join('\t');
}

export const WORKLIST_COMMANDS: Command[] = [
  {
    name: 'worklist',
    summary: '待办：逾期与即将到期的职责 / the work list: duties overdue and due soon',
    usage: 'kam worklist [--db PATH] [--unit CODE] [--manager ID] [--date YYYY-MM-DD] [--json]',
    options: { unit: { type: 'string' }, manager: { type: 'string' }, date: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const unitCode = optional(values, 'unit');
        const date = optional(values, 'date');
        const list = await b.registry.call('worklist/list', {
          ...(unitCode === undefined ? {} : { unitCode }),
          ...(date === undefined ? {} : { date }),
          ...(values.manager === undefined ? {} : { managerId: positiveInt(values, 'manager') }),
        });
        const text =
          list.items.length === 0
            ? `${list.date}：没有待办事项`
            : [`${list.date} 待办 ${list.items.length} 项`, ...list.items.map(itemText)].join('\n');
        return { json: list, text };
      }),
  },
];
