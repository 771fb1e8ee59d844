import { Badge, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionBatchView, SubmissionUnitView } from '../../../../shared/api/types';
import { useApi } from '../../api/useApi';
import { ApiView } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { batchKind } from './status';

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
      size={560}
      title={<Text fw={700}>{unit ? t('submissions.unitDrawer.title', { name: unit.name }) : ''}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {unit !== null && <Batches key={unit.unitId} unitId={unit.unitId} highlight={highlight} />}
    </Drawer>
  );
}

function Batches({ unitId, highlight }: { unitId: number; highlight: number | null }) {
  const { t } = useTranslation();
  const batches = useApi('submissions/unit-batches', { unitId });
  return (
    <ApiView state={batches}>
      {(list) =>
        list.length === 0 ? (
          <EmptyBlock description={t('submissions.unitDrawer.empty')} testId="unit-batches-empty" />
        ) : (
          <Stack gap="sm" data-testid="unit-batches">
            {list.map((b) => (
              <BatchCard key={b.id} batch={b} highlighted={b.id === highlight} />
            ))}
          </Stack>
        )
      }
    </ApiView>
  );
}

function BatchCard({ batch, highlighted }: { batch: SubmissionBatchView; highlighted: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const undone = batch.undoneAt !== null;
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="unit-batch"
      data-batch-id={batch.id}
      data-undone={undone || undefined}
      bg={undone ? 'gray.0' : undefined}
      style={highlighted ? { borderColor: 'var(--mantine-color-postal-6)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={700} className="kam-num">
              #{batch.id}
            </Text>
            <Text size="sm" truncate="end" td={undone ? 'line-through' : undefined} c={undone ? 'dimmed' : undefined}>
              {batch.fileName}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`submissions.batchKind.${batchKind(batch.form)}`)}
            {' · '}
            {batch.period ? f.month(batch.period) : t('submissions.batch.multiPeriod')}
            {' · '}
            {t('submissions.batch.rows')} {formatCount(batch.rows)}
            {' · '}
            {f.dateTime(batch.committedAt)} {batch.committedBy}
          </Text>
        </Stack>
        {undone && (
          <Badge
            color="gray"
            variant="outline"
            styles={{ label: { textTransform: 'none' } }}
            data-testid="batch-undone"
          >
            {t('submissions.unitDrawer.undoneOn', { date: f.date(batch.undoneAt, 'iso') })}
          </Badge>
        )}
      </Group>
      {batch.forms.length > 0 && (
        <Group gap={4} mt={6}>
          <Text size="xs" c="dimmed">
            {t('submissions.unitDrawer.forms')}
          </Text>
          {batch.forms.map((form) => (
            <Badge key={form} size="xs" variant="default" styles={{ label: { textTransform: 'none' } }}>
              {t(`submissions.form.${form}`)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
