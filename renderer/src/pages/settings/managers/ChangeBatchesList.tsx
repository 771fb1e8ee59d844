import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerChangeBatchView } from '../../../../../shared/api/types-archives';
import { useApiMutation, useApiQuery } from '../../../api/query';
import { ApiView, ErrorAlert } from '../../../components/ApiViews';
import { type ListColumn, ListTable } from '../../../components/list/ListTable';
import { useActionsColumn } from '../../../components/list/RowMenu';
import { useFormat } from '../../../i18n/useFormat';

/** 导入记录: the earlier 客户经理变动 batches, newest first, each undoable while nothing depends on it. */
export function ChangeBatchesList() {
  const { t } = useTranslation();
  const f = useFormat();
  const batches = useApiQuery('manager-changes/batches', {});
  const [undo, setUndo] = useState<ManagerChangeBatchView | null>(null);
  const actions = useActionsColumn();
  const columns: ListColumn<ManagerChangeBatchView>[] = [
    {
      key: 'id',
      title: t('managerChanges.batches.columns.id'),
      width: 64,
      noWrap: true,
      toggleable: false,
      render: (b) => <span className="kam-num">#{b.id}</span>,
    },
    {
      key: 'fileName',
      title: t('managerChanges.batches.columns.fileName'),
      toggleable: false,
      render: (b) => (
        <Text size="sm" lineClamp={2} title={b.fileName} style={{ overflowWrap: 'anywhere' }}>
          {b.fileName}
        </Text>
      ),
    },
    { key: 'items', title: t('managerChanges.batches.columns.items'), format: 'count', noWrap: true, width: 90 },
    {
      key: 'late',
      title: t('managerChanges.batches.columns.late'),
      format: 'count',
      noWrap: true,
      width: 70,
      render: (b) => (
        <Text size="sm" c={b.late > 0 ? 'red.8' : 'dimmed'} fw={b.late > 0 ? 600 : undefined} className="kam-num">
          {f.count(b.late)}
        </Text>
      ),
    },
    {
      key: 'committedAt',
      title: t('managerChanges.batches.columns.committedAt'),
      noWrap: true,
      value: (b) => f.dateTime(b.committedAt),
    },
    { key: 'committedBy', title: t('managerChanges.batches.columns.committedBy'), noWrap: true },
    {
      key: 'state',
      title: t('managerChanges.batches.columns.state'),
      noWrap: true,
      value: (b) =>
        b.undoneAt
          ? `${t('managerChanges.batches.undone')} ${f.dateTime(b.undoneAt)}`
          : t('managerChanges.batches.standing'),
      render: (b) =>
        b.undoneAt ? (
          <Text size="sm" c="dimmed">
            {t('managerChanges.batches.undone')}{' '}
            <Text span size="xs" c="dimmed" className="kam-num">
              {f.dateTime(b.undoneAt)}
            </Text>
          </Text>
        ) : (
          <Text size="sm">{t('managerChanges.batches.standing')}</Text>
        ),
    },
    actions<ManagerChangeBatchView>(
      (b) =>
        b.undoneAt === null && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => setUndo(b)}
            aria-label={t('managerChanges.batches.undoFor', { id: b.id })}
            data-testid="manager-batch-undo"
          >
            {t('managerChanges.batches.undo')}
          </Button>
        ),
      72,
    ),
  ];
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('managerChanges.batches.title')}
      </Title>
      <ApiView state={batches}>
        {(list) => (
          <ListTable
            id="manager-change-batches"
            title={t('managerChanges.batches.tableLabel')}
            records={list}
            columns={columns}
            rowKey={(b) => b.id}
            emptyText={t('managerChanges.batches.empty')}
            rowAttributes={(b) => ({
              'data-testid': 'manager-batch-row',
              'data-batch-id': b.id,
              'data-undone': b.undoneAt !== null || undefined,
            })}
            rowClassName={(b) => (b.undoneAt ? 'kam-row-retired' : undefined)}
            maxHeight={320}
            testId="manager-batches-table"
          />
        )}
      </ApiView>
      <UndoChangeBatchModal batch={undo} onClose={() => setUndo(null)} />
    </div>
  );
}

/**
 * 撤销 asks first, and says why not before it is pressed: manager-changes/undo-check refuses a batch
 * that later records depend on (a later change of the same manager, a customer assigned to a manager
 * it added) — undoing it would leave the register and the customers' managers disagreeing (R20, R30).
 */
function UndoChangeBatchModal({ batch, onClose }: { batch: ManagerChangeBatchView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={batch !== null}
      onClose={onClose}
      title={batch ? t('managerChanges.undo.title', { id: batch.id }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {batch !== null && <UndoBody key={batch.id} batch={batch} onClose={onClose} />}
    </Modal>
  );
}

function UndoBody({ batch, onClose }: { batch: ManagerChangeBatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const check = useApiQuery('manager-changes/undo-check', { batchId: batch.id });
  const undo = useApiMutation('manager-changes/undo');
  // The undo's own invalidation re-reads the check, which then refuses (the batch is undone).
  const checkError = undo.isIdle || undo.isError ? check.error : undefined;
  const refused = check.data !== undefined && !check.data.canUndo && undo.isIdle;
  const run = async () => {
    try {
      const done = await undo.mutateAsync({ batchId: batch.id });
      notifications.show({
        color: 'postal',
        title: t('managerChanges.undo.done', { id: done.id }),
        message: done.fileName,
      });
      onClose();
    } catch {
      // Shown from the mutation's error below.
    }
  };
  return (
    <Stack gap="sm" data-testid="manager-undo-confirm">
      {/* What an undo does, unless it is refused: then only why not. */}
      {!refused && <Text size="sm">{t('managerChanges.undo.text', { file: batch.fileName, count: batch.items })}</Text>}
      {checkError && <ErrorAlert error={checkError} />}
      {check.data === undefined && !checkError && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('managerChanges.undo.checking')}
          </Text>
        </Group>
      )}
      {refused && (
        <Alert color="red" variant="light" title={t('managerChanges.undo.refused')} data-testid="manager-undo-refused">
          <Text size="sm" style={{ textWrap: 'pretty' }}>
            {check.data?.reason}
          </Text>
        </Alert>
      )}
      {undo.error && <ErrorAlert error={undo.error} />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose} data-autofocus={refused || undefined}>
          {refused ? t('common.close') : t('common.cancel')}
        </Button>
        {!refused && (
          <Button
            color="red"
            loading={undo.isPending}
            disabled={check.data === undefined || !check.data.canUndo}
            onClick={() => void run()}
            data-testid="manager-undo-submit"
          >
            {t('managerChanges.undo.confirm')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
