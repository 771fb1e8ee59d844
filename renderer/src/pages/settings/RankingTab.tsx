/**
 * 设置 → 行业排序 (R21 steps 2–3), beside 分类排序: an industry's ranking worksheet. The factors
 * with their weights (whole percent, summing to 100) on the left; the industry's enterprises on
 * the right in rank order, each factor's value (0–100) editable in its cell, the weighted score
 * and rank from the backend (shared/domain/classification/ranking.ts). 新增企业 adds one;
 * 转为注册申报 files it as a registration (R19) after the duplicate check (R19a), a refusal
 * shown with the holders in the dialog.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import { rankingAddProspect } from '../../../../shared/api/schemas';
import type { RankedProspect, RankingFactorView, RankingView } from '../../../../shared/api/types-classification';
import { nextFactorKey, weightSum } from '../../../../shared/domain/classification/ranking';
import { SAME_COMPANY_REASONS } from '../../../../shared/domain/registration/matches';
import type { RegistrationState } from '../../../../shared/domain/registration/states';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { navigate } from '../../router/useRoute';
import { MatchLine, StateBadge } from '../registrations/badges';

type Draft = { key: string; name: string; weight: number | string };

const asWeight = (w: number | string): number => (typeof w === 'number' ? w : Number.NaN);

function FactorsEditor({ view }: { view: RankingView }) {
  const { t } = useTranslation();
  const save = useApiMutation('ranking/set-factors');
  const [draft, setDraft] = useState<Draft[]>(view.factors);
  // Reset to the saved factors when they change — not on every refetch (a value saved in the
  // table refetches the worksheet; weights being typed stay).
  const savedKey = JSON.stringify(view.factors);
  // biome-ignore lint/correctness/useExhaustiveDependencies: savedKey stands for view.factors' content
  useEffect(() => setDraft(view.factors), [savedKey]);
  const sum = weightSum(draft.map((f) => ({ weight: Number.isFinite(asWeight(f.weight)) ? asWeight(f.weight) : 0 })));
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.factors) || !view.saved;
  const complete = draft.every((f) => f.name.trim() !== '' && Number.isInteger(asWeight(f.weight)));
  const set = (i: number, patch: Partial<Draft>) => setDraft(draft.map((f, n) => (n === i ? { ...f, ...patch } : f)));

  return (
    <Paper withBorder p="sm" data-testid="ranking-factors">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {t('ranking.factors')}
        </Title>
        {!view.saved && (
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t('ranking.defaults')}
          </Badge>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap" mb={4}>
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {t('ranking.factorName')}
        </Text>
        <Text size="xs" c="dimmed" w={74}>
          {t('ranking.weight')}
        </Text>
        <span style={{ width: 22 }} />
      </Group>
      <Stack gap={6}>
        {draft.map((f, i) => (
          <Group key={f.key} gap="xs" wrap="nowrap" data-testid="ranking-factor" data-key={f.key}>
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              value={f.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              aria-label={t('ranking.factorName')}
              error={f.name.trim() === ''}
            />
            <NumberInput
              size="xs"
              w={74}
              min={0}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              value={f.weight}
              onChange={(v) => set(i, { weight: v })}
              aria-label={t('ranking.weight')}
              data-testid="ranking-weight"
            />
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              disabled={draft.length <= 1}
              onClick={() => setDraft(draft.filter((_, n) => n !== i))}
              aria-label={t('ranking.removeFactor', { name: f.name })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Text
        size="sm"
        mt="xs"
        c={sum === 100 ? 'dimmed' : 'red'}
        fw={sum === 100 ? undefined : 600}
        data-testid="ranking-weight-sum"
      >
        {sum === 100 ? t('ranking.sum', { sum }) : t('ranking.sumWrong', { sum })}
      </Text>
      {save.error && (
        <Alert color="red" variant="light" mt="xs">
          {save.error.message}
        </Alert>
      )}
      <Group justify="space-between" mt="sm">
        <Button
          size="xs"
          variant="light"
          disabled={draft.length >= 10}
          onClick={() =>
            // A key no saved factor has either: a factor dropped in this edit keeps its values off the new one.
            setDraft([
              ...draft,
              { key: nextFactorKey([...view.factors, ...draft]), name: t('ranking.newFactor'), weight: 0 },
            ])
          }
        >
          {t('ranking.addFactor')}
        </Button>
        <Button
          size="xs"
          disabled={!dirty || sum !== 100 || !complete}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                industryCode: view.industry.code,
                factors: draft.map((f) => ({ key: f.key, name: f.name.trim(), weight: asWeight(f.weight) })),
              },
              { onSuccess: () => notifications.show({ color: 'postal', message: t('ranking.savedFactors') }) },
            )
          }
          data-testid="ranking-save-factors"
        >
          {t('ranking.saveFactors')}
        </Button>
      </Group>
    </Paper>
  );
}

/** One factor's value of one enterprise, saved when the field is left or Enter is pressed. */
function ValueCell({ prospect, factor }: { prospect: RankedProspect; factor: RankingFactorView }) {
  const { t } = useTranslation();
  const update = useApiMutation('ranking/update-prospect');
  const stored = prospect.values[factor.key];
  const [value, setValue] = useState<number | string>(stored ?? '');
  useEffect(() => setValue(stored ?? ''), [stored]);
  if (prospect.registration)
    return (
      <Text size="sm" ta="right">
        {stored ?? '—'}
      </Text>
    );
  const commit = () => {
    const next = value === '' ? null : Number(value);
    if (next === (stored ?? null)) return;
    update.mutate(
      { id: prospect.id, values: { [factor.key]: next } },
      {
        onError: (e) => {
          notifications.show({ color: 'red', message: e.message });
          setValue(stored ?? '');
        },
      },
    );
  };
  return (
    <NumberInput
      size="xs"
      w={50}
      min={0}
      max={100}
      clampBehavior="strict"
      allowDecimal={false}
      allowNegative={false}
      hideControls
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      placeholder="—"
      aria-label={t('ranking.valueLabel', { name: prospect.name, factor: factor.name })}
      styles={{ input: { textAlign: 'right' } }}
      data-testid="ranking-value"
      data-factor={factor.key}
    />
  );
}

