/** Results of the classification-table channels (附件2, R21). */
import type { Tier } from '../domain/tiers';

export interface ClassifiedCustomer {
  id: string;
  name: string;
  /** The tier in force for the month. */
  tier: Tier | null;
  /** The customer's own industry as recorded on it (free text). */
  industry: string | null;
}

export interface ClassificationView {
  period: string;
  /** In priority order, each with its customers in order. */
  industries: { code: string; name: string; customers: ClassifiedCustomer[] }[];
  /** Key customers of the month the table does not place yet (listed after the placed ones). */
  unplaced: ClassifiedCustomer[];
}

/** One factor of an industry's ranking worksheet (R21 steps 2–3). */
export interface RankingFactorView {
  key: string;
  name: string;
  /** Whole percent; the worksheet's weights sum to 100. */
  weight: number;
}

/** An enterprise surveyed in the industry, scored and ranked. */
export interface RankedProspect {
  id: number;
  name: string;
  creditCode: string | null;
  areaCode: string;
  areaName: string | null;
  unitId: number;
  unitName: string;
  /** Factor key → 0–100. */
  values: Record<string, number>;
  note: string | null;
  /** Σ weight × value: hundredths of a point (0–10,000); `score` is the same as text (76.5). */
  points: number;
  score: string;
  /** 1 for the highest; equal scores share a rank. */
  rank: number;
  /** Factors not scored yet (they count 0). */
  missing: string[];
  /** Set once the prospect was turned into a registration (R19); it is then fixed. */
  registration: { id: number; state: string; customerId: string | null } | null;
}

export interface RankingView {
  industry: { code: string; name: string };
  /** False while the worksheet still has the default factors and nothing was saved. */
  saved: boolean;
  factors: RankingFactorView[];
  /** In rank order. */
  prospects: RankedProspect[];
}

export interface ProspectChanged {
  id: number;
  view: RankingView;
}

export interface ProspectRegistered {
  id: number;
  registration: import('./registration-types').RegistrationAdded;
  view: RankingView;
}
