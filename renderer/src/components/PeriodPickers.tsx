import { Select, type SelectProps } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { previousPeriod } from '../../../shared/domain/periods';
import { useCalendarLabels } from './DateField';

/** Last calendar year and last month, from the backend's today (YYYY-MM-DD). */
export function lastYearOf(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}
export function lastMonthOf(today: string): string {
  return previousPeriod(today.slice(0, 7));
}

/** The years an officer picks from: this year back `span` years. */
export function yearChoices(today: string, span = 8): string[] {
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: span }, (_, i) => String(thisYear - i));
}

/** A year from a short list (value is the year as a string, e.g. "2025"). */
export function YearSelect({
  today,
  value,
  onChange,
  testId,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  today: string;
  value: number;
  onChange: (year: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const years = yearChoices(today);
  if (!years.includes(String(value))) years.push(String(value));
  return (
    <Select
      data={years.map((y) => ({ value: y, label: t('common.yearLabel', { year: y }) }))}
      value={String(value)}
      onChange={(v) => {
        if (v) onChange(Number(v));
      }}
      allowDeselect={false}
      checkIconPosition="right"
      data-testid={testId}
      {...props}
    />
  );
}

/** A month (value "YYYY-MM"). */
export function MonthField({
  value,
  onChange,
  label,
  testId,
  w = 160,
}: {
  value: string;
  onChange: (period: string) => void;
  label: string;
  testId?: string;
  w?: number;
}) {
  const { t } = useTranslation();
  const { yearLabelFormat } = useCalendarLabels();
  return (
    <MonthPickerInput
      yearLabelFormat={yearLabelFormat}
      label={label}
      value={`${value}-01`}
      onChange={(v) => {
        if (v) onChange(String(v).slice(0, 7));
      }}
      valueFormat={t('common.monthFormat')}
      w={w}
      data-testid={testId}
      popoverProps={{ withinPortal: true }}
    />
  );
}
