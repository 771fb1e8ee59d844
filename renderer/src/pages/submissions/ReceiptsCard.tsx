/**
 * 回执: each unit's receipt for a month (its registrations decided, rulings, releases, archives
 * due, missing A/B roles, what arrived), written for all units at once into a folder the officer
 * chooses, to go back with the next template.
 */
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptFilesView } from '../../../../shared/api/types';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { useFormat } from '../../i18n/useFormat';

export function ReceiptsCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [conflictDir, setConflictDir] = useState<string | null>(null);
  const [result, setResult] = useState<{ view: ReceiptFilesView; folder: string } | null>(null);

  const generate = async (outDir: string, overwrite: boolean) => {
    setRunning(true);
    setError(null);
    setConflictDir(null);
    try {
      setResult({ view: await api.call('receipts/generate', { period, outDir, overwrite }), folder: outDir });
    } catch (e) {
      const err = toApiCallError('receipts/generate', e);
      setError(err);
      if (err.code === 'CONFLICT' && Array.isArray(err.details?.paths)) setConflictDir(outDir);
    } finally {
      setRunning(false);
    }
  };
  const choose = async () => {
    setError(null);
    try {
      const { path } = await api.host('host/choose-folder', { title: t('submissions.receipts.folderTitle') });
      if (path !== null) await generate(path, false);
    } catch (e) {
      setError(toApiCallError('host/choose-folder', e));
    }
  };

  return (
    <Paper withBorder p="md" data-testid="receipts-form">
      <Title order={2} size="h5" mb={4}>
        {t('submissions.receipts.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('submissions.receipts.text')}
      </Text>
      <Group align="flex-end" gap="md">
        <MonthField
          label={t('submissions.templates.month')}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setResult(null);
          }}
          testId="receipts-month"
        />
        <Button onClick={() => void choose()} loading={running} data-testid="receipts-generate">
          {t('submissions.receipts.generate')}
        </Button>
      </Group>
      {error && (
        <Stack gap="xs" mt="md">
          <ErrorAlert error={error} />
          {conflictDir && (
            <Group>
              <Button color="orange" variant="light" onClick={() => void generate(conflictDir, true)} loading={running}>
                {t('submissions.templates.overwrite')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {result && (
        <Alert
          color="postal"
          variant="light"
          mt="md"
          title={t('submissions.receipts.written', { count: result.view.files.length })}
          data-testid="receipts-written"
        >
          <Text size="sm" mb={4}>
            {f.month(result.view.period)} · {t('submissions.templates.writtenAt', { folder: result.folder })}
          </Text>
          <List size="sm" spacing={2}>
            {result.view.files.map((file) => (
              <List.Item key={file.path}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => void api.host('host/show-in-folder', { path: file.path }).catch(() => undefined)}
                >
                  {file.fileName}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
