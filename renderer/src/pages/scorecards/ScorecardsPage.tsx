/**
 * 考核 (R34): a month's scorecards per account manager and per unit, ranked; each part's score
 * with its figure under it, every one a button that opens the records behind it (RecordsDrawer);
 * 收入目标 (the yearly targets), 打印 (the official page, host/print) and 导出 Excel.
 */
import { Alert, Button, Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XLSX_FILTERS } from '../../../../shared/api/host';
import type { ScorecardRow } from '../../../../shared/api/types-scorecards';
import { SCORECARD_PARTS, type ScorecardPart } from '../../../../shared/domain/policy/policy';
import { partFigure, scorecardPrintHtml } from '../../../../shared/domain/scorecards/print-html';
import { api, toApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { useLanguage } from '../../i18n';
import { RecordsDrawer } from './RecordsDrawer';
import { TargetsModal } from './TargetsModal';

type Who = 'managers' | 'units';

const scoreText = (s: number | null) => (s === null ? '—' : s.toFixed(1));

export function ScorecardsPage() {
  const { t } = useTranslation();
  const today = useToday();
  const [period, setPeriod] = useState(lastMonthOf(today));
  const [who, setWho] = useState<Who>('managers');
  const [opened, setOpened] = useState<{ row: ScorecardRow; part: ScorecardPart } | null>(null);
  const [targets, setTargets] = useState(false);
  const [busy, setBusy] = useState<'print' | 'export' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useApiQuery('scorecards/list', { period });
  const english = useLanguage() === 'en';

  const act = async (kind: 'print' | 'export') => {
    setError(null);
    setBusy(kind);
    try {
      if (kind === 'print') {
        const v = view.data ?? (await api.call('scorecards/list', { period }));
        const { printed } = await api.host('host/print', {
          title: t('scorecards.printTitle', { period }),
          html: scorecardPrintHtml(v, who, today),
        });
        if (printed) notifications.show({ color: 'postal', message: t('scorecards.printed') });
      } else {
        const { path } = await api.host('host/save-file', {
          title: t('scorecards.exportTitle'),
          defaultName: `考核表_${period}.xlsx`,
          filters: XLSX_FILTERS,
        });
        if (path === null) return;
        const done = await api.call('scorecards/export', { period, path });
        notifications.show({ color: 'postal', message: t('scorecards.exported', { path: done.path }) });
      }
    } catch (e) {
      setError(toApiCallError(kind === 'print' ? 'host/print' : 'scorecards/export', e).message);
    } finally {
      setBusy(null);
    }
  };

  const partColumn = (part: ScorecardPart): ListColumn<ScorecardRow> => ({
    key: part,
    title: t(`scorecards.partsShort.${part}`),
    width: part === 'revenue' ? 150 : 100,
    textAlign: 'center',
    value: (r) => r.scores[part],
    render: (r) => (
      <UnstyledButton
        onClick={() => setOpened({ row: r, part })}
        data-testid={`scorecard-cell-${part}`}
        aria-label={t('scorecards.openRecords', { name: r.name, part: t(`scorecards.parts.${part}`) })}
        style={{ textAlign: 'center', width: '100%' }}
      >
        <Text size="sm" fw={600} c={r.scores[part] === null ? 'dimmed' : r.scores[part] < 60 ? 'red.8' : undefined}>
          {scoreText(r.scores[part])}
        </Text>
        <Text size="xs" c="dimmed" td="underline" style={{ textDecorationStyle: 'dotted' }}>
          {partFigure(r, part, english)}
        </Text>
      </UnstyledButton>
    ),
  });
  const columns: ListColumn<ScorecardRow>[] = [
    { key: 'rank', title: t('scorecards.columns.rank'), width: 56, textAlign: 'center', format: 'count' },
    ...(who === 'managers'
      ? [{ key: 'name', title: t('scorecards.columns.manager'), width: 84 } satisfies ListColumn<ScorecardRow>]
      : []),
    { key: 'unitName', title: t('scorecards.columns.unit'), width: 112 },
    { key: 'customers', title: t('scorecards.columns.customers'), width: 84, format: 'count' },
    ...SCORECARD_PARTS.map(partColumn),
    {
      key: 'total',
      title: t('scorecards.columns.total'),
      width: 72,
      textAlign: 'center',
      render: (r) => (
        <Text fw={700} data-testid="scorecard-total">
          {scoreText(r.total)}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <PageHeader title={t('scorecards.title')}>
        <Group gap="xs" align="flex-end">
          <MonthField label={t('scorecards.period')} value={period} onChange={setPeriod} testId="scorecards-period" />
          <Button variant="light" onClick={() => setTargets(true)} data-testid="scorecards-targets">
            {t('scorecards.targets')}
          </Button>
          <Button
            variant="light"
            loading={busy === 'print'}
            onClick={() => void act('print')}
            data-testid="scorecards-print"
          >
            {t('scorecards.print')}
          </Button>
          <Button loading={busy === 'export'} onClick={() => void act('export')} data-testid="scorecards-export">
            {t('scorecards.export')}
          </Button>
        </Group>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={1000}>
        {t('scorecards.intro')}
      </Text>
      {error && (
        <Alert color="red" variant="light" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <ApiView state={view}>
        {(v) => (
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t('scorecards.weights', {
                version: v.policyVersion,
                weights: SCORECARD_PARTS.map((p) => `${t(`scorecards.parts.${p}`)} ${v.weights[p]}%`).join(
                  english ? ', ' : '，',
                ),
              })}
            </Text>
            <ListTable
              key={who}
              id={`scorecards-${who}`}
              title={t(`scorecards.who.${who}`)}
              records={who === 'managers' ? v.managers : v.units}
              columns={columns}
              rowKey={(r) => (r.managerId === null ? `u${r.unit}` : `m${r.managerId}`)}
              toolbar={
                <Group gap="sm">
                  <SegmentedControl
                    size="xs"
                    value={who}
                    onChange={(x) => setWho(x as Who)}
                    data={(['managers', 'units'] as const).map((x) => ({ value: x, label: t(`scorecards.who.${x}`) }))}
                    data-testid="scorecards-who"
                  />
                </Group>
              }
              rowAttributes={(r) => ({
                'data-testid': 'scorecard-row',
                'data-id': r.managerId ?? r.unit,
              })}
              emptyText={t('scorecards.empty')}
              maxHeight="62vh"
              testId="scorecards-table"
            />
          </Stack>
        )}
      </ApiView>
      {opened && <RecordsDrawer period={period} row={opened.row} part={opened.part} onClose={() => setOpened(null)} />}
      {targets && <TargetsModal year={Number(period.slice(0, 4))} onClose={() => setTargets(false)} />}
    </Stack>
  );
}
