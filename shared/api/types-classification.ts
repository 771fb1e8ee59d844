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
