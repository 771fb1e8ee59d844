import { useMemo } from 'react';
import {
  type DateStyle,
  formatCount,
  formatDate,
  formatDateTime,
  formatFen,
  formatFenSummary,
  formatMonth,
} from './format';
import { useLanguage } from './index';

/** The formatting helpers bound to the current interface language. */
export function useFormat() {
  const language = useLanguage();
  return useMemo(
    () => ({
      language,
      date: (value: string | null | undefined, style: DateStyle = 'long') => formatDate(value, language, style),
      dateTime: formatDateTime,
      month: (value: string) => formatMonth(value, language),
      fen: formatFen,
      fenSummary: (fen: number) => formatFenSummary(fen, language),
      count: formatCount,
    }),
    [language],
  );
}
