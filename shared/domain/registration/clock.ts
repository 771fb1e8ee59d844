/**
 * R19c: the ownership clock. Approval starts it; the first recorded agreement (R5) or month of
 * revenue on/after approval confirms the registration. Unconfirmed, it warns `warningDays` before
 * the period (policy `registrationLapseMonths`) ends and is listed for release from that day on.
 */
import { addDays, addMonthsClamped } from '../dates';

export type ClockState = 'confirmed' | 'running' | 'warning' | 'lapsed';

export interface ClockInput {
  /** YYYY-MM-DD of the approval. */
  approvedOn: string;
  /** Today (YYYY-MM-DD). */
  today: string;
  /** The customer's agreement date (customers.agreement_since), if any, on or before today. */
  agreementSince: string | null;
  /** The first month (YYYY-MM) with revenue on/after the approval month and not after today's month. */
  firstRevenuePeriod: string | null;
}

export interface Clock {
  state: ClockState;
  /** The day the period ends: unconfirmed from this day on, the registration may be released. */
  lapsesOn: string;
  /** The first day of the warning. */
  warnsFrom: string;
  confirmedBy: 'agreement' | 'revenue' | null;
}

export function ownershipClock(input: ClockInput, policy: { lapseMonths: number; warningDays: number }): Clock {
  const lapsesOn = addMonthsClamped(input.approvedOn, policy.lapseMonths);
  const warnsFrom = addDays(lapsesOn, -policy.warningDays);
  const agreement = input.agreementSince !== null && input.agreementSince <= input.today;
  const revenue =
    input.firstRevenuePeriod !== null &&
    input.firstRevenuePeriod >= input.approvedOn.slice(0, 7) &&
    input.firstRevenuePeriod <= input.today.slice(0, 7);
  const confirmedBy = agreement ? 'agreement' : revenue ? 'revenue' : null;
  if (confirmedBy) return { state: 'confirmed', lapsesOn, warnsFrom, confirmedBy };
  const state = input.today >= lapsesOn ? 'lapsed' : input.today >= warnsFrom ? 'warning' : 'running';
  return { state, lapsesOn, warnsFrom, confirmedBy: null };
}
