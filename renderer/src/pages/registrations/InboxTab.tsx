/**
 * 模板收件箱 (DOMAIN-DECISIONS "Template intake"): the 新客户申报 and 营销申报 rows units sent in
 * their monthly templates. Pending rows show the duplicate check as it stands (R19a); the officer
 * files the selected rows — each becomes a registration in the review chain or a marketing
 * application — or declines them with the reason the unit's receipt tells (inbox/*).
 */
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionState, SubmissionView } from '../../../../shared/api/registration-types';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { MatchLine } from './badges';

const STATE_COLORS: Record<SubmissionState, string> = {
  pending: 'yellow',
  filed: 'green',
  declined: 'red',
  withdrawn: 'gray',
};
const FILTERS = ['pending', 'filed', 'declined', 'withdrawn', 'all'] as const;
type Filter = (typeof FILTERS)[number];

export function InboxTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<Filter>('pending');
  const [selected, setSelected] = useState<SubmissionView[]>([]);
  const [declining, setDeclining] = useState<SubmissionView[] | null>(null);
  const list = useApiQuery('inbox/list', { state: filter === 'all' ? null : filter });
  const file = useApiMutation('inbox/file');

  const fileRows = async (rows: readonly SubmissionView[]) => {
    try {
      const r = await file.mutateAsync({ ids: rows.map((s) => s.id), date: null });
      notifications.show({ color: 'green', message: t('registrations.inbox.filed', { count: r.filed.length }) });
      setSelected([]);
    } catch {
      // The error notification names the sheet and row (the registry's message); nothing was filed.
    }
  };

  const columns: ListColumn<SubmissionView>[] = [
    {
      key: 'kind',
      title: t('registrations.inbox.columns.kind'),
      width: 92,
      value: (s) => t(`registrations.inbox.kind.${s.kind}`),
    },
    { key: 'unitName', title: t('registrations.inbox.columns.unit'), width: 92, sortable: true },
    {
      key: 'content',
      title: t('registrations.inbox.columns.content'),
      width: 270,
      value: (s) => s.registration?.name ?? s.application?.customerName ?? '',
      render: (s) => <Content s={s} />,
    },
    {
      key: 'matches',
      title: t('registrations.inbox.columns.matches'),
      width: 220,
      value: (s) => String(s.matches.length),
      render: (s) =>
        s.kind !== 'registration' ? null : s.matches.length === 0 ? (
          s.state === 'pending' ? (
            <Text size="sm" c="dimmed">
              {t('registrations.inbox.noMatch')}
            </Text>
          ) : null
        ) : (
          <Stack gap={4}>
            {s.matches.slice(0, 3).map((m) => (
              <MatchLine key={`${m.reason}-${m.customerId ?? m.registrationId}`} match={m} />
            ))}
          </Stack>
        ),
    },
    {
      key: 'source',
      title: t('registrations.inbox.columns.source'),
      width: 128,
      value: (s) => `${s.fileName} ${s.sheet} ${s.row}`,
      // The sheet is the kind's; the file name on hover.
      render: (s) => (
        <Stack gap={0} title={`${s.fileName} · ${s.sheet}`}>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('registrations.inbox.source', { id: s.batchId, row: s.row })}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {f.date(s.receivedAt.slice(0, 10), 'iso')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'state',
      title: t('registrations.columns.state'),
      width: 112,
      value: (s) => t(`registrations.inbox.state.${s.state}`),
      render: (s) => <Outcome s={s} />,
    },
    {
      key: 'act',
      title: t('registrations.inbox.columns.act'),
      exportable: false,
      toggleable: false,
      width: 148,
      render: (s) =>
        s.state === 'pending' ? (
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              loading={file.isPending}
              onClick={() => void fileRows([s])}
              data-testid="inbox-file"
            >
              {t('registrations.inbox.file')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setDeclining([s])}
              data-testid="inbox-decline"
            >
              {t('registrations.inbox.decline')}
            </Button>
          </Group>
        ) : null,
    },
  ];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={900}>
        {t('registrations.inbox.intro')}
      </Text>
      <ApiView state={list}>
        {(rows) => (
          <ListTable
            id="inbox"
            title={t('registrations.inbox.tableLabel')}
            records={rows}
            columns={columns}
            rowKey={(s) => s.id}
            selection={{
              selected,
              onChange: setSelected,
              isSelectable: (s) => s.state === 'pending',
            }}
            toolbar={
              <Group gap="sm" wrap="nowrap">
                <SegmentedControl
                  size="xs"
                  value={filter}
                  onChange={(v) => {
                    setFilter(v as Filter);
                    setSelected([]);
                  }}
                  data={FILTERS.map((k) => ({ value: k, label: t(`registrations.inbox.filter.${k}`) }))}
                  aria-label={t('registrations.inbox.filterLabel')}
                />
                {selected.length > 0 && (
                  <>
                    <Button size="xs" onClick={() => void fileRows(selected)} loading={file.isPending}>
                      {t('registrations.inbox.fileSelected', { count: selected.length })}
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => setDeclining(selected)}>
                      {t('registrations.inbox.declineSelected', { count: selected.length })}
                    </Button>
                  </>
                )}
              </Group>
            }
            emptyText={filter === 'pending' ? t('registrations.inbox.emptyPending') : t('registrations.inbox.empty')}
            maxHeight="58vh"
            testId="inbox-table"
          />
        )}
      </ApiView>
      {declining && (
        <DeclineModal
          rows={declining}
          onClose={(done) => {
            setDeclining(null);
            if (done) setSelected([]);
          }}
        />
      )}
    </Stack>
  );
}

