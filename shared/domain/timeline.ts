/**
 * The kinds of event on a customer's timeline (the hub's 时间线), in the order a part adds them.
 * Each is read from the part that stores it (electron/backend/customers/timeline.ts); later parts
 * (registrations, archives, managers, logs, visits, complaints) add theirs.
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
  'visit_held',
  'visit_not_held',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
