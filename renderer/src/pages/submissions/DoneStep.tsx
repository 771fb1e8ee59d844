import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchView } from '../../../../shared/api/types';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { navigate } from '../../router/useRoute';
import { UndoBatchModal } from './UndoBatchModal';

/** 完成: the batch as written, with 撤销本批 while it stands. */
export function DoneStep({ batch, onNext }: { batch: ImportBatchView; onNext: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [undoing, setUndoing] = useState(false);
  const [undone, setUndone] = useState(false);
  // The counts as the preview showed them (DOMAIN-DECISIONS "Imports", counts).
  const facts: [kind: string, label: string, value: string][] = [
    ['period', t('submissions.done.period'), batch.period ? f.month(batch.period) : t('submissions.batch.multiPeriod')],
    ['rows', t('submissions.batch.rows'), formatCount(batch.rows)],
    ['new', t('submissions.batch.created'), formatCount(batch.created)],
    ['changed', t('submissions.batch.changed'), formatCount(batch.changed)],
    ['unchanged', t('submissions.batch.unchanged'), formatCount(batch.unchanged)],
    ['blank', t('submissions.batch.blank'), formatCount(batch.blank)],
    ['excluded', t('submissions.batch.excluded'), formatCount(batch.excluded)],
    ['at', t('submissions.done.at'), f.dateTime(batch.committedAt)],
  ];
  return (
    <Paper withBorder p="md" data-testid="import-done" data-batch-id={batch.id}>
      <Stack gap="sm">
        <Alert
          color={undone ? 'gray' : 'postal'}
          variant="light"
          title={t('submissions.done.title', { id: batch.id })}
          data-testid="done-title"
        >
          <Text size="sm">
            {undone ? t('submissions.done.undone') : t('submissions.done.text', { file: batch.fileName })}
          </Text>
        </Alert>
        <SimpleGrid cols={{ base: 4, md: 8 }} spacing="sm">
          {facts.map(([kind, label, value]) => (
            <Stack key={kind} gap={2} data-testid="done-fact" data-kind={kind}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={600} className="kam-num">
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Group justify="space-between" mt="xs">
          <Button
            color="red"
            variant="light"
            onClick={() => setUndoing(true)}
            disabled={undone}
            data-testid="done-undo"
          >
            {t('submissions.done.undo')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={() => navigate({ name: 'submissions', tab: 'tracker' })}>
              {t('submissions.done.tracker')}
            </Button>
            <Button onClick={onNext} data-testid="done-next">
              {t('submissions.done.next')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <UndoBatchModal
        target={undoing ? { id: batch.id, fileName: batch.fileName } : null}
        onClose={() => setUndoing(false)}
        onUndone={() => setUndone(true)}
      />
    </Paper>
  );
}
