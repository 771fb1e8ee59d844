/**
 * One revision of a monthly analysis report (R28): its header (month, scope, revision, status,
 * the revisions, 定稿 / 修订 / 打印预览 / 打印 / 另存为), then the parts in R28's order as the
 * composed document has them — generated parts read-only, judgement parts as text boxes that save
 * as the officer types, with the facts and the units' own analyses beside them. A final revision
 * is read-only and shows its hash; 修订 makes the next revision (DOMAIN-DECISIONS "Monthly analysis
 * report").
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Kbd,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportInfo, ReportView } from '../../../../../shared/api/types';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '../../../../../shared/domain/report/document';
import { useApiMutation, useApiQuery } from '../../../api/query';
import { ApiView, ErrorAlert, LoadingBlock } from '../../../components/ApiViews';
import { formatDateTime } from '../../../i18n/format';
import { useFormat } from '../../../i18n/useFormat';
import { hrefOf, navigate } from '../../../router/useRoute';
import { PartView } from './DocumentBlocks';
import { JudgementPart } from './JudgementPart';
import { OutputError, PrintPreview, SaveAsMenu, useReportOutput } from './output';
import { partsOf, type ReportPart } from './parts';
import { type SaveStatus, useAutosave } from './useAutosave';

export function ReportEditor({ id }: { id: number }) {
  const view = useApiQuery('reports/get', { id }, { keepPrevious: false });
  // The texts are taken from a fresh read only: a cached one from before the last saves would
  // put old text in the boxes (saves do not re-read the open report, useAutosave.ts).
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (view.data && !view.loading) setReady(true);
  }, [view.data, view.loading]);
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {view.error && (
        // A report that is not there (a stale link): the way back to the list, beside the reason.
        <Anchor href={hrefOf({ name: 'reports', tab: 'analysis', reportId: null })} size="sm">
          ← {t('reports.analysis.editor.back')}
        </Anchor>
      )}
      <ApiView state={view}>{(data) => (ready ? <Editor key={data.info.id} view={data} /> : <LoadingBlock />)}</ApiView>
    </Stack>
  );
}

export function StatusBadge({ info }: { info: Pick<ReportInfo, 'status' | 'superseded'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        color={info.status === 'final' ? 'postal' : 'orange'}
        variant={info.status === 'final' ? 'filled' : 'light'}
        tt="none"
        data-testid="report-status"
        data-status={info.status}
      >
        {t(`reports.analysis.status.${info.status}`)}
      </Badge>
      {info.superseded && (
        <Badge color="gray" variant="outline" tt="none" data-testid="report-superseded">
          {t('reports.analysis.status.superseded')}
        </Badge>
      )}
    </Group>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const color = { saved: 'teal', unsaved: 'gray', saving: 'blue', error: 'red' }[status];
  return (
    <Badge variant="dot" color={color} size="lg" tt="none" data-testid="report-save-status" data-status={status}>
      {t(`reports.analysis.save.${status}`)}
    </Badge>
  );
}

/** The parts as links (a judgement part marked written or not) and the save state, kept in sight. */
function PartNav({
  parts,
  texts,
  status,
  children,
}: {
  parts: readonly ReportPart[];
  texts: Record<ReportTextField, string>;
  status: SaveStatus | null;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      shadow="xs"
      component="nav"
      aria-label={t('reports.analysis.editor.parts')}
      data-testid="report-nav"
      style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 52px)', zIndex: 5 }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={2} wrap="wrap" lang="zh-CN">
          {parts.map((part, i) => {
            const fields = part.blocks.flatMap((b) => (b.kind === 'writing' ? [b.field] : []));
            const open = fields.filter((f) => texts[f].trim() === '').length;
            return (
              <Button
                key={part.heading.text}
                component="a"
                href={`#report-part-${i}`}
                onClick={(e: React.MouseEvent) => {
                  // The router owns the hash: scroll to the part instead of following the link.
                  e.preventDefault();
                  document.getElementById(`report-part-${i}`)?.scrollIntoView({ block: 'start' });
                }}
                variant="subtle"
                color="dark"
                size="compact-xs"
                fw={500}
                rightSection={
                  // Written or not matters while the text can still change: a draft being edited.
                  fields.length > 0 && status !== null ? (
                    <Text
                      span
                      size="xs"
                      c={open > 0 ? 'orange.7' : 'teal.7'}
                      title={open > 0 ? t('reports.analysis.editor.toWrite') : t('reports.analysis.editor.written')}
                    >
                      {open > 0 ? '○' : '●'}
                    </Text>
                  ) : undefined
                }
                data-testid="report-nav-part"
              >
                {part.heading.text}
              </Button>
            );
          })}
        </Group>
        {status && <SaveIndicator status={status} />}
      </Group>
      {children}
    </Paper>
  );
}

