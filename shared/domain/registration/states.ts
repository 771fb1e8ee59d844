/**
 * R19: a registration's states and steps. 待预审 (pre_review, by the registering unit's county
 * centre or professional bureau) → 待审核 (review, by the city centre) → 已通过 (approved: ID by
 * R16) or 已驳回 (rejected, with a reason); an approved registration the centre releases after an
 * unconfirmed ownership period (R19c) becomes 已释放 (released).
 */
import type { UnitKind } from '../organisation';

export const REGISTRATION_STATES = ['pre_review', 'review', 'approved', 'rejected', 'released'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
/** States that still hold a claim on the customer before approval (shown by the duplicate check). */
export const PENDING_STATES: readonly RegistrationState[] = ['pre_review', 'review'];

export const REGISTRATION_STATE_NAMES_ZH: Record<RegistrationState, string> = {
  pre_review: '待预审',
  review: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  released: '已释放',
};

export const STEP_KINDS = ['submit', 'pre_review', 'review', 'ruling', 'release'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface UnitNode {
  id: number;
  kind: UnitKind;
  parentId: number | null;
}

/**
 * R19: who pre-reviews — the nearest county/district bureau or professional bureau above the
 * registering unit. None (null: the step is skipped) when the unit sits directly under the city
 * centre (a county or professional bureau registers through its own centre, which is the
 * pre-review) or is the city centre itself.
 */
export function preReviewer(unitId: number, units: ReadonlyMap<number, UnitNode>): number | null {
  const own = units.get(unitId);
  if (!own) return null;
  let at = own.parentId === null ? undefined : units.get(own.parentId);
  for (let guard = 0; at && guard < 64; guard++) {
    if (at.kind === 'county' || at.kind === 'professional') return at.id;
    if (at.kind === 'centre' || at.kind === 'province') return null;
    at = at.parentId === null ? undefined : units.get(at.parentId);
  }
  return null;
}

export function initialState(preReviewUnitId: number | null): RegistrationState {
  return preReviewUnitId === null ? 'review' : 'pre_review';
}

/** The state after one decision (`decide`), or null when the state takes no decision. */
export function nextState(state: RegistrationState, approve: boolean): RegistrationState | null {
  switch (state) {
    case 'pre_review':
      return approve ? 'review' : 'rejected';
    case 'review':
      return approve ? 'approved' : 'rejected';
    default:
      return null;
  }
}

/** The step a decision in this state records. */
export function stepOf(state: RegistrationState): StepKind | null {
  return state === 'pre_review' ? 'pre_review' : state === 'review' ? 'review' : null;
}

export const RULING_BASES = ['signing_location', 'escalation'] as const;
export type RulingBasis = (typeof RULING_BASES)[number];
