/**
 * 客户名单导入: choose a workbook → preview (problems by sheet, row and column; rows to import) →
 * import → done, with the batch's undo beside it. The blank template is one click away.
 */
import { Alert, Badge, Button, Checkbox, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FILTERS } from '../../../../shared/api/host';
import type { CustomerImportBatchView, CustomerImportPreview } from '../../../../shared/api/types';
import { type ApiCallError, api, issueMessage, toApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/query';
import { ErrorAlert } from '../../components/ApiViews';

const XLSX_FILTERS = [{ name: 'Excel', extensions: ['xlsx'] }];

/** Saves the blank customer-list workbook where the officer chooses. */
export function useDownloadCustomerTemplate(): () => Promise<void> {
  const { t } = useTranslation();
  return async () => {
    try {
      const { path } = await api.host('host/save-file', {
        title: t('customerImport.templateTitle'),
        defaultName: '客户名单模板.xlsx',
        filters: XLSX_FILTERS,
      });
      if (!path) return;
      const saved = await api.call('customers/import-template', { path });
      notifications.show({ color: 'postal', title: t('customerImport.templateSaved'), message: saved.path });
    } catch (e) {
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message });
    }
  };
}

export function CustomerImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<CustomerImportPreview | null>(null);
  const [batch, setBatch] = useState<CustomerImportBatchView | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [exclude, setExclude] = useState(false);
  const commit = useApiMutation('customers/import-commit');
  const undo = useApiMutation('customers/import-undo');
  const download = useDownloadCustomerTemplate();

  const close = () => {
    setPreview(null);
    setBatch(null);
    setError(null);
    setExclude(false);
    onClose();
  };
  const choose = async () => {
    setError(null);
    try {
      const { paths } = await api.host('host/open-file', {
        title: t('customerImport.choose'),
        filters: IMPORT_FILTERS,
      });
      const file = paths[0];
      if (!file) return;
      setBusy(true);
      setBatch(null);
      setPreview(await api.call('customers/import-preview', { path: file }));
    } catch (e) {
      setError(toApiCallError('customers/import-preview', e));
    } finally {
      setBusy(false);
    }
  };
  const doCommit = async () => {
    if (!preview) return;
    setError(null);
    try {
      setBatch(await commit.mutateAsync({ token: preview.token, excludeErrorRows: exclude }));
      setPreview(null);
    } catch (e) {
      setError(toApiCallError('customers/import-commit', e));
    }
  };
  const doUndo = async () => {
    if (!batch) return;
    setError(null);
    try {
      setBatch(await undo.mutateAsync({ batchId: batch.id }));
    } catch (e) {
      setError(toApiCallError('customers/import-undo', e));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('customerImport.title')} size="80rem" data-testid="customer-import">
      <Stack gap="sm">
        <Group gap="sm">
          <Button onClick={() => void choose()} loading={busy} data-testid="customer-import-choose">
            {preview ? t('customerImport.chooseAgain') : t('customerImport.choose')}
          </Button>
          <Button variant="default" onClick={() => void download()} data-testid="customer-import-template">
            {t('customerImport.template')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('customerImport.hint')}
          </Text>
        </Group>
        {error && <ErrorAlert error={error} />}
        {preview && (
          <Stack gap="xs" data-testid="customer-import-preview">
            <Group gap="md">
              <Text size="sm" fw={600}>
                {preview.fileName}
                {preview.sheet ? ` · ${preview.sheet}` : ''}
              </Text>
              <Badge color="postal" variant="light" data-testid="customer-import-ready">
                {t('customerImport.ready', { count: preview.counts.ready })}
              </Badge>
              <Badge color={preview.counts.errorRows > 0 ? 'red' : 'gray'} variant="light">
                {t('customerImport.errorRows', { count: preview.counts.errorRows })}
              </Badge>
              <Badge color={preview.counts.warnings > 0 ? 'orange' : 'gray'} variant="light">
                {t('customerImport.warnings', { count: preview.counts.warnings })}
              </Badge>
            </Group>
            {preview.issues.length > 0 && (
              <ScrollArea.Autosize mah={220}>
                <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="customer-import-issues">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('customerImport.kind')}</Table.Th>
                      <Table.Th w={140}>{t('customerImport.where')}</Table.Th>
                      <Table.Th>{t('customerImport.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.issues.map((i) => (
                      <Table.Tr
                        key={`${i.sheet}-${i.row}-${i.column}-${i.message}`}
                        data-testid="customer-import-issue"
                      >
                        <Table.Td>
                          <Text span size="xs" c={i.severity === 'error' ? 'red' : 'orange.8'} fw={600}>
                            {t(`customerImport.severity.${i.severity}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {i.row === null
                            ? i.sheet
                            : t('customerImport.cell', { sheet: i.sheet, row: i.row, column: i.column ?? '' })}
                        </Table.Td>
                        <Table.Td>{issueMessage(i)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
            {preview.rows.length > 0 && (
              <ScrollArea.Autosize mah={220}>
                <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="customer-import-rows">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('customerImport.row')}</Table.Th>
                      <Table.Th>{t('customerImport.name')}</Table.Th>
                      <Table.Th>{t('customerImport.creditCode')}</Table.Th>
                      <Table.Th w={90}>{t('customerImport.area')}</Table.Th>
                      <Table.Th>{t('customerImport.unit')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((r) => (
                      <Table.Tr key={`${r.sheet}-${r.row}`} bg={r.warning ? 'orange.0' : undefined}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td className="kam-mono">{r.creditCode ?? ''}</Table.Td>
                        <Table.Td>{r.areaCode}</Table.Td>
                        <Table.Td>{r.unitName}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
            <Group justify="flex-end" gap="sm">
              {preview.counts.errorRows > 0 && (
                <Checkbox
                  label={t('customerImport.exclude', { count: preview.counts.errorRows })}
                  checked={exclude}
                  onChange={(e) => setExclude(e.currentTarget.checked)}
                  data-testid="customer-import-exclude"
                />
              )}
              <Button
                onClick={() => void doCommit()}
                loading={commit.isPending}
                disabled={preview.counts.ready === 0 || (preview.counts.errorRows > 0 && !exclude)}
                data-testid="customer-import-commit"
              >
                {t('customerImport.commit', { count: preview.counts.ready })}
              </Button>
            </Group>
          </Stack>
        )}
        {batch && (
          <Alert
            color={batch.undoneAt ? 'gray' : 'postal'}
            title={batch.undoneAt ? t('customerImport.undone') : t('customerImport.done', { count: batch.customers })}
            data-testid="customer-import-done"
          >
            <Group justify="space-between">
              <Text size="sm">{batch.fileName}</Text>
              {!batch.undoneAt && (
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  onClick={() => void doUndo()}
                  loading={undo.isPending}
                  data-testid="customer-import-undo"
                >
                  {t('customerImport.undo')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
