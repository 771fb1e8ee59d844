import { describe, expect, it } from 'vitest';
import { type EvaluationInput, evaluateCustomer } from './evaluation';
import { LINE_NAMES_ZH, PRODUCT_LINES, type ProductLine } from './lines';
import { yuan } from './money';
import { SEED_LINE_BUREAUS, SEED_UNITS, type UnitKind } from './organisation';
import { POLICY_V1, type ResponsibleRole } from './policy/policy';
import type { Clause, LineAmounts } from './qualification';
import {
  isFallbackUnit,
  mainLine,
  type ResponsibleCandidates,
  type ResponsibleUnit,
  resolveResponsibleUnit,
  responsibleRole,
  responsibleUnitNote,
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

describe('R15 professional bureau by the line → bureau table (seeded as DOMAIN.md says)', () => {
  // Seed units get ids in seed order, as in a new database.
  const unitId = new Map(SEED_UNITS.map((u, i) => [u.code, i + 1]));
  const name = new Map(SEED_UNITS.map((u, i) => [i + 1, u.name]));
  const seedTable = new Map(PRODUCT_LINES.map((l) => [l, unitId.get(SEED_LINE_BUREAUS[l]) as number]));
  const CITY = unitId.get('440500') as number;

  /** A gold professional customer whose revenue is all in one line: ¥1M → 90, 1‰ → 80, total 86. */
  const goldIn = (line: ProductLine): EvaluationInput => ({
    agreement: false,
    figures: { annual: { [line]: yuan(1_000_000) }, thisMonth: { [line]: yuan(100_000) } },
    bureauRevenue: yuan(1_000_000_000),
    homeUnitIsCounty: false,
  });

  const responsible = (line: ProductLine, table: ReadonlyMap<ProductLine, number>) => {
    const e = evaluateCustomer(goldIn(line), POLICY_V1, { explain: false });
    expect([e.tier, e.scope.scope, e.scope.mainLine]).toEqual(['gold', 'professional', line]);
    const role = e.responsibleRole as ResponsibleRole;
    const unit = resolveResponsibleUnit(role, {
      provinceCentreId: unitId.get('440000') as number,
      cityCentreId: CITY,
      homeCountyUnitId: null,
      mainLineBureauId: table.get(line) ?? null,
      homeUnitId: CITY,
    });
    return {
      unit: name.get(unit.unitId),
      fallback: unit.fallback,
      note: responsibleUnitNote({
        role,
        mainLine: line,
        unitName: name.get(unit.unitId) as string,
        fallback: unit.fallback,
      }),
    };
  };

  it.each<[ProductLine, string]>([
    ['savings', '邮政储汇局'],
    ['bills', '函件局'],
    ['letters', '函件局'],
    ['philately', '集邮公司'],
    ['express', '速递物流局'],
    ['logistics', '速递物流局'],
    ['parcels', '速递物流局'],
    ['newspapers', '报刊发行局'],
  ])('R15: a gold professional customer whose main line is %s goes to %s', (line, bureau) => {
    expect(responsible(line, seedTable)).toEqual({
      unit: bureau,
      fallback: false,
      note: `——${bureau}（${LINE_NAMES_ZH[line]}业务归属该局）`,
    });
  });

  it('R15: a line whose bureau was removed from the table falls to the city centre, and says why', () => {
    const table = new Map(seedTable);
    table.delete('logistics');
    expect(responsible('logistics', table)).toEqual({
      unit: '市局大客户中心',
      fallback: true,
      note: '——市局大客户中心（物流业务未归属任何专业局，由市局大客户中心兜底负责；可在“设置 → 单位”中指定）',
    });
    // The other lines of the same bureau keep it.
    expect(responsible('parcels', table).unit).toBe('速递物流局');
  });

  it.each<[ResponsibleRole, UnitKind, boolean]>([
    ['main_line_bureau', 'professional', false],
    ['main_line_bureau', 'centre', true],
    ['home_county_centre', 'county', false],
    ['home_county_centre', 'centre', true],
    ['province_centre', 'province', false],
    ['province_centre', 'centre', true],
    ['city_centre', 'centre', false],
    ['home_unit', 'branch', false],
  ])('R15: role %s resolved to a %s unit: fallback %s', (role, kind, fallback) => {
    expect(isFallbackUnit(role, kind)).toBe(fallback);
  });

  it('R15: the note for an urban-district county role and a customer without a main line', () => {
    expect(
      responsibleUnitNote({
        role: 'home_county_centre',
        mainLine: 'bills',
        unitName: '市局大客户中心',
        fallback: true,
      }),
    ).toBe('——市局大客户中心（属地在市区，没有县（区）局大客户中心，由市局大客户中心负责）');
    expect(
      responsibleUnitNote({ role: 'main_line_bureau', mainLine: null, unitName: '市局大客户中心', fallback: true }),
    ).toBe('——市局大客户中心（没有主营业务，由市局大客户中心兜底负责）');
    expect(
      responsibleUnitNote({ role: 'city_centre', mainLine: 'bills', unitName: '市局大客户中心', fallback: false }),
    ).toBe('——市局大客户中心');
  });
});
