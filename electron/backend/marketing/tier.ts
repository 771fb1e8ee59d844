/** The tier in force for some customers on a day (R9–R13 via tiering/in-force.ts): R22's rules follow it. */
import type { Database } from 'better-sqlite3';
import type { Period } from '../../../shared/domain/periods';
import type { Tier } from '../../../shared/domain/tiers';
import { findTierBasis, monthTiers } from '../tiering/in-force';

export function tiersOn(db: Database, date: string, ids: readonly string[]): Map<string, Tier | null> {
  const period = date.slice(0, 7) as Period;
  const tiers = monthTiers(db, findTierBasis(db, period), period, [...new Set(ids)]);
  return new Map(ids.map((id) => [id, tiers.get(id)?.tier ?? null]));
}
