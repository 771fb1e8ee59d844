/**
 * 投诉 (R33): the complaints with their clocks — the contact deadline (24 clock hours) and the close
 * day on the officer's working-day calendar, what was missed, whether the centre has it (escalated:
 * overdue, or a diamond or gold customer's). 登记投诉, then each step: 已联系, 暂停 (with the reason:
 * the close clock stops), 恢复, 结案 (resolution and satisfaction). complaints/*.
 */
import { Alert, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { PageHeader } from '../../components/PageHeader';
import { ComplaintFormModal } from './ComplaintFormModal';
import { ComplaintsTable } from './ComplaintsTable';

export function ComplaintsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('complaints/list', { open: filter === 'open' });
  const year = Number(useToday().slice(0, 4));
  const calendar = useApiQuery('holidays/show', { year });

  return (
    <Stack gap="sm">
      <PageHeader title={t('complaints.title')}>
        <Button onClick={() => setAdding(true)} data-testid="complaint-add">
          {t('complaints.add')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={900}>
        {t('complaints.intro')}
      </Text>
      {calendar.data && calendar.data.source !== 'officer' && calendar.data.source !== 'chinese-days' && (
        <Alert color="orange" variant="light" data-testid="complaints-calendar-missing">
          {t('complaints.calendarMissing', { year })}
        </Alert>
      )}
      <ApiView state={list}>
        {(rows) => (
          <ComplaintsTable
            id="complaints"
            rows={rows}
            toolbar={
              <SegmentedControl
                size="xs"
                value={filter}
                onChange={(v) => setFilter(v as 'open' | 'all')}
                data={[
                  { value: 'open', label: t('complaints.filter.open') },
                  { value: 'all', label: t('complaints.filter.all') },
                ]}
                aria-label={t('complaints.filterLabel')}
              />
            }
            emptyText={filter === 'open' ? t('complaints.emptyOpen') : t('complaints.empty')}
          />
        )}
      </ApiView>
      {adding && <ComplaintFormModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}
