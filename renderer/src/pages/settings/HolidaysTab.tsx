/**
 * 设置 → 节假日 (R33): the working-day calendar the complaint clock counts on, kept per year. A
 * year not yet kept shows the chinese-days suggestion (the State Council's notice) to accept or
 * edit; an unknown year says so. Days are typed as dates or ranges, one per line or comma-separated.
 */
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate } from '../../../../shared/domain/dates';
import { useApiMutation, useApiQuery } from '../../api/query';
import { useToday } from '../../components/AppInfo';

/** Dates and inclusive ranges (`2026-10-01..2026-10-07`), by line or comma; null with the bad part. */
export function parseDays(text: string): { days: string[] } | { bad: string } {
  const days: string[] = [];
  for (const part of text.split(/[\s,，、]+/).filter(Boolean)) {
    const [from, to, ...rest] = part.split('..');
    if (!from || !isIsoDate(from) || rest.length > 0 || (to !== undefined && (!isIsoDate(to) || to < from)))
      return { bad: part };
    for (let d = from; d <= (to ?? from); d = addDays(d, 1)) {
      days.push(d);
      if (days.length > 400) return { bad: part };
    }
  }
  return { days };
}

export function HolidaysTab() {
  const { t } = useTranslation();
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState<number>(thisYear);
  const shown = useApiQuery('holidays/show', { year });
  const save = useApiMutation('holidays/set');
  const [off, setOff] = useState('');
  const [work, setWork] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!shown.data) return;
    setOff(shown.data.off.join('\n'));
    setWork(shown.data.work.join('\n'));
    setProblem(null);
  }, [shown.data]);
  const source = shown.data?.source;
  const submit = () => {
    const o = parseDays(off);
    const w = parseDays(work);
    if ('bad' in o || 'bad' in w) {
      setProblem(t('holidays.bad', { part: 'bad' in o ? o.bad : (w as { bad: string }).bad }));
      return;
    }
    save.mutate(
      { year, off: o.days, work: w.days },
      { onSuccess: () => notifications.show({ color: 'postal', message: t('holidays.saved', { year }) }) },
    );
  };
  return (
    <Stack gap="sm" maw={900}>
      <Text size="sm" c="dimmed">
        {t('holidays.intro')}
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput
          label={t('holidays.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={120}
          data-testid="holidays-year"
        />
        {source && (
          <Badge variant="light" color={source === 'suggested' ? 'orange' : 'green'} data-testid="holidays-source">
            {t(`holidays.source.${source}`)}
          </Badge>
        )}
      </Group>
      {source === null && (
        <Alert color="orange" variant="light">
          {t('holidays.unknown', { year })}
        </Alert>
      )}
      {source === 'suggested' && (
        <Alert color="orange" variant="light">
          {t('holidays.suggested', { year })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={2} spacing="md">
          <Textarea
            label={t('holidays.off')}
            description={t('holidays.offHelp')}
            value={off}
            onChange={(e) => setOff(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={16}
            data-testid="holidays-off"
          />
          <Textarea
            label={t('holidays.work')}
            description={t('holidays.workHelp')}
            value={work}
            onChange={(e) => setWork(e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={16}
            data-testid="holidays-work"
          />
        </SimpleGrid>
        {problem && (
          <Text size="sm" c="red.8" mt="xs">
            {problem}
          </Text>
        )}
        {save.error && (
          <Text size="sm" c="red.8" mt="xs">
            {save.error.message}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button onClick={submit} loading={save.isPending} data-testid="holidays-save">
            {source === 'suggested' ? t('holidays.accept') : t('holidays.save')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
