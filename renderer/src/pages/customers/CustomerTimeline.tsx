/**
 * 时间线: what happened to the customer, newest first, merged by the backend from what each part
 * stores (customers/timeline); each event phrased here in the officer's language, with who and when.
 */
import { Paper, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/api/types';
import { formatMoney } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { EmptyBlock } from '../../components/EmptyBlock';
import { useLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { typedFen } from './timeline-facts';

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const state = useApiQuery('customers/timeline', { id: customerId });
  return (
    <Paper withBorder p="md" data-testid="customer-timeline">
      <ApiView state={state}>
        {(events) =>
          events.length === 0 ? (
            <EmptyBlock description={t('customerDetail.timeline.empty')} />
          ) : (
            <Timeline bulletSize={14} lineWidth={2} aria-label={t('customerDetail.timeline.label')}>
              {events.map((e) => (
                <TimelineItem key={`${e.kind}|${e.at}|${JSON.stringify(e.facts)}`} event={e} />
              ))}
            </Timeline>
          )
        }
      </ApiView>
    </Paper>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const english = useLanguage() === 'en';
  const when = event.at.length === 10 ? f.date(event.at) : formatDateTime(event.at);
  return (
    <Timeline.Item
      title={
        <Text size="sm" fw={600}>
          {phrase(event, t, (p) => f.month(p), english)}
        </Text>
      }
      data-testid="customer-timeline-event"
      data-kind={event.kind}
    >
      <Text size="xs" c="dimmed">
        {event.actor ? `${when} · ${event.actor}` : when}
      </Text>
    </Timeline.Item>
  );
}

function phrase(e: TimelineEvent, t: TFunction, month: (period: string) => string, english: boolean): string {
  const x = e.facts;
  const tierName = (tier: string | number | null) =>
    tier === null ? t('customerDetail.timeline.notKey') : t(`tier.${String(tier) as 'gold'}`);
  switch (e.kind) {
    case 'created':
      return x.customerBatch !== null && x.customerBatch !== undefined
        ? t('customerDetail.timeline.createdFromList', { batch: x.customerBatch, unit: x.unit })
        : t('customerDetail.timeline.created', { unit: x.unit });
    case 'grading':
      return x.previous === null
        ? t('customerDetail.timeline.grading', { year: x.year, tier: tierName(x.tier ?? null) })
        : t('customerDetail.timeline.gradingChanged', {
            year: x.year,
            tier: tierName(x.tier ?? null),
            previous: tierName(x.previous ?? null),
          });
    case 'approval':
    case 'approval_revoked':
    case 'override':
    case 'override_revoked':
      return t(`customerDetail.timeline.${e.kind}`, { ...x, tier: tierName(x.tier ?? null) });
    case 'agreement':
      return t('customerDetail.timeline.agreement');
    case 'import':
      return (
        t('customerDetail.timeline.import', {
          batch: x.batchId,
          file: x.fileName,
          unit: x.unit ? t('customerDetail.timeline.importUnit', { unit: x.unit }) : '',
          cells: x.cells,
        }) + (x.undoneAt ? t('customerDetail.timeline.importUndone', { at: formatDateTime(String(x.undoneAt)) }) : '')
      );
    case 'registration_step':
      return t('customerDetail.timeline.registration_step', {
        id: x.registrationId,
        unit: x.unit,
        step: t(`customerDetail.timeline.steps.${String(x.step) as 'submit'}`),
        decision: t(`customerDetail.timeline.decisions.${String(x.decision) as 'approved'}`),
        opinion: x.opinion ? t('customerDetail.timeline.opinion', { text: x.opinion }) : '',
      });
    case 'owner_change':
      return t('customerDetail.timeline.owner_change', {
        previous: x.previous,
        next: x.next,
        how: t(`customerDetail.timeline.ownerHow.${String(x.kind) as 'release'}`),
        reason: x.reason,
      });
    case 'application':
      return t('customerDetail.timeline.application', {
        unit: x.unit,
        id: x.applicationId,
        state:
          x.state === 'granted'
            ? t('customerDetail.timeline.applicationGranted', { attribution: x.attribution, endOn: x.endOn })
            : t('customerDetail.timeline.applicationRefused'),
      });
    case 'archive':
      return x.verified
        ? t('customerDetail.timeline.archiveVerified', { revision: x.revision })
        : t('customerDetail.timeline.archive', { revision: x.revision, changed: x.changed });
    case 'manager_assigned':
    case 'manager_ended':
      return t(`customerDetail.timeline.${e.kind}`, {
        role: t(`customerDetail.timeline.roles.${String(x.role) as 'A'}`),
        manager: x.manager,
        reason: e.kind === 'manager_ended' && x.reason ? t('customerDetail.timeline.opinion', { text: x.reason }) : '',
      });
    case 'complaint':
      return t('customerDetail.timeline.complaint', {
        id: x.id,
        unit: x.unit,
        channel: x.channel,
        content: String(x.content).length > 60 ? `${String(x.content).slice(0, 60)}…` : x.content,
      });
    case 'complaint_closed':
      return t(
        x.breached ? 'customerDetail.timeline.complaintClosedLate' : 'customerDetail.timeline.complaint_closed',
        {
          id: x.id,
          satisfaction: x.satisfaction,
        },
      );
    case 'development':
      return t(
        `customerDetail.timeline.development.${x.stage === 'contact' ? 'opened' : x.stage === 'lost' ? 'lost' : x.stage === 'agreement' ? 'won' : 'moved'}`,
        {
          id: x.id,
          line: t(`line.${String(x.line) as 'savings'}`),
          stage: t(`marketing.stages.${String(x.stage) as 'contact'}`, { defaultValue: String(x.stage) }),
          reason: x.reason ? t('customerDetail.timeline.opinion', { text: x.reason }) : '',
        },
      );
    case 'log':
      return t(x.summary ? 'customerDetail.timeline.logSummary' : 'customerDetail.timeline.log', {
        id: x.id,
        unit: x.unit,
        method: t(`marketing.methods.${String(x.method) as 'visit'}`),
        stage: x.stage ? t(`marketing.stages.${String(x.stage) as 'contact'}`) : '',
        content: String(x.content).length > 60 ? `${String(x.content).slice(0, 60)}…` : x.content,
      });
    case 'discount_requested':
      return t('customerDetail.timeline.discount_requested', {
        id: x.id,
        line: t(`line.${String(x.line) as 'savings'}`),
        standard: formatMoney(Number(x.standard)),
        proposed: formatMoney(Number(x.proposed)),
        unit: x.rateUnit,
        from: x.validFrom,
        to: x.validTo,
        steps: x.steps,
      });
    case 'discount_decided':
      return t('customerDetail.timeline.discount_decided', {
        id: x.id,
        step: x.step,
        role: english ? x.roleEn : x.role,
        approver: x.approver ? t('customerDetail.timeline.discountApprover', { name: x.approver }) : '',
        decision: t(`customerDetail.timeline.discountDecisions.${String(x.decision) as 'approve'}`),
        comment: x.comment ? t('customerDetail.timeline.opinion', { text: x.comment }) : '',
      });
    case 'discount_approved':
    case 'discount_withdrawn':
      return t(`customerDetail.timeline.${e.kind}`, {
        id: x.id,
        line: t(`line.${String(x.line) as 'savings'}`),
        from: x.validFrom,
        to: x.validTo,
        reason: x.reason ?? '',
      });
    case 'visit_held':
    case 'visit_not_held': {
      const text = String((e.kind === 'visit_held' ? x.outcome : x.reason) ?? '');
      return t(`customerDetail.timeline.${e.kind}`, {
        id: x.id,
        kind: t(`visits.kind.${String(x.visitKind) as 'manager'}`),
        participants: x.participants ?? '—',
        text: text.length > 60 ? `${text.slice(0, 60)}…` : text,
      });
    }
    case 'revenue_typed': {
      const line = t(`line.${String(x.line) as 'savings'}`);
      const fen = typedFen(x.amount);
      return fen === null
        ? t('customerDetail.timeline.revenueCleared', { month: month(String(x.period)), line })
        : t('customerDetail.timeline.revenue_typed', {
            month: month(String(x.period)),
            line,
            amount: formatMoney(fen),
          });
    }
  }
}
