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
      return item.customerId ? { name: 'customer', id: item.customerId, tab: 'archive' } : null;
    case 'missing_ab':
      return item.customerId ? { name: 'customer', id: item.customerId } : null;
    case 'lapse_warning':
    case 'lapse':
      // The registration whose ownership period ends: it is released (R19c) from there.
      if (item.registrationId !== undefined) return { name: 'registrations', tab: 'list', id: item.registrationId };
      return item.customerId ? { name: 'customer', id: item.customerId } : null;
    case 'registration_step':
    case 'conflict':
      // The registration, where its step or ruling is taken; the customer when none is named.
      if (item.registrationId !== undefined) return { name: 'registrations', tab: 'list', id: item.registrationId };
      return item.customerId ? { name: 'customer', id: item.customerId } : null;
    case 'application':
      return { name: 'registrations', tab: 'applications', id: null };
    case 'visits_short':
      // R23: the visits page narrowed to the customer, where its visit is recorded.
      return { name: 'visits', customerId: item.customerId ?? null };
    case 'complaint_due':
    case 'complaint_overdue':
      return { name: 'complaints' };
    case 'development_stuck':
      return { name: 'logs' };
    case 'discount_pending':
      return { name: 'discounts' };
    case 'discount_expiring':
      // The approved ones, where it shows with its validity (R29).
      return { name: 'discounts', tab: 'approved' };
    case 'template_inbox':
      return { name: 'registrations', tab: 'inbox', id: null };
  }
}
