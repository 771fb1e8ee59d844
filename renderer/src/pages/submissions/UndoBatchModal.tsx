import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportUndoView } from '../../../../shared/api/types';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ErrorAlert } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
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
 * because an undone batch cannot be undone again.
 */
export function UndoBatchModal({
  target,
  onClose,
  onUndone,
}: {
  target: UndoTarget | null;
  onClose: () => void;
  onUndone: (result: ImportUndoView) => void;
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
  onUndone: (result: ImportUndoView) => void;
}) {
  const { t } = useTranslation();
  const [force, setForce] = useState(false);
  const [result, setResult] = useState<ImportUndoView | null>(null);
  const submit = useSubmit([]);
  // What the undo would keep, before the officer chooses: an undone batch cannot be undone again.
  const check = useApi('imports/undo-check', { batchId: target.id });

  const undo = async () => {
    const done = await submit.run(() => api.call('imports/undo', { batchId: target.id, force }));
    if (!done) return;
    setResult(done);
    onUndone(done);
  };

  if (result) return <UndoResult result={result} onClose={onClose} />;
  const edited = check.data?.kept ?? [];
  return (
    <Stack gap="sm" data-testid="undo-confirm">
      <Text size="sm">{t('submissions.undo.text', { file: target.fileName })}</Text>
      {check.error && <ErrorAlert error={check.error} />}
      {check.data === undefined && !check.error && (
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
      {submit.error && <ErrorAlert error={submit.error} />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={submit.submitting}
          disabled={check.data === undefined}
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

/** Cells edited after the import: the imported value beside the current one. */
function KeptTable({ kept, testId }: { kept: ImportUndoView['kept']; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fen = (v: number | null) => (v === null ? EMPTY_VALUE : formatFen(v));
  const lineName = (line: string) => {
    const known = revenueLineOf(line);
    return known ? t(`line.${known}`) : line;
  };
  return (
    <div className="kam-table-box">
      <Table stickyHeader striped aria-label={t('submissions.undo.keptTitle', { count: kept.length })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('submissions.undo.customer')}</Table.Th>
            <Table.Th>{t('submissions.preview.changeColumns.period')}</Table.Th>
            <Table.Th>{t('submissions.undo.line')}</Table.Th>
            <Table.Th ta="right">{t('submissions.undo.imported')}</Table.Th>
            <Table.Th ta="right">{t('submissions.undo.current')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kept.map((k) => (
            <Table.Tr key={`${k.customerId}|${k.period}|${k.line}`} data-testid={testId}>
              <Table.Td>
                <CustomerIdText id={k.customerId} size="sm" />
              </Table.Td>
              <Table.Td>{f.month(k.period)}</Table.Td>
              <Table.Td>{lineName(k.line)}</Table.Td>
              <Table.Td ta="right" className="kam-num">
                {fen(k.imported)}
              </Table.Td>
              <Table.Td ta="right" className="kam-num">
                {fen(k.current)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
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
