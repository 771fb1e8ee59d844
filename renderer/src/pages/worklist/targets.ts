/**
 * Where a duty is done: each work-list row opens that place. Pure, so the mapping is tested
 * without a browser.
 */
import type { WorkItem } from '../../../../shared/domain/worklist';
import type { Route } from '../../router/routes';

export function targetOf(item: WorkItem): Route | null {
  switch (item.kind) {
    case 'forms_missing':
      return { name: 'submissions', tab: 'tracker' };
    case 'manager_change_late':
      return { name: 'settings', tab: 'managers' };
    case 'archive_overdue':
    case 'archive_due':
    case 'missing_ab':
    case 'lapse_warning':
    case 'lapse':
      return item.customerId ? { name: 'customer', id: item.customerId } : null;
    case 'registration_step':
    case 'conflict':
    case 'application':
      // The registrations page does not exist yet: the customer, when the item names one.
      return item.customerId ? { name: 'customer', id: item.customerId } : null;
  }
}
