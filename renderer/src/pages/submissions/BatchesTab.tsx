import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchView } from '../../../../shared/api/types';
import { useApi } from '../../api/useApi';
import { ApiView } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { navigate } from '../../router/useRoute';
import { batchKind } from './status';
import { UndoBatchModal, type UndoTarget } from './UndoBatchModal';

/** 导入记录: every batch, newest first, each undoable once. */
export function BatchesTab() {
  const { t } = useTranslation();
  const batches = useApi('imports/list', {});
  const [undo, setUndo] = useState<UndoTarget | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('submissions.batches.hint')}
      </Text>
      <ApiView state={batches}>
        {(list) =>
          list.length === 0 ? (
            <EmptyBlock description={t('submissions.batches.empty')} testId="batches-empty">
              <Button onClick={() => navigate({ name: 'submissions', tab: 'import' })}>
                {t('submissions.batches.goImport')}
              </Button>
            </EmptyBlock>
          ) : (
            <Paper withBorder style={{ overflowX: 'auto' }}>
              <Table
                striped
                highlightOnHover
                aria-label={t('submissions.batches.tableLabel')}
                data-testid="batches-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70} style={{ whiteSpace: 'nowrap' }}>
                      {t('submissions.batch.id')}
                    </Table.Th>
                    <Table.Th>{t('submissions.batch.fileName')}</Table.Th>
                    <Table.Th w={110}>{t('submissions.batch.kind')}</Table.Th>
                    <Table.Th w={100}>{t('submissions.batch.period')}</Table.Th>
                    {(['rows', 'created', 'changed', 'unchanged', 'excluded'] as const).map((k) => (
                      <Table.Th key={k} ta="right" w={64} style={{ whiteSpace: 'nowrap' }}>
                        {t(`submissions.batch.${k}`)}
                      </Table.Th>
                    ))}
                    <Table.Th w={140}>{t('submissions.batch.committedAt')}</Table.Th>
                    <Table.Th w={150}>{t('submissions.batch.state')}</Table.Th>
                    <Table.Th w={80}>
                      <span className="kam-visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((b) => (
                    <BatchRow key={b.id} batch={b} onUndo={() => setUndo({ id: b.id, fileName: b.fileName })} />
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </ApiView>
      <UndoBatchModal target={undo} onClose={() => setUndo(null)} onUndone={() => batches.reload()} />
    </Stack>
  );
}

function BatchRow({ batch, onUndo }: { batch: ImportBatchView; onUndo: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const undone = batch.undoneAt !== null;
  return (
    <Table.Tr
      className={undone ? 'kam-row-retired' : undefined}
      data-testid="batch-row"
      data-batch-id={batch.id}
      data-undone={undone || undefined}
    >
      <Table.Td className="kam-num">#{batch.id}</Table.Td>
      <Table.Td style={{ maxWidth: 320 }}>
        {/* Two lines rather than an ellipsis: unit templates differ only in their middle and end. */}
        <Text size="sm" lineClamp={2} title={batch.fileName} miw={300} style={{ overflowWrap: 'anywhere' }}>
          {batch.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          {batch.unitName ? `${batch.unitName} · ${batch.committedBy}` : batch.committedBy}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{t(`submissions.batchKind.${batchKind(batch.form)}`)}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {batch.period ? f.month(batch.period) : t('submissions.batch.multiPeriod')}
      </Table.Td>
      {(['rows', 'created', 'changed', 'unchanged', 'excluded'] as const).map((k) => (
        <Table.Td key={k} ta="right" className="kam-num">
          {formatCount(batch[k])}
        </Table.Td>
      ))}
      <Table.Td className="kam-num">{f.dateTime(batch.committedAt)}</Table.Td>
      <Table.Td>
        {undone ? (
          <Text size="sm" c="dimmed">
            {batch.undoKept
              ? t('submissions.batch.undoneKept', { count: batch.undoKept })
              : t('submissions.batch.undone')}
            <br />
            <Text span size="xs" c="dimmed" className="kam-num">
              {f.dateTime(batch.undoneAt)}
            </Text>
          </Text>
        ) : (
          <Text size="sm">{t('submissions.batch.standing')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {!undone && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={onUndo} data-testid="batch-undo">
            {t('submissions.batch.undo')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
