/** Revenue entry for one customer (manual, same parsing as imports) and the bureau's annual revenue (R10). */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { BureauRevenue, CustomerRevenue, RevenueCellView, RevenueMonthView } from '../../../shared/api/types';
import type { RevenueLine } from '../../../shared/domain/lines';
import { calendarYear } from '../../../shared/domain/periods';
import { entity } from '../audit/entities';
import { getCustomerRow } from '../customers/rows';
import { defineHandlers } from '../registry';
import { bureauRevenueHistory, setBureauRevenue } from './bureau';
import { RevenueSanity } from './sanity';
import { revenueSource } from './source';
import type { SourceKind } from './store';

interface CellRow {
  customer_id: string;
  period: string;
  line: RevenueLine;
  amount_fen: number;
  source_kind: SourceKind;
  source_ref: string | null;
  updated_at: string;
}

function toCell(r: CellRow): RevenueCellView {
  return {
    customerId: r.customer_id,
    period: r.period,
    line: r.line,
    amount: r.amount_fen,
    sourceKind: r.source_kind,
    sourceRef: r.source_ref,
    updatedAt: r.updated_at,
  };
}

function customerYear(db: Database, customerId: string, year: number): CustomerRevenue {
  const periods = calendarYear(year);
  const cells = db
    .prepare('SELECT * FROM revenue WHERE customer_id = ? AND period BETWEEN ? AND ? ORDER BY period, line')
    .all(customerId, periods[0], periods[11]) as CellRow[];
  const papers = db
    .prepare('SELECT * FROM newspaper_inputs WHERE customer_id = ? AND period BETWEEN ? AND ?')
    .all(customerId, periods[0], periods[11]) as {
    period: string;
    annual_turnover_fen: number;
    rate_bp: number;
    other_fen: number;
  }[];
  const months: RevenueMonthView[] = periods.map((period) => ({ period, cells: {}, total: 0, newspaper: null }));
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  for (const c of cells) {
    const m = byPeriod.get(c.period);
    if (!m) continue;
    m.cells[c.line] = toCell(c);
    m.total += c.amount_fen;
  }
  for (const p of papers) {
    const m = byPeriod.get(p.period);
    if (!m) continue;
    m.newspaper = {
      annualTurnover: p.annual_turnover_fen,
      rateBasisPoints: p.rate_bp,
      other: p.other_fen,
      revenue: m.cells.newspapers?.amount ?? 0,
    };
  }
  return { customerId, year, months, total: months.reduce((sum, m) => sum + m.total, 0) };
}

export const revenueHandlers = defineHandlers({
  'revenue/set': {
    kind: 'write',
    audit: { entity: (i) => entity('revenue', i.customerId, i.period) },
    run: (input, { db, now, revenue }) => {
      getCustomerRow(db, input.customerId);
      if (input.amount !== null && !input.confirm) {
        const warnings = new RevenueSanity(db).warnings(input.customerId, input.period, input.amount);
        if (warnings.length > 0) {
          // Refused until confirmed: the figure is kept as given once the officer says so.
          throw new AppError('CONFLICT', warnings.map((w) => w.message).join('；'), { warnings });
        }
      }
      revenue.write(
        [{ customerId: input.customerId, period: input.period, line: input.line, amount: input.amount }],
        { kind: 'manual', ref: null },
        now().toISOString(),
      );
      const row = db
        .prepare('SELECT * FROM revenue WHERE customer_id = ? AND period = ? AND line = ?')
        .get(input.customerId, input.period, input.line) as CellRow | undefined;
      return row
        ? toCell(row)
        : {
            customerId: input.customerId,
            period: input.period,
            line: input.line,
            amount: null,
            sourceKind: null,
            sourceRef: null,
            updatedAt: null,
          };
    },
  },
  'revenue/set-newspaper': {
    kind: 'write',
    audit: { entity: (i) => entity('revenue', i.customerId, i.period) },
    run: (input, { db, now, revenue }) => {
      getCustomerRow(db, input.customerId);
      const amount = revenue.writeNewspaper(
        {
          customerId: input.customerId,
          period: input.period,
          annualTurnover: input.annualTurnover,
          rateBasisPoints: input.ratePercent,
          other: input.other,
        },
        { kind: 'manual', ref: null },
        now().toISOString(),
      );
      return {
        annualTurnover: input.annualTurnover,
        rateBasisPoints: input.ratePercent,
        other: input.other,
        revenue: amount,
      };
    },
  },
  'revenue/customer': {
    kind: 'read',
    run: ({ customerId, year }, { db }) => {
      getCustomerRow(db, customerId);
      return customerYear(db, customerId, year);
    },
  },
  'revenue/source': {
    kind: 'read',
    run: ({ customerId, period, line }, { db }) => {
      getCustomerRow(db, customerId);
      return revenueSource(db, customerId, period, line);
    },
  },
  'revenue/bureau-list': {
    kind: 'read',
    run: (_input, { db }) =>
      db
        .prepare('SELECT year, amount_fen AS amount, entered_at AS enteredAt FROM bureau_revenue ORDER BY year DESC')
        .all() as BureauRevenue[],
  },
  'revenue/bureau-set': {
    kind: 'write',
    audit: { entity: (i) => entity('bureau-revenue', i.year) },
    run: (input, { db, now, actor }) => setBureauRevenue(db, input, now().toISOString(), actor),
  },
  'revenue/bureau-history': { kind: 'read', run: (_input, { db }) => bureauRevenueHistory(db) },
});
