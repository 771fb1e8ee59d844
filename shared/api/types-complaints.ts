/** Results of the complaint channels (R33) and the working-day calendar (DOMAIN-DECISIONS "Complaints (R33)"). */
import type { Tier } from '../domain/tiers';

export interface HolidayCalendarView {
  year: number;
  off: string[];
  work: string[];
  /** Stored by the officer or accepted from the pre-fill; `suggested`: the pre-fill, not stored yet; null: unknown year. */
  source: 'officer' | 'chinese-days' | 'suggested' | null;
}

export type ComplaintStatus = 'open' | 'contacted' | 'paused' | 'closed';

export interface ComplaintView {
  id: number;
  customerId: string;
  customerName: string;
  /** The tier in force (diamond and gold go to the centre at once). */
  tier: Tier | null;
  receivedAt: string;
  channel: string;
  content: string;
  type: string | null;
  complex: boolean;
  /** The first receiver's code and name. */
  unit: string;
  unitName: string;
  /** R33: the unit it was passed to for handling (转办); the first receiver still owns it. */
  routedTo: { code: string; name: string } | null;
  status: ComplaintStatus;
  deadlines: { log: string; contact: string; close: string | null };
  breaches: { log: boolean; contact: boolean; close: boolean };
  breached: boolean;
  /** On the centre's list: overdue, or a diamond or gold customer's (R33). */
  escalated: boolean;
  /** Years the clock crossed with no working-day calendar kept. */
  calendarMissing: number[];
  pauses: { from: string; to: string | null; reason: string }[];
  loggedAt: string;
  contactedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  satisfaction: number | null;
}
