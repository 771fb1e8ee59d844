/**
 * The decisions on a registration (registrations/decide): 预审通过/驳回, 审核通过/驳回 with the
 * R14 scope (its suggestion pre-selected), 裁定 (who wins, on what basis, why) and 作为分支机构通过;
 * and 释放 after a lapsed ownership period (registrations/release). A refusal shows above the
 * buttons in words and keeps what was typed.
 */
import { Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import type { RegistrationDetail } from '../../../../shared/api/registration-types';
import { registrationsDecide, registrationsRelease } from '../../../../shared/api/schemas';
import { SCOPES, type Scope } from '../../../../shared/domain/tiers';
import { useApiMutation, useApiQuery } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { spacedCustomerId } from '../../domain/customer-id';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useFormat } from '../../i18n/useFormat';
import { suggestedScope } from './labels';

export type DecideMode = 'preApprove' | 'preReject' | 'approve' | 'reject' | 'rule' | 'branch';

interface Values {
  reason: string;
  winner: 'registration' | 'holder';
  ruling: string | null;
  scope: string | null;
  branchOf: string | null;
  [key: string]: unknown;
}

type DecideInput = ApiInput<'registrations/decide'>;

export function DecideModal({
  reg,
  mode,
  heads,
  onClose,
}: {
  reg: RegistrationDetail;
  mode: DecideMode;
  heads: { customerId: string; unitName: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useApiMutation('registrations/decide');
  const units = useApiQuery('units/list', { includeRetired: true });
  const unitId = units.data?.find((u) => u.code === reg.unit)?.id ?? 0;
  const suggestion = suggestedScope(reg.lines, unitId, units.data ?? []);
  const approving = (v: Values) =>
    mode === 'preApprove' ||
    mode === 'approve' ||
    mode === 'branch' ||
    (mode === 'rule' && v.winner === 'registration');
  const withScope = (v: Values) => mode === 'approve' || (mode === 'rule' && v.winner === 'registration');

  const schemaForm = useSchemaForm({
    initialValues: {
      reason: '',
      winner: 'registration',
      ruling: mode === 'rule' ? 'signing_location' : null,
      scope: null,
      branchOf: mode === 'branch' ? (heads[0]?.customerId ?? null) : null,
    } as Values,
    schema: registrationsDecide,
    toInput: (v: Values): DecideInput =>
      ({
        id: reg.id,
        approve: approving(v),
        reason: v.reason,
        ruling: mode === 'rule' ? v.ruling : null,
        scope: withScope(v) ? (v.scope ?? suggestion) : null,
        branchOf: mode === 'branch' ? v.branchOf : null,
      }) as DecideInput,
  });
  const { form } = schemaForm;
  const values = form.getValues();

  const submit = async () => {
    const done = await schemaForm.submit((input) => decide.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: done.state === 'rejected' ? 'orange' : 'postal',
      title:
        done.state === 'approved' && done.customerId
          ? t('registrations.actions.approvedWithId', { id: spacedCustomerId(done.customerId) })
          : t('registrations.actions.saved'),
      message: t(`registrations.state.${done.state}`),
    });
    onClose();
  };

  const scopeOptions = SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }));
  const actionKey = mode === 'branch' ? 'asBranch' : mode;
  const reasonLabel =
    mode === 'preApprove' || mode === 'preReject'
      ? t('registrations.actions.opinion')
      : t('registrations.actions.reason');
  const reasonRequired = !approving(values) || mode === 'rule';
  const danger = !approving(values);

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${t(`registrations.actions.${actionKey}`)} · ${reg.name}`}
      submitLabel={t(`registrations.actions.${actionKey}`)}
      submitColor={danger ? 'red' : undefined}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="registration-decide"
    >
      <Stack gap="sm">
        {mode === 'rule' && (
          <>
            <Radio.Group
              label={t('registrations.actions.winner')}
              {...form.getInputProps('winner')}
              data-testid="decide-winner"
            >
              <Stack gap={6} mt={6}>
                <Radio value="registration" label={t('registrations.actions.winnerRegistration')} />
                <Radio value="holder" label={t('registrations.actions.winnerHolder')} />
              </Stack>
            </Radio.Group>
            <Radio.Group
              label={t('registrations.actions.basis')}
              {...form.getInputProps('ruling')}
              withAsterisk
              data-testid="decide-basis"
            >
              <Stack gap={6} mt={6}>
                <Radio value="signing_location" label={t('registrations.detail.basis.signing_location')} />
                <Radio value="escalation" label={t('registrations.detail.basis.escalation')} />
              </Stack>
            </Radio.Group>
          </>
        )}
        {mode === 'branch' && (
          <Select
            label={t('registrations.actions.headOffice')}
            data={heads.map((h) => ({
              value: h.customerId,
              label: `${spacedCustomerId(h.customerId)} · ${h.unitName}`,
            }))}
            {...form.getInputProps('branchOf')}
            withAsterisk
            data-testid="decide-branch-of"
          />
        )}
        {withScope(values) && (
          <SimpleGrid cols={1}>
            <Select
              label={t('registrations.actions.scope')}
              data={scopeOptions}
              value={values.scope ?? suggestion}
              onChange={(v) => form.setFieldValue('scope', (v as Scope | null) ?? null)}
              allowDeselect={false}
              description={t('registrations.actions.scopeSuggested', { scope: t(`scope.${suggestion}`) })}
              data-testid="decide-scope"
            />
          </SimpleGrid>
        )}
        <Textarea
          label={reasonLabel}
          {...form.getInputProps('reason')}
          withAsterisk={reasonRequired}
          autosize
          minRows={2}
          maxRows={5}
          data-autofocus
          data-testid="decide-reason"
        />
      </Stack>
    </FormModal>
  );
}

export function ReleaseModal({ reg, onClose }: { reg: RegistrationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const release = useApiMutation('registrations/release');
  const schemaForm = useSchemaForm({
    initialValues: { reason: '' } as { reason: string; [key: string]: unknown },
    schema: registrationsRelease,
    toInput: (v): ApiInput<'registrations/release'> =>
      ({ id: reg.id, reason: v.reason }) as ApiInput<'registrations/release'>,
  });
  const submit = async () => {
    const done = await schemaForm.submit((input) => release.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      title: t('registrations.state.released'),
      message: t('registrations.actions.released', {
        id: spacedCustomerId(done.customerId),
        until: f.date(done.barUntil),
      }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${t('registrations.actions.release')} · ${reg.name}`}
      submitLabel={t('registrations.actions.release')}
      submitColor="red"
      form={schemaForm}
      onSubmit={() => void submit()}
      testId="registration-release"
    >
      <Text size="sm">{t('registrations.actions.releaseHint')}</Text>
      <Textarea
        label={t('registrations.actions.reason')}
        {...schemaForm.form.getInputProps('reason')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        data-testid="release-reason"
      />
    </FormModal>
  );
}
