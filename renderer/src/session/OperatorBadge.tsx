/** The header's 当前操作员：name and 切换操作员 (DOMAIN-DECISIONS "Audit log"). */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from './OperatorGate';

export function OperatorBadge() {
  const { t } = useTranslation();
  const { operator, switchOperator } = useSession();
  if (operator === null) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="white" style={{ whiteSpace: 'nowrap' }} data-testid="current-operator">
        {t('audit.session.current')}
        <Text span fw={700} inherit>
          {operator.name}
        </Text>
      </Text>
      <Button
        size="compact-sm"
        variant="white"
        color="postal"
        onClick={switchOperator}
        data-testid="operator-switch-open"
      >
        {t('audit.session.switch')}
      </Button>
    </Group>
  );
}
