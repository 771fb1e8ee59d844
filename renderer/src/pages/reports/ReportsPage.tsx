import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { isReportsTab, REPORTS_TABS, type ReportsTab } from '../../router/routes';
import { navigate } from '../../router/useRoute';
import { AnalysisTab } from './analysis/AnalysisTab';
import { OverviewTab } from './overview/OverviewTab';

/** 报表: the live dashboard (概览) and the monthly analysis reports (R28, R32). */
export function ReportsPage({ tab, reportId }: { tab: ReportsTab; reportId: number | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PageHeader title={t('reports.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isReportsTab(value)) navigate({ name: 'reports', tab: value, reportId: null });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('reports.tabsLabel')} mb="md">
          {REPORTS_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`reports-tab-${key}`}>
              {t(`reports.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab />
        </Tabs.Panel>
        <Tabs.Panel value="analysis">
          <AnalysisTab reportId={reportId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
