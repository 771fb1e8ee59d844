/**
 * 客户经理 on the customer's page (R20): A角, B角 and 专人 (gold) with their dates, who leads (A while
 * developing, B once won), the project team, and the problems the work list counts (missing A/B for
 * silver and above, a gold customer without 专人, a holder who has left) in orange. Actions: set or
 * end a role, move the lead, add or end a team member.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignmentsEnd, assignmentsSet, assignmentsSetLead, teamsAdd, teamsEnd } from '../../../../shared/api/schemas';
import type {
  AssignmentsView,
  CustomerManagerRole,
  CustomerManagerRow,
  TeamMemberView,
} from '../../../../shared/api/types-archives';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { EMPTY_VALUE } from '../../i18n/format';

const ROLES: CustomerManagerRole[] = ['A', 'B', 'responsible'];

type Dialog =
  | { kind: 'set'; role: CustomerManagerRole }
  | { kind: 'end'; row: CustomerManagerRow }
  | { kind: 'lead'; to: 'A' | 'B' }
  | { kind: 'team-add' }
  | { kind: 'team-end'; member: TeamMemberView }
  | null;

export function CustomerManagersPanel({ customerId }: { customerId: string }) {
  const state = useApiQuery('assignments/get', { customerId, date: null });
  return <ApiView state={state}>{(view) => <ManagersView view={view} />}</ApiView>;
}

function ManagersView({ view }: { view: AssignmentsView }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const holder = (role: CustomerManagerRole) => view.current.find((r) => r.role === role) ?? null;
  const lead = view.lead?.role ?? 'A';
  const otherLead = lead === 'A' ? 'B' : 'A';
  const team = view.team.filter((m) => m.toOn === null || m.toOn > view.asOf);

  return (
    <Paper withBorder p="md" data-testid="customer-assignments">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h5">
          {t('archives.managers.title')}
        </Title>
        <Group gap="sm">
          <Text size="sm" data-testid="assignments-lead">
            {view.lead
              ? t('archives.managers.leadSince', {
                  role: t(`archives.managers.${view.lead.role}`),
                  date: view.lead.fromOn,
                  reason: view.lead.reason,
                })
              : t('archives.managers.leadDefault')}
          </Text>
          {holder(otherLead) !== null && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setDialog({ kind: 'lead', to: otherLead })}
              data-testid="assignments-set-lead"
            >
              {otherLead === 'B' ? t('archives.managers.setLeadB') : t('archives.managers.setLeadA')}
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={2} spacing="lg">
        <Stack gap="xs">
          <Table verticalSpacing={4} data-testid="assignments-roles">
            <Table.Tbody>
              {ROLES.map((role) => {
                const row = holder(role);
                return (
                  <Table.Tr key={role} data-testid={`assignments-role-${role}`}>
                    <Table.Td w={60}>
                      <Text size="sm" fw={600}>
                        {t(`archives.managers.${role}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {row ? (
                        <Text size="sm">
                          {row.managerName}
                          <Text span size="xs" c="dimmed" ml={6}>
                            {row.unitName} · {t('archives.managers.since', { date: row.fromOn })}
                          </Text>
                          {lead === role && (
                            <Text span size="xs" c="postal" fw={600} ml={6}>
                              {t('archives.managers.lead')}
                            </Text>
                          )}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('archives.managers.none')}
                          {role === 'responsible' && (
                            <Text span size="xs" c="dimmed" ml={6}>
                              （{t('archives.managers.goldOnly')}）
                            </Text>
                          )}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={120} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => setDialog({ kind: 'set', role })}
                        data-testid={`assignments-set-${role}`}
                      >
                        {row ? t('archives.managers.change') : t('archives.managers.set')}
                      </Anchor>
                      {row && (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          c="red.8"
                          ml="sm"
                          onClick={() => setDialog({ kind: 'end', row })}
                          data-testid={`assignments-end-${role}`}
                        >
                          {t('archives.managers.end')}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {view.problems.length > 0 ? (
            <Alert color="orange" variant="light" p="xs" data-testid="assignments-problems">
              <List size="sm" spacing={2}>
                {view.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            view.tier !== null && (
              <Text size="xs" c="teal.8" data-testid="assignments-ok">
                {t('archives.managers.noProblems')}
              </Text>
            )
          )}
        </Stack>

        <Stack gap="xs" data-testid="assignments-team">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('archives.managers.team')}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setDialog({ kind: 'team-add' })}
              data-testid="team-add"
            >
              + {t('archives.managers.teamAdd')}
            </Button>
          </Group>
          {team.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('archives.managers.teamNone')}
            </Text>
          ) : (
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('archives.managers.teamColumns.unit')}</Table.Th>
                  <Table.Th>{t('archives.managers.teamColumns.manager')}</Table.Th>
                  <Table.Th>{t('archives.managers.teamColumns.purpose')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('archives.managers.teamColumns.from')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {team.map((m) => (
                  <Table.Tr key={m.id} data-testid="team-row">
                    <Table.Td>{m.unitName}</Table.Td>
                    <Table.Td>{m.managerName ?? EMPTY_VALUE}</Table.Td>
                    <Table.Td>
                      {m.purpose}
                      {m.source === 'application' && (
                        <Text span size="xs" c="dimmed" ml={4}>
                          （{t('archives.managers.teamSource.application')}）
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {m.fromOn}
                      {m.toOn && ` – ${m.toOn}`}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        c="red.8"
                        onClick={() => setDialog({ kind: 'team-end', member: m })}
                      >
                        {t('archives.managers.teamEnd')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>

      {dialog?.kind === 'set' && (
        <SetRoleModal customerId={view.customerId} role={dialog.role} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'end' && (
        <EndRoleModal customerId={view.customerId} row={dialog.row} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'lead' && (
        <LeadModal customerId={view.customerId} to={dialog.to} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'team-add' && <TeamAddModal customerId={view.customerId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'team-end' && (
        <TeamEndModal customerId={view.customerId} member={dialog.member} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}

/** Managers in post as select options: 姓名（单位）. */
function useManagerOptions(unitId: string | null = null) {
  const state = useApiQuery('managers/list', {
    unitId: unitId === null ? null : Number(unitId),
    includeInactive: false,
  });
  return (state.data ?? [])
    .filter((m) => m.active)
    .map((m) => ({ value: String(m.id), label: `${m.name}（${m.unitName}）` }));
}

