import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { isSubmissionsTab, SUBMISSIONS_TABS, type SubmissionsTab } from '../../router/routes';
import { navigate } from '../../router/useRoute';
import { BatchesTab } from './BatchesTab';
import { ExportsTab } from './ExportsTab';
import { ImportWizard } from './ImportWizard';
import { TemplatesTab } from './TemplatesTab';
import { TrackerTab } from './TrackerTab';

/** 数据报送: the month's tracker, the import wizard, past batches, templates and exports. */
export function SubmissionsPage({ tab }: { tab: SubmissionsTab }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PageHeader title={t('submissions.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isSubmissionsTab(value)) navigate({ name: 'submissions', tab: value });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('submissions.tabsLabel')} mb="md">
          {SUBMISSIONS_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`submissions-tab-${key}`}>
              {t(`submissions.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="tracker">
          <TrackerTab />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportWizard />
        </Tabs.Panel>
        <Tabs.Panel value="batches">
          <BatchesTab />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="exports">
          <ExportsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
