import { Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useFormat } from '../../i18n/useFormat';

export function AboutTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useApiQuery('app/info', {});
  return (
    <ApiView state={info}>
      {(data) => (
        <Paper withBorder maw={760}>
          <Table variant="vertical" layout="fixed" aria-label={t('about.title')} data-testid="about-table">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('about.version')}</Table.Th>
                <Table.Td>{data.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('about.databasePath')}</Table.Th>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {data.databasePath}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('about.schemaVersion')}</Table.Th>
                <Table.Td>{data.schemaVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('about.policyVersion')}</Table.Th>
                <Table.Td>{data.policyVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('about.today')}</Table.Th>
                <Table.Td>{f.date(data.today)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </ApiView>
  );
}
