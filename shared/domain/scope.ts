/**
 * R14: the scope the centre is offered at registration, and R15: the unit responsible for a
 * customer by (tier, scope) — "one point of access" (一点接入).
 */
import { PRODUCT_LINES, type ProductLine } from './lines';
import type { Policy, ResponsibleRole } from './policy/policy';
import type { Clause, LineAmounts } from './qualification';
import { totalOf } from './qualification';
import type { Scope, Tier } from './tiers';

/** The product line with the most annual revenue (ties: the earlier line in R1 order). */
export function mainLine(annual: LineAmounts): ProductLine | null {
  let best: ProductLine | null = null;
  let bestAmount = 0;
  for (const line of PRODUCT_LINES) {
    const amount = annual[line] ?? 0;
    if (amount > bestAmount) {
      best = line;
      bestAmount = amount;
    }
  }
  return best;
}

export interface ScopeSuggestion {
  scope: Scope;
  mainLine: ProductLine | null;
  reason: 'single_professional_clause' | 'dominant_line' | 'county_home_unit' | 'default';
}

/**
 * R14: professional if it qualified only under R7 in one line, or one line carries at least the
 * policy's share (80%) of its revenue; regional if its home unit is a county/district bureau;
 * otherwise comprehensive [inferred].
 */
export function suggestScope(
  input: { clauses: readonly Clause[]; annual: LineAmounts; homeUnitIsCounty: boolean },
  policy: Policy,
): ScopeSuggestion {
  const line = mainLine(input.annual);
  const onlyR7 = input.clauses.length === 1 && input.clauses[0]?.startsWith('R7:') === true;
  if (onlyR7) {
    return {
      scope: 'professional',
      mainLine: (input.clauses[0] as string).slice(3) as ProductLine,
      reason: 'single_professional_clause',
    };
  }
  const total = totalOf(input.annual);
  if (line && total > 0 && (input.annual[line] ?? 0) * 100 >= policy.scope.dominantLinePercent * total) {
    return { scope: 'professional', mainLine: line, reason: 'dominant_line' };
  }
  if (input.homeUnitIsCounty) return { scope: 'regional', mainLine: line, reason: 'county_home_unit' };
  return { scope: 'comprehensive', mainLine: line, reason: 'default' };
}

export function responsibleRole(tier: Tier, scope: Scope, policy: Policy): ResponsibleRole {
  return policy.responsibility[tier][scope];
}

/** What the unit tree offers to resolve a role into a unit. */
export interface ResponsibleCandidates {
  provinceCentreId: number | null;
  cityCentreId: number;
  /** The county/district bureau of the customer's home area; null in urban districts (R3). */
  homeCountyUnitId: number | null;
  /** The professional bureau whose main line is the customer's main line, if any. */
  mainLineBureauId: number | null;
  /** The unit the customer is registered with (its home unit). */
  homeUnitId: number;
}

export interface ResponsibleUnit {
  role: ResponsibleRole;
  unitId: number;
  /** Set when the role's own unit does not exist and the city centre stands in. */
  fallback: boolean;
}

/** R15 with the seed's gaps filled: missing units fall back to the city centre. */
export function resolveResponsibleUnit(role: ResponsibleRole, c: ResponsibleCandidates): ResponsibleUnit {
  const pick = (id: number | null): ResponsibleUnit =>
    id === null ? { role, unitId: c.cityCentreId, fallback: true } : { role, unitId: id, fallback: false };
  switch (role) {
    case 'province_centre':
      return pick(c.provinceCentreId);
    case 'city_centre':
      return { role, unitId: c.cityCentreId, fallback: false };
    case 'home_county_centre':
      // "county centre (home unit; city centre in urban districts)"
      return pick(c.homeCountyUnitId);
    case 'main_line_bureau':
      return pick(c.mainLineBureauId);
    case 'home_unit':
      return { role, unitId: c.homeUnitId, fallback: false };
  }
}
