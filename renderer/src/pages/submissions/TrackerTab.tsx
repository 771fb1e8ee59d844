import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SubmissionBatchView,
  SubmissionCellView,
  SubmissionFormId,
  SubmissionTrackerView,
  SubmissionUnitView,
} from '../../../../shared/api/types';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
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
  const tracker = useApiQuery('submissions/tracker', { period });
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
            <TrackerTable view={view} period={period} onOpen={(unit, batchId) => setOpen({ unit, batchId })} />
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
  period,
  onOpen,
}: {
  view: SubmissionTrackerView;
  period: string;
  onOpen: (unit: SubmissionUnitView, batchId: number | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const cellOf = (unit: SubmissionUnitView, form: SubmissionFormId) => unit.cells.find((c) => c.form === form);
  const columns: ListColumn<SubmissionUnitView>[] = [
    {
      key: 'name',
      title: t('submissions.tracker.unit'),
      toggleable: false,
      width: 220,
      render: (unit) => (
        <>
          {/* A button for the keyboard (Tab, Enter): its click reaches the row, which opens the drawer. */}
          <UnstyledButton aria-label={t('submissions.tracker.openUnit', { name: unit.name })}>
            <Text span size="sm" fw={600}>
              {unit.name}
            </Text>
          </UnstyledButton>
          <Text size="xs" c="dimmed">
            <Text span ff="monospace" size="xs">
              {unit.code}
            </Text>
            {' · '}
            {t('submissions.tracker.customers', { count: unit.customers })}
          </Text>
        </>
      ),
    },
    ...TRACKER_FORMS.map(
      (form): ListColumn<SubmissionUnitView> => ({
        key: `form-${form}`,
        title: t(`submissions.form.${form}`),
        // The export carries what the cell says: the status and its date (received or due).
        value: (unit) => {
          const cell = cellOf(unit, form);
          return cell ? `${t(`submissions.status.${cell.status}`)} · ${cellDate(cell, t, f)}` : null;
        },
        render: (unit) => {
          const cell = cellOf(unit, form);
          return (
            <div data-testid="tracker-cell" data-form={form} data-status={cell?.status}>
              {cell && <Cell cell={cell} onBatch={(id) => onOpen(unit, id)} />}
            </div>
          );
        },
      }),
    ),
  ];
  return (
    <ListTable
      id="tracker"
      title={t('submissions.tracker.tableLabel')}
      records={view.units}
      columns={columns}
      rowKey={(unit) => unit.unitId}
      filters={[`${t('submissions.tracker.month')}：${f.month(period)}`]}
      emptyText={t('submissions.tracker.empty')}
      onRowClick={(unit) => onOpen(unit, null)}
      rowAttributes={(unit) => ({ 'data-testid': 'tracker-row', 'data-unit-code': unit.code })}
      rowClassName={() => 'kam-click-row'}
      // A city's dozen units: the page scrolls, not a box inside it (the legend sits right below).
      maxHeight="none"
      testId="tracker-table"
    />
  );
}

/** The date a cell shows: when the form arrived, or when it is due. */
function cellDate(cell: SubmissionCellView, t: TFunction, f: ReturnType<typeof useFormat>): string {
  return cell.receivedAt !== null
    ? t('submissions.tracker.received', { date: f.date(cell.receivedAt, 'iso') })
    : t('submissions.tracker.dueOn', { date: f.date(cell.dueOn, 'iso') });
}

function Cell({ cell, onBatch }: { cell: SubmissionCellView; onBatch: (batchId: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge status={cell.status} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {cellDate(cell, t, f)}
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
  const columns: ListColumn<SubmissionBatchView>[] = [
    { key: 'id', title: t('submissions.batch.id'), width: 80, value: (b) => b.id, render: (b) => `#${b.id}` },
    { key: 'fileName', title: t('submissions.batch.fileName') },
    { key: 'rows', title: t('submissions.batch.rows'), format: 'count', width: 90 },
    {
      key: 'committedAt',
      title: t('submissions.batch.committedAt'),
      width: 170,
      value: (b) => f.dateTime(b.committedAt),
    },
    {
      key: 'state',
      title: t('submissions.batch.state'),
      width: 120,
      value: (b) => (b.undoneAt ? t('submissions.batch.undone') : t('submissions.batch.standing')),
    },
  ];
  return (
    <Paper withBorder p="md" data-testid="tracker-unattributed">
      <Title order={2} size="h5" mb={4}>
        {t('submissions.tracker.unattributedTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('submissions.tracker.unattributedHint')}
      </Text>
      <ListTable
        id="tracker-unattributed"
        title={t('submissions.tracker.unattributedTitle')}
        records={batches}
        columns={columns}
        rowKey={(b) => b.id}
        emptyText={t('submissions.unitDrawer.empty')}
        rowClassName={(b) => (b.undoneAt ? 'kam-row-retired' : undefined)}
        bare
      />
    </Paper>
  );
}
