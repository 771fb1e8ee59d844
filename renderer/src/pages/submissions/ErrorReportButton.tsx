import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XLSX_FILTERS } from '../../../../shared/api/host';
import type { ImportPreview } from '../../../../shared/api/types';
import { api, toApiCallError } from '../../api/client';
import { errorReportName } from './wizard';

/**
 * 下载问题清单: the unit's rows with a column of problems (DOMAIN-DECISIONS "Imports"), saved where
 * the officer chooses, to send back to the unit. Only while the preview is staged (before commit).
 */
export function ErrorReportButton({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  if (preview.counts.errors + preview.counts.warnings === 0) return null;

  const save = async () => {
    setSaving(true);
    try {
      const { path } = await api.host('host/save-file', {
        title: t('submissions.report.dialogTitle'),
        defaultName: errorReportName(preview.fileName),
        filters: XLSX_FILTERS,
      });
      if (path === null) return;
      const report = await api.call('imports/error-report', { token: preview.token, path });
      notifications.show({
        color: 'postal',
        title: t('submissions.report.savedTitle'),
        message: t('submissions.report.savedText', { rows: report.rowsWithProblems, path: report.path ?? path }),
      });
    } catch (e) {
      const err = toApiCallError('imports/error-report', e);
      notifications.show({ color: 'red', title: t('submissions.report.failedTitle'), message: err.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Button size="xs" variant="default" loading={saving} onClick={() => void save()} data-testid="error-report-save">
      {t('submissions.report.button')}
    </Button>
  );
}
