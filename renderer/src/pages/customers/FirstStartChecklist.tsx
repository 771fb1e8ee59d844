/**
 * A first start that guides: with no customer yet, the list shows what to set up first (units,
 * managers, the bureau's annual revenue R10, customers), each with its state and the place to do
 * it, instead of an empty table.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/query';
import { navigate } from '../../router/useRoute';
import { useDownloadCustomerTemplate } from './CustomerImportModal';

export function FirstStartChecklist({ onCreate, onImport }: { onCreate: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  const units = useApiQuery('units/list', { includeRetired: false });
  const managers = useApiQuery('managers/list', {});
  const bureau = useApiQuery('revenue/bureau-list', {});
  const download = useDownloadCustomerTemplate();
  const items = [
    {
      key: 'units',
      title: t('checklist.units.title'),
      text: t('checklist.units.text'),
      done: (units.data?.length ?? 0) > 0,
      action: (
        <Button size="xs" variant="default" onClick={() => navigate({ name: 'settings', tab: 'units' })}>
          {t('checklist.units.action')}
        </Button>
      ),
    },
    {
      key: 'managers',
      title: t('checklist.managers.title'),
      text: t('checklist.managers.text'),
      done: (managers.data?.length ?? 0) > 0,
      action: (
        <Button size="xs" variant="default" onClick={() => navigate({ name: 'settings', tab: 'managers' })}>
          {t('checklist.managers.action')}
        </Button>
      ),
    },
    {
      key: 'bureau',
      title: t('checklist.bureau.title'),
      text: t('checklist.bureau.text'),
      done: (bureau.data?.length ?? 0) > 0,
      action: (
        <Button size="xs" variant="default" onClick={() => navigate({ name: 'settings', tab: 'bureau' })}>
          {t('checklist.bureau.action')}
        </Button>
      ),
    },
    {
      key: 'customers',
      title: t('checklist.customers.title'),
      text: t('checklist.customers.text'),
      done: false,
      action: (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={onCreate} data-testid="checklist-create">
            {t('checklist.customers.create')}
          </Button>
          <Button size="xs" variant="light" onClick={onImport} data-testid="checklist-import">
            {t('checklist.customers.import')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => void download()} data-testid="checklist-template">
            {t('checklist.customers.template')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Paper withBorder p="lg" maw={860} data-testid="first-start-checklist">
      <Title order={2} size="h4">
        {t('checklist.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('checklist.intro')}
      </Text>
      <Stack gap="sm">
        {items.map((item, n) => (
          <Group
            key={item.key}
            justify="space-between"
            wrap="nowrap"
            data-testid="checklist-item"
            data-item={item.key}
            data-done={item.done}
          >
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge
                color={item.done ? 'postal' : 'orange'}
                variant={item.done ? 'filled' : 'light'}
                style={{ flexShrink: 0 }}
                w={72}
              >
                {item.done ? `✓ ${t('checklist.done')}` : t('checklist.todo')}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {n + 1}. {item.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.text}
                </Text>
              </div>
            </Group>
            <div style={{ flexShrink: 0 }}>{item.action}</div>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
