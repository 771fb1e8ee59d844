import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SETTINGS_TABS, type SettingsTab } from '../../router/routes';
import { navigate } from '../../router/useRoute';
import { AboutTab } from './AboutTab';
import { AreasTab } from './AreasTab';
import { AuditTab } from './AuditTab';
import { BackupsTab } from './BackupsTab';
import { BureauTab } from './BureauTab';
import { ClassificationTab } from './ClassificationTab';
import { HolidaysTab } from './HolidaysTab';
import { ManagersTab } from './ManagersTab';
import { OperatorsTab } from './OperatorsTab';
import { RankingTab } from './RankingTab';
import { RulesTab } from './RulesTab';
import { UnitsTab } from './UnitsTab';

function isTab(value: string | null): value is SettingsTab {
  return value !== null && (SETTINGS_TABS as readonly string[]).includes(value);
}

export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PageHeader title={t('settings.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) navigate({ name: 'settings', tab: value });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('settings.tabsLabel')} mb="md">
          {SETTINGS_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`settings-tab-${key}`}>
              {t(`settings.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="units">
          <UnitsTab />
        </Tabs.Panel>
        <Tabs.Panel value="managers">
          <ManagersTab />
        </Tabs.Panel>
        <Tabs.Panel value="areas">
          <AreasTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="bureau">
          <BureauTab />
        </Tabs.Panel>
        <Tabs.Panel value="holidays">
          <HolidaysTab />
        </Tabs.Panel>
        <Tabs.Panel value="classification">
          <ClassificationTab />
        </Tabs.Panel>
        <Tabs.Panel value="ranking">
          <RankingTab />
        </Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsTab />
        </Tabs.Panel>
        <Tabs.Panel value="operators">
          <OperatorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTab />
        </Tabs.Panel>
        <Tabs.Panel value="about">
          <AboutTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
