/**
 * R19a/R19b: how one holder (a customer or a pending registration) matches what is being
 * registered, strongest reason first: credit code > name > branch > similar > phone. A holder is
 * reported once, with its strongest reason; a match shows only who holds it (unit, state, since).
 */
import { type IdentityName, similarDifference } from './identity';

export const MATCH_REASONS = ['credit_code', 'name', 'branch', 'similar', 'phone'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** Reasons that mean "the same company" (R19: a conflict the centre rules on); the others are shown, never decided. */
export const SAME_COMPANY_REASONS: readonly MatchReason[] = ['credit_code', 'name'];

export interface IdentityProbe {
  creditCode: string | null;
  identity: IdentityName;
  /** Digits only (normalisePhone). */
  phone: string | null;
}

export interface Classified {
  reason: MatchReason;
  /** For `similar`: the differing characters of the 字号, ours and theirs. */
  differing?: { ours: string; theirs: string };
}

/** Digits of a phone number, a leading +86 / 0086 dropped; null when fewer than 7 digits remain. */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length >= 7 ? digits : null;
}

export function classifyMatch(
  probe: IdentityProbe,
  holder: IdentityProbe,
  distance: (a: string, b: string) => number,
): Classified | null {
  if (probe.creditCode !== null && probe.creditCode === holder.creditCode) return { reason: 'credit_code' };
  if (probe.identity.key !== '' && probe.identity.key === holder.identity.key) return { reason: 'name' };
  if (probe.identity.branch !== null && holder.identity.branch === null) {
    if (probe.identity.branch.headKey === holder.identity.key) return { reason: 'branch' };
  }
  const differing = similarDifference(probe.identity, holder.identity, distance);
  if (differing) return { reason: 'similar', differing };
  if (probe.phone !== null && probe.phone === holder.phone) return { reason: 'phone' };
  return null;
}

export function reasonRank(reason: MatchReason): number {
  return MATCH_REASONS.indexOf(reason);
}

export const MATCH_REASON_NAMES_ZH: Record<MatchReason, string> = {
  credit_code: '统一社会信用代码相同',
  name: '同一企业（规范化名称相同）',
  branch: '已登记总部的分支机构',
  similar: '疑似重复（字号相差一个字）',
  phone: '联系电话相同',
};
export const MATCH_REASON_NAMES_EN: Record<MatchReason, string> = {
  credit_code: 'same credit code',
  name: 'same company (same normalised name)',
  branch: 'a branch of a known head office',
  similar: 'possible duplicate (one character of the trade name differs)',
  phone: 'same phone number',
};
