import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionInfo, WhatIfChange, WhatIfResult } from '../../../../shared/api/types';
import type { ExplanationStep } from '../../../../shared/domain/evaluation';
import type { Policy } from '../../../../shared/domain/policy/policy';
import { validatePolicy } from '../../../../shared/domain/policy/validate';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useAppInfo, useToday } from '../../components/AppInfo';
import { CustomerIdText } from '../../components/CustomerIdText';
import { DateField } from '../../components/DateField';
import { EmptyBlock } from '../../components/EmptyBlock';
import { FormModal } from '../../components/FormModal';
import { lastMonthOf, lastYearOf, MonthField, YearSelect } from '../../components/PeriodPickers';
import { TierBadge } from '../../components/TierBadge';
import { TransitionMatrix } from '../../components/TransitionMatrix';
import { formatCount, formatDateTime } from '../../i18n/format';
import { type PolicyEdit, PolicyView } from './PolicyView';

/** 设置 → 规则 (R0): the versions, the current one as tables, a draft with live checks and a what-if. */
export function RulesTab() {
  const { t } = useTranslation();
  const versions = useApi('policies/list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ base: number; policy: Policy } | null>(null);
  const current = versions.data?.find((v) => v.current) ?? versions.data?.[versions.data.length - 1];
  const version = selected ?? current?.version ?? null;
  const doc = useApi('policies/get', version === null ? null : { version });

  return (
    <Stack gap="md">
      <ApiView state={versions}>
        {(list) => (
          <VersionList
            list={list}
            selected={version}
            onSelect={(v) => {
              setSelected(v);
            }}
          />
        )}
      </ApiView>
      {draft ? (
        <DraftEditor
          base={draft.base}
          policy={draft.policy}
          onChange={(policy) => setDraft({ base: draft.base, policy })}
          onCancel={() => setDraft(null)}
          onSaved={(info) => {
            setDraft(null);
            setSelected(info.version);
            versions.reload();
          }}
        />
      ) : (
        <ApiView state={doc}>
          {(view) => (
            <Stack gap="sm">
              <Group justify="space-between">
                <div>
                  <Title order={2} size="h5">
                    {t('rules.viewTitle', { version: view.info.version, label: view.info.label })}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('rules.effectiveFrom', { date: view.info.effectiveFrom })}
                  </Text>
                </div>
                <Button
                  onClick={() => setDraft({ base: view.info.version, policy: structuredClone(view.document) })}
                  data-testid="policy-draft-start"
                >
                  {t('rules.startDraft')}
                </Button>
              </Group>
              <PolicyView policy={view.document} edit={null} />
            </Stack>
          )}
        </ApiView>
      )}
    </Stack>
  );
}

