import { Badge, type BadgeProps, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierOrNone } from '../../../shared/api/types';
import { TIERS, type Tier } from '../../../shared/domain/tiers';

/** Tiers best first, then 'none' (not a key customer): the order of every matrix and filter. */
export const TIERS_OR_NONE: readonly TierOrNone[] = [...TIERS, 'none'];

export const TIER_COLORS: Record<TierOrNone, string> = {
  diamond: 'indigo',
  gold: 'yellow',
  silver: 'gray',
  general: 'teal',
  none: 'gray',
};

/** A tier as a coloured badge; 'none'/null reads 非大客户 in dimmed text. */
export function TierBadge({
  tier,
  size = 'sm',
  variant = 'light',
  testId,
}: {
  tier: Tier | TierOrNone | null;
  size?: BadgeProps['size'];
  variant?: BadgeProps['variant'];
  testId?: string;
}) {
  const { t } = useTranslation();
  if (tier === null || tier === 'none') {
    return (
      <Text span size="xs" c="dimmed" data-testid={testId} data-tier="none">
        {t('tier.none')}
      </Text>
    );
  }
  return (
    <Badge
      size={size}
      variant={variant}
      color={TIER_COLORS[tier]}
      data-testid={testId}
      data-tier={tier}
      style={{ flexShrink: 0 }}
      styles={{ label: { textTransform: 'none', overflow: 'visible' } }}
    >
      {t(`tier.${tier}`)}
    </Badge>
  );
}
