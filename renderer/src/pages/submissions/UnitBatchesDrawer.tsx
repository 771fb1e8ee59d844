import { Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionBatchView, SubmissionUnitView } from '../../../../shared/api/types';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useFormat } from '../../i18n/useFormat';
import { batchKindAndPeriodColumns } from './batch-columns';

/** A unit's import batches, newest first; undone ones stay listed, greyed and marked. */
export function UnitBatchesDrawer({
  unit,
  highlight,
  onClose,
}: {
  unit: SubmissionUnitView | null;
  highlight: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={unit !== null}
      onClose={onClose}
      position="right"
      // Wide enough for the four counts beside 行数 (the preview's, DOMAIN-DECISIONS "Imports", counts) at 1366 px.
      size={880}
      title={<Text fw={700}>{unit ? t('submissions.unitDrawer.title', { name: unit.name }) : ''}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {unit !== null && <Batches key={unit.unitId} unitId={unit.unitId} highlight={highlight} />}
    </Drawer>
  );
}

function Batches({ unitId, highlight }: { unitId: number; highlight: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const batches = useApiQuery('submissions/unit-batches', { unitId });
  const columns: ListColumn<SubmissionBatchView>[] = [
    {
      key: 'id',
      title: t('submissions.batch.id'),
      width: 70,
      noWrap: true,
      // The batch the officer clicked in the tracker stands out.
      render: (b) =>
        b.id === highlight ? (
          <Badge color="postal" variant="filled" className="kam-num" styles={{ label: { textTransform: 'none' } }}>
            #{b.id}
          </Badge>
        ) : (
          <Text size="sm" fw={700} className="kam-num">
            #{b.id}
          </Text>
        ),
    },
    {
      key: 'fileName',
      title: t('submissions.batch.fileName'),
      toggleable: false,
      render: (b) => (
        <Stack gap={2}>
          <Text
            size="sm"
            lineClamp={2}
            title={b.fileName}
            style={{ overflowWrap: 'anywhere' }}
            td={b.undoneAt ? 'line-through' : undefined}
            c={b.undoneAt ? 'dimmed' : undefined}
          >
            {b.fileName}
          </Text>
          {b.forms.length > 0 && (
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                {t('submissions.unitDrawer.forms')}
              </Text>
              {b.forms.map((form) => (
                <Badge key={form} size="xs" variant="default" styles={{ label: { textTransform: 'none' } }}>
                  {t(`submissions.form.${form}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      ),
    },
    ...batchKindAndPeriodColumns<SubmissionBatchView>(t, f.month),
    // The counts 导入记录 and the import's preview show (DOMAIN-DECISIONS "Imports", counts).
    ...(['rows', 'created', 'changed', 'unchanged', 'blank'] as const).map(
      (k): ListColumn<SubmissionBatchView> => ({
        key: k,
        title: t(`submissions.batch.${k}`),
        format: 'count',
        noWrap: true,
      }),
    ),
    {
      key: 'committedAt',
      title: t('submissions.batch.committedAt'),
      value: (b) => f.dateTime(b.committedAt),
      render: (b) => (
        <>
          <Text size="sm" className="kam-num" style={{ whiteSpace: 'nowrap' }}>
            {f.dateTime(b.committedAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {b.committedBy}
          </Text>
        </>
      ),
    },
    {
      key: 'state',
      title: t('submissions.batch.state'),
      noWrap: true,
      value: (b) =>
        b.undoneAt
          ? t('submissions.unitDrawer.undoneOn', { date: f.date(b.undoneAt, 'iso') })
          : t('submissions.batch.standing'),
      render: (b) =>
        b.undoneAt ? (
          <Badge
            color="gray"
            variant="outline"
            styles={{ label: { textTransform: 'none' } }}
            data-testid="batch-undone"
          >
            {t('submissions.unitDrawer.undoneOn', { date: f.date(b.undoneAt, 'iso') })}
          </Badge>
        ) : (
          <Text size="sm">{t('submissions.batch.standing')}</Text>
        ),
    },
  ];
  return (
    <ApiView state={batches}>
      {(list) => (
        <ListTable
          id="unit-batches"
          title={t('submissions.unitDrawer.tableLabel')}
          records={list}
          columns={columns}
          rowKey={(b) => b.id}
          emptyText={t('submissions.unitDrawer.empty')}
          rowAttributes={(b) => ({
            'data-testid': 'unit-batch',
            'data-batch-id': b.id,
            'data-undone': b.undoneAt !== null || undefined,
            'data-highlighted': b.id === highlight || undefined,
          })}
          rowClassName={(b) => (b.undoneAt ? 'kam-row-retired' : undefined)}
          maxHeight="calc(100vh - 120px)"
          testId="unit-batches"
          bare
        />
      )}
    </ApiView>
  );
}
