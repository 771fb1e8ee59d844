import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/types';
import type { ApiCallError } from '../../api/client';
import { ErrorAlert } from '../../components/ApiViews';
import { formatCount } from '../../i18n/format';
import { commitBlock } from './wizard';

/** 提交: what will be written; with errors, an explicit "leave those rows out" before it may go. */
export function CommitStep({
  preview,
  exclude,
  onExclude,
  submitting,
  error,
  onCommit,
  onBack,
}: {
  preview: ImportPreview;
  exclude: boolean;
  onExclude: (value: boolean) => void;
  submitting: boolean;
  error: ApiCallError | null;
  onCommit: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const block = commitBlock(preview, exclude);
  const errors = preview.counts.errors;
  return (
    <Paper withBorder p="md" data-testid="import-commit">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('submissions.commit.title', { file: preview.fileName })}
        </Title>
        <Text size="sm" data-testid="commit-summary">
          {t('submissions.commit.summary', {
            new: formatCount(preview.counts.new),
            changed: formatCount(preview.counts.changed),
            unchanged: formatCount(preview.counts.unchanged),
            blank: formatCount(preview.counts.blank),
          })}
        </Text>
        {preview.earlierBatch && (
          <Alert color="orange" variant="light">
            <Text size="sm">{t('submissions.commit.sameFile')}</Text>
          </Alert>
        )}
        {errors > 0 && (
          <Alert
            color="red"
            variant="light"
            title={t('submissions.commit.errorsTitle', { count: errors })}
            data-testid="commit-errors"
          >
            <Stack gap="xs">
              <Text size="sm">{t('submissions.commit.errorsText')}</Text>
              <Checkbox
                label={t('submissions.commit.exclude', { count: errors })}
                checked={exclude}
                onChange={(e) => onExclude(e.currentTarget.checked)}
                data-testid="commit-exclude"
              />
            </Stack>
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} data-testid="commit-back">
            {t('submissions.commit.back')}
          </Button>
          <Group gap="sm">
            {block === 'errors' && (
              <Text size="sm" c="red.8" data-testid="commit-blocked">
                {t('submissions.commit.blocked')}
              </Text>
            )}
            <Button onClick={onCommit} disabled={block !== 'none'} loading={submitting} data-testid="commit-submit">
              {t('submissions.commit.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
