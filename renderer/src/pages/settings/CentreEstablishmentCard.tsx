import { Badge, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../../shared/api/types';
import type { EstablishmentPost } from '../../../../shared/domain/organisation';
import { type ListColumn, ListTable } from '../../components/list/ListTable';

/**
 * R4: the city centre's posts are an establishment it "may set up as needed" (根据需要可设):
 * each post's establishment against who is in post today. Fewer in post is an open post, never
 * a staffing gap (the county centres, 营业分局 and other bureaus keep their minimums).
 */
export function CentreEstablishmentCard({ centre }: { centre: UnitView }) {
  const { t } = useTranslation();
  if (centre.staffing.mode !== 'establishment') return null;
  const columns: ListColumn<EstablishmentPost>[] = [
    {
      key: 'post',
      title: t('units.staffing.post'),
      toggleable: false,
      sortable: false,
      value: (p) => t(`managerPost.${p.post}`),
      render: (p) => (
        <Text size="sm">
          {t(`managerPost.${p.post}`)}
          {p.post === 'account_manager' && (
            <Text span size="xs" c="dimmed" ml={6}>
              {t('units.staffing.accountManagerNote')}
            </Text>
          )}
        </Text>
      ),
    },
    {
      key: 'planned',
      title: t('units.staffing.planned'),
      width: 80,
      format: 'count',
      sortable: false,
      value: (p) => p.planned,
    },
    {
      key: 'inPost',
      title: t('units.staffing.inPost'),
      width: 80,
      format: 'count',
      sortable: false,
      value: (p) => p.inPost,
    },
    {
      key: 'open',
      title: '',
      width: 80,
      sortable: false,
      exportable: false,
      value: (p) => Math.max(0, p.planned - p.inPost),
      render: (p) =>
        p.inPost < p.planned ? (
          <Badge color="gray" variant="light" size="sm">
            {t('units.staffing.vacant', { count: p.planned - p.inPost })}
          </Badge>
        ) : null,
    },
  ];
  return (
    <Paper withBorder p="md" data-testid="centre-establishment">
      <Title order={2} size="h5" mb={4}>
        {t('units.staffing.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('units.staffing.hint')}
      </Text>
      <ListTable
        id="centre-establishment"
        title={t('units.staffing.title')}
        records={centre.staffing.posts}
        columns={columns}
        rowKey={(p) => p.post}
        emptyText=""
        bare
        testId="centre-establishment-table"
        maxHeight="none"
        rowAttributes={(p) => ({ 'data-testid': 'establishment-row', 'data-post': p.post })}
      />
    </Paper>
  );
}
