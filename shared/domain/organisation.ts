/** R2–R4: unit kinds, seed units and posts. The tree is data the officer edits; these are seeds. */
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
  /** R15: a professional bureau's main line, so gold professional customers find their bureau. */
  mainLine: ProductLine | null;
  /** R4 minimum number of account managers, when it differs from the policy's default by kind. */
  minManagers?: number;
}

/**
 * R3/R4 seed. The seed names 营业分局 but no other professional bureau; the five below are the
 * usual city-bureau professional bureaus of the time [inferred] and can be renamed or retired.
 */
export const SEED_UNITS: readonly SeedUnit[] = [
  { code: '440000', name: '省局大客户中心', kind: 'province', parentCode: null, areaCode: null, mainLine: null },
  { code: '440500', name: '市局大客户中心', kind: 'centre', parentCode: '440000', areaCode: '440500', mainLine: null },
  { code: '440515', name: '澄海分局', kind: 'county', parentCode: '440500', areaCode: '440515', mainLine: null },
  { code: '440513', name: '潮阳分局', kind: 'county', parentCode: '440500', areaCode: '440513', mainLine: null },
  { code: '440514', name: '潮南分局', kind: 'county', parentCode: '440500', areaCode: '440514', mainLine: null },
  {
    code: '440523',
    name: '南澳县局',
    kind: 'county',
    parentCode: '440500',
    areaCode: '440523',
    mainLine: null,
    minManagers: 1,
  },
  {
    code: 'P01',
    name: '营业分局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    mainLine: null,
    minManagers: 3,
  },
  {
    code: 'P02',
    name: '邮政储汇局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    mainLine: 'savings',
  },
  { code: 'P03', name: '函件局', kind: 'professional', parentCode: '440500', areaCode: '440500', mainLine: 'letters' },
  {
    code: 'P04',
    name: '集邮公司',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    mainLine: 'philately',
  },
  {
    code: 'P05',
    name: '速递物流局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    mainLine: 'express',
  },
  {
    code: 'P06',
    name: '报刊发行局',
    kind: 'professional',
    parentCode: '440500',
    areaCode: '440500',
    mainLine: 'newspapers',
  },
];

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