function Editor({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const info = view.info;
  const draft = info.status === 'draft';
  const editable = draft && !info.superseded;
  const autosave = useAutosave(info.id, view.texts, editable);
  const texts = editable ? autosave.texts : view.texts;
  const analyses = useApiQuery('reports/unit-analyses', {
    period: info.period,
    ...(info.unit ? { unitCode: info.unit.code } : {}),
  });
  const output = useReportOutput(info.id, autosave.flush);
  const finalise = useApiMutation('reports/finalise');
  const revise = useApiMutation('reports/revise');
  const [confirming, setConfirming] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const parts = useMemo(() => partsOf(view.document.blocks), [view.document.blocks]);
  const latest = view.revisions.at(-1);
  const scope = info.unit?.name ?? t('reports.analysis.city');
  const emptyFields = REPORT_TEXT_FIELDS.filter((f) => texts[f].trim() === '');

  // Ctrl+S (⌘S) saves now, wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave.flush]);

  const doFinalise = async () => {
    if (!(await autosave.flush())) {
      setConfirming(false);
      return;
    }
    try {
      const done = await finalise.mutateAsync({ id: info.id });
      setConfirming(false);
      notifications.show({
        color: 'postal',
        title: t('reports.analysis.finalise.done'),
        message: t('reports.analysis.finalise.doneText', { revision: done.revision }),
      });
    } catch {
      // Shown in the modal from the mutation's error.
    }
  };

  const doRevise = async () => {
    try {
      const next = await revise.mutateAsync({ id: info.id });
      notifications.show({
        color: 'postal',
        message: t('reports.analysis.revise.done', { revision: next.revision }),
      });
      navigate({ name: 'reports', tab: 'analysis', reportId: next.id });
    } catch {
      // Shown under the header from the mutation's error.
    }
  };

  const openPreview = async () => {
    output.clearError();
    await autosave.flush();
    setPreviewing(true);
  };

  const renderWriting = (field: ReportTextField) => (
    <JudgementPart
      field={field}
      text={texts[field]}
      readOnly={!editable}
      facts={view.facts}
      analyses={analyses.data}
      onChange={(text) => autosave.change(field, text)}
      onBlur={() => void autosave.flush()}
    />
  );

  return (
    <Stack gap="md" data-testid="report-editor" data-report-id={info.id} data-status={info.status}>
      <Paper withBorder p="md" data-testid="report-header">
        <Group justify="space-between" align="flex-start" gap="md" wrap="nowrap">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Anchor href={hrefOf({ name: 'reports', tab: 'analysis', reportId: null })} size="sm">
              ← {t('reports.analysis.editor.back')}
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <Title order={2} size="h4" data-testid="report-title">
                {t('reports.analysis.editor.title', { month: format.month(info.period), scope })}
              </Title>
              <Badge variant="outline" color="gray" tt="none" data-testid="report-revision">
                {t('reports.analysis.revisionN', { revision: info.revision })}
              </Badge>
              <StatusBadge info={info} />
            </Group>
            <Text size="xs" c="dimmed">
              {view.facts.tierBasis
                ? t('reports.analysis.editor.basis', {
                    version: view.facts.policyVersion,
                    run: view.facts.tierBasis.runId,
                    year: view.facts.tierBasis.year,
                  })
                : t('reports.analysis.editor.noBasis', { version: view.facts.policyVersion })}
              {info.status === 'final' && info.finalisedAt
                ? ` · ${t('reports.analysis.editor.finalisedAt', { at: formatDateTime(info.finalisedAt), by: info.finalisedBy ?? '' })}`
                : ` · ${t('reports.analysis.editor.updatedAt', { at: formatDateTime(info.updatedAt) })}`}
            </Text>
            {info.hash && (
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  SHA-256
                </Text>
                <Code fz="xs" data-testid="report-hash" style={{ wordBreak: 'break-all' }}>
                  {info.hash}
                </Code>
                <CopyButton value={info.hash}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" onClick={copy}>
                      {copied ? t('reports.analysis.editor.copied') : t('reports.analysis.editor.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            )}
          </Stack>
          <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Select
                aria-label={t('reports.analysis.editor.revisions')}
                data={view.revisions.map((r) => ({
                  value: String(r.id),
                  label: t('reports.analysis.revisionStatus', {
                    revision: r.revision,
                    status: t(`reports.analysis.status.${r.status}`),
                  }),
                }))}
                value={String(info.id)}
                onChange={(v) => {
                  if (v && Number(v) !== info.id) {
                    void autosave
                      .flush()
                      .then(() => navigate({ name: 'reports', tab: 'analysis', reportId: Number(v) }));
                  }
                }}
                allowDeselect={false}
                w={170}
                size="sm"
                data-testid="report-revisions"
              />
            </Group>
            <Group gap="xs" wrap="nowrap">
              {editable && (
                <Button onClick={() => setConfirming(true)} data-testid="report-finalise">
                  {t('reports.analysis.finalise.button')}
                </Button>
              )}
              {info.status === 'final' && !info.superseded && (
                <Tooltip label={t('reports.analysis.revise.hint', { revision: info.revision + 1 })} withArrow>
                  <Button
                    variant="light"
                    onClick={() => void doRevise()}
                    loading={revise.isPending}
                    data-testid="report-revise"
                  >
                    {t('reports.analysis.revise.button')}
                  </Button>
                </Tooltip>
              )}
              <Button variant="default" onClick={() => void openPreview()} data-testid="report-preview-open">
                {t('reports.analysis.output.preview')}
              </Button>
              <Button
                variant="default"
                onClick={() => void output.print()}
                loading={output.busy === 'print'}
                data-testid="report-print"
              >
                {t('reports.analysis.output.print')}
              </Button>
              <SaveAsMenu output={output} testId="report-save" />
            </Group>
          </Stack>
        </Group>
      </Paper>

      {info.superseded && latest && (
        <Alert color="gray" variant="light" data-testid="report-superseded-note">
          {t('reports.analysis.editor.supersededText', { revision: latest.revision })}{' '}
          <Anchor href={hrefOf({ name: 'reports', tab: 'analysis', reportId: latest.id })} size="sm">
            {t('reports.analysis.editor.openLatest', { revision: latest.revision })}
          </Anchor>
        </Alert>
      )}
      {info.status === 'final' && !info.superseded && (
        <Alert color="postal" variant="light" data-testid="report-final-note">
          {t('reports.analysis.editor.finalText')}
        </Alert>
      )}
      {editable && (
        <Text size="xs" c="dimmed">
          {t('reports.analysis.editor.autosaveHint')} <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">S</Kbd>
        </Text>
      )}
      {revise.error && <ErrorAlert error={revise.error} />}
      {!previewing && <OutputError output={output} />}

      <PartNav parts={parts} texts={texts} status={editable ? autosave.status : null}>
        {/* In the sticky bar, so the reason is in sight wherever the officer is typing. */}
        {autosave.error && (
          <ErrorAlert
            error={autosave.error}
            title={t('reports.analysis.save.errorTitle')}
            onRetry={() => void autosave.flush()}
          />
        )}
      </PartNav>
      {parts.map((part, i) => (
        <PartView key={part.heading.text} part={part} index={i} renderWriting={renderWriting} />
      ))}

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reports.analysis.finalise.title', { revision: info.revision })}
        data-testid="report-finalise-modal"
      >
        <Stack gap="sm">
          <Text size="sm">{t('reports.analysis.finalise.text')}</Text>
          <Text size="sm" c="dimmed">
            {t('reports.analysis.finalise.after')}
          </Text>
          {emptyFields.length > 0 && (
            <Alert color="orange" variant="light" data-testid="report-finalise-empty">
              {t('reports.analysis.finalise.empty', {
                parts: emptyFields
                  .map((f) => t(`reports.analysis.fields.${f}`))
                  .join(t('reports.analysis.partSeparator')),
              })}
            </Alert>
          )}
          {finalise.error && <ErrorAlert error={finalise.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => void doFinalise()}
              loading={finalise.isPending}
              data-testid="report-finalise-confirm"
            >
              {t('reports.analysis.finalise.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <PrintPreview id={info.id} opened={previewing} onClose={() => setPreviewing(false)} output={output} />
    </Stack>
  );
}
