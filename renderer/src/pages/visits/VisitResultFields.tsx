/**
 * A visit's result as both visit forms ask it (R23): held — participants and outcome; not held —
 * the reason. `blank` turns an empty field into null for the channel's input.
 */
import { Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export const blank = (v: string) => (v.trim() === '' ? null : v.trim());

export function VisitResultFields<V extends { participants: string; outcome: string; reason: string }>({
  form,
  status,
  testPrefix,
  autofocus = false,
}: {
  form: UseFormReturnType<V>;
  status: string;
  /** visit-form or visit-record: the fields' test ids. */
  testPrefix: string;
  autofocus?: boolean;
}) {
  const { t } = useTranslation();
  if (status === 'held')
    return (
      <>
        <TextInput
          label={t('visits.form.participants')}
          description={t('visits.form.participantsHelp')}
          withAsterisk
          data-autofocus={autofocus || undefined}
          {...form.getInputProps('participants')}
          data-testid={`${testPrefix}-participants`}
        />
        <Textarea
          label={t('visits.form.outcome')}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('outcome')}
          data-testid={`${testPrefix}-outcome`}
        />
      </>
    );
  if (status === 'not_held')
    return (
      <Textarea
        label={t('visits.form.reason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
        data-testid={`${testPrefix}-reason`}
      />
    );
  return null;
}
