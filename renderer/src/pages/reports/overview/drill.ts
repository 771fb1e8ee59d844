import type { RevenueLine } from '../../../../../shared/domain/lines';
import type { DrillSet } from '../../../../../shared/domain/report/drill';
import type { Scope, Tier } from '../../../../../shared/domain/tiers';

/** One bar or slice clicked: which customers to list (reports/customers) and the drawer's title. */
export interface DrillRequest {
  title: string;
  set: DrillSet;
  tier?: Tier;
  scope?: Scope;
  line?: RevenueLine;
  groupUnitId?: number;
}

export type OpenDrill = (request: DrillRequest) => void;

/** At most this many customers in the drawer; it says how many there are in all. */
export const DRILL_LIMIT = 200;
