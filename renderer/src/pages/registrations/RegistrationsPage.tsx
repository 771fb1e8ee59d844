/**
 * 注册申报 (R19): the registrations with their states and ownership clocks, the new-registration
 * form with its live duplicate check, one registration's detail and steps; 营销申报; and the inbox of
 * what units sent in their templates (模板收件箱).
 */
import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { REGISTRATIONS_TABS, type RegistrationsTab } from '../../router/routes';
import { navigate } from '../../router/useRoute';
import { ApplicationsTab } from './ApplicationsTab';
import { InboxTab } from './InboxTab';
import { RegistrationDetailView } from './RegistrationDetailView';
import { RegistrationListTab } from './RegistrationListTab';

export function RegistrationsPage({ tab, id }: { tab: RegistrationsTab; id: number | null }) {
  const { t } = useTranslation();
  if (id !== null) return <RegistrationDetailView id={id} />;
  return (
    <Stack gap="sm">
      <PageHeader title={t('registrations.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = REGISTRATIONS_TABS.find((k) => k === value);
          if (next) navigate({ name: 'registrations', tab: next, id: null });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('registrations.tabsLabel')} mb="md">
          {REGISTRATIONS_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`registrations-tab-${key}`}>
              {t(`registrations.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="list">
          <RegistrationListTab />
        </Tabs.Panel>
        <Tabs.Panel value="applications">
          <ApplicationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="inbox">
          <InboxTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
