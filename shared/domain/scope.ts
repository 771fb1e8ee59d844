/**
 * R14: the scope the centre is offered at registration, and R15: the unit responsible for a
 * customer by (tier, scope) — "one point of access" (一点接入).
 */
import { LINE_NAMES_ZH, PRODUCT_LINES, type ProductLine } from './lines';
import type { UnitKind } from './organisation';
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
  return suggestScopeWithTotal(input, totalOf(input.annual), policy);
}

/** `suggestScope` with the annual total already summed. */
export function suggestScopeWithTotal(
  input: { clauses: readonly Clause[]; annual: LineAmounts; homeUnitIsCounty: boolean },
  total: number,
  policy: Policy,
): ScopeSuggestion {
  const line = mainLine(input.annual);
  const only = input.clauses.length === 1 ? input.clauses[0] : undefined;
  if (only?.startsWith('R7:')) {
    return { scope: 'professional', mainLine: only.slice(3) as ProductLine, reason: 'single_professional_clause' };
  }
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
  /** The professional bureau that owns the customer's main line in the line → bureau table, if any. */
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
  // A plain switch (no inner closure): runs call this for every customer.
  let id: number | null;
  switch (role) {
    case 'province_centre':
      id = c.provinceCentreId;
      break;
    case 'city_centre':
      id = c.cityCentreId;
      break;
    case 'home_county_centre':
      // "county centre (home unit; city centre in urban districts)"
      id = c.homeCountyUnitId;
      break;
    case 'main_line_bureau':
      id = c.mainLineBureauId;
      break;
    case 'home_unit':
      id = c.homeUnitId;
      break;
  }
  return id === null ? { role, unitId: c.cityCentreId, fallback: true } : { role, unitId: id, fallback: false };
}

/**
 * Whether the unit a role resolved to is the city centre standing in (R15): a professional
 * bureau role reached a unit that is not a professional bureau, a county role the city centre,
 * a province role a unit that is not the province centre. Stored results keep only the unit, so
 * the explanation rebuilds the fallback from the unit's kind.
 */
export function isFallbackUnit(role: ResponsibleRole, unitKind: UnitKind): boolean {
  switch (role) {
    case 'main_line_bureau':
      return unitKind !== 'professional';
    case 'home_county_centre':
      return unitKind === 'centre';
    case 'province_centre':
      return unitKind !== 'province';
    case 'city_centre':
    case 'home_unit':
      return false;
  }
}

/**
 * R15 explanation of the unit a role resolved to: the bureau that owns the main line (the line →
 * bureau table), or why the city centre stands in.
 */
export function responsibleUnitNote(r: {
  role: ResponsibleRole;
  mainLine: ProductLine | null;
  unitName: string;
  fallback: boolean;
}): string {
  const line = r.mainLine ? LINE_NAMES_ZH[r.mainLine] : null;
  if (!r.fallback) {
    return r.role === 'main_line_bureau' && line ? `——${r.unitName}（${line}业务归属该局）` : `——${r.unitName}`;
  }
  switch (r.role) {
    case 'main_line_bureau':
      return line
        ? `——${r.unitName}（${line}业务未归属任何专业局，由市局大客户中心兜底负责；可在“设置 → 单位”中指定）`
        : `——${r.unitName}（没有主营业务，由市局大客户中心兜底负责）`;
    case 'home_county_centre':
      return `——${r.unitName}（属地在市区，没有县（区）局大客户中心，由市局大客户中心负责）`;
    default:
      return `——${r.unitName}（该单位不在单位表中，由市局大客户中心兜底负责）`;
  }
}
