/**
 * One registration (#/registrations/:id): its facts, the steps as a timeline, the duplicate check
 * as it stands, and when it conflicts the two sides side by side with the rulings so far. The
 * actions follow its state (DecideModal, ReleaseModal).
 */
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictSide, RegistrationDetail } from '../../../../shared/api/registration-types';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { DetailField } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { EMPTY_VALUE } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { ClockText, MatchLine, StateBadge } from './badges';
import { DecideModal, type DecideMode, ReleaseModal } from './DecideModal';
import { headOffices, needsRuling } from './labels';

export function RegistrationDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useApiQuery('registrations/get', { id });
  return (
    <Stack gap="sm">
      <Anchor href={hrefOf({ name: 'registrations', tab: 'list', id: null })} size="sm" data-testid="back-to-list">
        ← {t('registrations.detail.back')}
      </Anchor>
      <ApiView state={detail}>{(reg) => <Detail reg={reg} />}</ApiView>
    </Stack>
  );
}

function Detail({ reg }: { reg: RegistrationDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [mode, setMode] = useState<DecideMode | 'release' | null>(null);
  const units = useApiQuery('units/list', { includeRetired: true });
  const areas = useApiQuery('areas/list', {});
  const unitName = (code: string | null) =>
    code === null ? EMPTY_VALUE : (units.data?.find((u) => u.code === code)?.name ?? code);
  const ruling = needsRuling(reg);
  const heads = headOffices(reg.matches);
  const or = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? EMPTY_VALUE : v);
  const area = areas.data?.find((a) => a.code === reg.areaCode);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('registrations.detail.title', { id: reg.id })}
        after={
          <Group gap="xs">
            <Text fw={600} size="lg" data-testid="registration-name">
              {reg.name}
            </Text>
            <StateBadge state={reg.state} />
            <ClockText clock={reg.clock} />
          </Group>
        }
      >
        <Actions reg={reg} ruling={ruling} hasHeads={heads.length > 0} onAct={setMode} />
      </PageHeader>

      {ruling && (
        <Alert color="orange" variant="light" data-testid="registration-needs-ruling">
          {t('registrations.detail.needsRuling')}
        </Alert>
      )}
      {reg.state === 'rejected' && reg.outcomeReason && (
        <Alert color="red" variant="light" title={t('registrations.detail.outcome')} data-testid="registration-outcome">
          {reg.outcomeReason}
        </Alert>
      )}

      {reg.sides.length > 1 && <Sides sides={reg.sides} />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="sm">
          <Title order={2} size="h5" mb="sm">
            {t('registrations.detail.facts')}
          </Title>
          <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
            <DetailField label={t('registrations.detail.unit')}>{reg.unitName}</DetailField>
            <DetailField label={t('registrations.detail.registeredOn')}>{f.date(reg.registeredOn)}</DetailField>
            <DetailField label={t('registrations.detail.creditCode')}>
              <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{or(reg.creditCode)}</span>
            </DetailField>
            <DetailField label={t('registrations.detail.area')}>
              {area ? `${area.code} ${area.name}` : reg.areaCode}
            </DetailField>
            <DetailField label={t('registrations.detail.phone')}>{or(reg.phone)}</DetailField>
            <DetailField label={t('registrations.detail.contact')}>{or(reg.contact)}</DetailField>
            <DetailField label={t('registrations.detail.address')}>{or(reg.address)}</DetailField>
            <DetailField label={t('registrations.detail.industry')}>{or(reg.industry)}</DetailField>
            <DetailField label={t('registrations.detail.lines')}>
              {reg.lines.length === 0
                ? EMPTY_VALUE
                : reg.lines.map((l) => t(`line.${l as 'savings'}`)).join(t('registrations.listJoin'))}
            </DetailField>
            <DetailField label={t('registrations.detail.revenue')}>
              {reg.revenueFen === null ? EMPTY_VALUE : f.fen(reg.revenueFen)}
            </DetailField>
            <DetailField label={t('registrations.detail.evidence')}>{or(reg.evidence)}</DetailField>
            <DetailField label={t('registrations.detail.preReviewUnit')}>
              {reg.preReviewUnit === null ? t('registrations.noPreReview') : unitName(reg.preReviewUnit)}
            </DetailField>
            <DetailField label={t('registrations.detail.customer')}>
              {reg.customerId ? (
                <Anchor href={hrefOf({ name: 'customer', id: reg.customerId })} data-testid="registration-customer">
                  <CustomerIdText id={reg.customerId} size="sm" />
                </Anchor>
              ) : (
                EMPTY_VALUE
              )}
            </DetailField>
            <DetailField label={t('registrations.detail.scope')}>
              {reg.scope ? t(`scope.${reg.scope}`) : EMPTY_VALUE}
            </DetailField>
          </SimpleGrid>
          {reg.reason && (
            <Stack gap={0} mt="sm" component="dl" m={0}>
              <DetailField label={t('registrations.detail.reason')}>{reg.reason}</DetailField>
            </Stack>
          )}
        </Paper>

        <Stack gap="md">
          <Paper withBorder p="md" radius="sm">
            <Title order={2} size="h5" mb="sm">
              {t('registrations.detail.steps')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} active={reg.steps.length - 1} data-testid="registration-steps">
              {reg.steps.map((s, i) => (
                <Timeline.Item
                  // biome-ignore lint/suspicious/noArrayIndexKey: steps are append-only, in order
                  key={i}
                  color={s.decision === 'rejected' || s.decision === 'ruled_against' ? 'red' : undefined}
                  title={
                    <Text size="sm" fw={600}>
                      {t(`registrations.detail.step.${s.step as 'submit'}`, { defaultValue: s.step })} ·{' '}
                      {t(`registrations.detail.decision.${s.decision as 'approved'}`, { defaultValue: s.decision })}
                    </Text>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {f.date(s.decidedOn)} ·{' '}
                    {t('registrations.detail.stepBy', { actor: s.actor, unit: unitName(s.unit) })}
                  </Text>
                  {s.opinion && <Text size="sm">{s.opinion}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
          <Paper withBorder p="md" radius="sm" data-testid="registration-matches">
            <Title order={2} size="h5" mb="sm">
              {t('registrations.detail.matches')}
            </Title>
            {reg.matches.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registrations.detail.noMatches')}
              </Text>
            ) : (
              <Stack gap={6}>
                {reg.matches.map((m) => (
                  <MatchLine key={`${m.customerId ?? ''}:${m.registrationId ?? ''}`} match={m} />
                ))}
              </Stack>
            )}
          </Paper>
          {reg.rulings.length > 0 && (
            <Paper withBorder p="md" radius="sm" data-testid="registration-rulings">
              <Title order={2} size="h5" mb="sm">
                {t('registrations.detail.rulings')}
              </Title>
              <Stack gap={6}>
                {reg.rulings.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rulings are append-only, in order
                  <Text key={i} size="sm">
                    {t('registrations.detail.rulingLine', {
                      date: f.date(r.ruledOn),
                      actor: r.actor,
                      winner: t(`registrations.detail.winner.${r.winner}`),
                      basis: t(`registrations.detail.basis.${r.basis as 'escalation'}`, { defaultValue: r.basis }),
                      reason: r.reason,
                    })}
                  </Text>
                ))}
              </Stack>
            </Paper>
          )}
        </Stack>
      </SimpleGrid>

      {mode === 'release' ? (
        <ReleaseModal reg={reg} onClose={() => setMode(null)} />
      ) : mode !== null ? (
        <DecideModal reg={reg} mode={mode} heads={heads} onClose={() => setMode(null)} />
      ) : null}
    </Stack>
  );
}

function Actions({
  reg,
  ruling,
  hasHeads,
  onAct,
}: {
  reg: RegistrationDetail;
  ruling: boolean;
  hasHeads: boolean;
  onAct: (mode: DecideMode | 'release') => void;
}) {
  const { t } = useTranslation();
  if (reg.state === 'pre_review') {
    return (
      <>
        <Button onClick={() => onAct('preApprove')} data-testid="act-preApprove">
          {t('registrations.actions.preApprove')}
        </Button>
        <Button variant="light" color="red" onClick={() => onAct('preReject')} data-testid="act-preReject">
          {t('registrations.actions.preReject')}
        </Button>
      </>
    );
  }
  if (reg.state === 'review') {
    return (
      <>
        {ruling ? (
          <Button color="orange" onClick={() => onAct('rule')} data-testid="act-rule">
            {t('registrations.actions.rule')}
          </Button>
        ) : (
          <Button onClick={() => onAct('approve')} data-testid="act-approve">
            {t('registrations.actions.approve')}
          </Button>
        )}
        {hasHeads && (
          <Button variant="light" onClick={() => onAct('branch')} data-testid="act-branch">
            {t('registrations.actions.asBranch')}
          </Button>
        )}
        <Button variant="light" color="red" onClick={() => onAct('reject')} data-testid="act-reject">
          {t('registrations.actions.reject')}
        </Button>
      </>
    );
  }
  if (reg.state === 'approved' && reg.clock?.state === 'lapsed') {
    return (
      <Button color="red" variant="light" onClick={() => onAct('release')} data-testid="act-release">
        {t('registrations.actions.release')}
      </Button>
    );
  }
  return null;
}

/** This registration and each same-company holder, side by side, for the ruling (R19). */
function Sides({ sides }: { sides: ConflictSide[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder p="md" radius="sm" data-testid="registration-sides">
      <Title order={2} size="h5">
        {t('registrations.detail.sides')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('registrations.detail.sidesIntro')}
      </Text>
      <SimpleGrid cols={Math.min(sides.length, 3)} spacing="md">
        {sides.map((s, i) => (
          <Paper
            key={`${s.registrationId ?? ''}:${s.customerId ?? ''}`}
            withBorder
            p="sm"
            radius="sm"
            bg={i === 0 ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-orange-0)'}
            data-testid="registration-side"
          >
            <Text fw={700} size="sm" mb={6}>
              {i === 0 ? t('registrations.detail.sideThis') : t('registrations.detail.sideHolder')}
              {s.customerId ? (
                <>
                  {' · '}
                  <CustomerIdText id={s.customerId} size="sm" />
                </>
              ) : s.registrationId !== null && i > 0 ? (
                ` · ${t('registrations.number', { id: s.registrationId })}`
              ) : null}
            </Text>
            <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
              <DetailField label={t('registrations.detail.sideUnit')}>{s.unitName}</DetailField>
              <DetailField label={t('registrations.detail.sideSince')}>{f.date(s.since)}</DetailField>
              <DetailField label={t('registrations.detail.sideRevenue')}>
                {s.revenueFen === null ? EMPTY_VALUE : f.fen(s.revenueFen)}
              </DetailField>
              <DetailField label={t('registrations.detail.sideEvidence')}>{s.evidence ?? EMPTY_VALUE}</DetailField>
            </SimpleGrid>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('registrations.detail.sideRevenueNote')}
      </Text>
    </Paper>
  );
}
