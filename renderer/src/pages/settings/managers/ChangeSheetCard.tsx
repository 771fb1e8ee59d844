/**
 * 客户经理变动表 (R30): a unit's monthly sheet of account-manager changes, chosen the way every
 * import chooses its file (the host's open dialog, IMPORT_FILTERS), previewed with nothing written
 * (problems by sheet, row and column; the changes to record with the late ones marked 逾期), then
 * imported as one batch — with 排除错误行 when some rows are wrong — and listed below for 撤销.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FILTERS } from '../../../../../shared/api/host';
import type { ManagerChangePreview } from '../../../../../shared/api/types-archives';
import { type ApiCallError, api, toApiCallError } from '../../../api/client';
import { useApiMutation } from '../../../api/query';
import { ErrorAlert, LoadingBlock } from '../../../components/ApiViews';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { IssuesTable } from '../../submissions/IssuesTable';
import { baseName } from '../../submissions/wizard';
import { ChangeBatchesList } from './ChangeBatchesList';
import { ChangePreviewSummary, ChangeRowsTable } from './ChangeRowsTable';

export function ChangeSheetCard() {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ManagerChangePreview | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(false);
  const [exclude, setExclude] = useState(false);
  // A mutation: the register, the change log and this card's batch list refresh by themselves
  // (shared/api/effects.ts).
  const commit = useApiMutation('manager-changes/commit');
  // A newer preview (another file chosen meanwhile) wins over a slower older one.
  const request = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const runPreview = async (file: string) => {
    const mine = ++request.current;
    setPreview(null);
    setError(null);
    setExclude(false);
    commit.reset();
    setLoading(true);
    try {
      const result = await api.call('manager-changes/preview', { path: file });
      if (mine !== request.current) return;
      setPreview(result);
      // Keyboard users go on from the preview's heading: its counts, then problems, then 导入.
      requestAnimationFrame(() => heading.current?.focus());
    } catch (e) {
      if (mine === request.current) setError(toApiCallError('manager-changes/preview', e));
    } finally {
      if (mine === request.current) setLoading(false);
    }
  };

  const choose = async () => {
    setError(null);
    try {
      const { paths } = await api.host('host/open-file', {
        title: t('managerChanges.dialogTitle'),
        filters: IMPORT_FILTERS,
      });
      const file = paths[0];
      if (!file) return; // cancelled: keep what is shown
      setPath(file);
      await runPreview(file);
    } catch (e) {
      setError(toApiCallError('host/open-file', e));
    }
  };

  const discard = () => {
    request.current++;
    setPreview(null);
    setPath(null);
    setError(null);
    setExclude(false);
    setLoading(false);
    commit.reset();
  };

  const doCommit = async () => {
    if (!preview) return;
    try {
      const batch = await commit.mutateAsync({
        token: preview.token,
        excludeErrorRows: exclude && preview.counts.errorRows > 0,
      });
      notifications.show({
        color: 'postal',
        title: t('managerChanges.imported', { id: batch.id }),
        message: t('managerChanges.importedText', { count: batch.items, late: batch.late }),
      });
      discard();
    } catch {
      // Shown above the buttons from the mutation's error.
    }
  };

  const errorRows = preview?.counts.errorRows ?? 0;
  const blocked = preview !== null && errorRows > 0 && !exclude;
  const nothing = preview !== null && preview.counts.ready === 0;

  return (
    // Scrolled to (the preview's heading is focused), it clears the shell's fixed header.
    <Paper withBorder p="md" style={{ scrollMarginTop: 72 }} data-testid="manager-change-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
          <div>
            <Title order={2} size="h4" mb={4}>
              {t('managerChanges.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={920}>
              {t('managerChanges.intro')}
            </Text>
          </div>
          <Button
            onClick={() => void choose()}
            loading={loading}
            variant={preview ? 'default' : 'filled'}
            style={{ flexShrink: 0 }}
            data-testid="manager-change-choose"
          >
            {preview || path ? t('managerChanges.chooseAgain') : t('managerChanges.choose')}
          </Button>
        </Group>

        {error && <ErrorAlert error={error} onRetry={path ? () => void runPreview(path) : undefined} />}
        {loading && <LoadingBlock label={t('managerChanges.loading', { file: path ? baseName(path) : '' })} />}
        {!preview && !loading && !error && (
          <EmptyBlock
            title={t('managerChanges.emptyTitle')}
            description={t('managerChanges.emptyText')}
            testId="manager-change-empty"
          />
        )}

        {preview && (
          <Stack gap="md" data-testid="manager-change-preview">
            <ChangePreviewSummary preview={preview} headingRef={heading} />
            {preview.counts.errors + preview.counts.warnings > 0 && (
              <IssuesTable preview={preview} id="manager-change-issues" />
            )}
            <ChangeRowsTable preview={preview} />
            {errorRows > 0 && (
              <Alert
                color="red"
                variant="light"
                title={t('managerChanges.errorsTitle', { count: errorRows })}
                data-testid="manager-change-errors"
              >
                <Stack gap="xs">
                  <Text size="sm">{t('managerChanges.errorsText')}</Text>
                  <Checkbox
                    label={t('managerChanges.exclude', { count: errorRows, ready: preview.counts.ready })}
                    checked={exclude}
                    onChange={(e) => setExclude(e.currentTarget.checked)}
                    disabled={nothing}
                    data-testid="manager-change-exclude"
                  />
                </Stack>
              </Alert>
            )}
            {commit.error && <ErrorAlert error={commit.error} />}
            <Group justify="flex-end" gap="sm">
              {(blocked || nothing) && (
                <Text size="sm" c="red.8" data-testid="manager-change-blocked">
                  {nothing ? t('managerChanges.nothing') : t('managerChanges.blocked')}
                </Text>
              )}
              <Button variant="default" onClick={discard} data-testid="manager-change-discard">
                {t('managerChanges.discard')}
              </Button>
              <Button
                onClick={() => void doCommit()}
                disabled={blocked || nothing}
                loading={commit.isPending}
                data-testid="manager-change-commit"
              >
                {t('managerChanges.import')}
              </Button>
            </Group>
          </Stack>
        )}

        <ChangeBatchesList />
      </Stack>
    </Paper>
  );
}
