/** The state and ownership-clock badges of a registration, and one duplicate-check match. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OwnershipClockView, RegistrationMatch } from '../../../../shared/api/registration-types';
import type { RegistrationState } from '../../../../shared/domain/registration/states';
import { useFormat } from '../../i18n/useFormat';
import { CLOCK_COLORS, matchColor, matchReasonLabel, STATE_COLORS } from './labels';

export function StateBadge({ state }: { state: RegistrationState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      style={{ textTransform: 'none', flexShrink: 0 }}
      data-testid="registration-state"
    >
      {t(`registrations.state.${state}`)}
    </Badge>
  );
}

export function ClockText({ clock }: { clock: OwnershipClockView | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!clock) return null;
  // The state as a short badge; the date under it (a long badge would be cut in the list's column).
  const note =
    clock.state === 'confirmed'
      ? clock.confirmedBy
        ? t(`registrations.confirmedBy.${clock.confirmedBy}`)
        : null
      : t('registrations.clockUntil', { date: f.date(clock.lapsesOn) });
  return (
    <Group gap={6} wrap="nowrap" data-testid="registration-clock" data-clock={clock.state}>
      <Badge color={CLOCK_COLORS[clock.state]} variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
        {t(`registrations.clock.${clock.state}`)}
      </Badge>
      {note && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {note}
        </Text>
      )}
    </Group>
  );
}

/** One holder: reason, unit, state, since — never its dossier (R19a). */
export function MatchLine({ match }: { match: RegistrationMatch }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const state =
    match.state === 'customer'
      ? t('registrations.holderCustomer')
      : t(`registrations.state.${match.state as RegistrationState}`, { defaultValue: match.state });
  return (
    <Group gap="xs" wrap="nowrap" align="center" data-testid="registration-match" data-reason={match.reason}>
      <Badge color={matchColor(match)} variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
        {matchReasonLabel(match, en)}
      </Badge>
      <Text size="sm">
        {t('registrations.form.holder', { unit: match.unitName, state, since: f.date(match.since) })}
      </Text>
    </Group>
  );
}
