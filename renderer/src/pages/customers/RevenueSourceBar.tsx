/**
 * Under the revenue grid, like a spreadsheet's status bar: where the selected figure came from —
 * the import batch with its file, sheet, row and column, who committed it and when; or who typed
 * it and when (revenue/source).
 */
import { Anchor, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RevenueSourceView } from '../../../../shared/api/types';
import type { RevenueLine } from '../../../../shared/domain/lines';
import { formatMoney } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/query';
import { formatDateTime } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';

export function RevenueSourceBar({
  customerId,
  cell,
}: {
  customerId: string;
  cell: { period: string; line: RevenueLine } | null;
}) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      mt={6}
      mih={22}
      wrap="nowrap"
      role="status"
      aria-live="polite"
      aria-label={t('revenue.sourceBar.label')}
      data-testid="revenue-source"
    >
      {cell === null ? (
        <Text size="xs" c="dimmed">
          {t('revenue.sourceBar.hint')}
        </Text>
      ) : (
        <SourceText customerId={customerId} period={cell.period} line={cell.line} />
      )}
    </Group>
  );
}

function SourceText({ customerId, period, line }: { customerId: string; period: string; line: RevenueLine }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = useApiQuery('revenue/source', { customerId, period, line });
  const source = state.data;
  if (!source) return null;
  return (
    <>
      <Text size="xs" c="dimmed" data-testid="revenue-source-text">
        {describe(source, f.month(period), t)}
      </Text>
      {source.batch && (
        <Anchor href={hrefOf({ name: 'submissions', tab: 'batches' })} size="xs" style={{ flexShrink: 0 }}>
          {t('revenue.sourceBar.openBatch')}
        </Anchor>
      )}
    </>
  );
}

function describe(s: RevenueSourceView, month: string, t: TFunction): string {
  const lineName = t(`line.${s.line as RevenueLine}`);
  if (s.amount === null) return t('revenue.sourceBar.none', { month, line: lineName });
  const base = { month, line: lineName, amount: formatMoney(s.amount) };
  if (s.batch) {
    const b = s.batch;
    const where =
      b.sheet !== null && b.row !== null
        ? t('revenue.sourceBar.where', {
            sheet: b.sheet,
            row: b.row,
            column: b.column ? t('revenue.sourceBar.column', { column: b.column }) : '',
          })
        : '';
    return (
      t('revenue.sourceBar.imported', {
        ...base,
        batch: b.id,
        file: b.fileName,
        where: `${b.unitName ? t('revenue.sourceBar.unit', { unit: b.unitName }) : ''}${where}`,
        by: b.committedBy,
        at: formatDateTime(b.committedAt),
      }) + (b.undoneAt ? t('revenue.sourceBar.undone') : '')
    );
  }
  if (s.typed) {
    const at = formatDateTime(s.typed.at);
    return s.typed.by
      ? t('revenue.sourceBar.typed', { ...base, by: s.typed.by, at })
      : t('revenue.sourceBar.typedUnknown', { ...base, at });
  }
  return t('revenue.sourceBar.form', { ...base, at: formatDateTime(s.updatedAt) });
}
