import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateFilesView } from '../../../../shared/api/types';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useActionsColumn } from '../../components/list/RowMenu';
import { lastMonthOf, MonthField } from '../../components/PeriodPickers';
import { useFormat } from '../../i18n/useFormat';
import { ReceiptsCard } from './ReceiptsCard';
import { useFolderWrite } from './useFolderWrite';

const ALL = '';

/** 模板: the month's template for one unit or all, into a folder the officer chooses. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const today = useToday();
  // Templates go out for the month that is being reported: last month, like the tracker.
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [unitCode, setUnitCode] = useState<string>(ALL);
  const units = useApiQuery('units/list', {});
  const folder = useFolderWrite('templates/generate', (outDir, overwrite) =>
    api.call('templates/generate', { period, outDir, overwrite, ...(unitCode === ALL ? {} : { unitCode }) }),
  );
  const { running, error, conflictDir } = folder;
  const result = folder.result && { view: folder.result.value, folder: folder.result.folder };
  const chooseAndGenerate = () => folder.chooseAndRun(t('submissions.templates.folderTitle'));

  const unitChoices = [
    { value: ALL, label: t('submissions.templates.allUnits') },
    ...(units.data ?? [])
      .filter((u) => u.retiredOn === null && u.customerCount > 0)
      .map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="templates-form">
        <Title order={2} size="h5" mb={4}>
          {t('submissions.templates.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {t('submissions.templates.text')}
        </Text>
        <Group align="flex-end" gap="md">
          <MonthField
            label={t('submissions.templates.month')}
            value={period}
            onChange={(p) => {
              setPeriod(p);
              folder.clear();
            }}
            testId="templates-month"
          />
          <Select
            label={t('submissions.templates.unit')}
            data={unitChoices}
            value={unitCode}
            onChange={(v) => setUnitCode(v ?? ALL)}
            allowDeselect={false}
            searchable
            w={300}
            data-testid="templates-unit"
          />
          <Button onClick={() => void chooseAndGenerate()} loading={running} data-testid="templates-generate">
            {t('submissions.templates.generate')}
          </Button>
        </Group>
        {error && (
          <Stack gap="xs" mt="md">
            <ErrorAlert error={error} title={conflictDir ? t('submissions.templates.overwriteTitle') : undefined} />
            {conflictDir && (
              <Group>
                <Button
                  color="orange"
                  variant="light"
                  onClick={() => void folder.overwrite()}
                  loading={running}
                  data-testid="templates-overwrite"
                >
                  {t('submissions.templates.overwrite')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      {result && <Written view={result.view} folder={result.folder} />}
      <ReceiptsCard />
    </Stack>
  );
}

function Written({ view, folder }: { view: TemplateFilesView; folder: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [showError, setShowError] = useState<ApiCallError | null>(null);
  const show = (path: string) =>
    api.host('host/show-in-folder', { path }).catch((e: unknown) => setShowError(toApiCallError('', e)));
  type File = TemplateFilesView['files'][number];
  const actions = useActionsColumn();
  const columns: ListColumn<File>[] = [
    {
      key: 'unitName',
      title: t('submissions.templates.columns.unit'),
      toggleable: false,
      render: (file) => (
        <>
          <Text size="sm" fw={600}>
            {file.unitName}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {file.unitCode}
          </Text>
        </>
      ),
    },
    { key: 'unitCode', title: t('submissions.templates.columns.unitCode'), hiddenByDefault: true },
    {
      key: 'fileName',
      title: t('submissions.templates.columns.fileName'),
      render: (file) => (
        <Text size="sm" title={file.path}>
          {file.fileName}
        </Text>
      ),
    },
    { key: 'customers', title: t('submissions.templates.columns.customers'), format: 'count' },
    { key: 'revenueRows', title: t('submissions.templates.columns.revenueRows'), format: 'count' },
    { key: 'keyCustomers', title: t('submissions.templates.columns.keyCustomers'), format: 'count' },
    actions<File>((file) => (
      <Anchor component="button" type="button" size="sm" onClick={() => void show(file.path)}>
        {t('submissions.templates.showInFolder')}
      </Anchor>
    )),
  ];
  return (
    <Paper withBorder p="md" data-testid="templates-written">
      <Alert
        color="postal"
        variant="light"
        mb="sm"
        title={t('submissions.templates.written', { count: view.files.length })}
      >
        <Text size="sm">
          {f.month(view.period)} · {t('submissions.templates.writtenAt', { folder })}
        </Text>
      </Alert>
      {showError && <ErrorAlert error={showError} />}
      <ListTable
        id="template-files"
        title={t('submissions.templates.tableLabel')}
        records={view.files}
        columns={columns}
        rowKey={(file) => file.path}
        filters={[`${t('submissions.templates.month')}：${f.month(view.period)}`]}
        emptyText={t('submissions.templates.none')}
        rowAttributes={() => ({ 'data-testid': 'template-file' })}
        testId="templates-files"
      />
    </Paper>
  );
}
