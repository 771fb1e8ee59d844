import { describe, expect, it } from 'vitest';
import type { ProductLine } from './lines';
import { yuan } from './money';
import { POLICY_V1, type ResponsibleRole } from './policy/policy';
import type { Clause, LineAmounts } from './qualification';
import {
  mainLine,
  type ResponsibleCandidates,
  type ResponsibleUnit,
  resolveResponsibleUnit,
  responsibleRole,
  type ScopeSuggestion,
  suggestScope,
} from './scope';
import type { Scope, Tier } from './tiers';

describe('mainLine: the line with the most annual revenue', () => {
  it.each<[string, LineAmounts, ProductLine | null]>([
    ['no figures', {}, null],
    ['all zero', { savings: 0, express: 0 }, null],
    ['other is not a product line', { other: yuan(1_000_000) }, null],
    ['the largest line', { savings: yuan(100), express: yuan(300), letters: yuan(200) }, 'express'],
    ['the largest line even when other is larger', { parcels: 2, bills: 1, other: 100 }, 'parcels'],
    ['a tie takes the earlier line in R1 order', { letters: yuan(500), savings: yuan(500) }, 'savings'],
    ['a tie later in the order', { newspapers: 7, express: 7, philately: 6 }, 'express'],
    ['one fen decides', { savings: yuan(500), letters: yuan(500) + 1 }, 'letters'],
  ])('R14: %s → %s', (_label, annual, line) => {
    expect(mainLine(annual)).toBe(line);
  });
});

describe('R14 scope suggestion', () => {
  const suggest = (clauses: Clause[], annual: LineAmounts, homeUnitIsCounty: boolean): ScopeSuggestion =>
    suggestScope({ clauses, annual, homeUnitIsCounty }, POLICY_V1);

  it.each<[string, Clause[], LineAmounts, boolean, ScopeSuggestion]>([
    [
      'qualified only under R7 in one line → professional with that line',
      ['R7:newspapers'],
      { newspapers: yuan(5_000), savings: yuan(6_000) },
      true,
      { scope: 'professional', mainLine: 'newspapers', reason: 'single_professional_clause' },
    ],
    [
      'a line at exactly 80% → professional',
      ['R6'],
      { letters: yuan(80_000), savings: yuan(15_000), other: yuan(5_000) },
      false,
      { scope: 'professional', mainLine: 'letters', reason: 'dominant_line' },
    ],
    [
      'a line at 79.99% → not professional (comprehensive)',
      ['R6'],
      { letters: yuan(79_990), savings: yuan(15_000), other: yuan(5_010) },
      false,
      { scope: 'comprehensive', mainLine: 'letters', reason: 'default' },
    ],
    [
      'a line one fen short of 80% → not professional (regional when home unit is a county)',
      ['R6'],
      { letters: 7_999_999, other: 2_000_001 },
      true,
      { scope: 'regional', mainLine: 'letters', reason: 'county_home_unit' },
    ],
    [
      'a dominant line wins over a county home unit',
      ['R5', 'R6'],
      { express: yuan(900_000), bills: yuan(100_000) },
      true,
      { scope: 'professional', mainLine: 'express', reason: 'dominant_line' },
    ],
    [
      'R6 and one R7 line is not "only R7": the dominant line decides',
      ['R6', 'R7:savings'],
      { savings: yuan(20_000) },
      false,
      { scope: 'professional', mainLine: 'savings', reason: 'dominant_line' },
    ],
    [
      'R7 in two lines is not one line',
      ['R7:savings', 'R7:letters'],
      { savings: yuan(20_000), letters: yuan(20_000) },
      false,
      { scope: 'comprehensive', mainLine: 'savings', reason: 'default' },
    ],
    [
      'R5 beside R7 in one line is not "only R7"',
      ['R5', 'R7:bills'],
      { bills: yuan(50_000), express: yuan(50_000) },
      true,
      { scope: 'regional', mainLine: 'bills', reason: 'county_home_unit' },
    ],
    [
      'other ≥ 80% does not make it professional',
      ['R6'],
      { other: yuan(90_000), savings: yuan(10_000) },
      false,
      { scope: 'comprehensive', mainLine: 'savings', reason: 'default' },
    ],
    [
      'county home unit → regional',
      ['R6'],
      { savings: yuan(50_000), bills: yuan(50_000) },
      true,
      { scope: 'regional', mainLine: 'savings', reason: 'county_home_unit' },
    ],
    [
      'otherwise → comprehensive',
      ['R6'],
      { savings: yuan(50_000), bills: yuan(50_000) },
      false,
      { scope: 'comprehensive', mainLine: 'savings', reason: 'default' },
    ],
    [
      'no revenue at all (R5 only) in an urban district → comprehensive without a main line',
      ['R5'],
      {},
      false,
      { scope: 'comprehensive', mainLine: null, reason: 'default' },
    ],
  ])('R14: %s', (_label, clauses, annual, county, expected) => {
    expect(suggest(clauses, annual, county)).toEqual(expected);
  });

  it('R14: the dominant share comes from the policy', () => {
    const p = structuredClone(POLICY_V1);
    p.scope.dominantLinePercent = 70;
    const input = {
      clauses: ['R6'] as Clause[],
      annual: { letters: yuan(75_000), other: yuan(25_000) },
      homeUnitIsCounty: false,
    };
    expect(suggestScope(input, POLICY_V1).scope).toBe('comprehensive');
    expect(suggestScope(input, p)).toEqual({ scope: 'professional', mainLine: 'letters', reason: 'dominant_line' });
  });
});

