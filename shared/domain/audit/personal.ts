/**
 * Personal information in the audit log (DOMAIN-DECISIONS "Audit log"): the log is kept for good
 * and read by whoever audits the centre, so a phone number or a customer's key person is never
 * copied into it. A row records that such a field changed, not its value. One list, used for a
 * write's input (as sent) and for its before → after changes.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'phone',
  'mobile',
  'contactPhone',
  'contactName',
  'contact',
  'email',
  'idNumber',
  'keyPersons',
  // R17: an archive's contact fax and a competitor's personal ties to the customer's people.
  'fax',
  'personalTies',
]);

/** Written in place of a personal value in an audited input. */
export const PERSONAL_MARK = '〔个人信息，不记录〕';

/** A field name as sent (camelCase) or as stored (snake_case); a path (`basic.contactPhone`) by any part. */
export function isPersonalField(field: string): boolean {
  return field
    .split('.')
    .some((part) => PERSONAL_FIELDS.has(part.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * A copy of `value` with every personal field's value replaced by PERSONAL_MARK, at any depth
 * (an empty one stays empty: "no phone" is not personal). Objects and arrays only; nothing else
 * is walked.
 */
export function redactPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPersonal);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isPersonalField(key) && !isEmpty(v) ? PERSONAL_MARK : redactPersonal(v);
  }
  return out;
}