function ProspectsTable({ view, onRegister }: { view: RankingView; onRegister: (p: RankedProspect) => void }) {
  const { t } = useTranslation();
  const remove = useApiMutation('ranking/remove-prospect');
  const names = new Map(view.factors.map((f) => [f.key, f.name]));
  if (view.prospects.length === 0)
    return (
      <Text size="sm" c="dimmed" py="md">
        {t('ranking.noProspects')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing={4} horizontalSpacing={6} fz="sm" data-testid="ranking-prospects">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} style={{ whiteSpace: 'nowrap' }}>
              {t('ranking.rank')}
            </Table.Th>
            <Table.Th miw={200}>{t('ranking.name')}</Table.Th>
            {view.factors.map((f) => (
              <Table.Th key={f.key} ta="right" style={{ lineHeight: 1.2 }}>
                <Text size="xs" fw={600}>
                  {f.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.weight}%
                </Text>
              </Table.Th>
            ))}
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Tooltip label={t('ranking.scoreHint')}>
                <span>{t('ranking.score')}</span>
              </Tooltip>
            </Table.Th>
            <Table.Th>{t('ranking.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.prospects.map((p) => (
            <Table.Tr key={p.id} data-testid="ranking-prospect" data-id={p.id} data-rank={p.rank}>
              <Table.Td>
                <Text fw={700}>{p.rank}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} lineClamp={1} title={p.name}>
                  {p.name}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  lineClamp={1}
                  title={[p.creditCode, p.note].filter(Boolean).join('\n') || undefined}
                >
                  {[p.unitName, p.note].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              {view.factors.map((f) => (
                <Table.Td key={f.key} ta="right">
                  <Group justify="flex-end">
                    <ValueCell prospect={p} factor={f} />
                  </Group>
                </Table.Td>
              ))}
              <Table.Td ta="right">
                <Tooltip
                  label={t('ranking.missing', { names: p.missing.map((k) => names.get(k) ?? k).join('、') })}
                  disabled={p.missing.length === 0}
                >
                  <Text fw={700} c={p.missing.length > 0 ? 'orange.8' : undefined} data-testid="ranking-score">
                    {p.score}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {p.registration ? (
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      size="sm"
                      onClick={() =>
                        navigate({ name: 'registrations', tab: 'list', id: (p.registration as { id: number }).id })
                      }
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t('ranking.registered', { id: p.registration.id })}
                    </Anchor>
                    <StateBadge state={p.registration.state as RegistrationState} />
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => onRegister(p)}
                      data-testid="ranking-register"
                    >
                      {t('ranking.register')}
                    </Button>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={`${t('ranking.remove')} ${p.name}`}
                      title={t('ranking.remove')}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: t('ranking.remove'),
                          children: <Text size="sm">{t('ranking.removeConfirm', { name: p.name })}</Text>,
                          labels: { confirm: t('ranking.remove'), cancel: t('common.cancel') },
                          confirmProps: { color: 'red' },
                          onConfirm: () =>
                            remove.mutate(
                              { id: p.id },
                              {
                                onSuccess: () =>
                                  notifications.show({
                                    color: 'postal',
                                    message: t('ranking.removed', { name: p.name }),
                                  }),
                                onError: (e) => notifications.show({ color: 'red', message: e.message }),
                              },
                            ),
                        })
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface AddValues {
  name: string;
  creditCode: string;
  unitId: string | null;
  areaCode: string | null;
  note: string;
  values: Record<string, number | string>;
  [key: string]: unknown;
}

function AddProspectModal({ view, onClose }: { view: RankingView; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useApiMutation('ranking/add-prospect');
  const units = useApiQuery('units/list', { includeRetired: false });
  const areas = useApiQuery('areas/list', {});
  const schemaForm = useSchemaForm({
    initialValues: { name: '', creditCode: '', unitId: null, areaCode: null, note: '', values: {} } as AddValues,
    schema: rankingAddProspect,
    toInput: (v: AddValues): ApiInput<'ranking/add-prospect'> =>
      ({
        industryCode: view.industry.code,
        name: v.name,
        creditCode: v.creditCode,
        unitId: v.unitId === null ? 0 : Number(v.unitId),
        areaCode: v.areaCode ?? '',
        note: v.note,
        values: Object.fromEntries(Object.entries(v.values).filter(([, x]) => x !== '')),
      }) as ApiInput<'ranking/add-prospect'>,
  });
  const { form } = schemaForm;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('ranking.form.title')}
      submitLabel={t('ranking.form.submit')}
      form={schemaForm}
      onSubmit={() =>
        void schemaForm
          .submit((input) => add.mutateAsync(input))
          .then((done) => {
            if (!done) return;
            notifications.show({
              color: 'postal',
              message: t('ranking.form.created', { name: form.getValues().name }),
            });
            onClose();
          })
      }
      size="lg"
      testId="ranking-add-form"
    >
      <TextInput
        label={t('ranking.form.name')}
        withAsterisk
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('name')}
        data-testid="ranking-add-name"
      />
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t('ranking.form.creditCode')}
          placeholder={t('ranking.form.creditCodePlaceholder')}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('creditCode')}
          data-testid="ranking-add-credit-code"
        />
        <Select
          label={t('ranking.form.unit')}
          placeholder={t('ranking.form.unitPlaceholder')}
          data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          searchable
          withAsterisk
          {...form.getInputProps('unitId')}
          onChange={(v) => {
            form.setFieldValue('unitId', v);
            const unit = units.data?.find((u) => String(u.id) === v);
            if (unit?.areaCode && form.getValues().areaCode === null) form.setFieldValue('areaCode', unit.areaCode);
          }}
          data-testid="ranking-add-unit"
        />
        <Select
          label={t('ranking.form.area')}
          data={(areas.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          searchable
          withAsterisk
          {...form.getInputProps('areaCode')}
          data-testid="ranking-add-area"
        />
      </SimpleGrid>
      <Text size="sm" fw={500} mt={4}>
        {t('ranking.form.values')}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        {view.factors.map((f) => (
          <NumberInput
            key={f.key}
            label={`${f.name}（${f.weight}%）`}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            {...form.getInputProps(`values.${f.key}`)}
            value={form.getValues().values[f.key] ?? ''}
            data-testid="ranking-add-value"
          />
        ))}
      </SimpleGrid>
      <Textarea label={t('ranking.form.note')} autosize minRows={1} {...form.getInputProps('note')} />
    </FormModal>
  );
}

