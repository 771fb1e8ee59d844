/**
 * R21 steps 2–3: an industry's ranking worksheet (行业排序工作表). The officer lists the
 * industry's enterprises (prospects), scores each on the worksheet's factors and weights the
 * factors by the post's priorities; the weighted score orders them. Pure and exact: values are
 * whole points 0–100, weights whole percentages summing to 100, so a prospect's weighted score is
 * an integer count of hundredths (Σ weight × value, 0–10,000) and ties are real ties.
 * DOMAIN-DECISIONS "Classification table (附件2, R21)".
 */

export interface RankingFactor {
  /** Stable key the prospects' values are stored under (`revenue`, `f1`, …). */
  key: string;
  name: string;
  /** Whole percent; the worksheet's weights sum to 100. */
  weight: number;
}

/** The lowest and highest value a factor takes (百分制). */
export const VALUE_MIN = 0;
export const VALUE_MAX = 100;
export const MAX_FACTORS = 10;
export const FACTOR_KEY = /^[a-z][a-z0-9_]{0,19}$/;

/**
 * The seed's step 2 (收入、业务发展、行业排名、核心产品或服务、服务范围、服务对象) read as five
 * factors, weighted by step 3's "符合邮政企业利益": what the enterprise could spend on postal
 * services weighs most [inferred]. Every worksheet starts with these; the officer edits them.
 */
export const DEFAULT_FACTORS: readonly RankingFactor[] = [
  { key: 'postal', name: '用邮规模', weight: 30 }, // 预计年用邮量
  { key: 'revenue', name: '企业收入规模', weight: 20 }, // 具体收入
  { key: 'growth', name: '发展潜力', weight: 15 }, // 业务发展
  { key: 'standing', name: '行业地位', weight: 15 }, // 行业排名: leader, challenger, follower, niche
  { key: 'fit', name: '邮政业务契合度', weight: 20 }, // 核心产品或服务、服务范围、服务对象
];

export type FactorProblem =
  | { kind: 'none' }
  | { kind: 'too_many'; max: number }
  | { kind: 'bad_key'; key: string }
  | { kind: 'duplicate_key'; key: string }
  | { kind: 'duplicate_name'; name: string }
  | { kind: 'bad_weight'; name: string; weight: number }
  | { kind: 'sum'; sum: number };

/** The first thing wrong with a factor list, or null when it is a valid worksheet. */
export function factorProblem(factors: readonly RankingFactor[]): FactorProblem | null {
  if (factors.length === 0) return { kind: 'none' };
  if (factors.length > MAX_FACTORS) return { kind: 'too_many', max: MAX_FACTORS };
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const f of factors) {
    if (!FACTOR_KEY.test(f.key)) return { kind: 'bad_key', key: f.key };
    if (keys.has(f.key)) return { kind: 'duplicate_key', key: f.key };
    keys.add(f.key);
    const name = f.name.trim();
    if (names.has(name)) return { kind: 'duplicate_name', name };
    names.add(name);
    if (!Number.isInteger(f.weight) || f.weight < 0 || f.weight > 100)
      return { kind: 'bad_weight', name, weight: f.weight };
  }
  const sum = weightSum(factors);
  return sum === 100 ? null : { kind: 'sum', sum };
}

export const weightSum = (factors: readonly { weight: number }[]): number => factors.reduce((s, f) => s + f.weight, 0);

/** The problem in words, both languages. */
export function factorProblemText(p: FactorProblem): { zh: string; en: string } {
  switch (p.kind) {
    case 'none':
      return { zh: '至少需要一个排序因素', en: 'A worksheet needs at least one factor' };
    case 'too_many':
      return { zh: `排序因素最多 ${p.max} 个`, en: `At most ${p.max} factors` };
    case 'bad_key':
      return { zh: `因素代码 ${p.key} 不合规`, en: `Factor key ${p.key} is not valid` };
    case 'duplicate_key':
      return { zh: `因素代码 ${p.key} 重复`, en: `Factor key ${p.key} appears twice` };
    case 'duplicate_name':
      return { zh: `因素“${p.name}”重复`, en: `Factor “${p.name}” appears twice` };
    case 'bad_weight':
      return {
        zh: `因素“${p.name}”的权重应为 0–100 的整数`,
        en: `The weight of “${p.name}” must be a whole number 0–100`,
      };
    case 'sum':
      return {
        zh: `各因素权重合计应为 100，现为 ${p.sum}`,
        en: `The weights must sum to 100; they sum to ${p.sum}`,
      };
  }
}

/** A key for a factor the officer adds: `f1`, `f2`, … the first one not in use. */
export function nextFactorKey(factors: readonly { key: string }[]): string {
  const used = new Set(factors.map((f) => f.key));
  for (let n = 1; ; n++) if (!used.has(`f${n}`)) return `f${n}`;
}

export const isFactorValue = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= VALUE_MIN && v <= VALUE_MAX;

export interface ScoredProspect<P> {
  prospect: P;
  /** Σ weight × value over the factors: hundredths of a point, 0–10,000. */
  points: number;
  /** 1 for the highest; equal points share a rank and the next rank skips (1, 1, 3). */
  rank: number;
  /** Factors with no value yet (they count 0 until scored). */
  missing: string[];
}

/** A prospect's weighted score in hundredths; a factor without a value counts 0. */
export function weightedPoints(
  factors: readonly RankingFactor[],
  values: Readonly<Record<string, number | undefined>>,
): { points: number; missing: string[] } {
  let points = 0;
  const missing: string[] = [];
  for (const f of factors) {
    const v = values[f.key];
    if (v === undefined) missing.push(f.key);
    else points += f.weight * v;
  }
  return { points, missing };
}

/**
 * R21 step 3: the prospects scored and in priority order — highest score first; equal scores
 * share a rank and keep the order given (the caller gives them oldest first).
 */
export function rankProspects<P extends { values: Readonly<Record<string, number | undefined>> }>(
  factors: readonly RankingFactor[],
  prospects: readonly P[],
): ScoredProspect<P>[] {
  const scored = prospects.map((prospect, at) => ({ prospect, at, ...weightedPoints(factors, prospect.values) }));
  scored.sort((a, b) => b.points - a.points || a.at - b.at);
  let rank = 0;
  return scored.map(({ prospect, points, missing }, i) => {
    if (i === 0 || points !== (scored[i - 1] as { points: number }).points) rank = i + 1;
    return { prospect, points, rank, missing };
  });
}

/** Hundredths as the score an officer reads: 7,650 → "76.5", 8,000 → "80", 7,625 → "76.25". */
export function pointsText(points: number): string {
  const whole = Math.trunc(points / 100);
  const cents = points % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
