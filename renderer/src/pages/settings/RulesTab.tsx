import {
  Alert,
  Anchor,
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
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionInfo, WhatIfChange, WhatIfResult } from '../../../../shared/api/types';
import type { ExplanationStep } from '../../../../shared/domain/evaluation';
import type { Policy } from '../../../../shared/domain/policy/policy';
import { policySchema, validatePolicy } from '../../../../shared/domain/policy/validate';
import { issueMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView, ErrorAlert } from '../../components/ApiViews';
import { useAppInfo, useToday } from '../../components/AppInfo';
import { CustomerIdText } from '../../components/CustomerIdText';
import { DateField } from '../../components/DateField';
import { FormModal, useGuardedClose } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { lastMonthOf, lastYearOf, MonthField, YearSelect } from '../../components/PeriodPickers';
import { TierBadge } from '../../components/TierBadge';
import { TransitionMatrix } from '../../components/TransitionMatrix';
import { errorsByField, type SchemaForm, useSchemaForm } from '../../forms/useSchemaForm';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useStepText } from '../tiers/stepText';
import { type PolicyValues, PolicyView } from './PolicyView';

/** 设置 → 规则 (R0): the versions, the current one as tables, a draft with live checks and a what-if. */
export function RulesTab() {
  const { t } = useTranslation();
  const versions = useApiQuery('policies/list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ base: number; document: Policy } | null>(null);
  const current = versions.data?.find((v) => v.current) ?? versions.data?.[versions.data.length - 1];
  const version = selected ?? current?.version ?? null;
  const doc = useApiQuery('policies/get', version === null ? null : { version });

  return (
    <Stack gap="md">
      <ApiView state={versions}>
        {(list) => <VersionList list={list} selected={version} onSelect={setSelected} />}
      </ApiView>
      {draft ? (
        <DraftEditor
          key={draft.base}
          base={draft.base}
          document={draft.document}
          onCancel={() => setDraft(null)}
          onSaved={(info) => {
            setDraft(null);
            setSelected(info.version);
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
                  onClick={() => setDraft({ base: view.info.version, document: structuredClone(view.document) })}
                  data-testid="policy-draft-start"
                >
                  {t('rules.startDraft')}
                </Button>
              </Group>
              <PolicyView policy={view.document} form={null} />
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
  const columns: ListColumn<PolicyVersionInfo>[] = [
    {
      key: 'version',
      title: t('rules.columns.version'),
      width: 150,
      toggleable: false,
      value: (v) => `v${v.version}`,
      // A button, so the keyboard reaches each version too.
      render: (v) => (
        <Group gap={6} wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            c="inherit"
            onClick={(e) => {
              e.stopPropagation();
              onSelect(v.version);
            }}
          >
            v{v.version}
          </Anchor>
          {v.version === selected && (
            <Badge size="xs" variant="outline" color="postal">
              {t('rules.shown')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'label', title: t('rules.columns.label') },
    { key: 'effectiveFrom', title: t('rules.columns.effectiveFrom'), noWrap: true },
    { key: 'createdAt', title: t('rules.columns.createdAt'), noWrap: true, value: (v) => formatDateTime(v.createdAt) },
    { key: 'createdBy', title: t('rules.columns.createdBy') },
    {
      key: 'current',
      title: t('rules.current'),
      width: 90,
      value: (v) => (v.current ? t('rules.current') : null),
      render: (v) =>
        v.current && (
          <Badge color="postal" data-testid="policy-current">
            {t('rules.current')}
          </Badge>
        ),
    },
  ];
  return (
    <ListTable
      id="policy-versions"
      title={t('rules.versions')}
      records={[...list].reverse()}
      columns={columns}
      rowKey={(v) => v.version}
      emptyText={t('rules.noVersions')}
      onRowClick={(v) => onSelect(v.version)}
      rowAttributes={(v) => ({
        'data-testid': 'policy-version-row',
        'data-version': v.version,
        'aria-selected': v.version === selected,
      })}
      maxHeight={240}
      testId="policy-versions"
      toolbar={
        <Title order={2} size="h5">
          {t('rules.versions')}
        </Title>
      }
    />
  );
}

/**
 * The draft is a form over the whole policy document, checked by the schema the backend checks a
 * new version with (R0: validatePolicy). Checks run as the officer types, so every problem shows
 * on its number and in the list at once; a draft with problems can be neither tried nor saved.
 */
function DraftEditor({
  base,
  document,
  onCancel,
  onSaved,
}: {
  base: number;
  document: Policy;
  onCancel: () => void;
  onSaved: (info: PolicyVersionInfo) => void;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const draft = useSchemaForm({
    initialValues: { ...document } as PolicyValues,
    schema: policySchema,
    toInput: (v) => v,
  });
  const values = draft.form.getValues();
  const check = useMemo(() => validatePolicy(values), [values]);
  const issues = check.ok ? [] : check.issues;
  // The live check's messages sit on their numbers, as a submit's would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per check, which follows the values
  useEffect(() => {
    draft.form.setErrors(check.ok ? {} : errorsByField(check.issues, values).byField);
  }, [check]);
  const discard = useGuardedClose(draft.isDirty, onCancel);

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
            <Button variant="default" onClick={discard} data-testid="policy-draft-cancel">
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
                  {issueMessage(i)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Paper>
      <WhatIf draft={draft} valid={check.ok} />
      <PolicyView policy={values} form={draft.form} />
      {saving && <SaveModal policy={values} onClose={() => setSaving(false)} onSaved={onSaved} />}
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

/** The new version's label and effective date, checked with the whole document (R0). */
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
  const create = useApiMutation('policies/create');
  const form = useSchemaForm({
    initialValues: { label: '', effectiveFrom: today as string | null },
    schema: policySchema,
    toInput: (v) => ({ ...policy, label: v.label, effectiveFrom: v.effectiveFrom ?? '' }),
  });
  const save = async () => {
    const info = await form.submit((document) => create.mutateAsync({ document }));
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
      form={form}
      onSubmit={() => void save()}
      testId="policy-save-form"
      submitLabel={t('rules.saveAsNew')}
    >
      <Text size="sm" c="dimmed">
        {t('rules.saveHint')}
      </Text>
      <TextInput
        label={t('rules.columns.label')}
        {...form.form.getInputProps('label')}
        withAsterisk
        maxLength={80}
        data-autofocus
        data-testid="policy-save-label"
      />
      <DateField label={t('rules.columns.effectiveFrom')} {...form.form.getInputProps('effectiveFrom')} withAsterisk />
    </FormModal>
  );
}

/**
 * R0 what-if: the draft against the stored data, nothing written. It goes through the draft's
 * submit, so a refusal lands on the draft's numbers like any other check.
 */
function WhatIf({ draft, valid }: { draft: SchemaForm<PolicyValues, unknown>; valid: boolean }) {
  const { t } = useTranslation();
  const today = useAppInfo().today;
  const whatIf = useApiMutation('policies/what-if');
  const [kind, setKind] = useState<'annual' | 'monthly'>('annual');
  const [year, setYear] = useState(() => lastYearOf(today));
  const [period, setPeriod] = useState(() => lastMonthOf(today));
  const [result, setResult] = useState<{ of: PolicyValues; value: WhatIfResult } | null>(null);
  const policy = draft.form.getValues();

  const run = async () => {
    const of = draft.form.getValues();
    const value = await draft.submit((document) =>
      whatIf.mutateAsync(kind === 'annual' ? { document, kind, year } : { document, kind, period }),
    );
    if (value) setResult({ of, value });
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
        <Button onClick={() => void run()} loading={draft.submitting} disabled={!valid} data-testid="policy-whatif-run">
          {t('rules.whatIf.run')}
        </Button>
      </Group>
      {draft.error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={draft.error} />
        </div>
      )}
      {result && result.of !== policy && (
        <Text size="sm" c="orange.8" mt="sm" data-testid="whatif-stale">
          {t('rules.whatIf.stale')}
        </Text>
      )}
      {result && <WhatIfView result={result.value} stale={draft.submitting || result.of !== policy} />}
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
  const stepText = useStepText();
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
            {stepText(s)}
          </Text>
        ))}
      </Stack>
    </div>
  );
}
