import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportUndoCheckView, ImportUndoView } from '../../../../shared/api/types';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { EMPTY_VALUE, formatFen } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { revenueLineOf } from './wizard';

export interface UndoTarget {
  id: number;
  fileName: string;
}

/**
 * Undo one batch: the cells edited since the import are shown first (`imports/undo-check`) and the
 * officer chooses to keep or overwrite them, then the result. The choice comes before the undo
 * because an undone batch cannot be undone again. The undo is a mutation: the tracker, the batch
 * history and the customers' figures refresh by themselves (shared/api/effects.ts); `onUndone` is
 * only for a caller that shows the batch itself (the wizard's last step).
 */
export function UndoBatchModal({
  target,
  onClose,
  onUndone,
}: {
  target: UndoTarget | null;
  onClose: () => void;
  onUndone?: (result: ImportUndoView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('submissions.undo.title', { id: target.id }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target !== null && <UndoBody key={target.id} target={target} onClose={onClose} onUndone={onUndone} />}
    </Modal>
  );
}

function UndoBody({
  target,
  onClose,
  onUndone,
}: {
  target: UndoTarget;
  onClose: () => void;
  onUndone?: (result: ImportUndoView) => void;
}) {
  const { t } = useTranslation();
  const [force, setForce] = useState(false);
  const [result, setResult] = useState<ImportUndoView | null>(null);
  const undoBatch = useApiMutation('imports/undo');
  // What the undo would keep, before the officer chooses: an undone batch cannot be undone again.
  const check = useApiQuery('imports/undo-check', { batchId: target.id });
  // The undo's own invalidation re-reads this check, which then refuses (the batch is undone):
  // that refusal is expected and not shown.
  const checkError = undoBatch.isIdle || undoBatch.isError ? check.error : undefined;

  const undo = async () => {
    try {
      const done = await undoBatch.mutateAsync({ batchId: target.id, force });
      setResult(done);
      onUndone?.(done);
    } catch {
      // Shown from the mutation's error below.
    }
  };

  if (result) return <UndoResult result={result} onClose={onClose} />;
  const edited = check.data?.kept ?? [];
  return (
    <Stack gap="sm" data-testid="undo-confirm">
      <Text size="sm">{t('submissions.undo.text', { file: target.fileName })}</Text>
      {checkError && <ErrorAlert error={checkError} />}
      {check.data === undefined && !checkError && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('submissions.undo.checking')}
          </Text>
        </Group>
      )}
      {check.data && edited.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="undo-clean">
          {t('submissions.undo.cells', { count: check.data.cells })}
        </Text>
      )}
      {check.data && <TemplateSides check={check.data} />}
      {edited.length > 0 && (
        <>
          <Alert color="orange" variant="light" title={t('submissions.undo.editedTitle', { count: edited.length })}>
            <Text size="sm">{t('submissions.undo.editedText')}</Text>
          </Alert>
          <KeptTable kept={edited} testId="undo-edited-row" />
          <Text size="sm" c="dimmed">
            {t('submissions.undo.keptNote')}
          </Text>
          <Checkbox
            label={t('submissions.undo.force')}
            checked={force}
            onChange={(e) => setForce(e.currentTarget.checked)}
            color="red"
            data-testid="undo-force"
          />
          {force && (
            <Alert color="red" variant="light" p="xs">
              <Text size="sm">{t('submissions.undo.forceWarning')}</Text>
            </Alert>
          )}
        </>
      )}
      {undoBatch.error && <ErrorAlert error={undoBatch.error} />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={undoBatch.isPending}
          disabled={
            check.data === undefined ||
            check.data.managerChanges?.canUndo === false ||
            (check.data.services?.blocker ?? null) !== null
          }
          onClick={() => void undo()}
          data-testid="undo-submit"
          data-autofocus
        >
          {force ? t('submissions.undo.confirmForce') : t('submissions.undo.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * What else the undo takes back (DOMAIN-DECISIONS "Template intake"): the template's 客户经理变动
 * (or why it cannot be undone, which stops the whole undo), and the inbox rows still pending
 * (withdrawn) beside those the centre filed (kept); its 营销日志/拜访记录/投诉登记/资费优惠申请 records
 * (withdrawn, or the one the centre acted on since, which stops the whole undo).
 */
function TemplateSides({ check }: { check: ImportUndoCheckView }) {
  const { t, i18n } = useTranslation();
  const m = check.managerChanges;
  const { pending, filed } = check.inbox;
  const services = check.services;
  if (!m && pending === 0 && filed === 0 && !services) return null;
  return (
    <Stack gap={4} data-testid="undo-template-sides">
      {m?.canUndo && (
        <Text size="sm" c="dimmed">
          {t('submissions.undo.managerChanges', { count: m.items })}
        </Text>
      )}
      {m && !m.canUndo && (
        <Alert color="red" variant="light" title={t('submissions.undo.managerChangesBlocked')}>
          <Text size="sm">{m.reason}</Text>
        </Alert>
      )}
      {pending > 0 && (
        <Text size="sm" c="dimmed">
          {t('submissions.undo.inboxPending', { count: pending })}
        </Text>
      )}
      {filed > 0 && (
        <Text size="sm" c="dimmed">
          {t('submissions.undo.inboxFiled', { count: filed })}
        </Text>
      )}
      {services && services.blocker === null && (
        <Text size="sm" c="dimmed" data-testid="undo-services">
          {t('submissions.undo.services', services)}
        </Text>
      )}
      {services && services.blocker !== null && (
        <Alert color="red" variant="light" title={t('submissions.undo.servicesBlocked')}>
          <Text size="sm">{i18n.language.startsWith('en') ? services.blockerEn : services.blocker}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** Cells edited after the import: the imported value beside the current one. */
function KeptTable({ kept, testId }: { kept: ImportUndoView['kept']; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  type Kept = ImportUndoView['kept'][number];
  const fen = (v: number | null) => <span className="kam-num">{v === null ? EMPTY_VALUE : formatFen(v)}</span>;
  const lineName = (line: string) => {
    const known = revenueLineOf(line);
    return known ? t(`line.${known}`) : line;
  };
  const columns: ListColumn<Kept>[] = [
    {
      key: 'customerId',
      title: t('submissions.undo.customer'),
      render: (k) => <CustomerIdText id={k.customerId} size="sm" />,
    },
    { key: 'period', title: t('submissions.preview.changeColumns.period'), value: (k) => f.month(k.period) },
    { key: 'line', title: t('submissions.undo.line'), value: (k) => lineName(k.line) },
    { key: 'imported', title: t('submissions.undo.imported'), format: 'money', render: (k) => fen(k.imported) },
    { key: 'current', title: t('submissions.undo.current'), format: 'money', render: (k) => fen(k.current) },
  ];
  return (
    <ListTable
      id={`undo-${testId}`}
      title={t('submissions.undo.keptTitle', { count: kept.length })}
      records={kept}
      columns={columns}
      rowKey={(k) => `${k.customerId}|${k.period}|${k.line}`}
      emptyText=""
      rowAttributes={() => ({ 'data-testid': testId })}
      maxHeight="36vh"
      bare
    />
  );
}

function UndoResult({ result, onClose }: { result: ImportUndoView; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="undo-result" data-kept={result.kept.length}>
      <Alert color="postal" variant="light" title={t('submissions.undo.doneTitle', { id: result.batchId })}>
        <Text size="sm">{t('submissions.undo.restored', { count: result.restored })}</Text>
      </Alert>
      {result.kept.length > 0 && (
        <>
          <Alert color="orange" variant="light" title={t('submissions.undo.keptTitle', { count: result.kept.length })}>
            <Text size="sm">{t('submissions.undo.keptText')}</Text>
          </Alert>
          <KeptTable kept={result.kept} testId="undo-kept-row" />
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="undo-close">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
