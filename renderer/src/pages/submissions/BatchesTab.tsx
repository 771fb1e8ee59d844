import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchView } from '../../../../shared/api/types';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useActionsColumn } from '../../components/list/RowMenu';
import { useFormat } from '../../i18n/useFormat';
import { navigate } from '../../router/useRoute';
import { batchKindAndPeriodColumns } from './batch-columns';
import { batchKind } from './status';
import { UndoBatchModal, type UndoTarget } from './UndoBatchModal';

// The preview's counts (DOMAIN-DECISIONS "Imports", counts): rows = new + changed + unchanged + blank.
const COUNTS = ['rows', 'created', 'changed', 'unchanged', 'blank', 'excluded'] as const;

/** 导入记录: every batch, newest first, each undoable once. */
export function BatchesTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const batches = useApiQuery('imports/list', {});
  const [undo, setUndo] = useState<UndoTarget | null>(null);
  const undoneText = (b: ImportBatchView) =>
    b.undoKept ? t('submissions.batch.undoneKept', { count: b.undoKept }) : t('submissions.batch.undone');

  const actions = useActionsColumn();
  const columns: ListColumn<ImportBatchView>[] = [
    // The narrow columns cannot be hidden: the header's hide button would widen them past 1366 px.
    {
      key: 'id',
      title: t('submissions.batch.id'),
      width: 64,
      noWrap: true,
      toggleable: false,
      render: (b) => `#${b.id}`,
    },
    {
      key: 'fileName',
      title: t('submissions.batch.fileName'),
      toggleable: false,
      render: (b) => (
        <>
          {/* Two lines rather than an ellipsis: unit templates differ only in their middle and end. */}
          <Text size="sm" lineClamp={2} title={b.fileName} miw={220} maw={300} style={{ overflowWrap: 'anywhere' }}>
            {b.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {[t(`submissions.batchKind.${batchKind(b.form)}`), b.unitName, b.committedBy]
              .filter((part) => part !== null && part !== '')
              .join(' · ')}
          </Text>
        </>
      ),
    },
    { key: 'unitName', title: t('submissions.batch.unit'), hiddenByDefault: true },
    { key: 'committedBy', title: t('submissions.batch.committedBy'), hiddenByDefault: true },
    ...batchKindAndPeriodColumns<ImportBatchView>(t, f.month),
    ...COUNTS.map(
      (k): ListColumn<ImportBatchView> => ({
        key: k,
        title: t(`submissions.batch.${k}`),
        format: 'count',
        noWrap: true,
        toggleable: false,
        width: 76,
      }),
    ),
    {
      key: 'committedAt',
      title: t('submissions.batch.committedAt'),
      value: (b) => f.dateTime(b.committedAt),
      render: (b) => <DateTime value={b.committedAt} />,
    },
    {
      key: 'state',
      title: t('submissions.batch.state'),
      value: (b) => (b.undoneAt ? `${undoneText(b)} ${f.dateTime(b.undoneAt)}` : t('submissions.batch.standing')),
      render: (b) =>
        b.undoneAt ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {undoneText(b)}
            <br />
            <Text span size="xs" c="dimmed" className="kam-num">
              {f.dateTime(b.undoneAt)}
            </Text>
          </Text>
        ) : (
          <Text size="sm">{t('submissions.batch.standing')}</Text>
        ),
    },
    actions<ImportBatchView>(
      (b) =>
        b.undoneAt === null && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => setUndo({ id: b.id, fileName: b.fileName })}
            data-testid="batch-undo"
          >
            {t('submissions.batch.undo')}
          </Button>
        ),
      72,
    ),
  ];

  return (
    <Stack gap="sm">
      <ApiView state={batches}>
        {(list) => (
          <ListTable
            id="batches"
            title={t('submissions.batches.tableLabel')}
            records={list}
            columns={columns}
            rowKey={(b) => b.id}
            emptyText={t('submissions.batches.empty')}
            emptyAction={
              <Button onClick={() => navigate({ name: 'submissions', tab: 'import' })}>
                {t('submissions.batches.goImport')}
              </Button>
            }
            rowAttributes={(b) => ({
              'data-testid': 'batch-row',
              'data-batch-id': b.id,
              'data-undone': b.undoneAt !== null || undefined,
            })}
            rowClassName={(b) => (b.undoneAt ? 'kam-row-retired' : undefined)}
            maxHeight="calc(100vh - 290px)"
            testId="batches-table"
            toolbar={
              <Text size="sm" c="dimmed">
                {t('submissions.batches.hint')}
              </Text>
            }
          />
        )}
      </ApiView>
      {/* The undo invalidates the batches (shared/api/effects.ts): this list refreshes by itself. */}
      <UndoBatchModal target={undo} onClose={() => setUndo(null)} />
    </Stack>
  );
}

/** A moment on two lines, date above time, so the column stays narrow. */
function DateTime({ value }: { value: string }) {
  const f = useFormat();
  const [date, time] = f.dateTime(value).split(' ');
  return (
    <Text size="sm" className="kam-num" style={{ whiteSpace: 'nowrap' }}>
      {date}
      {time && (
        <Text span size="xs" c="dimmed" display="block">
          {time}
        </Text>
      )}
    </Text>
  );
}