function RegisterModal({ prospect, onClose }: { prospect: RankedProspect; onClose: () => void }) {
  const { t } = useTranslation();
  const register = useApiMutation('ranking/register');
  const [reason, setReason] = useState('');
  const dup = useApiQuery(
    'registrations/dupcheck',
    { name: prospect.name, creditCode: prospect.creditCode },
    { keepPrevious: false },
  );
  const matches = dup.data?.matches ?? [];
  const blocked = matches.some((m) => SAME_COMPANY_REASONS.includes(m.reason));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('ranking.reg.title')}
      submitLabel={t('ranking.reg.submit')}
      submitting={register.isPending}
      submitDisabled={blocked || (dup.loading && !dup.data)}
      error={register.error}
      onSubmit={() =>
        register.mutate(
          { id: prospect.id, reason: reason.trim() === '' ? null : reason.trim() },
          {
            onSuccess: (done) => {
              const weak = done.registration.conflicts.length;
              notifications.show({
                color: 'postal',
                title: t('ranking.reg.done', {
                  id: done.registration.id,
                  state: t(`registrations.state.${done.registration.state}`),
                }),
                message: weak > 0 ? t('ranking.reg.weak', { count: weak }) : undefined,
                autoClose: 8000,
              });
              onClose();
            },
          },
        )
      }
      size="lg"
      testId="ranking-register-form"
    >
      <Text size="sm">{t('ranking.reg.body', { name: prospect.name, unit: prospect.unitName })}</Text>
      <Group gap="md">
        <Text size="sm">
          <Text span c="dimmed">
            {t('ranking.reg.creditCode')}：
          </Text>
          {prospect.creditCode ?? t('ranking.reg.none')}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('ranking.reg.area')}：
          </Text>
          {prospect.areaName ?? prospect.areaCode}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('ranking.score')}：
          </Text>
          {prospect.score}（{t('ranking.rank')} {prospect.rank}）
        </Text>
      </Group>
      <Paper withBorder p="xs" data-testid="ranking-register-dupcheck">
        {dup.loading && !dup.data ? (
          <Text size="sm" c="dimmed">
            {t('ranking.reg.checking')}
          </Text>
        ) : matches.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('ranking.reg.clear')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ranking.reg.matches')}
            </Text>
            {matches.map((m) => (
              <MatchLine key={`${m.reason}-${m.customerId ?? m.registrationId}`} match={m} />
            ))}
            {blocked && (
              <Text size="sm" c="red" fw={600}>
                {t('ranking.reg.blocked')}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
      <Textarea
        label={t('ranking.reg.reason')}
        placeholder={t('ranking.reg.reasonPlaceholder')}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-autofocus
      />
    </FormModal>
  );
}

function Worksheet({ view }: { view: RankingView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [registering, setRegistering] = useState<RankedProspect | null>(null);
  return (
    <Grid gap="md">
      <Grid.Col span={3}>
        <FactorsEditor view={view} />
      </Grid.Col>
      <Grid.Col span={9}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Title order={3} size="h5">
                {t('ranking.prospects', { name: view.industry.name })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('ranking.count', { count: view.prospects.length })}
              </Text>
            </Group>
            <Button size="xs" onClick={() => setAdding(true)} data-testid="ranking-add">
              {t('ranking.add')}
            </Button>
          </Group>
          <ProspectsTable view={view} onRegister={setRegistering} />
        </Paper>
      </Grid.Col>
      {adding && <AddProspectModal view={view} onClose={() => setAdding(false)} />}
      {registering && <RegisterModal prospect={registering} onClose={() => setRegistering(null)} />}
    </Grid>
  );
}

export function RankingTab() {
  const { t } = useTranslation();
  const table = useApiQuery('classification/get', {});
  const industries = table.data?.industries ?? [];
  const [industry, setIndustry] = useState<string | null>(null);
  const selected = industry ?? industries[0]?.code ?? null;
  const view = useApiQuery('ranking/get', selected === null ? null : { industryCode: selected });
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="nowrap" gap="lg">
        <Select
          label={t('ranking.industry')}
          placeholder={t('ranking.industryPlaceholder')}
          w={280}
          data={industries.map((i, n) => ({ value: i.code, label: `${n + 1}. ${i.code} ${i.name}` }))}
          value={selected}
          onChange={setIndustry}
          searchable
          allowDeselect={false}
          data-testid="ranking-industry"
        />
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {t('ranking.intro')}
        </Text>
      </Group>
      <ApiView state={view}>{(v) => <Worksheet view={v} />}</ApiView>
    </Stack>
  );
}
