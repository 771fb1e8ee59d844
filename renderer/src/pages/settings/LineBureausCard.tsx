import { Badge, Group, Paper, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LineBureauView, UnitView } from '../../../../shared/api/types';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { type ListColumn, ListTable } from '../../components/list/ListTable';

/** The Select's value for "no bureau": Mantine's Select needs a string. */
const NONE = 'none';

/**
 * R15: the line → professional bureau table the officer edits. Each line picks at most one
 * active professional bureau (one bureau may own several lines); a line without one sends its
 * professional customers to the city centre, which the row says. A change saves at once.
 */
export function LineBureausCard({ units }: { units: readonly UnitView[] }) {
  const { t } = useTranslation();
  const table = useApiQuery('units/line-bureaus', {});
  const set = useApiMutation('units/set-line-bureau');
  const bureaus = units
    .filter((u) => u.kind === 'professional' && u.retiredOn === null)
    .map((u) => ({ value: String(u.id), label: u.name }));
  const options = [...bureaus, { value: NONE, label: t('units.lineBureaus.noneOption') }];

  const change = (row: LineBureauView, value: string | null) => {
    const unitId = value === null || value === NONE ? null : Number(value);
    if (unitId === row.unitId) return;
    set.mutateAsync({ line: row.line, unitId }).then(
      (after) => {
        const now = after.find((r) => r.line === row.line);
        notifications.show({
          color: 'postal',
          title: t('units.lineBureaus.saved'),
          message: t('units.lineBureaus.savedMessage', {
            line: t(`line.${row.line}`),
            bureau: now?.unitName ?? t('units.lineBureaus.none'),
          }),
        });
      },
      (e: unknown) =>
        notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message }),
    );
  };

  const columns: ListColumn<LineBureauView>[] = [
    {
      key: 'line',
      title: t('units.lineBureaus.line'),
      width: 110,
      toggleable: false,
      sortable: false,
      value: (r) => t(`line.${r.line}`),
    },
    {
      key: 'bureau',
      title: t('units.lineBureaus.bureau'),
      toggleable: false,
      sortable: false,
      value: (r) => r.unitName ?? t('units.lineBureaus.none'),
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <Select
            size="xs"
            w={180}
            data={options}
            value={r.unitId === null ? NONE : String(r.unitId)}
            onChange={(v) => change(r, v)}
            allowDeselect={false}
            aria-label={t('units.lineBureaus.label', { line: t(`line.${r.line}`) })}
            data-testid={`line-bureau-${r.line}`}
            comboboxProps={{ withinPortal: true }}
          />
          {r.unitId === null && (
            <Badge color="orange" variant="light" size="sm" data-testid={`line-fallback-${r.line}`}>
              {t('units.lineBureaus.fallback')}
            </Badge>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Paper withBorder p="md" data-testid="line-bureaus">
      <Title order={2} size="h5" mb={4}>
        {t('units.lineBureaus.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('units.lineBureaus.hint')}
      </Text>
      <ApiView state={table}>
        {(rows) => (
          <ListTable
            id="line-bureaus"
            title={t('units.lineBureaus.title')}
            records={rows}
            columns={columns}
            rowKey={(r) => r.line}
            emptyText=""
            bare
            testId="line-bureaus-table"
            // Eight rows: the whole table, no inner scroll.
            maxHeight="none"
          />
        )}
      </ApiView>
    </Paper>
  );
}
