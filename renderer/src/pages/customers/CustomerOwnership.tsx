/**
 * The hub's ownership line (R19, R19c): the registration that made the customer, its state and
 * ownership clock, and marketing applications on it still open or in force — each a link to where
 * it is decided.
 */
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';
import { ClockText, StateBadge } from '../registrations/badges';

export function CustomerOwnershipPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const registrations = useApiQuery('registrations/list', { customerId });
  const applications = useApiQuery('applications/list', { customerId });
  const units = useApiQuery('units/list', {});
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const open = (applications.data ?? []).filter((a) => a.state !== 'refused' && (a.state !== 'granted' || a.member));
  if (!registrations.data || !applications.data) return null;
  return (
    <Paper withBorder px="md" py="xs" data-testid="customer-ownership">
      <Stack gap={4}>
        {registrations.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customerDetail.ownership.none')}
          </Text>
        ) : (
          registrations.data.map((r) => (
            <Group key={r.id} gap="xs" wrap="nowrap" data-testid="customer-registration">
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {t('customerDetail.ownership.registration')}
              </Text>
              <Anchor href={hrefOf({ name: 'registrations', tab: 'list', id: r.id })} size="sm">
                #{r.id}
              </Anchor>
              <Text size="sm">{r.unitName}</Text>
              <StateBadge state={r.state} />
              {r.approvedOn && (
                <Text size="xs" c="dimmed">
                  {t('customerDetail.ownership.approvedOn', { date: f.date(r.approvedOn) })}
                </Text>
              )}
              <ClockText clock={r.clock} />
            </Group>
          ))
        )}
        {open.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" data-testid="customer-application">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('customerDetail.ownership.application')}
            </Text>
            <Anchor href={hrefOf({ name: 'registrations', tab: 'applications', id: null })} size="sm">
              #{a.id}
            </Anchor>
            <Text size="sm">{unitName(a.unit)}</Text>
            <Text size="sm">{t(`registrations.applications.state.${a.state}`)}</Text>
            {a.state === 'granted' && a.endOn && (
              <Text size="xs" c="dimmed">
                {t('customerDetail.ownership.member', { percent: a.attributionPercent, date: f.date(a.endOn) })}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
