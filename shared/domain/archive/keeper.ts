/**
 * Who keeps a customer's archive, by (tier, scope), as the seed says: "diamond and comprehensive
 * gold, and all silver, at the city centre; regional and professional gold at the county centre or
 * professional bureau; general at the responsible unit". The backend resolves the role to a unit
 * against the unit tree the way R15 does (the county centre of the home area, the bureau of the
 * main line, the R15 responsible unit). DOMAIN-DECISIONS "Archives and managers".
 */
import type { Scope, Tier } from '../tiers';

export const ARCHIVE_KEEPER_ROLES = [
  'city_centre',
  'home_county_centre',
  'main_line_bureau',
  'responsible_unit',
] as const;
export type ArchiveKeeperRole = (typeof ARCHIVE_KEEPER_ROLES)[number];

export const ARCHIVE_KEEPERS: Readonly<Record<Tier, Readonly<Record<Scope, ArchiveKeeperRole>>>> = {
  diamond: { regional: 'city_centre', comprehensive: 'city_centre', professional: 'city_centre' },
  gold: { regional: 'home_county_centre', comprehensive: 'city_centre', professional: 'main_line_bureau' },
  silver: { regional: 'city_centre', comprehensive: 'city_centre', professional: 'city_centre' },
  general: { regional: 'responsible_unit', comprehensive: 'responsible_unit', professional: 'responsible_unit' },
};

export const ARCHIVE_KEEPER_NAMES_ZH: Record<ArchiveKeeperRole, string> = {
  city_centre: '市局大客户中心',
  home_county_centre: '属地县（区）局大客户中心',
  main_line_bureau: '主业务专业局',
  responsible_unit: '责任单位',
};

export function archiveKeeper(tier: Tier, scope: Scope): ArchiveKeeperRole {
  return ARCHIVE_KEEPERS[tier][scope];
}
