/**
 * 回执: each unit's receipt for a month (its registrations decided, rulings, releases, archives
 * due, missing A/B roles, what arrived), written for all units at once into a folder the officer
 * chooses, to go back with the next template.
 */
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { useFormat } from '../../i18n/useFormat';
import { useFolderWrite } from './useFolderWrite';

export function ReceiptsCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const folder = useFolderWrite('receipts/generate', (outDir, overwrite) =>
    api.call('receipts/generate', { period, outDir, overwrite }),
  );
  const { running, error, conflictDir } = folder;
  const result = folder.result && { view: folder.result.value, folder: folder.result.folder };

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
            folder.clear();
          }}
          testId="receipts-month"
        />
        <Button
          onClick={() => void folder.chooseAndRun(t('submissions.receipts.folderTitle'))}
          loading={running}
          data-testid="receipts-generate"
        >
          {t('submissions.receipts.generate')}
        </Button>
      </Group>
      {error && (
        <Stack gap="xs" mt="md">
          <ErrorAlert error={error} />
          {conflictDir && (
            <Group>
              <Button color="orange" variant="light" onClick={() => void folder.overwrite()} loading={running}>
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
