/** Results of the tariff discount channels (资费优惠, R29). DOMAIN-DECISIONS "Discounts (R29)". */
import type { Bilingual } from '../domain/bilingual';
import type { RevenueLine } from '../domain/lines';
import type { Tier } from '../domain/tiers';

export type DiscountStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type DiscountDecisionKind = 'approve' | 'reject';

/** One step of a request's chain and, once taken, its decision. */
export interface DiscountStepView {
  index: number;
  role: string;
  label: Bilingual;
  reasons: Bilingual[];
  decision: {
    decision: DiscountDecisionKind;
    approver: string | null;
    comment: string | null;
    at: string;
    recordedBy: string;
  } | null;
}

export interface DiscountView {
  id: number;
  customerId: string;
  customerName: string;
  /** The customer's own unit (its code and name). */
  unit: string;
  unitName: string;
  /** The tier in force when the request was made; null: not a key customer. */
  tier: Tier | null;
  line: RevenueLine;
  rateUnit: string;
  /** Rates per charging unit, in fen. */
  standardRate: number;
  proposedRate: number;
  /** Depth of the discount in basis points of the standard rate (1% = 100). */
  depthBp: number;
  monthlyVolume: number | null;
  /** At the proposed rate, in fen; null without a volume. */
  monthlyRevenue: number | null;
  reason: string;
  validFrom: string;
  validTo: string;
  status: DiscountStatus;
  policyVersion: number;
  steps: DiscountStepView[];
  /** The step waiting for a decision (pending only). */
  currentStep: number | null;
  requestedOn: string;
  requestedAt: string;
  requestedBy: string;
  closedAt: string | null;
  withdrawReason: string | null;
}
