import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XLSX_FILTERS } from '../../../../shared/api/host';
import type { ExportFileView } from '../../../../shared/api/types';
import { EXPORT_FORMS, type ExportForm, exportFileName, isExportForm } from '../../../../shared/domain/exports/forms';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';

const CITY = '';

/** 报表导出: 附件6-1, 6-2, 7 or the province package for a month, saved where the officer says. */
export function ExportsTab() {
  const { t } = useTranslation();
  const today = useToday();
  const [form, setForm] = useState<ExportForm>('6-1');
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [unitCode, setUnitCode] = useState<string>(CITY);
  const units = useApiQuery('units/list', {});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState<ExportFileView | null>(null);
  // A month nobody reported: said before the save dialog, not after (DOMAIN-DECISIONS "An empty month").
  const [emptyMonth, setEmptyMonth] = useState<string | null>(null);
  const format = useFormat();

  // The province package is city-wide only (the backend refuses a unit).
  const cityOnly = form === 'province';
  const scope = cityOnly ? CITY : unitCode;
  const unitName = scope === CITY ? null : (units.data?.find((u) => u.code === scope)?.name ?? scope);

  const run = async () => {
    setError(null);
    setDone(null);
    setEmptyMonth(null);
    setRunning(true);
    try {
      if ((await api.call('revenue/summary', { period })).customers === 0) {
        setEmptyMonth(period);
        return;
      }
      const { path } = await api.host('host/save-file', {
        title: t('submissions.exports.saveTitle'),
        defaultName: exportFileName(form, period, unitName),
        filters: XLSX_FILTERS,
      });
      if (path === null) return;
      setDone(await api.call('exports/build', { form, period, unitCode: scope === CITY ? null : scope, path }));
    } catch (e) {
      setError(toApiCallError('exports/build', e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="exports-form">
        <Title order={2} size="h5" mb={4}>
          {t('submissions.exports.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('submissions.exports.text')}
        </Text>
        <Group align="flex-end" gap="md">
          <Select
            label={t('submissions.exports.form')}
            data={EXPORT_FORMS.map((k) => ({ value: k, label: t(`submissions.exports.forms.${k}`) }))}
            value={form}
            onChange={(v) => {
              if (v && isExportForm(v)) setForm(v);
              setDone(null);
            }}
            allowDeselect={false}
            w={380}
            data-testid="exports-kind"
          />
          <MonthField
            label={t('submissions.exports.month')}
            value={period}
            onChange={(p) => {
              setPeriod(p);
              setDone(null);
              setEmptyMonth(null);
            }}
            testId="exports-month"
          />
          <Select
            label={t('submissions.exports.unit')}
            data={[
              { value: CITY, label: t('submissions.exports.city') },
              ...(units.data ?? [])
                .filter((u) => u.retiredOn === null && u.kind !== 'centre')
                .map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
            ]}
            value={scope}
            onChange={(v) => setUnitCode(v ?? CITY)}
            disabled={cityOnly}
            description={cityOnly ? t('submissions.exports.provinceCityOnly') : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDeselect={false}
            searchable
            w={240}
            data-testid="exports-unit"
          />
          <Button onClick={() => void run()} loading={running} data-testid="exports-run">
            {t('submissions.exports.export')}
          </Button>
        </Group>
        {emptyMonth && (
          <Alert
            mt="md"
            color="yellow"
            variant="light"
            title={t('submissions.exports.emptyTitle')}
            data-testid="exports-empty"
          >
            {t('submissions.exports.empty', { month: format.month(emptyMonth) })}
          </Alert>
        )}
        {error && (
          <Stack mt="md">
            <ErrorAlert error={error} />
          </Stack>
        )}
      </Paper>
      {done && <Exported file={done} />}
    </Stack>
  );
}

function Exported({ file }: { file: ExportFileView }) {
  const { t } = useTranslation();
  const [showError, setShowError] = useState<ApiCallError | null>(null);
  const path = file.path;
  return (
    <Paper withBorder p="md" data-testid="exports-done">
      <Alert color="postal" variant="light" title={t('submissions.exports.done')}>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('submissions.exports.doneText', { file: file.fileName })}
          </Text>
          {path && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('submissions.exports.savedTo')}：
              </Text>
              {path}{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() =>
                  void api
                    .host('host/show-in-folder', { path })
                    .catch((e: unknown) => setShowError(toApiCallError('', e)))
                }
              >
                {t('submissions.exports.showInFolder')}
              </Anchor>
            </Text>
          )}
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('submissions.exports.sheets')}：
            </Text>
            {file.sheets
              .map((s) => t('submissions.exports.sheetRows', { name: s.name, rows: formatCount(s.rows) }))
              .join(t('common.listSeparator'))}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('submissions.exports.size')}：
            </Text>
            {formatCount(Math.max(1, Math.round(file.size / 1024)))} KB
          </Text>
          <Text size="sm" c={file.tierBasis ? undefined : 'orange.8'}>
            <Text span c="dimmed" size="sm">
              {t('submissions.exports.tierBasis')}：
            </Text>
            {file.tierBasis
              ? t('submissions.exports.tierBasisRun', {
                  year: file.tierBasis.year,
                  runId: file.tierBasis.runId,
                  version: file.tierBasis.policyVersion,
                })
              : t('submissions.exports.tierBasisNone')}
          </Text>
        </Stack>
      </Alert>
      {showError && <ErrorAlert error={showError} />}
    </Paper>
  );
}
