import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierOrNone } from '../../../shared/api/types';
import { formatCount } from '../i18n/format';
import { TIERS_OR_NONE } from './TierBadge';

export type Matrix = Record<TierOrNone, Record<TierOrNone, number>>;

/**
 * From (rows) → to (columns), 'none' = not a key customer. The diagonal (no change) is greyed;
 * customers who moved are highlighted — up in green, down in orange.
 */
export function TransitionMatrix({
  matrix,
  fromLabel,
  toLabel,
  testId,
  caption,
}: {
  matrix: Matrix;
  fromLabel: string;
  toLabel: string;
  testId: string;
  caption: string;
}) {
  const { t } = useTranslation();
  const name = (k: TierOrNone) => t(k === 'none' ? 'tier.none' : `tier.${k}`);
  const rowTotal = (from: TierOrNone) => TIERS_OR_NONE.reduce((n, to) => n + (matrix[from]?.[to] ?? 0), 0);
  const colTotal = (to: TierOrNone) => TIERS_OR_NONE.reduce((n, from) => n + (matrix[from]?.[to] ?? 0), 0);
  const all = TIERS_OR_NONE.reduce((n, from) => n + rowTotal(from), 0);
  return (
    <Table
      withTableBorder
      withColumnBorders
      aria-label={caption}
      data-testid={testId}
      className="kam-matrix"
      style={{ tableLayout: 'fixed' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>
            <Text size="xs" c="dimmed">
              {fromLabel} ↓ / {toLabel} →
            </Text>
          </Table.Th>
          {TIERS_OR_NONE.map((to) => (
            <Table.Th key={to} ta="right">
              {name(to)}
            </Table.Th>
          ))}
          <Table.Th ta="right">{t('common.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TIERS_OR_NONE.map((from, fi) => (
          <Table.Tr key={from}>
            <Table.Th scope="row">{name(from)}</Table.Th>
            {TIERS_OR_NONE.map((to, ti) => {
              const n = matrix[from]?.[to] ?? 0;
              const kind = fi === ti ? 'same' : n === 0 ? 'zero' : ti < fi ? 'up' : 'down';
              return (
                <Table.Td
                  key={to}
                  ta="right"
                  className={`kam-matrix-${kind}`}
                  data-from={from}
                  data-to={to}
                  data-count={n}
                  title={`${name(from)} → ${name(to)}：${formatCount(n)}`}
                >
                  {n === 0 ? '·' : formatCount(n)}
                </Table.Td>
              );
            })}
            <Table.Td ta="right" fw={600}>
              {formatCount(rowTotal(from))}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">{t('common.total')}</Table.Th>
          {TIERS_OR_NONE.map((to) => (
            <Table.Td key={to} ta="right" fw={600}>
              {formatCount(colTotal(to))}
            </Table.Td>
          ))}
          <Table.Td ta="right" fw={700}>
            {formatCount(all)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
