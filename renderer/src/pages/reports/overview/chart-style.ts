/** The house style of the dashboard's charts (as components/TierCountChart.tsx). */
import type { Scope, Tier } from '../../../../../shared/domain/tiers';

export const AXIS_TICK = { fontSize: 12, fill: 'var(--mantine-color-text)' };
export const AXIS_TICK_DIM = { fontSize: 11, fill: 'var(--mantine-color-dimmed)' };
export const AXIS_STROKE = 'var(--mantine-color-default-border)';
export const LABEL_STYLE = { fontSize: 12, fill: 'var(--mantine-color-text)' };
export const GRID_STROKE = 'var(--mantine-color-default-border)';

export const TIER_FILLS: Record<Tier, string> = {
  diamond: 'var(--mantine-color-indigo-6)',
  gold: 'var(--mantine-color-yellow-6)',
  silver: 'var(--mantine-color-gray-6)',
  general: 'var(--mantine-color-teal-6)',
};

export const SCOPE_FILLS: Record<Scope, string> = {
  regional: 'var(--mantine-color-postal-6)',
  comprehensive: 'var(--mantine-color-cyan-5)',
  professional: 'var(--mantine-color-orange-5)',
};

export const KEY_FILL = 'var(--mantine-color-postal-6)';
export const ALL_FILL = 'var(--mantine-color-gray-6)';

export const TOOLTIP_PROPS = {
  contentStyle: {
    fontSize: 12,
    background: 'var(--mantine-color-body)',
    border: '1px solid var(--mantine-color-default-border)',
    borderRadius: 4,
  },
  cursor: { fill: 'var(--mantine-color-default-hover)' },
  isAnimationActive: false,
} as const;

/** A long name cut for an axis (the tooltip and the table keep it whole). */
export function shortName(name: string, max = 10): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * The width a category axis needs for its labels at 12px: a Chinese character is about 12px wide,
 * a Latin one about 7px (so "Fluctuating" is not cut in English), capped so the bars keep room.
 */
export function labelWidth(labels: readonly string[], max = 180): number {
  const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12.5 : 7), 0);
  return Math.min(max, Math.ceil(Math.max(24, ...labels.map(widthOf)) + 10));
}
