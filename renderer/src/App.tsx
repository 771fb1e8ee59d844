import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from './api/query';
import { AppInfoProvider } from './components/AppInfo';
import { useLanguage } from './i18n';
import { Shell } from './Shell';
import { theme } from './theme';

export function App() {
  const language = useLanguage();
  const { t } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <DatesProvider settings={{ locale: language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
          <ModalsProvider labels={{ confirm: t('common.save'), cancel: t('common.cancel') }}>
            <Notifications position="bottom-right" autoClose={5000} />
            <AppInfoProvider>
              <Shell />
            </AppInfoProvider>
          </ModalsProvider>
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
