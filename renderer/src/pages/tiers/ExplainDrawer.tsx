import {
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tiersApprove, tiersOverride } from '../../../../shared/api/schemas';
import type { ApprovalView, OverrideView, TierExplanation } from '../../../../shared/api/types';
import { type EvaluationInput, formatPermille } from '../../../../shared/domain/evaluation';
import { LINE_NAMES_ZH, PRODUCT_LINES, type RevenueLine } from '../../../../shared/domain/lines';
import { formatMoney } from '../../../../shared/domain/money';
import { TIERS, type Tier } from '../../../../shared/domain/tiers';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { CustomerIdText } from '../../components/CustomerIdText';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { TierBadge } from '../../components/TierBadge';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { EMPTY_VALUE, formatDate } from '../../i18n/format';
import { hrefOf } from '../../router/useRoute';
import { useStepText } from './stepText';

type StoredInputs = Omit<EvaluationInput, 'bureauRevenue'>;

const LINES: RevenueLine[] = [...PRODUCT_LINES, 'other'];

/**
 * "Why this tier": every R5–R15 step, the inputs, the policy version and the R13 records. An
 * approval, override or revocation made here invalidates the tiers area, so this explanation and
 * the run's result list behind the drawer refetch by themselves.
 */
export function ExplainDrawer({
  runId,
  customerId,
  onClose,
}: {
  runId: number;
  customerId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Drawer
      opened={customerId !== null}
      onClose={() => {
        setDialog(null);
        onClose();
      }}
      // Esc belongs to the dialog on top (which asks before discarding typed input), not to the
      // drawer behind it: both listen on the window, and the drawer would unmount the dialog.
      closeOnEscape={dialog === null}
      position="right"
      size={620}
      title={<Text fw={700}>{t('explain.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="tier-explain-drawer"
    >
      {customerId !== null && (
        <ExplainBody key={customerId} runId={runId} customerId={customerId} dialog={dialog} setDialog={setDialog} />
      )}
    </Drawer>
  );
}

type Dialog = 'approve' | 'override' | null;

interface DialogState {
  dialog: Dialog;
  setDialog: (dialog: Dialog) => void;
}

function ExplainBody({ runId, customerId, ...dialog }: { runId: number; customerId: string } & DialogState) {
  const state = useApiQuery('tiers/explain', { runId, customerId });
  return <ApiView state={state}>{(x) => <Explanation x={x} {...dialog} />}</ApiView>;
}

function Explanation({ x, dialog: form, setDialog: setForm }: { x: TierExplanation } & DialogState) {
  const { t } = useTranslation();
  const stepText = useStepText();
  const row = x.row;
  return (
    <Stack gap="md" data-testid="explain-body" data-customer-id={row.customerId}>
      <div>
        <Text fw={700} size="lg">
          {row.name}
        </Text>
        <Group gap="sm">
          <CustomerIdText id={row.customerId} size="sm" />
          <a href={hrefOf({ name: 'customer', id: row.customerId })}>{t('explain.openCustomer')}</a>
        </Group>
      </div>
      <Paper withBorder p="sm" bg="gray.0">
        <Group gap="lg">
          <div>
            <Text size="xs" c="dimmed">
              {t('explain.computed')}
            </Text>
            <TierBadge tier={row.tier} size="lg" testId="explain-tier" />
          </div>
          {row.effectiveSource !== 'computed' && (
            <div>
              <Text size="xs" c="dimmed">
                {t(`tiers.source.${row.effectiveSource}`)}
              </Text>
              <TierBadge tier={row.effectiveTier} size="lg" variant="filled" testId="explain-effective" />
            </div>
          )}
          <div>
            <Text size="xs" c="dimmed">
              {t('explain.total')}
            </Text>
            <Text fw={700} size="lg">
              {row.total}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('explain.policy')}
            </Text>
            <Text size="sm" data-testid="explain-policy">
              {t('tiers.policyVersion', { version: x.policyVersion })}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('explain.previous')}
            </Text>
            <TierBadge tier={row.previousTier} variant="outline" />
          </div>
        </Group>
      </Paper>

      <section>
        <Title order={3} size="h6" mb="xs">
          {t('explain.steps')}
        </Title>
        <Stack gap={6}>
          {x.steps.map((step, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed, ordered list
            <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="explain-step" data-rule={step.rule}>
              <Badge variant="light" color="postal" w={64} style={{ flexShrink: 0 }}>
                {step.rule}
              </Badge>
              <Text size="sm">{stepText(step)}</Text>
            </Group>
          ))}
        </Stack>
      </section>

      <Inputs inputs={x.inputs as StoredInputs | null} sharePpm={row.sharePpm} />

      <Divider />
      <section data-testid="explain-manual">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h6">
            {t('explain.manualTitle')}
          </Title>
          <Group gap="xs">
            <Button size="xs" onClick={() => setForm('approve')} data-testid="explain-approve">
              {t('explain.approve')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setForm('override')} data-testid="explain-override">
              {t('explain.override')}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          {t('explain.manualHint')}
        </Text>
        {x.approval === null && x.override === null && (
          <Text size="sm" c="dimmed">
            {t('explain.noManual')}
          </Text>
        )}
        {x.approval && <ApprovalCard approval={x.approval} />}
        {x.override && <OverrideCard override={x.override} />}
      </section>

      {form === 'approve' && <ApproveForm customerId={row.customerId} onClose={() => setForm(null)} />}
      {form === 'override' && (
        <OverrideForm customerId={row.customerId} initial={row.tier ?? 'general'} onClose={() => setForm(null)} />
      )}
    </Stack>
  );
}

function Inputs({ inputs, sharePpm }: { inputs: StoredInputs | null; sharePpm: number }) {
  const { t } = useTranslation();
  if (!inputs || typeof inputs !== 'object' || !inputs.figures) return null;
  const { annual, thisMonth, newspaperTurnover } = inputs.figures;
  const money = (v: number | undefined | null) => (typeof v === 'number' ? formatMoney(v) : EMPTY_VALUE);
  const shown = LINES.filter((l) => annual[l] !== undefined || thisMonth[l] !== undefined);
  return (
    <section data-testid="explain-inputs">
      <Title order={3} size="h6" mb="xs">
        {t('explain.inputs')}
      </Title>
      <Group gap="lg" mb="xs">
        <Text size="sm">
          {t('explain.agreement')}
          {t('explain.colon')}
          {inputs.agreement ? t('common.yes') : t('common.no')}
        </Text>
        <Text size="sm">
          {t('explain.homeCounty')}
          {t('explain.colon')}
          {inputs.homeUnitIsCounty ? t('common.yes') : t('common.no')}
        </Text>
        <Text size="sm">
          {t('explain.share')}
          {t('explain.colon')}
          {formatPermille(sharePpm)}
        </Text>
      </Group>
      {inputs.manual && (
        <Text size="sm" mb="xs">
          {t('explain.manualDecision')}
          {t('explain.colon')}
          {inputs.manual.qualified ? t('common.yes') : t('common.no')}
          {t('explain.manualReason', { reason: inputs.manual.reason })}
        </Text>
      )}
      <Table withTableBorder fz="xs" verticalSpacing={3}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('explain.line')}</Table.Th>
            <Table.Th ta="right">{t('explain.annual')}</Table.Th>
            <Table.Th ta="right">{t('explain.thisMonth')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((l) => (
            <Table.Tr key={l}>
              <Table.Td>{t(`line.${l}`, { defaultValue: LINE_NAMES_ZH[l] })}</Table.Td>
              <Table.Td ta="right" className="kam-num">
                {money(annual[l])}
              </Table.Td>
              <Table.Td ta="right" className="kam-num">
                {money(thisMonth[l])}
              </Table.Td>
            </Table.Tr>
          ))}
          {newspaperTurnover && (
            <Table.Tr>
              <Table.Td>{t('explain.turnover')}</Table.Td>
              <Table.Td ta="right" className="kam-num">
                {money(newspaperTurnover.annual)}
              </Table.Td>
              <Table.Td ta="right" className="kam-num">
                {money(newspaperTurnover.thisMonth)}
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th>{t('common.total')}</Table.Th>
            <Table.Th ta="right" className="kam-num">
              {money(Object.values(annual).reduce((a: number, b) => a + (b ?? 0), 0))}
            </Table.Th>
            <Table.Th ta="right" className="kam-num">
              {money(Object.values(thisMonth).reduce((a: number, b) => a + (b ?? 0), 0))}
            </Table.Th>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** R13: withdraws an approval or override after a confirmation; the computed tier stands again. */
function useRevoke(kind: 'approval' | 'override', id: number) {
  const { t } = useTranslation();
  const revoke = useApiMutation('tiers/revoke');
  return () =>
    modals.openConfirmModal({
      title: t('explain.revokeTitle'),
      children: <Text size="sm">{t('explain.revokeText')}</Text>,
      labels: { confirm: t('explain.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'revoke-confirm' } as Record<string, unknown>,
      onConfirm: async () => {
        try {
          await revoke.mutateAsync({ kind, id });
          notifications.show({ color: 'postal', title: t('explain.revoked'), message: '' });
        } catch (e) {
          notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message });
        }
      },
    });
}

function ApprovalCard({ approval }: { approval: ApprovalView }) {
  const { t } = useTranslation();
  const revoke = useRevoke('approval', approval.id);
  return (
    <Paper withBorder p="sm" mb="xs" data-testid="explain-approval">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge color="indigo">{t('tiers.source.approval')}</Badge>
          <TierBadge tier={approval.tier} />
        </Group>
        <Button size="compact-xs" variant="subtle" color="red" onClick={revoke} data-testid="explain-revoke-approval">
          {t('explain.revoke')}
        </Button>
      </Group>
      <Text size="sm">
        {t('explain.approver')}
        {t('explain.colon')}
        {approval.approver} · {t('explain.documentNo')}
        {t('explain.colon')}
        {approval.documentNo}
      </Text>
      <Text size="sm">
        {t('explain.validity')}
        {t('explain.colon')}
        {formatDate(approval.validFrom, 'zh-CN', 'iso')} ~{' '}
        {approval.validTo ? formatDate(approval.validTo, 'zh-CN', 'iso') : t('explain.openEnded')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('explain.reason')}
        {t('explain.colon')}
        {approval.reason}
      </Text>
    </Paper>
  );
}

function OverrideCard({ override }: { override: OverrideView }) {
  const { t } = useTranslation();
  const revoke = useRevoke('override', override.id);
  return (
    <Paper withBorder p="sm" data-testid="explain-override-card">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge color="orange">{t('tiers.source.override')}</Badge>
          <TierBadge tier={override.tier} />
        </Group>
        <Button size="compact-xs" variant="subtle" color="red" onClick={revoke} data-testid="explain-revoke-override">
          {t('explain.revoke')}
        </Button>
      </Group>
      <Text size="sm">
        {t('explain.approver')}
        {t('explain.colon')}
        {override.approver}
      </Text>
      <Text size="sm" c="dimmed">
        {t('explain.reason')}
        {t('explain.colon')}
        {override.reason}
      </Text>
    </Paper>
  );
}

function useTierOptions() {
  const { t } = useTranslation();
  return TIERS.map((k) => ({ value: k, label: t(`tier.${k}`) }));
}

/** R13: the province's approval of a tier, with its document number and validity. */
function ApproveForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const tierOptions = useTierOptions();
  const approve = useApiMutation('tiers/approve');
  const form = useSchemaForm({
    initialValues: {
      tier: 'diamond' as Tier | null,
      approver: '',
      documentNo: '',
      reason: '',
      validFrom: today as string | null,
      validTo: null as string | null,
    },
    schema: tiersApprove,
    toInput: (v) => ({
      customerId,
      tier: (v.tier ?? '') as Tier,
      approver: v.approver,
      documentNo: v.documentNo,
      reason: v.reason,
      validFrom: v.validFrom ?? '',
      validTo: v.validTo || null,
    }),
  });
  const save = async () => {
    const saved = await form.submit((input) => approve.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('explain.approved'), message: '' });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('explain.approveTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="approve-form"
    >
      <Select
        label={t('explain.tier')}
        data={tierOptions}
        {...form.form.getInputProps('tier')}
        allowDeselect={false}
        withAsterisk
      />
      <TextInput
        label={t('explain.approver')}
        {...form.form.getInputProps('approver')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        data-testid="approve-approver"
      />
      <TextInput
        label={t('explain.documentNo')}
        {...form.form.getInputProps('documentNo')}
        withAsterisk
        autoComplete="off"
        data-testid="approve-document"
      />
      <TextInput
        label={t('explain.reason')}
        {...form.form.getInputProps('reason')}
        withAsterisk
        autoComplete="off"
        data-testid="approve-reason"
      />
      <Group grow align="flex-start">
        <DateField label={t('explain.validFrom')} {...form.form.getInputProps('validFrom')} withAsterisk />
        <DateField
          label={t('explain.validTo')}
          {...form.form.getInputProps('validTo')}
          clearable
          description={t('explain.validToHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </Group>
    </FormModal>
  );
}

/** R13: a manual override of the computed tier, shown beside it (an approval takes precedence). */
function OverrideForm({ customerId, initial, onClose }: { customerId: string; initial: Tier; onClose: () => void }) {
  const { t } = useTranslation();
  const tierOptions = useTierOptions();
  const override = useApiMutation('tiers/override');
  const form = useSchemaForm({
    initialValues: { tier: initial as Tier | null, approver: '', reason: '' },
    schema: tiersOverride,
    toInput: (v) => ({ customerId, tier: (v.tier ?? '') as Tier, approver: v.approver, reason: v.reason }),
  });
  const save = async () => {
    const saved = await form.submit((input) => override.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('explain.overridden'), message: '' });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('explain.overrideTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="override-form"
    >
      <Text size="sm" c="dimmed">
        {t('explain.overrideHint')}
      </Text>
      <Select
        label={t('explain.tier')}
        data={tierOptions}
        {...form.form.getInputProps('tier')}
        allowDeselect={false}
        withAsterisk
      />
      <TextInput
        label={t('explain.approver')}
        {...form.form.getInputProps('approver')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        data-testid="override-approver"
      />
      <TextInput
        label={t('explain.reason')}
        {...form.form.getInputProps('reason')}
        withAsterisk
        autoComplete="off"
        data-testid="override-reason"
      />
    </FormModal>
  );
}
