/** R12/R14 vocabularies: tiers (best first) and scopes. */
export const TIERS = ['diamond', 'gold', 'silver', 'general'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES_ZH: Record<Tier, string> = {
  diamond: '钻石',
  gold: '黄金',
  silver: '白银',
  general: '一般',
};

export const SCOPES = ['regional', 'comprehensive', 'professional'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_NAMES_ZH: Record<Scope, string> = {
  regional: '区域',
  comprehensive: '综合',
  professional: '专业',
};

/** Higher is better: diamond 3 … general 0. */
export function tierRank(tier: Tier): number {
  return TIERS.length - 1 - TIERS.indexOf(tier);
}
