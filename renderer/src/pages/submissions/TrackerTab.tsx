import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SubmissionBatchView,
  SubmissionCellView,
  SubmissionTrackerView,
  SubmissionUnitView,
} from '../../../../shared/api/types';
import { useApi } from '../../api/useApi';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { EmptyBlock } from '../../components/EmptyBlock';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { StatusBadge, StatusLegend } from './StatusBadge';
import { DEADLINE_COLORS, deadlineTone, receivedPercent, STATUS_COLORS, STATUS_ORDER, TRACKER_FORMS } from './status';
import { UnitBatchesDrawer } from './UnitBatchesDrawer';

/** 报送情况: for a month, which unit has sent which form, on time or not (R30–R32). */
export function TrackerTab() {
  const { t } = useTranslation();
  const today = useToday();
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const tracker = useApi('submissions/tracker', { period });
  const [open, setOpen] = useState<{ unit: SubmissionUnitView; batchId: number | null } | null>(null);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <MonthField label={t('submissions.tracker.month')} value={period} onChange={setPeriod} testId="tracker-month" />
      </Group>
      <ApiView state={tracker}>
        {(view) => (
          <>
            <Deadlines view={view} />
            <TrackerTable view={view} onOpen={(unit, batchId) => setOpen({ unit, batchId })} />
            <StatusLegend />
            {view.unattributed.length > 0 && <Unattributed batches={view.unattributed} />}
          </>
        )}
      </ApiView>
      <UnitBatchesDrawer unit={open?.unit ?? null} highlight={open?.batchId ?? null} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function Deadlines({ view }: { view: SubmissionTrackerView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tone = deadlineTone(view.centreDaysLeft);
  const left =
    tone === 'passed'
      ? t('submissions.tracker.daysPassed', { count: -view.centreDaysLeft })
      : tone === 'today'
        ? t('submissions.tracker.dueToday')
        : t('submissions.tracker.daysLeft', { count: view.centreDaysLeft });
  const percent = receivedPercent(view.totals);
  return (
    <Paper withBorder p="md" data-testid="tracker-header">
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
        <Fact label={t('submissions.tracker.unitDue')} value={f.date(view.unitDueOn)} testId="tracker-unit-due" />
        <Fact
          label={t('submissions.tracker.managerDue')}
          value={f.date(view.managerChangeDueOn)}
          testId="tracker-manager-due"
        />
        <Fact
          label={t('submissions.tracker.centreDue')}
          value={
            <Group gap="xs" wrap="nowrap">
              <span>{f.date(view.centreDueOn)}</span>
              <Badge color={DEADLINE_COLORS[tone]} variant="light" styles={{ label: { textTransform: 'none' } }}>
                {left}
              </Badge>
            </Group>
          }
          testId="tracker-centre-due"
        />
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {t('submissions.tracker.progress', {
              received: formatCount(view.totals.onTime + view.totals.late),
              expected: formatCount(view.totals.expected),
            })}
          </Text>
          <Progress.Root size="lg" aria-hidden="true">
            {(['on_time', 'late', 'overdue'] as const).map((s) => {
              const n = s === 'on_time' ? view.totals.onTime : s === 'late' ? view.totals.late : view.totals.overdue;
              return view.totals.expected > 0 && n > 0 ? (
                <Progress.Section key={s} value={(n * 100) / view.totals.expected} color={STATUS_COLORS[s]} />
              ) : null;
            })}
          </Progress.Root>
          <Text size="xs" c="dimmed" className="kam-num">
            {percent}%
          </Text>
        </Stack>
      </SimpleGrid>
      <Group gap="xl" mt="md" data-testid="tracker-totals">
        <Total label={t('submissions.tracker.totals.expected')} value={view.totals.expected} kind="expected" />
        {STATUS_ORDER.map((s) => (
          <Total
            key={s}
            label={t(`submissions.tracker.totals.${s}`)}
            value={
              s === 'on_time'
                ? view.totals.onTime
                : s === 'late'
                  ? view.totals.late
                  : s === 'pending'
                    ? view.totals.pending
                    : view.totals.overdue
            }
            kind={s}
            color={STATUS_COLORS[s]}
          />
        ))}
      </Group>
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} component="div">
        {value}
      </Text>
    </Stack>
  );
}

function Total({ label, value, kind, color }: { label: string; value: number; kind: string; color?: string }) {
  return (
    <Group gap={6} align="baseline" data-testid="tracker-total" data-kind={kind}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        fw={700}
        size="lg"
        c={value > 0 && color && color !== 'gray' ? `${color}.8` : undefined}
        className="kam-num"
      >
        {formatCount(value)}
      </Text>
    </Group>
  );
}

function TrackerTable({
  view,
  onOpen,
}: {
  view: SubmissionTrackerView;
  onOpen: (unit: SubmissionUnitView, batchId: number | null) => void;
}) {
  const { t } = useTranslation();
  if (view.units.length === 0)
    return <EmptyBlock description={t('submissions.tracker.empty')} testId="tracker-empty" />;
  return (
    <Paper withBorder>
      <Table
        highlightOnHover
        withColumnBorders
        aria-label={t('submissions.tracker.tableLabel')}
        data-testid="tracker-table"
        verticalSpacing="xs"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>{t('submissions.tracker.unit')}</Table.Th>
            {TRACKER_FORMS.map((form) => (
              <Table.Th key={form}>{t(`submissions.form.${form}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.units.map((unit) => {
            const open = () => onOpen(unit, null);
            return (
              <Table.Tr
                key={unit.unitId}
                className="kam-click-row"
                tabIndex={0}
                onClick={open}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                  }
                }}
                aria-label={t('submissions.tracker.openUnit', { name: unit.name })}
                data-testid="tracker-row"
                data-unit-code={unit.code}
              >
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {unit.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Text span ff="monospace" size="xs">
                      {unit.code}
                    </Text>
                    {' · '}
                    {t('submissions.tracker.customers', { count: unit.customers })}
                  </Text>
                </Table.Td>
                {TRACKER_FORMS.map((form) => {
                  const cell = unit.cells.find((c) => c.form === form);
                  return (
                    <Table.Td key={form} data-testid="tracker-cell" data-form={form} data-status={cell?.status}>
                      {cell && <Cell cell={cell} onBatch={(id) => onOpen(unit, id)} />}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Cell({ cell, onBatch }: { cell: SubmissionCellView; onBatch: (batchId: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const received = cell.receivedAt !== null;
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge status={cell.status} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {received
          ? t('submissions.tracker.received', { date: f.date(cell.receivedAt, 'iso') })
          : t('submissions.tracker.dueOn', { date: f.date(cell.dueOn, 'iso') })}
        {cell.batchId !== null && (
          <>
            {' · '}
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={(e) => {
                // The row opens the drawer too; this opens it on the batch.
                e.stopPropagation();
                if (cell.batchId !== null) onBatch(cell.batchId);
              }}
              data-testid="tracker-batch-link"
            >
              {t('submissions.tracker.batch', { id: cell.batchId })}
            </Anchor>
          </>
        )}
        {cell.batches > 1 && <> {t('submissions.tracker.moreBatches', { count: cell.batches })}</>}
      </Text>
    </Stack>
  );
}

function Unattributed({ batches }: { batches: SubmissionBatchView[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder p="md" data-testid="tracker-unattributed">
      <Title order={2} size="h5" mb={4}>
        {t('submissions.tracker.unattributedTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('submissions.tracker.unattributedHint')}
      </Text>
      <Table aria-label={t('submissions.tracker.unattributedTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('submissions.batch.id')}</Table.Th>
            <Table.Th>{t('submissions.batch.fileName')}</Table.Th>
            <Table.Th w={90} ta="right">
              {t('submissions.batch.rows')}
            </Table.Th>
            <Table.Th w={170}>{t('submissions.batch.committedAt')}</Table.Th>
            <Table.Th w={120}>{t('submissions.batch.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((b) => (
            <Table.Tr key={b.id} className={b.undoneAt ? 'kam-row-retired' : undefined}>
              <Table.Td className="kam-num">#{b.id}</Table.Td>
              <Table.Td>{b.fileName}</Table.Td>
              <Table.Td ta="right" className="kam-num">
                {formatCount(b.rows)}
              </Table.Td>
              <Table.Td className="kam-num">{f.dateTime(b.committedAt)}</Table.Td>
              <Table.Td>{b.undoneAt ? t('submissions.batch.undone') : t('submissions.batch.standing')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
