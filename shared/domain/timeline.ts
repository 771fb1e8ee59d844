/**
 * The kinds of event on a customer's timeline (the hub's 时间线), in the order a part adds them.
 * Each is read from the part that stores it (electron/backend/customers/timeline.ts); later parts
 * (registrations, archives, managers, logs, visits, complaints, discounts) add theirs.
 */
export const TIMELINE_KINDS = [
  'created',
  'grading',
  'approval',
  'approval_revoked',
  'override',
  'override_revoked',
  'agreement',
  'import',
  'revenue_typed',
  'registration_step',
  'owner_change',
  'application',
  'archive',
  'manager_assigned',
  'manager_ended',
  'complaint',
  'complaint_closed',
  'development',
  'log',
  'discount_requested',
  'discount_decided',
  'discount_approved',
  'discount_withdrawn',
  'visit_held',
  'visit_not_held',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
