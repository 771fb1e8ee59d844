/**
 * R2–R4, R15: unit kinds, seed units, the line → professional bureau seed, posts and staffing.
 * The tree and the line table are data the officer edits; these are seeds.
 */
import { type Bilingual, bi } from './bilingual';
import type { ProductLine } from './lines';

export const UNIT_KINDS = ['province', 'centre', 'county', 'professional', 'branch'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_NAMES_ZH: Record<UnitKind, string> = {
  province: '省局大客户中心',
  centre: '市局大客户中心',
  county: '县、区(分)局',
  professional: '专业局',
  branch: '支局/班组',
};

/** The same names in English, for backend messages shown in the English interface (as in i18n/en.ts). */
export const UNIT_KIND_NAMES_EN: Record<UnitKind, string> = {
  province: 'province key-account centre',
  centre: 'city key-account centre',
  county: 'county/district bureau',
  professional: 'professional bureau',
  branch: 'branch office / team',
};

export interface SeedAreaCode {
  code: string;
  name: string;
  /** R3: urban districts have no county centre of their own. */
  urban: boolean;
}

/** R3: GB/T 2260 codes of Shantou and its districts and county. */
export const SEED_AREA_CODES: readonly SeedAreaCode[] = [
  { code: '440500', name: '汕头市（市本级）', urban: true },
  { code: '440507', name: '龙湖区', urban: true },
  { code: '440511', name: '金平区', urban: true },
  { code: '440512', name: '濠江区', urban: true },
  { code: '440513', name: '潮阳区', urban: false },
  { code: '440514', name: '潮南区', urban: false },
  { code: '440515', name: '澄海区', urban: false },
  { code: '440523', name: '南澳县', urban: false },
];

export interface SeedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  areaCode: string | null;
  /** R4 minimum number of account managers, when it differs from the policy's default by kind. */
  minManagers?: number;
}

/**
 * R3/R4 seed. The seed names 营业分局 but no other professional bureau; the five below are the
 * usual city-bureau professional bureaus of the time [inferred] and can be renamed or retired.
 */
export const SEED_UNITS: readonly SeedUnit[] = [
  { code: '440000', name: '省局大客户中心', kind: 'province', parentCode: null, areaCode: null },
  { code: '440500', name: '市局大客户中心', kind: 'centre', parentCode: '440000', areaCode: '440500' },
  { code: '440515', name: '澄海分局', kind: 'county', parentCode: '440500', areaCode: '440515' },
  { code: '440513', name: '潮阳分局', kind: 'county', parentCode: '440500', areaCode: '440513' },
  { code: '440514', name: '潮南分局', kind: 'county', parentCode: '440500', areaCode: '440514' },
  {
    code: '440523',
    name: '南澳县局',
    kind: 'county',
    parentCode: '440500',
    areaCode: '440523',
    minManagers: 1,
  },
  {
    code: 'P01',
    name: '营业分局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    minManagers: 3,
  },
  {
    code: 'P02',
    name: '邮政储汇局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
  },
  { code: 'P03', name: '函件局', kind: 'professional', parentCode: '440500', areaCode: '440500' },
  {
    code: 'P04',
    name: '集邮公司',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
  },
  {
    code: 'P05',
    name: '速递物流局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
  },
  {
    code: 'P06',
    name: '报刊发行局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
  },
];

/**
 * R15 seed of the line → professional bureau table, by seed unit code: each line belongs to at
 * most one bureau and one bureau may own several lines. The table is data the officer edits
 * (设置 → 单位); migration 0007 writes the same seed for lines an older database left unowned.
 */
export const SEED_LINE_BUREAUS: Readonly<Record<ProductLine, string>> = {
  savings: 'P02',
  bills: 'P03',
  letters: 'P03',
  philately: 'P04',
  express: 'P05',
  logistics: 'P05',
  parcels: 'P05',
  newspapers: 'P06',
};

/** Why a unit cannot own a line (R15): only an active professional bureau can; null when it can. */
export function lineOwnerProblem(unit: { name: string; kind: UnitKind; retiredOn: string | null }): string | null {
  return lineOwnerText(unit)?.zh ?? null;
}

/** The same refusal in both interface languages. */
export function lineOwnerText(unit: { name: string; kind: UnitKind; retiredOn: string | null }): Bilingual | null {
  if (unit.kind !== 'professional') {
    return bi(
      `“${unit.name}”是${UNIT_KIND_NAMES_ZH[unit.kind]}，业务种类只能归属专业局`,
      `"${unit.name}" is a ${UNIT_KIND_NAMES_EN[unit.kind]}: a line can only belong to a professional bureau`,
    );
  }
  if (unit.retiredOn !== null) {
    return bi(
      `“${unit.name}”已于 ${unit.retiredOn} 撤销，业务种类不能归属已撤销的专业局`,
      `"${unit.name}" was retired on ${unit.retiredOn}: a line cannot belong to a retired bureau`,
    );
  }
  return null;
}

/** R4 posts. Only `account_manager` counts toward a unit's minimum staffing. */
export const MANAGER_POSTS = [
  'account_manager',
  'head',
  'director',
  'deputy_director',
  'planning_manager',
  'information_officer',
] as const;
export type ManagerPost = (typeof MANAGER_POSTS)[number];

export const MANAGER_POST_NAMES_ZH: Record<ManagerPost, string> = {
  account_manager: '大客户经理',
  head: '中心主任',
  director: '总监',
  deputy_director: '副总监',
  planning_manager: '策划经理',
  information_officer: '信息主管',
};

export const EMPLOYMENT_KINDS = ['full_time', 'part_time'] as const;
export type Employment = (typeof EMPLOYMENT_KINDS)[number];
export const EMPLOYMENT_NAMES_ZH: Record<Employment, string> = {
  full_time: '专职',
  part_time: '兼职',
};

/**
 * R4: the city centre's posts are an establishment it "may set up as needed" (根据需要可设), not
 * a minimum: shown as establishment against who is in post, never as a gap. Of the five account
 * managers, three serve government/enterprise customers.
 */
export const CITY_CENTRE_ESTABLISHMENT: readonly { post: ManagerPost; planned: number }[] = [
  { post: 'director', planned: 1 },
  { post: 'deputy_director', planned: 1 },
  { post: 'planning_manager', planned: 2 },
  { post: 'account_manager', planned: 5 },
  { post: 'information_officer', planned: 1 },
];

export interface EstablishmentPost {
  post: ManagerPost;
  planned: number;
  inPost: number;
}

export type Staffing =
  /** The city centre: establishment against in post (R4); never a gap. */
  | { mode: 'establishment'; posts: EstablishmentPost[] }
  /** Every other unit: account managers in post against its minimum; below it is a gap (R4). */
  | { mode: 'minimum'; minimum: number; accountManagers: number; gap: number };

/**
 * R4 staffing of one unit from who is in post today, by post. A retired unit has no gap: it
 * staffs nothing any more.
 */
export function staffingOf(
  unit: { kind: UnitKind; minManagers: number; retired: boolean },
  inPost: Readonly<Partial<Record<ManagerPost, number>>>,
): Staffing {
  if (unit.kind === 'centre') {
    return {
      mode: 'establishment',
      posts: CITY_CENTRE_ESTABLISHMENT.map((p) => ({ ...p, inPost: inPost[p.post] ?? 0 })),
    };
  }
  const accountManagers = inPost.account_manager ?? 0;
  return {
    mode: 'minimum',
    minimum: unit.minManagers,
    accountManagers,
    gap: unit.retired ? 0 : Math.max(0, unit.minManagers - accountManagers),
  };
}
