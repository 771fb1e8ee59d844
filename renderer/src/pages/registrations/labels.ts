/**
 * 注册申报's words and colours, pure so they are tested without a browser: a match's reason as
 * the officer reads it (R19a), the states' and the ownership clock's colours (R19c), whether a
 * registration waits for the centre's ruling (R19).
 */
import type { OwnershipClockView, RegistrationMatch } from '../../../../shared/api/registration-types';
import { type MatchReason, SAME_COMPANY_REASONS } from '../../../../shared/domain/registration/matches';
import type { RegistrationState } from '../../../../shared/domain/registration/states';
import type { Scope } from '../../../../shared/domain/tiers';

const REASON_ZH: Record<MatchReason, string> = {
  credit_code: '同一信用代码',
  name: '同一企业',
  phone: '同一电话',
  similar: '疑似重复',
  branch: '已知总部的分支机构',
};
const REASON_EN: Record<MatchReason, string> = {
  credit_code: 'Same credit code',
  name: 'Same company',
  phone: 'Same phone',
  similar: 'Possible duplicate',
  branch: 'Branch of a known head office',
};

/** "疑似重复（差异字：远 / 达）": the reason, with the differing characters for a similar name. */
export function matchReasonLabel(match: Pick<RegistrationMatch, 'reason' | 'differing'>, en = false): string {
  const base = (en ? REASON_EN : REASON_ZH)[match.reason];
  if (match.reason !== 'similar' || !match.differing) return base;
  const { ours, theirs } = match.differing;
  return en ? `${base} (differs: ${ours} / ${theirs})` : `${base}（差异字：${ours} / ${theirs}）`;
}

/** Same company (credit code or name): a conflict the centre rules on; the others are only shown. */
export function isConflict(match: Pick<RegistrationMatch, 'reason'>): boolean {
  return SAME_COMPANY_REASONS.includes(match.reason);
}

/** Red for a conflict, orange for a possible duplicate, grey for what is only worth knowing. */
export function matchColor(match: Pick<RegistrationMatch, 'reason'>): string {
  if (isConflict(match)) return 'red';
  if (match.reason === 'similar') return 'orange';
  return match.reason === 'branch' ? 'blue' : 'gray';
}

export const STATE_COLORS: Record<RegistrationState, string> = {
  pre_review: 'yellow',
  review: 'orange',
  approved: 'green',
  rejected: 'red',
  released: 'gray',
};

export const CLOCK_COLORS: Record<OwnershipClockView['state'], string> = {
  running: 'blue',
  warning: 'orange',
  lapsed: 'red',
  confirmed: 'green',
};

/** The centre must rule before this registration can be approved (R19): under review, same company held elsewhere. */
export function needsRuling(reg: { state: RegistrationState; matches: readonly Pick<RegistrationMatch, 'reason'>[] }) {
  return reg.state === 'review' && reg.matches.some(isConflict);
}

/** The head offices a 'branch' match offers for 作为分支机构通过. */
export function headOffices(matches: readonly RegistrationMatch[]): { customerId: string; unitName: string }[] {
  const seen = new Set<string>();
  const out: { customerId: string; unitName: string }[] = [];
  for (const m of matches) {
    if (m.reason === 'branch' && m.customerId && !seen.has(m.customerId)) {
      seen.add(m.customerId);
      out.push({ customerId: m.customerId, unitName: m.unitName });
    }
  }
  return out;
}

/**
 * R14 as the backend applies it at approval (registrations/service.ts): one line used →
 * professional; else a home unit under a county/district bureau → regional; else comprehensive.
 * Pre-selected in the approval dialog; the centre may choose another.
 */
export function suggestedScope(
  lines: readonly string[],
  unitId: number,
  units: readonly { id: number; kind: string; parentId: number | null }[],
): Scope {
  if (lines.length === 1) return 'professional';
  const byId = new Map(units.map((u) => [u.id, u]));
  for (let at = byId.get(unitId), guard = 0; at && guard < 64; guard++) {
    if (at.kind === 'county') return 'regional';
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  return 'comprehensive';
}
