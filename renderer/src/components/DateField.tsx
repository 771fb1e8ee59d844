import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** A date typed or picked as YYYY-MM-DD (the value is that string). */
export function DateField(props: Omit<DateInputProps, 'valueFormat'>) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder={t('common.datePlaceholder')}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
