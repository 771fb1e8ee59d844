/** Results of the registrations (R19), duplicate check (R19a/b) and marketing applications channels. */
import type { MatchReason } from '../domain/registration/matches';
import type { RegistrationState } from '../domain/registration/states';
import type { ApplicationSubmission, RegistrationSubmission } from '../domain/templates/intake';
import type { Scope } from '../domain/tiers';

/**
 * One holder that matches (R19a: only who holds it, never its dossier). `customerId` for a
 * customer (for `branch`: the head office), `registrationId` for a pending registration.
 */
export interface RegistrationMatch {
  reason: MatchReason;
  customerId: string | null;
  registrationId: number | null;
  /** The holder's unit code. */
  unit: string;
  unitName: string;
  /** 'customer', or the registration's state. */
  state: string;
  /** Since when it holds it (YYYY-MM-DD). */
  since: string;
  /** `similar`: the differing characters of the 字号, ours then theirs. */
  differing?: { ours: string; theirs: string };
  /** Reason in words, both languages. */
  message: string;
  messageEn: string;
}

export interface DupcheckResult {
  matches: RegistrationMatch[];
}

export interface RegistrationAdded {
  id: number;
  state: RegistrationState;
  conflicts: RegistrationMatch[];
  /** The unit that pre-reviews (null: skipped). */
  preReviewUnit: string | null;
  /** A same-company match (credit code or name) the centre must rule on before approval (R19). */
  needsRuling: boolean;
}

export interface RegistrationDecided {
  id: number;
  state: RegistrationState;
  /** Set by the approval that allocates (or assigns) the customer (R16). */
  customerId: string | null;
  conflicts: RegistrationMatch[];
  /** R14: the scope set at approval, and the suggestion it started from. */
  scope: Scope | null;
  suggestedScope: Scope | null;
  /** R15: the responsible unit until the first tiering run (general tier: the home unit). */
  responsibleUnit: string | null;
  /** Registrations the ruling decided against (their units are told why). */
  ruledAgainst: number[];
}

export interface OwnershipClockView {
  state: 'confirmed' | 'running' | 'warning' | 'lapsed';
  lapsesOn: string;
  warnsFrom: string;
  confirmedBy: 'agreement' | 'revenue' | null;
}

export interface RegistrationRow {
  id: number;
  unit: string;
  unitName: string;
  name: string;
  creditCode: string | null;
  areaCode: string;
  state: RegistrationState;
  source: 'typed' | 'template';
  registeredOn: string;
  preReviewUnit: string | null;
  customerId: string | null;
  approvedOn: string | null;
  branchOf: string | null;
  /** Why it was rejected (the unit's receipt). */
  outcomeReason: string | null;
  /** R19c, for approved registrations. */
  clock: OwnershipClockView | null;
}

export interface RegistrationStepView {
  step: string;
  decision: string;
  unit: string | null;
  actor: string;
  decidedOn: string;
  opinion: string | null;
  matches: RegistrationMatch[];
}

/** One side of a conflict, as the centre compares them (R19). */
export interface ConflictSide {
  registrationId: number | null;
  customerId: string | null;
  unit: string;
  unitName: string;
  since: string;
  evidence: string | null;
  /** Stated yearly revenue (a registration) or the last 12 months' revenue (a customer), fen. */
  revenueFen: number | null;
}

export interface RegistrationDetail extends RegistrationRow {
  phone: string | null;
  address: string | null;
  industry: string | null;
  lines: string[];
  evidence: string | null;
  revenueFen: number | null;
  contact: string | null;
  reason: string | null;
  scope: Scope | null;
  steps: RegistrationStepView[];
  /** The duplicate check now (R19a: again on every step). */
  matches: RegistrationMatch[];
  /** This registration and each same-company holder, side by side. */
  sides: ConflictSide[];
  rulings: { winner: 'registration' | 'holder'; basis: string; reason: string; ruledOn: string; actor: string }[];
}

export interface RegistrationReleased {
  id: number;
  state: RegistrationState;
  customerId: string;
  previousUnit: string;
  barUntil: string;
}

export type ApplicationState = 'owner_opinion' | 'ruling' | 'granted' | 'refused';

export interface ApplicationView {
  id: number;
  customerId: string;
  customerName: string;
  unit: string;
  ownerUnit: string;
  plan: string;
  startsOn: string;
  untilOn: string;
  expectedRevenueFen: number;
  state: ApplicationState;
  ownerAgrees: boolean | null;
  ownerOpinion: string | null;
  rulingReason: string | null;
  attributionPercent: number | null;
  endOn: string | null;
  filedOn: string;
  /** Granted and not ended on the asked date: the unit is on the customer's team (ownership does not move). */
  member: boolean;
}

// ── The centre's inbox of what units send in their templates (DOMAIN-DECISIONS "Template intake") ──

export type SubmissionState = 'pending' | 'filed' | 'declined' | 'withdrawn';

/** A 新客户申报 row as the unit sent it (shared/domain/templates/intake.ts). */
export type RegistrationSubmissionFields = Omit<RegistrationSubmission, 'kind' | 'sheet' | 'row'>;

/** A 营销申报 row as the unit sent it. */
export type ApplicationSubmissionFields = Omit<ApplicationSubmission, 'kind' | 'sheet' | 'row'>;

export interface SubmissionView {
  id: number;
  kind: 'registration' | 'application';
  state: SubmissionState;
  /** The unit that sent it (code and name). */
  unit: string;
  unitName: string;
  batchId: number;
  fileName: string;
  period: string | null;
  sheet: string;
  row: number;
  receivedAt: string;
  registration: RegistrationSubmissionFields | null;
  application: ApplicationSubmissionFields | null;
  /** R19a, for a pending registration: the duplicate check as it stands now. */
  matches: RegistrationMatch[];
  /** Filed as: the registration or application it became. */
  registrationId: number | null;
  applicationId: number | null;
  /** Why the centre declined it (the unit's receipt tells it). */
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface SubmissionsFiled {
  filed: { id: number; registrationId: number | null; applicationId: number | null; state: string }[];
}
