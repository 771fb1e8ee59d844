/**
 * The dashboard writes figures as the printed report does (shared/domain/report/format.ts), so a
 * number on screen reads the same as on paper: 万元 with two decimals, signed ratios with U+2212.
 */
import { FEN_PER_WAN } from '../../../../../shared/domain/money';

export {
  formatCountFigure as count,
  formatPercentFigure as percent,
  formatRatioFigure as ratio,
  formatWanFigure as wan,
} from '../../../../../shared/domain/report/format';

/** Fen → 万元 as a plain number for a chart's axis and bar lengths (never shown unformatted). */
export const toWan = (fen: number): number => fen / FEN_PER_WAN;
