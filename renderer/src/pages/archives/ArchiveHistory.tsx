/**
 * 修订记录 and 版本对比 (R17): every revision (no., who, when, 已核实 or the fields it changed) and the
 * field-level diff between any two (default: the last two). Personal values come masked from
 * archives/diff and are never shown here.
 */
import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveRevisionSummary } from '../../../../shared/api/types-archives';
import type { ArchiveChange } from '../../../../shared/domain/archive/document';
import { blockOf } from '../../../../shared/domain/archive/fields';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useLanguage } from '../../i18n';
import { EMPTY_VALUE } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { changedLabels, groupDiff } from './archive-form';

export function ArchiveHistory({ customerId, latest }: { customerId: string; latest: number | null }) {
  const state = useApiQuery('archives/history', { customerId });
  return (
    <ApiView state={state}>
      {(revisions) => <HistoryView customerId={customerId} revisions={revisions} latest={latest} />}
    </ApiView>
  );
}

function HistoryView({
  customerId,
  revisions,
  latest,
}: {
  customerId: string;
  revisions: ArchiveRevisionSummary[];
  latest: number | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const language = useLanguage();
  // null: follow the newest two (a new revision moves the default along).
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const top = latest ?? revisions[0]?.revision ?? 0;
  const pair = picked ?? { from: Math.max(0, top - 1), to: top };
  const options = [
    { value: '0', label: t('archives.diff.empty') },
    ...[...revisions].reverse().map((r) => ({
      value: String(r.revision),
      label: t('archives.diff.revision', { revision: r.revision, date: r.updatedOn }),
    })),
  ];

  return (
    <Paper withBorder p="md" data-testid="archive-history">
      <Title order={3} size="h6" mb="sm">
        {t('archives.history.title')}
      </Title>
      {revisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('archives.history.none')}
        </Text>
      ) : (
        <Table striped verticalSpacing={6} data-testid="archive-history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('archives.history.revision')}</Table.Th>
              <Table.Th w={120}>{t('archives.history.by')}</Table.Th>
              <Table.Th w={170}>{t('archives.history.at')}</Table.Th>
              <Table.Th>{t('archives.history.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {revisions.map((r) => {
              const labels = changedLabels(r.changed, language);
              return (
                <Table.Tr key={r.revision} data-testid="archive-history-row">
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>{r.recordedBy}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(r.recordedAt)}</Table.Td>
                  <Table.Td>
                    {r.verifiedOnly ? (
                      <Badge variant="light" color="teal" size="sm">
                        {t('archives.history.verified')}
                      </Badge>
                    ) : (
                      <Text size="sm">{labels.join(t('archives.history.separator'))}</Text>
                    )}
                    {r.note && (
                      <Text size="xs" c="dimmed">
                        {r.note}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      {revisions.length > 0 && (
        <Stack gap="sm" mt="md" data-testid="archive-diff">
          <Group gap="sm" align="flex-end">
            <Title order={3} size="h6" mr="md">
              {t('archives.diff.title')}
            </Title>
            <Select
              label={t('archives.diff.from')}
              data={options}
              value={String(pair.from)}
              onChange={(v) => v !== null && setPicked({ ...pair, from: Number(v) })}
              allowDeselect={false}
              w={220}
              size="xs"
              data-testid="archive-diff-from"
            />
            <Text pb={4}>→</Text>
            <Select
              label={t('archives.diff.to')}
              data={options.filter((o) => o.value !== '0')}
              value={String(pair.to)}
              onChange={(v) => v !== null && setPicked({ ...pair, to: Number(v) })}
              allowDeselect={false}
              w={220}
              size="xs"
              data-testid="archive-diff-to"
            />
          </Group>
          <DiffView customerId={customerId} from={pair.from} to={pair.to} />
          <Text size="xs" c="dimmed">
            {t('archives.diff.maskedNote')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function DiffView({ customerId, from, to }: { customerId: string; from: number; to: number }) {
  const state = useApiQuery('archives/diff', to > 0 ? { customerId, from, to } : null);
  return <ApiView state={state}>{(diff) => <DiffTable changes={diff.changes} />}</ApiView>;
}

function DiffTable({ changes }: { changes: ArchiveChange[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = (x: { zh: string; en: string }) => (language === 'en' ? x.en : x.zh);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="archive-diff-none">
        {t('archives.diff.none')}
      </Text>
    );
  }
  const value = (v: ArchiveChange['before']) => (v === null || v === '' ? EMPTY_VALUE : String(v));
  return (
    <Table verticalSpacing={4} withTableBorder data-testid="archive-diff-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('archives.diff.field')}</Table.Th>
          <Table.Th>{t('archives.diff.before')}</Table.Th>
          <Table.Th>{t('archives.diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groupDiff(changes).map((group) => {
          const block = blockOf(group.block);
          return group.entries.flatMap((entry) => [
            <Table.Tr key={`${group.block}-${entry.entry ?? ''}-head`} bg="gray.0">
              <Table.Td colSpan={3}>
                <Text size="sm" fw={600}>
                  {label(block)}
                  {block.repeatable && ` · ${t('archives.entryNo', { n: entry.ordinal })}`}
                </Text>
              </Table.Td>
            </Table.Tr>,
            ...entry.changes.map((c) => {
              const field = c.field === null ? null : block.fields.find((x) => x.key === c.field);
              return (
                <Table.Tr key={c.path} data-testid="archive-diff-row" data-path={c.path}>
                  <Table.Td>
                    {field ? label(field) : t(`archives.diff.${c.kind}`)}
                    {c.kind !== 'changed' && field && ` (${t(`archives.diff.${c.kind}`)})`}
                  </Table.Td>
                  <Table.Td c={c.before === null ? 'dimmed' : 'red.8'} style={{ whiteSpace: 'pre-wrap' }}>
                    {value(c.before)}
                  </Table.Td>
                  <Table.Td c={c.after === null ? 'dimmed' : 'teal.8'} style={{ whiteSpace: 'pre-wrap' }}>
                    {value(c.after)}
                  </Table.Td>
                </Table.Tr>
              );
            }),
          ]);
        })}
      </Table.Tbody>
    </Table>
  );
}