describe('R15 responsible role by tier and scope (DOMAIN.md table)', () => {
  it.each<[Tier, Scope, ResponsibleRole]>([
    ['diamond', 'regional', 'city_centre'],
    ['diamond', 'comprehensive', 'province_centre'],
    ['diamond', 'professional', 'province_centre'],
    ['gold', 'regional', 'home_county_centre'],
    ['gold', 'comprehensive', 'city_centre'],
    ['gold', 'professional', 'main_line_bureau'],
    ['silver', 'regional', 'home_county_centre'],
    ['silver', 'comprehensive', 'home_county_centre'],
    ['silver', 'professional', 'main_line_bureau'],
    ['general', 'regional', 'home_unit'],
    ['general', 'comprehensive', 'home_unit'],
    ['general', 'professional', 'home_unit'],
  ])('R15: %s × %s → %s', (tier, scope, role) => {
    expect(responsibleRole(tier, scope, POLICY_V1)).toBe(role);
  });

  it('R15: the table comes from the policy', () => {
    const p = structuredClone(POLICY_V1);
    p.responsibility.diamond.professional = 'main_line_bureau';
    expect(responsibleRole('diamond', 'professional', p)).toBe('main_line_bureau');
    expect(responsibleRole('diamond', 'professional', POLICY_V1)).toBe('province_centre');
  });
});

describe('R15 resolving the role into a unit', () => {
  const ALL: ResponsibleCandidates = {
    provinceCentreId: 1,
    cityCentreId: 2,
    homeCountyUnitId: 3,
    mainLineBureauId: 4,
    homeUnitId: 5,
  };
  const NONE: ResponsibleCandidates = {
    provinceCentreId: null,
    cityCentreId: 2,
    homeCountyUnitId: null, // an urban district (R3)
    mainLineBureauId: null, // no professional bureau for the main line
    homeUnitId: 5,
  };

  it.each<[ResponsibleRole, ResponsibleCandidates, ResponsibleUnit]>([
    ['province_centre', ALL, { role: 'province_centre', unitId: 1, fallback: false }],
    ['city_centre', ALL, { role: 'city_centre', unitId: 2, fallback: false }],
    ['home_county_centre', ALL, { role: 'home_county_centre', unitId: 3, fallback: false }],
    ['main_line_bureau', ALL, { role: 'main_line_bureau', unitId: 4, fallback: false }],
    ['home_unit', ALL, { role: 'home_unit', unitId: 5, fallback: false }],
    ['province_centre', NONE, { role: 'province_centre', unitId: 2, fallback: true }],
    ['city_centre', NONE, { role: 'city_centre', unitId: 2, fallback: false }],
    ['home_county_centre', NONE, { role: 'home_county_centre', unitId: 2, fallback: true }],
    ['main_line_bureau', NONE, { role: 'main_line_bureau', unitId: 2, fallback: true }],
    ['home_unit', NONE, { role: 'home_unit', unitId: 5, fallback: false }],
  ])('R15: %s with candidates %j', (role, candidates, unit) => {
    expect(resolveResponsibleUnit(role, candidates)).toEqual(unit);
  });

  it('R15: silver comprehensive customer in an urban district falls to the city centre', () => {
    const role = responsibleRole('silver', 'comprehensive', POLICY_V1);
    expect(resolveResponsibleUnit(role, { ...ALL, homeCountyUnitId: null })).toEqual({
      role: 'home_county_centre',
      unitId: 2,
      fallback: true,
    });
    expect(resolveResponsibleUnit(role, ALL)).toEqual({ role: 'home_county_centre', unitId: 3, fallback: false });
  });

  it('R15: gold professional customer whose main line has no bureau falls to the city centre', () => {
    const role = responsibleRole('gold', 'professional', POLICY_V1);
    expect(resolveResponsibleUnit(role, { ...ALL, mainLineBureauId: null })).toEqual({
      role: 'main_line_bureau',
      unitId: 2,
      fallback: true,
    });
  });
});
