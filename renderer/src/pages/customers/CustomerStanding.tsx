/**
 * The customer as the hub: its tier in force this month (R9–R13, from the backend's one answer in
 * tiering/in-force.ts) with an R13 approval or override marked beside it, its scope (R14), and the
 * unit and managers that look after it (R15). Used by the list's rows and the customer's page.
 */
import { Anchor, Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStanding } from '../../../../shared/api/types';
import { DetailField } from '../../components/DetailField';
import { TierBadge } from '../../components/TierBadge';
import { EMPTY_VALUE } from '../../i18n/format';
import { hrefOf } from '../../router/useRoute';

const ExplainDrawer = lazy(() => import('../tiers/ExplainDrawer').then((m) => ({ default: m.ExplainDrawer })));

/** The tier as words for sorting and the export: 钻石 / 钻石（省局特批）/ 非大客户 / 未分级. */
export function tierText(t: TFunction, s: CustomerStanding): string {
  if (s.tierBasis === null) return t('customers.ungraded');
  if (s.tier === null) return t('tier.none');
  const tier = t(`tier.${s.tier}`);
  return s.tierSource === 'approval' || s.tierSource === 'override'
    ? `${tier}（${t(`customerDetail.hub.${s.tierSource}`)}）`
    : tier;
}

export function scopeText(t: TFunction, s: CustomerStanding): string | null {
  return s.tier !== null && s.scope !== null ? t(`scope.${s.scope}`) : null;
}

/** The unit looking after the customer: the run's R15 unit, else its own unit. */
export function responsibleText(t: TFunction, s: CustomerStanding, ownUnit: string): string {
  return s.responsibleUnit ? s.responsibleUnit.name : t('customerDetail.hub.homeUnit', { unit: ownUnit });
}

/** 78 → "78", 78.5 → "78.5": the score as the explanation prints it. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/0$/, '');
}

export function managersText(s: CustomerStanding): string {
  return s.managers.map((m) => m.name).join('、');
}

/** The tier badge, 未分级 before any run, and a small marker when R13 set it. */
export function StandingTier({
  standing,
  testId,
  short = false,
}: {
  standing: CustomerStanding;
  testId?: string;
  /** 特批/调整 instead of 省局特批/人工调整 (a list cell). */
  short?: boolean;
}) {
  const { t } = useTranslation();
  if (standing.tierBasis === null) {
    return (
      <Text span size="xs" c="dimmed" data-testid={testId} data-tier="ungraded">
        {t('customers.ungraded')}
      </Text>
    );
  }
  const source = standing.tierSource;
  const marked = standing.tier !== null && (source === 'approval' || source === 'override') ? source : null;
  return (
    <Group gap={4} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
      <TierBadge tier={standing.tier} testId={testId} />
      {marked && (
        <Text
          span
          size="xs"
          c={marked === 'approval' ? 'indigo' : 'orange'}
          title={
            standing.computedTier
              ? t('customerDetail.hub.computed', { tier: t(`tier.${standing.computedTier}`) })
              : undefined
          }
          data-testid={testId ? `${testId}-source` : undefined}
        >
          {short ? t(`tiers.sourceShort.${marked}`) : t(`customerDetail.hub.${marked}`)}
        </Text>
      )}
    </Group>
  );
}

/** The customer page's 分级与负责单位 panel. */
export function StandingPanel({
  standing,
  ownUnit,
  customerId,
}: {
  standing: CustomerStanding;
  ownUnit: string;
  customerId: string;
}) {
  const { t } = useTranslation();
  const basis = standing.tierBasis;
  const [explaining, setExplaining] = useState(false);
  return (
    <Paper withBorder p="md" data-testid="customer-standing">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h5">
          {t('customerDetail.hub.title')}
        </Title>
        {basis ? (
          <Anchor href={hrefOf({ name: 'tiers', runId: basis.runId })} size="xs" data-testid="customer-tier-basis">
            {t('customerDetail.hub.basis', { year: basis.year, version: basis.policyVersion })}
          </Anchor>
        ) : (
          <Text size="xs" c="dimmed" data-testid="customer-tier-basis">
            {t('customerDetail.hub.noRun')}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 3, lg: 5 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
        <DetailField label={t('customerDetail.hub.tier')}>
          <StandingTier standing={standing} testId="customer-tier" />
          {standing.computedTier && standing.computedTier !== standing.tier && (
            <Text span size="xs" c="dimmed" ml={6} data-testid="customer-computed-tier">
              {t('customerDetail.hub.computed', { tier: t(`tier.${standing.computedTier}`) })}
            </Text>
          )}
          {basis && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              display="block"
              onClick={() => setExplaining(true)}
              data-testid="customer-tier-why"
            >
              {t('customerDetail.hub.why')}
            </Anchor>
          )}
        </DetailField>
        <DetailField label={t('customerDetail.hub.score')}>
          <span data-testid="customer-score">
            {standing.score === null
              ? EMPTY_VALUE
              : t('customerDetail.hub.scoreValue', { score: formatScore(standing.score) })}
          </span>
        </DetailField>
        <DetailField label={t('customerDetail.hub.scope')}>
          <span data-testid="customer-scope">{scopeText(t, standing) ?? EMPTY_VALUE}</span>
        </DetailField>
        <DetailField label={t('customerDetail.hub.responsible')}>
          <span data-testid="customer-responsible">{responsibleText(t, standing, ownUnit)}</span>
        </DetailField>
        <DetailField label={t('customerDetail.hub.managers')}>
          {standing.managers.length === 0 ? (
            <Text span size="sm" c="dimmed">
              {t('customerDetail.hub.noManagers')}
            </Text>
          ) : (
            <Group gap={6} data-testid="customer-managers" component="span">
              {standing.managers.map((m) => (
                <Badge
                  key={m.id}
                  variant="outline"
                  color="gray"
                  size="sm"
                  styles={{ label: { textTransform: 'none' } }}
                >
                  {m.name} · {t(`managerPost.${m.post}`)}
                </Badge>
              ))}
            </Group>
          )}
        </DetailField>
      </SimpleGrid>
      {basis && explaining && (
        // The tier run's own explanation drawer, loaded with the grading pages' code when asked for.
        <Suspense fallback={null}>
          <ExplainDrawer runId={basis.runId} customerId={customerId} onClose={() => setExplaining(false)} />
        </Suspense>
      )}
    </Paper>
  );
}
