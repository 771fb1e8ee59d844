/**
 * 设置 → 备份与恢复 (DOMAIN-DECISIONS "Backups"): the copies in backups/ with their facts, a copy now
 * (here or to a chosen folder), and a restore that first saves the current database.
 */
import { Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupsSetRetention } from '../../../../shared/api/schemas';
import type { BackupView, RetentionView } from '../../../../shared/api/types';
import { localDateTime } from '../../../../shared/domain/dates';
import { api, toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useActionsColumn } from '../../components/list/RowMenu';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useFormat } from '../../i18n/useFormat';

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function BackupsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useApiQuery('backups/list', {});
  const create = useApiMutation('backups/create');
  const restore = useApiMutation('backups/restore');
  const actions = useActionsColumn();
  const [editingRetention, setEditingRetention] = useState<RetentionView | null>(null);

  const fail = (e: unknown) =>
    notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message });

  const backUp = (folder?: string) =>
    create
      .mutateAsync(folder === undefined ? {} : { folder })
      .then((made) => notifications.show({ color: 'postal', title: t('backups.created'), message: made.file }), fail);

  const backUpTo = async () => {
    try {
      const { path } = await api.host('host/choose-folder', { title: t('backups.folderTitle') });
      if (path !== null) await backUp(path);
    } catch (e) {
      fail(e);
    }
  };

  const confirmRestore = (b: BackupView) =>
    modals.openConfirmModal({
      title: t('backups.restoreTitle'),
      children: (
        <Text size="sm" data-testid="restore-confirm-text">
          {t('backups.restoreText', {
            at: f.dateTime(b.at),
            reason: t(`backups.reasons.${b.reason}`),
            customers: f.count(b.customers),
          })}
        </Text>
      ),
      labels: { confirm: t('backups.restoreConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'restore-confirm' } as Record<string, unknown>,
      closeButtonProps: { 'aria-label': t('common.close') },
      onConfirm: () => {
        restore.mutateAsync({ file: b.file }).then(
          (r) =>
            notifications.show({
              color: 'postal',
              title: t('backups.restored'),
              message: t('backups.restoredText', { file: fileName(r.saved.file) }),
            }),
          fail,
        );
      },
    });

  const columns: ListColumn<BackupView>[] = [
    // To the second: copies made minutes apart (before an import, then a run) must be told apart.
    {
      key: 'at',
      title: t('backups.columns.at'),
      width: 170,
      value: (b) => b.at,
      render: (b) => localDateTime(new Date(b.at)),
    },
    {
      key: 'reason',
      title: t('backups.columns.reason'),
      width: 100,
      value: (b) => t(`backups.reasons.${b.reason}`),
    },
    { key: 'size', title: t('backups.columns.size'), width: 100, textAlign: 'right', render: (b) => sizeText(b.size) },
    { key: 'customers', title: t('backups.columns.customers'), width: 100, format: 'count' },
    { key: 'revenueRows', title: t('backups.columns.revenueRows'), width: 110, format: 'count' },
    {
      key: 'integrity',
      title: t('backups.columns.integrity'),
      width: 120,
      value: (b) => (b.integrity === 'ok' ? t('backups.verdictOk') : t('backups.verdictBad')),
      render: (b) =>
        b.integrity === 'ok' ? (
          <Badge color="green" variant="light">
            {t('backups.verdictOk')}
          </Badge>
        ) : (
          <Tooltip label={b.integrity} multiline w={360}>
            <Badge color="red" variant="light">
              {t('backups.verdictBad')}
            </Badge>
          </Tooltip>
        ),
    },
    {
      key: 'file',
      title: t('backups.columns.file'),
      ellipsis: true,
      value: (b) => fileName(b.file),
      hiddenByDefault: true,
    },
    actions<BackupView>(
      (b) => (
        <Button
          size="compact-sm"
          variant="light"
          disabled={b.integrity !== 'ok' || restore.isPending}
          aria-label={t('backups.restoreFor', { at: f.dateTime(b.at) })}
          onClick={() => confirmRestore(b)}
          data-testid="backup-restore"
        >
          {t('backups.restore')}
        </Button>
      ),
      90,
    ),
  ];

  return (
    <ApiView state={list}>
      {(view) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" maw={900}>
            {t('backups.intro', { folder: view.folder })}
            <br />
            {t('backups.retention', { ...view.retention })}
          </Text>
          <ListTable
            id="backups"
            title={t('backups.tableLabel')}
            records={view.backups}
            columns={columns}
            rowKey={(b) => b.file}
            emptyText={t('backups.empty')}
            rowAttributes={() => ({ 'data-testid': 'backup-row' })}
            maxHeight="calc(100vh - 300px)"
            testId="backups-table"
            toolbar={
              <Group gap="xs">
                <Button onClick={() => void backUp()} loading={create.isPending} data-testid="backup-create">
                  {t('backups.createHere')}
                </Button>
                <Button variant="default" onClick={() => void backUpTo()} data-testid="backup-create-to">
                  {t('backups.createTo')}
                </Button>
                <Button
                  variant="subtle"
                  onClick={() => setEditingRetention(view.retention)}
                  data-testid="backup-retention"
                >
                  {t('backups.retentionEdit')}
                </Button>
              </Group>
            }
          />
          {editingRetention && (
            <RetentionModal retention={editingRetention} onClose={() => setEditingRetention(null)} />
          )}
        </Stack>
      )}
    </ApiView>
  );
}

const RETENTION_FIELDS = ['daily', 'weekly', 'monthly', 'preImport'] as const;
type RetentionValues = Record<(typeof RETENTION_FIELDS)[number], string | number>;

/** Mounted only while open, so each opening starts from the stored values. */
function RetentionModal({ retention, onClose }: { retention: RetentionView; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('backups/set-retention');
  // An emptied field is sent as NaN so the schema refuses it on the field.
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);
  const form = useSchemaForm({
    initialValues: { ...retention } as RetentionValues,
    schema: backupsSetRetention,
    toInput: (v) => ({
      daily: num(v.daily),
      weekly: num(v.weekly),
      monthly: num(v.monthly),
      preImport: num(v.preImport),
    }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => save.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('backups.retentionSaved'),
      message: t('backups.retention', { ...saved }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('backups.retentionTitle')}
      form={form}
      onSubmit={() => void submit()}
      testId="backup-retention-form"
    >
      <SimpleGrid cols={2}>
        {RETENTION_FIELDS.map((key, i) => (
          <NumberInput
            key={key}
            label={t(`backups.retentionFields.${key}`)}
            {...form.form.getInputProps(key)}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            data-autofocus={i === 0 ? true : undefined}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('backups.retentionHint')}
      </Text>
    </FormModal>
  );
}
