/**
 * The shell waits for an operator (DOMAIN-DECISIONS "Audit log"): until session/get names one, a
 * page asks who is working, so no write of the session is signed by nobody. The header's
 * 切换操作员 opens the same choice in a dialog over the current page.
 */
import { Center, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../shared/api/types';
import { useApiQuery } from '../api/query';
import { ErrorAlert, LoadingBlock } from '../components/ApiViews';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { OperatorChooser } from './OperatorChooser';

interface SessionState {
  operator: OperatorView | null;
  switchOperator: () => void;
}

const SessionContext = createContext<SessionState>({ operator: null, switchOperator: () => undefined });

export const useSession = (): SessionState => useContext(SessionContext);

export function OperatorGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useApiQuery('session/get', {});
  const [switching, setSwitching] = useState(false);
  if (session.error) return <ErrorAlert error={session.error} onRetry={session.reload} />;
  if (session.data === undefined) return <LoadingBlock />;
  const operator = session.data.operator;
  if (operator === null) {
    return (
      <Center mih="100vh" p="md" className="kam-chooser-page">
        <Paper withBorder shadow="sm" p="xl" w={460} data-testid="operator-chooser">
          <Stack gap="md">
            <div>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" c="dimmed">
                  {t('app.productName')}
                </Text>
                <LanguageSwitch />
              </Group>
              <Title order={1} size="h3">
                {t('audit.session.chooseTitle')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('audit.session.chooseIntro')}
              </Text>
            </div>
            <OperatorChooser current={null} onChosen={() => undefined} />
          </Stack>
        </Paper>
      </Center>
    );
  }
  return (
    <SessionContext.Provider value={{ operator, switchOperator: () => setSwitching(true) }}>
      {children}
      <Modal
        opened={switching}
        onClose={() => setSwitching(false)}
        title={t('audit.session.switchTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        data-testid="operator-switch"
      >
        {switching && <OperatorChooser current={operator} onChosen={() => setSwitching(false)} />}
      </Modal>
    </SessionContext.Provider>
  );
}
