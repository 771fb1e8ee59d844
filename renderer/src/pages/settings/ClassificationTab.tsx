/**
 * 设置 → 分类排序 (附件2, R21): the classification table — industries in the centre's priority
 * order (GB/T 4754-2017's sections to start with), each with its key customers in order. The
 * 附件6-2 and 附件7 lists and the report's key customers follow it ("按已定顺序上报"); key
 * customers not placed come after the placed ones. Reorder with ↑/↓, then 保存.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationView, ClassifiedCustomer } from '../../../../shared/api/types-classification';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { TierBadge } from '../../components/TierBadge';

function move<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

function Arrows({ onUp, onDown, label }: { onUp: () => void; onDown: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon size="sm" variant="subtle" onClick={onUp} aria-label={t('classification.up', { name: label })}>
        ↑
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" onClick={onDown} aria-label={t('classification.down', { name: label })}>
        ↓
      </ActionIcon>
    </Group>
  );
}

function Editor({ view }: { view: ClassificationView }) {
  const { t } = useTranslation();
  const setIndustries = useApiMutation('classification/set-industries');
  const place = useApiMutation('classification/place');
  const [industries, setOrder] = useState(view.industries.map(({ code, name }) => ({ code, name })));
  const [selected, setSelected] = useState(view.industries.find((i) => i.customers.length > 0)?.code ?? 'C');
  const current = view.industries.find((i) => i.code === selected);
  const [customers, setCustomers] = useState<ClassifiedCustomer[]>(current?.customers ?? []);
  const [newCode, setNewCode] = useState('');
  const [newName, setNewName] = useState('');
  useEffect(() => setOrder(view.industries.map(({ code, name }) => ({ code, name }))), [view]);
  useEffect(() => setCustomers(view.industries.find((i) => i.code === selected)?.customers ?? []), [view, selected]);
  const orderDirty =
    industries.map((i) => `${i.code}=${i.name}`).join() !== view.industries.map((i) => `${i.code}=${i.name}`).join();
  const listDirty = customers.map((c) => c.id).join() !== (current?.customers ?? []).map((c) => c.id).join();
  const counts = new Map(view.industries.map((i) => [i.code, i.customers.length]));
  const placedElsewhere = view.industries.filter((i) => i.code !== selected).flatMap((i) => i.customers);
  const candidates = [...view.unplaced, ...placedElsewhere].filter((c) => !customers.some((x) => x.id === c.id));

  return (
    <Grid gap="md">
      <Grid.Col span={5}>
        <Paper withBorder p="sm" data-testid="classification-industries">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('classification.industries')}
            </Title>
            <Button
              size="xs"
              disabled={!orderDirty}
              loading={setIndustries.isPending}
              onClick={() =>
                setIndustries.mutate(
                  { industries },
                  { onSuccess: () => notifications.show({ color: 'postal', message: t('classification.savedOrder') }) },
                )
              }
              data-testid="classification-save-industries"
            >
              {t('classification.saveOrder')}
            </Button>
          </Group>
          {setIndustries.error && (
            <Alert color="red" variant="light" mb="xs">
              {setIndustries.error.message}
            </Alert>
          )}
          <Stack gap={0} mah="56vh" style={{ overflowY: 'auto' }}>
            {industries.map((i, n) => (
              <Group
                key={i.code}
                justify="space-between"
                wrap="nowrap"
                px={6}
                py={3}
                bg={i.code === selected ? 'var(--mantine-color-postal-0)' : undefined}
                style={{ cursor: 'pointer', borderRadius: 4 }}
                onClick={() => setSelected(i.code)}
                data-testid="classification-industry"
                data-code={i.code}
              >
                <Text size="sm" truncate="end">
                  <Text span c="dimmed" size="xs" mr={6}>
                    {n + 1}.
                  </Text>
                  {i.code} {i.name}
                </Text>
                <Group gap={6} wrap="nowrap">
                  {(counts.get(i.code) ?? 0) > 0 && (
                    <Badge size="sm" variant="light">
                      {counts.get(i.code)}
                    </Badge>
                  )}
                  <Arrows
                    label={i.name}
                    onUp={() => setOrder(move(industries, n, -1))}
                    onDown={() => setOrder(move(industries, n, 1))}
                  />
                </Group>
              </Group>
            ))}
          </Stack>
          <Group gap="xs" mt="xs" align="flex-end" wrap="nowrap">
            <TextInput
              size="xs"
              w={70}
              label={t('classification.code')}
              value={newCode}
              onChange={(e) => setNewCode(e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={t('classification.name')}
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="light"
              disabled={
                newCode.trim() === '' || newName.trim() === '' || industries.some((i) => i.code === newCode.trim())
              }
              onClick={() => {
                setOrder([...industries, { code: newCode.trim(), name: newName.trim() }]);
                setNewCode('');
                setNewName('');
              }}
            >
              {t('classification.addIndustry')}
            </Button>
          </Group>
        </Paper>
      </Grid.Col>
      <Grid.Col span={7}>
        <Paper withBorder p="sm" data-testid="classification-customers">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('classification.customersOf', { name: industries.find((i) => i.code === selected)?.name ?? selected })}
            </Title>
            <Button
              size="xs"
              disabled={!listDirty}
              loading={place.isPending}
              onClick={() =>
                place.mutate(
                  { industryCode: selected, customerIds: customers.map((c) => c.id) },
                  { onSuccess: () => notifications.show({ color: 'postal', message: t('classification.savedList') }) },
                )
              }
              data-testid="classification-save-customers"
            >
              {t('classification.saveList')}
            </Button>
          </Group>
          {place.error && (
            <Alert color="red" variant="light" mb="xs">
              {place.error.message}
            </Alert>
          )}
          {customers.length === 0 && (
            <Text size="sm" c="dimmed" py="sm">
              {t('classification.noCustomers')}
            </Text>
          )}
          <Stack gap={0}>
            {customers.map((c, n) => (
              <Group
                key={c.id}
                justify="space-between"
                wrap="nowrap"
                px={6}
                py={3}
                data-testid="classification-customer"
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" w={22}>
                    {n + 1}.
                  </Text>
                  <Text size="sm">{c.name}</Text>
                  <TierBadge tier={c.tier} />
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Arrows
                    label={c.name}
                    onUp={() => setCustomers(move(customers, n, -1))}
                    onDown={() => setCustomers(move(customers, n, 1))}
                  />
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setCustomers(customers.filter((x) => x.id !== c.id))}
                  >
                    {t('classification.remove')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
          <Select
            mt="sm"
            size="xs"
            label={t('classification.add')}
            placeholder={t('classification.addPlaceholder', { count: view.unplaced.length })}
            data={candidates.map((c) => ({ value: c.id, label: `${c.name}${c.industry ? `（${c.industry}）` : ''}` }))}
            value={null}
            onChange={(id) => {
              const c = candidates.find((x) => x.id === id);
              if (c) setCustomers([...customers, c]);
            }}
            searchable
            nothingFoundMessage={t('classification.nothing')}
            data-testid="classification-add-customer"
          />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

export function ClassificationTab() {
  const { t } = useTranslation();
  const view = useApiQuery('classification/get', {});
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={960}>
        {t('classification.intro')}
      </Text>
      <ApiView state={view}>{(v) => <Editor view={v} />}</ApiView>
    </Stack>
  );
}
