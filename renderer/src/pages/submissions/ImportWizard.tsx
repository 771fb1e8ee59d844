import { Button, Group, Paper, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FILTERS } from '../../../../shared/api/host';
import type { ImportBatchView, ImportPreview, ImportProgressView } from '../../../../shared/api/types';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/query';
import { ErrorAlert, LoadingBlock } from '../../components/ApiViews';
import { CommitStep } from './CommitStep';
import { DoneStep } from './DoneStep';
import { PreviewStep } from './PreviewStep';
import { baseName } from './wizard';

const STEPS = ['choose', 'preview', 'commit', 'done'] as const;

/** 导入: choose a workbook → preview (nothing written) → commit as one batch → done (undo). */
export function ImportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiCallError | null>(null);
  const [exclude, setExclude] = useState(false);
  const [batch, setBatch] = useState<ImportBatchView | null>(null);
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [chooseError, setChooseError] = useState<ApiCallError | null>(null);
  // A mutation: once the batch is written, the tracker, the batch history and the customers'
  // figures refresh by themselves (shared/api/effects.ts).
  const commit = useApiMutation('imports/commit');
  // A newer preview (another file chosen meanwhile) wins over a slower older one.
  const request = useRef(0);

  const runPreview = async (file: string) => {
    const mine = ++request.current;
    setStep(1);
    setPreview(null);
    setPreviewError(null);
    setExclude(false);
    commit.reset();
    setProgress(null);
    // The backend keeps answering during a preview: poll how far it has got for the bar.
    const progressId = crypto.randomUUID();
    const poll = setInterval(() => {
      api.call('imports/progress', { progressId }).then(
        (p) => {
          if (mine === request.current && p) setProgress(p);
        },
        () => undefined,
      );
    }, 300);
    try {
      const result = await api.call('imports/preview', { path: file, progressId });
      if (mine === request.current) setPreview(result);
    } catch (e) {
      if (mine === request.current) setPreviewError(toApiCallError('imports/preview', e));
    } finally {
      clearInterval(poll);
    }
  };

  const choose = async () => {
    setChooseError(null);
    try {
      const { paths } = await api.host('host/open-file', {
        title: t('submissions.choose.dialogTitle'),
        // .xlsx, .xls and .csv: what the importer reads (DOMAIN-DECISIONS "Imports", CSV).
        filters: IMPORT_FILTERS,
      });
      const file = paths[0];
      if (!file) return; // cancelled: stay where we are
      setPath(file);
      await runPreview(file);
    } catch (e) {
      setChooseError(toApiCallError('host/open-file', e));
    }
  };

  const doCommit = async () => {
    if (!preview) return;
    try {
      const written = await commit.mutateAsync({
        token: preview.token,
        excludeErrorRows: exclude && preview.counts.errors > 0,
      });
      setBatch(written);
      setStep(3);
    } catch {
      // Shown on the commit step from the mutation's error.
    }
  };

  const restart = () => {
    request.current++;
    setStep(0);
    setPath(null);
    setPreview(null);
    setPreviewError(null);
    setBatch(null);
    setExclude(false);
    commit.reset();
  };

  const loading = step === 1 && preview === null && previewError === null;
  // Back to an earlier step only before the batch is written (after, the batch is the truth).
  const canVisit = (index: number) => batch === null && index < step;

  return (
    <Stack gap="md" data-testid="import-wizard" data-step={STEPS[step]}>
      <Stepper
        active={step}
        onStepClick={(index) => {
          if (canVisit(index)) setStep(index);
        }}
        allowNextStepsSelect={false}
        size="sm"
        aria-label={t('submissions.wizardLabel')}
      >
        {STEPS.map((key) => (
          <Stepper.Step
            key={key}
            label={t(`submissions.steps.${key}`)}
            description={t(`submissions.steps.${key}Hint`)}
            data-testid={`wizard-step-${key}`}
          />
        ))}
      </Stepper>

      {step === 0 && (
        <Paper withBorder p="lg" data-testid="import-choose">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h5">
              {t('submissions.choose.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t('submissions.choose.text')}
            </Text>
            <Group gap="sm">
              <Button onClick={() => void choose()} data-testid="import-choose-file" data-autofocus>
                {t('submissions.choose.button')}
              </Button>
              {path && (
                <Button variant="light" onClick={() => void runPreview(path)} data-testid="import-repreview">
                  {t('submissions.choose.preview')}
                </Button>
              )}
            </Group>
            {path && (
              <Text size="sm" data-testid="import-chosen-path">
                <Text span c="dimmed" size="sm">
                  {t('submissions.choose.chosen')}：
                </Text>
                {path}
              </Text>
            )}
            {chooseError && <ErrorAlert error={chooseError} />}
          </Stack>
        </Paper>
      )}

      {step === 1 && (
        <>
          {loading && (
            <Paper withBorder p="lg" data-testid="import-loading">
              <LoadingBlock label={t('submissions.preview.loading', { file: path ? baseName(path) : '' })} />
              {progress && (
                <Stack gap={4} mt="sm" data-testid="import-progress" data-stage={progress.stage}>
                  <Progress
                    value={progress.total > 0 ? (100 * progress.done) / progress.total : 0}
                    animated={progress.stage !== 'check'}
                    aria-label={t(`submissions.preview.stage.${progress.stage}`)}
                  />
                  <Text size="sm" c="dimmed">
                    {progress.stage === 'check'
                      ? t('submissions.preview.checkingRows', { done: progress.done, total: progress.total })
                      : t(`submissions.preview.stage.${progress.stage}`)}
                  </Text>
                </Stack>
              )}
            </Paper>
          )}
          {previewError && <ErrorAlert error={previewError} onRetry={path ? () => void runPreview(path) : undefined} />}
          {preview && path && <PreviewStep preview={preview} path={path} />}
          <Group justify="space-between">
            <Button variant="default" onClick={() => void choose()} data-testid="preview-choose-again">
              {t('submissions.preview.back')}
            </Button>
            <Button onClick={() => setStep(2)} disabled={preview === null} data-testid="preview-next">
              {t('submissions.preview.next')}
            </Button>
          </Group>
        </>
      )}

      {step === 2 && preview && (
        <CommitStep
          preview={preview}
          exclude={exclude}
          onExclude={setExclude}
          submitting={commit.isPending}
          error={commit.error}
          onCommit={() => void doCommit()}
          onBack={() => setStep(1)}
        />
      )}

      {step === 3 && batch && <DoneStep batch={batch} onNext={restart} />}
    </Stack>
  );
}
