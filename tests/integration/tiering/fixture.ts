/**
 * The tiering tests' shared setup: a backend on an in-memory database (closed after each test), the
 * seeded units by code, and the three worked-check customers of DOMAIN.md R9–R12 with their revenue.
 * Amounts go in as the officer types them (yuan), come back in fen.
 */
import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { ApiError } from '../../../shared/api/errors';
import type { TierResultRow } from '../../../shared/api/types';
import type { RevenueLine } from '../../../shared/domain/lines';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';

export const NOW = new Date('2026-11-10T02:00:00Z');

const testBackend = backendsForTests();

export interface Fixture {
  b: Backend;
  db: Database;
  unit: (code: string) => number;
  call: Backend['registry']['call'];
  fail: (p: Promise<unknown>) => Promise<ApiError>;
  customer: (name: string, areaCode: string, unitCode: string) => Promise<string>;
  /** Sets one year of revenue, month by month, line by line (yuan). */
  seedYear: (
    customerId: string,
    year: number,
    month: (m: number) => Partial<Record<RevenueLine, number>>,
  ) => Promise<void>;
  results: (runId: number) => Promise<Map<string, TierResultRow>>;
}

export async function setup(): Promise<Fixture> {
  const b = testBackend({ databasePath: ':memory:', now: () => NOW });
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  return {
    b,
    db: b.db,
    unit,
    call,
    fail: appError,
    customer: async (name, areaCode, unitCode) =>
      (await call('customers/create', { name, areaCode, unitId: unit(unitCode) })).id,
    seedYear: async (customerId, year, month) => {
      for (let m = 1; m <= 12; m++) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        for (const [line, amount] of Object.entries(month(m))) {
          await call('revenue/set', { customerId, period, line: line as RevenueLine, amount });
        }
      }
    },
    results: async (runId) => {
      const page = await call('tiers/results', { runId, limit: 1000 });
      return new Map(page.rows.map((r) => [r.customerId, r]));
    },
  };
}

// ── The three worked-check customers (DOMAIN.md R9–R12) ───────────────────────────────────
// C1: comprehensive (home unit the city centre, 龙湖), bills + express half each, ¥1,450,000.
// C2: regional (home unit 澄海分局), bills + express half each, ¥400,000.
// C3: professional (letters 90%, home unit 营业分局, 金平), ¥200,000.
// December is at least the R6 this-month threshold (¥1,000) for each.
export const C1 = '44050700001000';
export const C2 = '44051500001000';
export const C3 = '44051100001000';

/** Bureau revenue 2025 per worked check (yuan): shares 0.9‰ / 2‰ / 3.5‰ of C1 / C2 / C3. */
export const BUREAU = {
  /** C1: ¥1.45M ÷ ¥1,611,111,111 = 0.9‰. */
  A: 1_611_111_111,
  /** C2: ¥0.4M ÷ ¥200M = 2‰. */
  B: 200_000_000,
  /** C3: ¥0.2M ÷ ¥57,142,857 = 3.5‰. */
  C: 57_142_857,
} as const;

export async function workedCheckDb(bureauYuan?: number): Promise<Fixture> {
  const f = await setup();
  expect(await f.customer('汕头市宏达电子有限公司', '440507', '440500')).toBe(C1);
  expect(await f.customer('澄海区恒信玩具有限公司', '440515', '440515')).toBe(C2);
  expect(await f.customer('汕头市新联印务有限公司', '440511', 'P01')).toBe(C3);
  await f.seedYear(C1, 2025, (m) => (m < 12 ? { bills: 60_000, express: 60_000 } : { bills: 65_000, express: 65_000 }));
  await f.seedYear(C2, 2025, (m) => (m < 12 ? { bills: 15_000, express: 15_000 } : { bills: 35_000, express: 35_000 }));
  await f.seedYear(C3, 2025, (m) => (m < 12 ? { letters: 13_500, other: 1_500 } : { letters: 31_500, other: 3_500 }));
  if (bureauYuan !== undefined) await f.call('revenue/bureau-set', { year: 2025, amount: bureauYuan });
  return f;
}
