/**
 * The complaints table (R33), on the 投诉 page and the customer page: each clock — contact by, close
 * by on the working-day calendar — with what was missed in red, escalation, the unit (and the one
 * it was routed to), and each step's button (已联系, 暂停, 恢复, 结案, 转办) opening its modal.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus, ComplaintView } from '../../../../shared/api/types-complaints';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { ComplaintRouteModal } from './ComplaintRouteModal';
import { ComplaintStepModal, type Step } from './ComplaintStepModal';

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  open: 'orange',
  contacted: 'blue',
  paused: 'gray',
  closed: 'green',
};

const when = (at: string) => at.replace('T', ' ');

export function ComplaintsTable({
  id,
  rows,
  toolbar,
  emptyText,
}: {
  id: string;
  rows: ComplaintView[];
  toolbar?: ReactNode;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<{ complaint: ComplaintView; step: Step } | null>(null);
  const [routing, setRouting] = useState<ComplaintView | null>(null);
  const columns: ListColumn<ComplaintView>[] = [
    { key: 'id', title: t('complaints.columns.id'), width: 64, format: 'count' },
    {
      key: 'customerName',
      title: t('complaints.columns.customer'),
      width: 190,
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {c.customerName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end" title={c.content}>
            {c.channel} · {c.content}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'unitName',
      title: t('complaints.columns.unit'),
      width: 136,
      value: (c) => (c.routedTo ? `${c.unitName} → ${c.routedTo.name}` : c.unitName),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.unitName}</Text>
          {c.routedTo && (
            <Text size="xs" c="dimmed" data-testid="complaint-routed">
              {t('complaints.route.shown', { unit: c.routedTo.name })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'receivedAt',
      title: t('complaints.columns.received'),
      width: 128,
      value: (c) => when(c.receivedAt),
    },
    {
      key: 'contact',
      title: t('complaints.columns.contact'),
      width: 168,
      value: (c) => c.deadlines.contact,
      render: (c) => (
        <Deadline
          text={when(c.deadlines.contact)}
          done={c.contactedAt !== null}
          missed={c.breaches.contact}
          doneText={c.contactedAt ? t('complaints.contactedAt', { at: when(c.contactedAt) }) : ''}
        />
      ),
    },
    {
      key: 'close',
      title: t('complaints.columns.close'),
      width: 130,
      value: (c) => c.deadlines.close ?? '',
      render: (c) =>
        c.deadlines.close === null ? (
          <Text size="sm" c="dimmed">
            {t('complaints.pausedClock')}
          </Text>
        ) : (
          <Deadline
            text={t('complaints.closeBy', { day: c.deadlines.close })}
            done={c.status === 'closed'}
            missed={c.breaches.close}
            doneText={c.closedAt ? t('complaints.closedAt', { at: when(c.closedAt) }) : ''}
          />
        ),
    },
    {
      key: 'status',
      title: t('complaints.columns.status'),
      width: 120,
      value: (c) => t(`complaints.status.${c.status}`),
      render: (c) => (
        <Stack gap={2}>
          <Group gap={4}>
            <Badge color={STATUS_COLORS[c.status]} variant="light" style={{ textTransform: 'none' }}>
              {t(`complaints.status.${c.status}`)}
            </Badge>
            {c.breached && (
              <Badge color="red" variant="filled" style={{ textTransform: 'none' }} data-testid="complaint-breached">
                {t('complaints.breached')}
              </Badge>
            )}
          </Group>
          {c.escalated && (
            <Text size="xs" c="red.8" data-testid="complaint-escalated">
              {t('complaints.escalated')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'act',
      title: t('complaints.columns.act'),
      exportable: false,
      toggleable: false,
      width: 170,
      render: (c) => <Actions c={c} onStep={(s) => setStep({ complaint: c, step: s })} onRoute={() => setRouting(c)} />,
    },
  ];

  return (
    <>
      <ListTable
        id={id}
        title={t('complaints.tableLabel')}
        records={rows}
        columns={columns}
        rowKey={(c) => c.id}
        toolbar={toolbar}
        rowAttributes={(c) => ({ 'data-testid': 'complaint-row', 'data-id': c.id, 'data-status': c.status })}
        emptyText={emptyText}
        maxHeight="60vh"
        testId="complaints-table"
      />
      {step && <ComplaintStepModal complaint={step.complaint} step={step.step} onClose={() => setStep(null)} />}
      {routing && <ComplaintRouteModal complaint={routing} onClose={() => setRouting(null)} />}
    </>
  );
}

function Deadline({
  text,
  done,
  missed,
  doneText,
}: {
  text: string;
  done: boolean;
  missed: boolean;
  doneText: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="sm" c={missed ? 'red.8' : done ? 'dimmed' : undefined} fw={missed ? 600 : undefined}>
        {text}
      </Text>
      {doneText && (
        <Text size="xs" c="dimmed">
          {doneText}
        </Text>
      )}
    </Stack>
  );
}

function Actions({ c, onStep, onRoute }: { c: ComplaintView; onStep: (s: Step) => void; onRoute: () => void }) {
  const { t } = useTranslation();
  if (c.status === 'closed') return null;
  const paused = c.status === 'paused';
  const button = (s: Step) => (
    <Button size="compact-sm" variant="light" onClick={() => onStep(s)} data-testid={`complaint-${s}`}>
      {t(`complaints.steps.${s}`)}
    </Button>
  );
  return (
    <Group gap={6} wrap="nowrap">
      {c.contactedAt === null && button('contact')}
      {paused ? button('resume') : button('pause')}
      {!paused && button('close')}
      <Button size="compact-sm" variant="subtle" onClick={onRoute} data-testid="complaint-route">
        {t('complaints.route.button')}
      </Button>
    </Group>
  );
}
