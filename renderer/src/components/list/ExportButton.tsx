import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XLSX_FILTERS } from '../../../../shared/api/host';
import { api, toApiCallError } from '../../api/client';
import { useToday } from '../AppInfo';
import { exportMatrix, type ListColumn } from './columns';

/** The file name offered for a list: its title and today, e.g. 客户经理名册_2026-12-05.xlsx. */
export function listFileName(title: string, today: string): string {
  return `${title.replace(/[\\/:*?"<>|]/g, '_')}_${today}.xlsx`;
}

/** 导出 Excel: asks where, then saves the shown columns and rows through lists/export. */
export function ExportButton<T>({
  listId,
  title,
  filters,
  columns,
  rows,
  disabled,
}: {
  listId: string;
  title: string;
  filters: readonly string[];
  columns: readonly ListColumn<T>[];
  rows: () => Promise<readonly T[]>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const { path } = await api.host('host/save-file', {
        title: t('common.list.exportTitle'),
        defaultName: listFileName(title, today),
        filters: XLSX_FILTERS,
      });
      if (path === null) return;
      const all = await rows();
      const saved = await api.call('lists/export', {
        path,
        title,
        filters: [...filters],
        columns: columns.map((c) => ({ title: c.title, format: c.format ?? 'text' })),
        rows: exportMatrix(all, columns),
      });
      notifications.show({
        color: 'postal',
        title: t('common.list.export'),
        message: t('common.list.exported', { count: saved.rows, path: saved.path }),
      });
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('common.errorTitle'),
        message: toApiCallError('lists/export', e).message,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Button
      variant="default"
      size="xs"
      loading={saving}
      disabled={disabled}
      onClick={() => void save()}
      data-testid={`${listId}-export`}
    >
      {t('common.list.export')}
    </Button>
  );
}