function SetRoleModal({
  customerId,
  role,
  onClose,
}: {
  customerId: string;
  role: CustomerManagerRole;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const set = useApiMutation('assignments/set');
  const options = useManagerOptions();
  const roleName = t(`archives.managers.${role}`);
  const form = useSchemaForm({
    initialValues: { managerId: null as string | null, fromOn: today as string | null, reason: '' },
    schema: assignmentsSet,
    toInput: (v) => ({
      customerId,
      role,
      managerId: v.managerId === null ? 0 : Number(v.managerId),
      fromOn: v.fromOn ?? '',
      reason: v.reason.trim() === '' ? null : v.reason.trim(),
    }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => set.mutateAsync(input));
    if (!saved) return;
    const name = options.find((o) => o.value === form.form.getValues().managerId)?.label ?? '';
    notifications.show({ color: 'postal', message: t('archives.managers.setForm.saved', { role: roleName, name }) });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.managers.setForm.title', { role: roleName })}
      form={form}
      onSubmit={() => void submit()}
      testId="assignments-set-form"
      size="sm"
    >
      <Select
        label={t('archives.managers.setForm.manager')}
        placeholder={t('archives.managers.setForm.managerPlaceholder')}
        data={options}
        searchable
        withAsterisk
        data-autofocus
        comboboxProps={{ withinPortal: true }}
        {...form.form.getInputProps('managerId')}
        data-testid="assignments-manager"
      />
      <DateField label={t('archives.managers.setForm.from')} withAsterisk {...form.form.getInputProps('fromOn')} />
      <TextInput
        label={t('archives.managers.setForm.reason')}
        placeholder={t('archives.managers.setForm.reasonPlaceholder')}
        autoComplete="off"
        {...form.form.getInputProps('reason')}
      />
    </FormModal>
  );
}

function EndRoleModal({
  customerId,
  row,
  onClose,
}: {
  customerId: string;
  row: CustomerManagerRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const end = useApiMutation('assignments/end');
  const roleName = t(`archives.managers.${row.role}`);
  const form = useSchemaForm({
    initialValues: { toOn: today as string | null, reason: '' },
    schema: assignmentsEnd,
    toInput: (v) => ({ customerId, role: row.role, toOn: v.toOn ?? '', reason: v.reason }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => end.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', message: t('archives.managers.endForm.saved', { role: roleName }) });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.managers.endForm.title', { role: roleName, name: row.managerName })}
      form={form}
      onSubmit={() => void submit()}
      testId="assignments-end-form"
      size="sm"
      submitColor="red"
    >
      <DateField label={t('archives.managers.endForm.to')} withAsterisk {...form.form.getInputProps('toOn')} />
      <TextInput
        label={t('archives.managers.endForm.reason')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        {...form.form.getInputProps('reason')}
      />
    </FormModal>
  );
}

function LeadModal({ customerId, to, onClose }: { customerId: string; to: 'A' | 'B'; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const setLead = useApiMutation('assignments/set-lead');
  const roleName = t(`archives.managers.${to}`);
  const form = useSchemaForm({
    initialValues: {
      fromOn: today as string | null,
      reason: to === 'B' ? t('archives.managers.leadForm.reasonDefault') : '',
    },
    schema: assignmentsSetLead,
    toInput: (v) => ({ customerId, lead: to, fromOn: v.fromOn ?? '', reason: v.reason }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => setLead.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', message: t('archives.managers.leadForm.saved', { role: roleName }) });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.managers.leadForm.title', { role: roleName })}
      form={form}
      onSubmit={() => void submit()}
      testId="assignments-lead-form"
      size="sm"
    >
      <DateField label={t('archives.managers.leadForm.from')} withAsterisk {...form.form.getInputProps('fromOn')} />
      <TextInput
        label={t('archives.managers.leadForm.reason')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        {...form.form.getInputProps('reason')}
      />
    </FormModal>
  );
}

function TeamAddModal({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const add = useApiMutation('teams/add');
  const units = useApiQuery('units/list', { includeRetired: false });
  const form = useSchemaForm({
    initialValues: {
      unitId: null as string | null,
      managerId: null as string | null,
      purpose: '',
      fromOn: today as string | null,
      toOn: null as string | null,
    },
    schema: teamsAdd,
    toInput: (v) => ({
      customerId,
      unitId: v.unitId === null ? 0 : Number(v.unitId),
      managerId: v.managerId === null ? null : Number(v.managerId),
      purpose: v.purpose,
      fromOn: v.fromOn ?? '',
      toOn: v.toOn,
    }),
  });
  const unitId = form.form.getValues().unitId;
  const managers = useManagerOptions(unitId);
  const submit = async () => {
    const saved = await form.submit((input) => add.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', message: t('archives.managers.teamForm.saved') });
    onClose();
  };
  const unitProps = form.form.getInputProps('unitId');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.managers.teamForm.title')}
      form={form}
      onSubmit={() => void submit()}
      testId="team-add-form"
    >
      <Select
        label={t('archives.managers.teamForm.unit')}
        data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
        searchable
        withAsterisk
        data-autofocus
        comboboxProps={{ withinPortal: true }}
        {...unitProps}
        onChange={(v) => {
          unitProps.onChange(v);
          form.form.setFieldValue('managerId', null);
        }}
        data-testid="team-unit"
      />
      <Select
        label={t('archives.managers.teamForm.manager')}
        data={managers}
        searchable
        clearable
        disabled={unitId === null}
        comboboxProps={{ withinPortal: true }}
        {...form.form.getInputProps('managerId')}
        data-testid="team-manager"
      />
      <TextInput
        label={t('archives.managers.teamForm.purpose')}
        withAsterisk
        autoComplete="off"
        {...form.form.getInputProps('purpose')}
        data-testid="team-purpose"
      />
      <Group grow>
        <DateField label={t('archives.managers.teamForm.from')} withAsterisk {...form.form.getInputProps('fromOn')} />
        <DateField label={t('archives.managers.teamForm.to')} clearable {...form.form.getInputProps('toOn')} />
      </Group>
    </FormModal>
  );
}

function TeamEndModal({
  customerId,
  member,
  onClose,
}: {
  customerId: string;
  member: TeamMemberView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const end = useApiMutation('teams/end');
  const form = useSchemaForm({
    initialValues: { toOn: today as string | null },
    schema: teamsEnd,
    toInput: (v) => ({ customerId, memberId: member.id, toOn: v.toOn ?? '' }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => end.mutateAsync(input));
    if (saved === undefined) return;
    notifications.show({ color: 'postal', message: t('archives.managers.teamEndForm.saved') });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.managers.teamEndForm.title')}
      form={form}
      onSubmit={() => void submit()}
      size="sm"
      submitColor="red"
    >
      <Text size="sm">
        {member.unitName} · {member.managerName ?? EMPTY_VALUE} · {member.purpose}
      </Text>
      <DateField
        label={t('archives.managers.teamEndForm.to')}
        withAsterisk
        data-autofocus
        {...form.form.getInputProps('toOn')}
      />
    </FormModal>
  );
}