/** What the unit sent: the new customer's name, home and lines, or the plan for another unit's customer. */
function Content({ s }: { s: SubmissionView }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (s.registration) {
    const r = s.registration;
    const details = [
      r.creditCode,
      r.areaCode,
      r.industry,
      r.revenueFen === null ? null : t('registrations.inbox.expected', { amount: f.fenSummary(r.revenueFen) }),
    ].filter(Boolean);
    return (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {r.name}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" title={[...details, r.reason].filter(Boolean).join(' · ')}>
          {details.join(' · ')}
          {r.reason ? ` · ${r.reason}` : ''}
        </Text>
      </Stack>
    );
  }
  const a = s.application;
  if (!a) return null;
  return (
    <Stack gap={0}>
      <Anchor href={hrefOf({ name: 'customer', id: a.customerId })} size="sm" fw={500}>
        {a.customerName}
      </Anchor>
      <Text size="xs" c="dimmed" truncate="end" title={a.plan}>
        {a.plan} · {f.date(a.startsOn)}–{f.date(a.untilOn)} · {f.fenSummary(a.expectedRevenueFen)}
      </Text>
    </Stack>
  );
}

/** The state, and where a filed row went or why it was declined. */
function Outcome({ s }: { s: SubmissionView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Badge color={STATE_COLORS[s.state]} variant="light" style={{ textTransform: 'none' }}>
        {t(`registrations.inbox.state.${s.state}`)}
      </Badge>
      {s.registrationId !== null && (
        <Anchor href={hrefOf({ name: 'registrations', tab: 'list', id: s.registrationId })} size="xs">
          {t('registrations.inbox.asRegistration', { id: s.registrationId })}
        </Anchor>
      )}
      {s.applicationId !== null && (
        <Anchor href={hrefOf({ name: 'registrations', tab: 'applications', id: null })} size="xs">
          {t('registrations.inbox.asApplication', { id: s.applicationId })}
        </Anchor>
      )}
      {s.state === 'declined' && s.reason && (
        <Text size="xs" c="dimmed" title={s.reason} truncate="end">
          {s.reason}
        </Text>
      )}
    </Stack>
  );
}

function DeclineModal({ rows, onClose }: { rows: readonly SubmissionView[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const decline = useApiMutation('inbox/decline');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      opened
      onClose={() => onClose(false)}
      title={t('registrations.inbox.declineTitle', { count: rows.length })}
      submitLabel={t('registrations.inbox.decline')}
      submitColor="red"
      submitting={decline.isPending}
      error={decline.error}
      testId="inbox-decline-form"
      onSubmit={() => {
        if (reason.trim() === '') {
          setError(t('registrations.inbox.reasonRequired'));
          return;
        }
        decline.mutate(
          { ids: rows.map((s) => s.id), reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ message: t('registrations.inbox.declined', { count: rows.length }) });
              onClose(true);
            },
          },
        );
      }}
    >
      <Text size="sm">
        {rows
          .slice(0, 5)
          .map((s) => s.registration?.name ?? s.application?.customerName)
          .join('、')}
        {rows.length > 5 ? ` ${t('registrations.inbox.andMore', { count: rows.length - 5 })}` : ''}
      </Text>
      <Textarea
        label={t('registrations.inbox.reason')}
        description={t('registrations.inbox.reasonHelp')}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        maxLength={300}
        autosize
        minRows={3}
        data-autofocus
        withAsterisk
      />
    </FormModal>
  );
}
