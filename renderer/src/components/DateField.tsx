import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';

/**
 * The calendar headers in the reading order of the language: "2026年12月" in Chinese (Mantine's
 * default "MMMM YYYY" gives "十二月 2026" with the zh-cn locale), "December 2026" in English.
 */
export function useCalendarLabels(): { monthLabelFormat: string; yearLabelFormat: string } {
  const english = useLanguage() === 'en';
  return english
    ? { monthLabelFormat: 'MMMM YYYY', yearLabelFormat: 'YYYY' }
    : { monthLabelFormat: 'YYYY年M月', yearLabelFormat: 'YYYY年' };
}

/** A date typed or picked as YYYY-MM-DD (the value is that string). */
export function DateField(props: Omit<DateInputProps, 'valueFormat'>) {
  const { t } = useTranslation();
  const labels = useCalendarLabels();
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder={t('common.datePlaceholder')}
      popoverProps={{ withinPortal: true }}
      {...labels}
      {...props}
    />
  );
}