function VersionList({
  list,
  selected,
  onSelect,
}: {
  list: PolicyVersionInfo[];
  selected: number | null;
  onSelect: (version: number) => void;
}) {
  const { t } = useTranslation();
  if (list.length === 0) return <EmptyBlock description={t('rules.noVersions')} />;
  return (
    <Paper withBorder>
      <Table highlightOnHover aria-label={t('rules.versions')} data-testid="policy-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('rules.columns.version')}</Table.Th>
            <Table.Th>{t('rules.columns.label')}</Table.Th>
            <Table.Th>{t('rules.columns.effectiveFrom')}</Table.Th>
            <Table.Th>{t('rules.columns.createdAt')}</Table.Th>
            <Table.Th>{t('rules.columns.createdBy')}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...list].reverse().map((v) => (
            <Table.Tr
              key={v.version}
              className="kam-click-row"
              onClick={() => onSelect(v.version)}
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onSelect(v.version);
              }}
              bg={v.version === selected ? 'postal.0' : undefined}
              data-testid="policy-version-row"
              data-version={v.version}
              aria-selected={v.version === selected}
            >
              <Table.Td fw={600}>v{v.version}</Table.Td>
              <Table.Td>{v.label}</Table.Td>
              <Table.Td className="kam-num">{v.effectiveFrom}</Table.Td>
              <Table.Td className="kam-num">{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.createdBy}</Table.Td>
              <Table.Td>
                {v.current && (
                  <Badge color="postal" data-testid="policy-current">
                    {t('rules.current')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function DraftEditor({
  base,
  policy,
  onChange,
  onCancel,
  onSaved,
}: {
  base: number;
  policy: Policy;
  onChange: (p: Policy) => void;
  onCancel: () => void;
  onSaved: (info: PolicyVersionInfo) => void;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const check = useMemo(() => validatePolicy(policy), [policy]);
  const issues = check.ok ? [] : check.issues;
  const byPath = useMemo(() => {
    const map: Record<string, string> = {};
    for (const i of issues) if (map[i.path] === undefined) map[i.path] = i.message;
    return map;
  }, [issues]);
  const edit: PolicyEdit = {
    issues: byPath,
    update: (mutate) => {
      const next = structuredClone(policy);
      mutate(next);
      onChange(next);
    },
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" bg="yellow.0" data-testid="policy-draft-bar">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5">
              {t('rules.draftTitle', { version: base })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('rules.draftHint')}
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel} data-testid="policy-draft-cancel">
              {t('rules.discard')}
            </Button>
            <Button onClick={() => setSaving(true)} disabled={!check.ok} data-testid="policy-draft-save">
              {t('rules.saveAsNew')}
            </Button>
          </Group>
        </Group>
        {check.ok ? (
          <Text size="sm" c="postal.7" mt="xs" data-testid="policy-draft-valid">
            ✓ {t('rules.valid')}
          </Text>
        ) : (
          <Alert color="red" variant="light" mt="sm" title={t('rules.invalid')} data-testid="policy-draft-issues">
            <List size="sm" spacing={2}>
              {issues.map((i) => (
                <List.Item key={`${i.path}:${i.message}`}>
                  <Text span size="sm" c="dimmed">
                    {ruleOfPath(i.path) ?? t('rules.otherField', { path: i.path })}
                  </Text>{' '}
                  {i.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Paper>
      <WhatIf policy={policy} valid={check.ok} />
      <PolicyView policy={policy} edit={edit} />
      {saving && <SaveModal policy={policy} onClose={() => setSaving(false)} onSaved={onSaved} />}
    </Stack>
  );
}

/**
 * Where an issue is, in the officer's terms (the rule it belongs to); null for other fields. The
 * caller translates the fallback: passing `t` around as a value makes TypeScript expand every key.
 */
function ruleOfPath(path: string): string | null {
  if (path.startsWith('qualification.comprehensive')) return 'R6';
  if (path.startsWith('qualification')) return 'R7';
  if (path.startsWith('scoring.revenue')) return 'R9';
  if (path.startsWith('scoring.share')) return 'R10';
  if (path.startsWith('scoring.weights')) return 'R11';
  if (path.startsWith('tiers')) return 'R12';
  if (path.startsWith('scope')) return 'R14';
  if (path.startsWith('fluctuation')) return 'R27';
  return null;
}

function SaveModal({
  policy,
  onClose,
  onSaved,
}: {
  policy: Policy;
  onClose: () => void;
  onSaved: (info: PolicyVersionInfo) => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const [label, setLabel] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(today);
  const submit = useSubmit(['label', 'effectiveFrom']);
  const save = async () => {
    const info = await submit.run(() =>
      api.call('policies/create', { document: { ...policy, label, effectiveFrom: effectiveFrom ?? '' } }),
    );
    if (!info) return;
    notifications.show({
      color: 'postal',
      title: t('rules.saved'),
      message: t('rules.savedText', { version: info.version, date: info.effectiveFrom }),
    });
    onClose();
    onSaved(info);
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rules.saveTitle')}
      submitting={submit.submitting}
      error={submit.error}
      onSubmit={() => void save()}
      testId="policy-save-form"
      submitLabel={t('rules.saveAsNew')}
    >
      <Text size="sm" c="dimmed">
        {t('rules.saveHint')}
      </Text>
      <TextInput
        label={t('rules.columns.label')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={submit.fieldErrors.label}
        withAsterisk
        maxLength={80}
        data-autofocus
        data-testid="policy-save-label"
      />
      <DateField
        label={t('rules.columns.effectiveFrom')}
        value={effectiveFrom}
        onChange={(v) => setEffectiveFrom(v ? String(v) : null)}
        error={submit.fieldErrors.effectiveFrom}
        withAsterisk
      />
    </FormModal>
  );
}

function WhatIf({ policy, valid }: { policy: Policy; valid: boolean }) {
  const { t } = useTranslation();
  const today = useAppInfo().today;
  const [kind, setKind] = useState<'annual' | 'monthly'>('annual');
  const [year, setYear] = useState(() => lastYearOf(today));
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [result, setResult] = useState<{ of: Policy; value: WhatIfResult } | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const r = await api.call(
        'policies/what-if',
        kind === 'annual' ? { document: policy, kind, year } : { document: policy, kind, period },
      );
      setResult({ of: policy, value: r });
    } catch (e) {
      setError(toApiCallError('policies/what-if', e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="policy-whatif">
      <Title order={2} size="h5" mb={4}>
        {t('rules.whatIf.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rules.whatIf.hint')}
      </Text>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v === 'monthly' ? 'monthly' : 'annual')}
          data={[
            { value: 'annual', label: t('tiers.kind.annual') },
            { value: 'monthly', label: t('tiers.kind.monthly') },
          ]}
        />
        {kind === 'annual' ? (
          <YearSelect today={today} label={t('tiers.run.year')} value={year} onChange={setYear} w={140} />
        ) : (
          <MonthField label={t('tiers.run.month')} value={period} onChange={setPeriod} />
        )}
        <Button onClick={() => void run()} loading={running} disabled={!valid} data-testid="policy-whatif-run">
          {t('rules.whatIf.run')}
        </Button>
      </Group>
      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      {result && result.of !== policy && (
        <Text size="sm" c="orange.8" mt="sm" data-testid="whatif-stale">
          {t('rules.whatIf.stale')}
        </Text>
      )}
      {result && <WhatIfView result={result.value} stale={running || result.of !== policy} />}
    </Paper>
  );
}

function WhatIfView({ result, stale }: { result: WhatIfResult; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mt="md" style={{ opacity: stale ? 0.6 : 1 }} data-testid="whatif-result">
      <Text size="sm" data-testid="whatif-summary">
        {t('rules.whatIf.summary', {
          kind: t(`tiers.kind.${result.kind}`),
          key: result.key,
          base: result.basePolicyVersion,
          customers: formatCount(result.customers),
          changed: formatCount(result.changedTotal),
        })}
      </Text>
      <TransitionMatrix
        matrix={result.matrix}
        fromLabel={t('rules.whatIf.from', { version: result.basePolicyVersion })}
        toLabel={t('rules.whatIf.to')}
        testId="whatif-matrix"
        caption={t('rules.whatIf.matrix')}
      />
      {result.changed.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="whatif-no-change">
          {t('rules.whatIf.noChange')}
        </Text>
      ) : (
        <>
          <Title order={3} size="h6">
            {result.changedTotal > result.changed.length
              ? t('rules.whatIf.changedFirst', { shown: result.changed.length, total: result.changedTotal })
              : t('rules.whatIf.changed', { total: result.changedTotal })}
          </Title>
          <Table withTableBorder aria-label={t('rules.whatIf.changedLabel')} data-testid="whatif-changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('tiers.results.columns.id')}</Table.Th>
                <Table.Th>{t('tiers.results.columns.name')}</Table.Th>
                <Table.Th>{t('rules.whatIf.tierChange')}</Table.Th>
                <Table.Th ta="right">{t('rules.whatIf.totalChange')}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.changed.map((c) => (
                <ChangeRow key={c.customerId} change={c} base={result.basePolicyVersion} />
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function ChangeRow({ change, base }: { change: WhatIfChange; base: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr data-testid="whatif-change" data-customer-id={change.customerId}>
        <Table.Td>
          <CustomerIdText id={change.customerId} size="sm" />
        </Table.Td>
        <Table.Td>{change.name}</Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <TierBadge tier={change.from} />
            <Text span size="sm">
              →
            </Text>
            <TierBadge tier={change.to} variant="filled" />
          </Group>
        </Table.Td>
        <Table.Td ta="right" className="kam-num">
          {change.totalBefore === change.totalAfter
            ? change.totalAfter
            : `${change.totalBefore} → ${change.totalAfter}`}
        </Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            data-testid="whatif-expand"
          >
            {open ? t('rules.whatIf.hide') : t('rules.whatIf.why')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="gray.0">
            <SimpleGrid cols={2} spacing="md" data-testid="whatif-explanation">
              <Steps title={t('rules.whatIf.before', { version: base })} steps={change.explanationBefore} />
              <Steps title={t('rules.whatIf.after')} steps={change.explanationAfter} />
            </SimpleGrid>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function Steps({ title, steps }: { title: string; steps: ExplanationStep[] }) {
  return (
    <div>
      <Text size="xs" fw={700} mb={4}>
        {title}
      </Text>
      <Stack gap={2}>
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed, ordered list
          <Text key={i} size="xs">
            <Text span fw={700} c="postal.7">
              {s.rule}
            </Text>{' '}
            {s.text}
          </Text>
        ))}
      </Stack>
    </div>
  );
}
