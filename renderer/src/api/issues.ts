import type { FieldIssue } from '../../../shared/api/errors';

/**
 * Splits validation issues into per-field messages (first message per top-level field, for the
 * fields a form shows) and the rest (shown above the form).
 */
export function issuesByField(
  issues: readonly FieldIssue[],
  fields: readonly string[],
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (fields.includes(field)) {
      if (byField[field] === undefined) byField[field] = issue.message;
    } else {
      other.push(issue.message);
    }
  }
  return { byField, other };
}
