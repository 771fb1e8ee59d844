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
import { OperatorGate } from './session/OperatorGate';
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
            {/* Top centre, in the header's empty middle and never wider than 420 px: every page keeps
                its actions on the left (titles, filters) or at the bottom and right (a wizard's
                下一步, a form's 保存), so a notification never covers the action the officer
                reaches for next, even while the pointer rests on it (hovering pauses its close). */}
            <Notifications position="top-center" containerWidth={420} autoClose={5000} />
            <AppInfoProvider>
              <OperatorGate>
                <Shell />
              </OperatorGate>
            </AppInfoProvider>
          </ModalsProvider>
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
