/**
 * Sanity warnings on one revenue figure (fen), the same for an import row and a hand-typed cell:
 * a figure is kept as given, but a suspicious one is shown to the officer before it counts
 * (DOMAIN-DECISIONS "Revenue figures that look wrong"). Pure: the caller supplies the context.
 */
import { formatMoney } from './money';

/** The thresholds; a figure beyond them is asked about, never refused. */
export const REVENUE_SANITY = {
  /** Above this many times the customer's largest month of the 24 months before. */
  historyFactor: 10,
  /** …and at least this much (fen): a ¥50 customer typing ¥600 is not worth asking about. */
  historyFloor: 10_000_00,
  /** Above this share (in permille) of the bureau's annual revenue, for one month of one line. */
  bureauPermille: 50,
  /** With no bureau revenue to compare with: one month of one line at or above ¥1 亿. */
  ceiling: 100_000_000_00,
} as const;

export type RevenueWarningCode = 'negative' | 'above-history' | 'above-bureau' | 'above-ceiling';

export interface RevenueFigureWarning {
  code: RevenueWarningCode;
  /** Chinese, for the officer. */
  message: string;
  /** The same in English, for the interface in English. */
  messageEn: string;
  /** The figures in the message (fen), so the UI can word it in English. */
  params: { amount: number; reference?: number; factor?: number; permille?: number };
}

export interface RevenueFigureContext {
  /** The customer's largest month total (fen) in the 24 months before the figure's month; null if none. */
  historyMax?: number | null;
  /** The bureau's annual revenue (R10) for the figure's year, or the nearest earlier one; null if none. */
  bureauAnnual?: number | null;
}

/**
 * The warnings for `amount` (fen). `shown` is the figure as the officer wrote it (an import quotes
 * the cell); it defaults to the formatted amount.
 */
export function revenueFigureWarnings(
  amount: number,
  context: RevenueFigureContext = {},
  shown: string = formatMoney(amount),
): RevenueFigureWarning[] {
  const out: RevenueFigureWarning[] = [];
  // A correction (冲减) is legitimate but rare: stored as given, the officer asked to look.
  if (amount < 0) {
    out.push({
      code: 'negative',
      message: `收入为负数（${shown}），请核实是否为冲减`,
      messageEn: `Negative revenue (${shown}): check whether it is a correction`,
      params: { amount },
    });
    return out;
  }
  const { historyMax = null, bureauAnnual = null } = context;
  if (
    historyMax !== null &&
    historyMax > 0 &&
    amount >= REVENUE_SANITY.historyFloor &&
    amount > historyMax * REVENUE_SANITY.historyFactor
  ) {
    out.push({
      code: 'above-history',
      message: `收入 ${formatMoney(amount)} 超过该客户前 24 个月最高月收入 ${formatMoney(historyMax)} 的 ${REVENUE_SANITY.historyFactor} 倍，请核实金额（单位是否为元）`,
      messageEn: `Revenue ${formatMoney(amount)} is more than ${REVENUE_SANITY.historyFactor} times the customer's largest month in the 24 months before (${formatMoney(historyMax)}): check the amount (is it in yuan?)`,
      params: { amount, reference: historyMax, factor: REVENUE_SANITY.historyFactor },
    });
  }
  if (bureauAnnual !== null && bureauAnnual > 0) {
    if (amount * 1000 > bureauAnnual * REVENUE_SANITY.bureauPermille) {
      out.push({
        code: 'above-bureau',
        message: `收入 ${formatMoney(amount)} 超过全局年收入 ${formatMoney(bureauAnnual)} 的 ${REVENUE_SANITY.bureauPermille / 10}%，请核实金额`,
        messageEn: `Revenue ${formatMoney(amount)} is more than ${REVENUE_SANITY.bureauPermille / 10}% of the bureau's annual revenue (${formatMoney(bureauAnnual)}): check the amount`,
        params: { amount, reference: bureauAnnual, permille: REVENUE_SANITY.bureauPermille },
      });
    }
  } else if (amount >= REVENUE_SANITY.ceiling) {
    out.push({
      code: 'above-ceiling',
      message: `收入 ${formatMoney(amount)} 达到单月单项 ${formatMoney(REVENUE_SANITY.ceiling)} 以上，请核实金额`,
      messageEn: `Revenue ${formatMoney(amount)} is ${formatMoney(REVENUE_SANITY.ceiling)} or more for one month of one line: check the amount`,
      params: { amount, reference: REVENUE_SANITY.ceiling },
    });
  }
  return out;
}
