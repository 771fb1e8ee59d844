/**
 * A revision out of the app: 打印 (the print view to the system printer), 另存为 PDF / Word /
 * Excel (the save dialog, then reports/export), and 打印预览 (the print view in a sandboxed
 * frame). Every one of them is the same print view or document the backend composes.
 */
import { Anchor, Box, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../../../shared/api/schemas';
import { type ApiCallError, api, toApiCallError } from '../../../api/client';
import { useApiQuery } from '../../../api/query';
import { ApiView, ErrorAlert } from '../../../components/ApiViews';

export const FORMAT_FILTERS: Record<ReportFormat, { name: string; extensions: string[] }[]> = {
  pdf: [{ name: 'PDF 文档', extensions: ['pdf'] }],
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
  xlsx: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
};

export interface ReportOutput {
  busy: 'print' | ReportFormat | null;
  error: ApiCallError | null;
  clearError: () => void;
  print: () => Promise<void>;
  saveAs: (format: ReportFormat) => Promise<void>;
}

/** `beforeOutput` saves the pending text first (false: it could not, so nothing is printed). */
export function useReportOutput(id: number, beforeOutput: () => Promise<boolean>): ReportOutput {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ReportOutput['busy']>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  const run = async (what: 'print' | ReportFormat, channel: string, body: () => Promise<void>) => {
    setError(null);
    if (!(await beforeOutput())) return;
    setBusy(what);
    try {
      await body();
    } catch (e) {
      setError(toApiCallError(channel, e));
    } finally {
      setBusy(null);
    }
  };

  const print = () =>
    run('print', 'host/print', async () => {
      const view = await api.call('reports/html', { id });
      const { printed } = await api.host('host/print', { title: view.title, html: view.html });
      if (printed) notifications.show({ color: 'postal', message: t('reports.analysis.output.printed') });
    });

  const saveAs = (format: ReportFormat) =>
    run(format, 'reports/export', async () => {
      // The name the backend gives the file (reports/html's title is the same reportTitle), without
      // a dry export: a PDF dry run would print the whole report once for nothing.
      const { title } = await api.call('reports/html', { id });
      const { path } = await api.host('host/save-file', {
        title: t(`reports.analysis.output.saveTitle.${format}`),
        defaultName: `${title}.${format}`,
        filters: FORMAT_FILTERS[format],
      });
      if (path === null) return;
      const file = await api.call('reports/export', { id, format, path });
      const saved = file.path ?? path;
      notifications.show({
        color: 'postal',
        autoClose: 10_000,
        title: t('reports.analysis.output.saved'),
        message: (
          <Stack gap={2} data-testid="report-saved">
            <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="report-saved-path">
              {saved}
            </Text>
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() =>
                void api
                  .host('host/show-in-folder', { path: saved })
                  .catch((e: unknown) => setError(toApiCallError('host/show-in-folder', e)))
              }
            >
              {t('reports.analysis.output.showInFolder')}
            </Anchor>
          </Stack>
        ),
      });
    });

  return { busy, error, clearError: () => setError(null), print, saveAs };
}

export function SaveAsMenu({ output, testId }: { output: ReportOutput; testId: string }) {
  const { t } = useTranslation();
  const formats: ReportFormat[] = ['pdf', 'docx', 'xlsx'];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={output.busy !== null && output.busy !== 'print'} data-testid={testId}>
          {t('reports.analysis.output.saveAs')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((f) => (
          <Menu.Item key={f} onClick={() => void output.saveAs(f)} data-testid={`${testId}-${f}`}>
            {t(`reports.analysis.output.formats.${f}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** An output's refusal (e.g. no Chromium for PDF: UNAVAILABLE, which suggests Word), said plainly. */
export function OutputError({ output }: { output: ReportOutput }) {
  const { t } = useTranslation();
  if (!output.error) return null;
  const unavailable = output.error.code === 'UNAVAILABLE';
  return (
    <Box data-testid="report-output-error">
      <ErrorAlert error={output.error} title={unavailable ? t('reports.analysis.output.unavailable') : undefined} />
      {unavailable && (
        <Group mt="xs" gap="xs">
          <Button size="xs" variant="light" onClick={() => void output.saveAs('docx')}>
            {t('reports.analysis.output.tryWord')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={output.clearError}>
            {t('common.close')}
          </Button>
        </Group>
      )}
    </Box>
  );
}

/**
 * 打印预览: the print view itself (the HTML every PDF is printed from) in a sandboxed frame — no
 * script runs in it and it reaches nothing — with its sheets on grey as on the print view's
 * `@media screen` rules.
 */
export function PrintPreview({
  id,
  opened,
  onClose,
  output,
}: {
  id: number;
  opened: boolean;
  onClose: () => void;
  output: ReportOutput;
}) {
  const { t } = useTranslation();
  const html = useApiQuery('reports/html', opened ? { id } : null, { keepPrevious: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen
      padding={0}
      title={
        <Group gap="md" wrap="nowrap">
          <Text fw={700}>{t('reports.analysis.output.preview')}</Text>
          {html.data && (
            <Text size="sm" c="dimmed" lineClamp={1}>
              {html.data.title}
            </Text>
          )}
        </Group>
      }
      styles={{
        header: { paddingInline: 'var(--mantine-spacing-md)', borderBottom: '1px solid var(--mantine-color-gray-3)' },
        title: { flex: 1 },
        body: { height: 'calc(100vh - 60px)', display: 'flex', flexDirection: 'column' },
      }}
      data-testid="report-preview"
    >
      <Group
        justify="flex-end"
        gap="xs"
        px="md"
        py={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Button
          onClick={() => void output.print()}
          loading={output.busy === 'print'}
          data-testid="report-preview-print"
        >
          {t('reports.analysis.output.print')}
        </Button>
        <SaveAsMenu output={output} testId="report-preview-save" />
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
      {output.error && (
        <Box px="md" pt="xs">
          <OutputError output={output} />
        </Box>
      )}
      <Box style={{ flex: 1, minHeight: 0 }}>
        <ApiView state={html}>
          {(view) => (
            <iframe
              title={view.title}
              sandbox=""
              srcDoc={view.html}
              data-testid="report-preview-frame"
              style={{ width: '100%', height: '100%', border: 0, display: 'block', background: '#e9ecef' }}
            />
          )}
        </ApiView>
      </Box>
    </Modal>
  );
}
