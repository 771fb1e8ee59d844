/**
 * 档案 on the customer's page (R17–R18): the due date, completeness and keeper; the four blocks of
 * 附件3 read-only with personal information masked until a recorded viewing (archives/view-personal,
 * with a purpose); 编辑 (all blocks in one dialog), 已核实，无变化, and the revisions with a diff.
 */
import {
  Badge,
  Button,
  Group,
  List,
  Paper,
  Popover,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveView } from '../../../../shared/api/types-archives';
import {
  type ArchiveBlock,
  type ArchiveEntry,
  type ArchiveRecord,
  blockOf,
} from '../../../../shared/domain/archive/fields';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { DetailField } from '../../components/DetailField';
import { EmptyBlock } from '../../components/EmptyBlock';
import { useLanguage } from '../../i18n';
import { EMPTY_VALUE } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { ArchiveEditModal, PurposeModal, VerifyModal } from './ArchiveForms';
import { ArchiveHistory } from './ArchiveHistory';
import { hasMaskedValues } from './archive-form';

type Dialog = { kind: 'purpose'; thenEdit: boolean } | { kind: 'edit' } | { kind: 'verify' } | null;

export function CustomerArchivePanel({ customerId }: { customerId: string }) {
  const state = useApiQuery('archives/get', { customerId, revision: null, date: null });
  return <ApiView state={state}>{(view) => <ArchivePanelView view={view} />}</ApiView>;
}

function ArchivePanelView({ view }: { view: ArchiveView }) {
  const { t } = useTranslation();
  // The unmasked archive from a recorded viewing: for this view only (a new revision masks again).
  const [personal, setPersonal] = useState<{ view: ArchiveView; purpose: string } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = personal !== null && personal.view.revision === view.revision ? personal : null;
  const doc = shown?.view.document ?? view.document;
  const masked = hasMaskedValues(view.document);
  const never = view.latestRevision === null;

  const startEdit = () => setDialog(masked && shown === null ? { kind: 'purpose', thenEdit: true } : { kind: 'edit' });

  return (
    <Stack gap="md" data-testid="archive-panel">
      <ArchiveStrip view={view} />
      {never ? (
        <Paper withBorder p="md">
          <EmptyBlock
            title={t('archives.empty.title')}
            description={
              view.due.dueOn
                ? t(view.due.overdue ? 'archives.empty.overdue' : 'archives.empty.due', {
                    date: view.due.dueOn,
                    cadence: view.due.cadence ? t(`archives.cadenceName.${view.due.cadence}`) : '',
                    count: view.due.daysOverdue,
                  })
                : t('archives.empty.noDuty')
            }
            testId="archive-empty"
          >
            <Button onClick={() => setDialog({ kind: 'edit' })} data-testid="archive-fill">
              {t('archives.fill')}
            </Button>
          </EmptyBlock>
        </Paper>
      ) : (
        <>
          <Group justify="space-between" align="center" wrap="nowrap">
            <Text size="xs" c={shown ? 'orange.8' : 'dimmed'} data-testid="archive-personal-note">
              {shown ? t('archives.personalShownNote', { purpose: shown.purpose }) : t('archives.personalMasked')}
            </Text>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              {masked &&
                (shown ? (
                  <Button variant="subtle" onClick={() => setPersonal(null)} data-testid="archive-hide-personal">
                    {t('archives.hidePersonal')}
                  </Button>
                ) : (
                  <Button
                    variant="default"
                    onClick={() => setDialog({ kind: 'purpose', thenEdit: false })}
                    data-testid="archive-show-personal"
                  >
                    {t('archives.showPersonal')}
                  </Button>
                ))}
              <Button variant="default" onClick={() => setDialog({ kind: 'verify' })} data-testid="archive-verify">
                {t('archives.verify')}
              </Button>
              <Button onClick={startEdit} data-testid="archive-edit">
                {t('archives.edit')}
              </Button>
            </Group>
          </Group>
          <SingleBlock block={blockOf('basic')} record={doc.basic} />
          <SingleBlock block={blockOf('extended')} record={doc.extended} />
          <EntriesBlock block={blockOf('keyPersons')} entries={doc.keyPersons} />
          <EntriesBlock block={blockOf('competitors')} entries={doc.competitors} />
          <ArchiveHistory customerId={view.customerId} latest={view.latestRevision} />
        </>
      )}

      {dialog?.kind === 'purpose' && (
        <PurposeModal
          customerId={view.customerId}
          forEdit={dialog.thenEdit}
          onClose={() => setDialog(null)}
          onShown={(v, purpose) => {
            setPersonal({ view: v, purpose });
            setDialog(dialog.thenEdit ? { kind: 'edit' } : null);
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ArchiveEditModal
          customerId={view.customerId}
          customerName={view.customerName}
          document={shown?.view.document ?? view.document}
          first={never}
          onClose={() => setDialog(null)}
          onSaved={() => setPersonal(null)}
        />
      )}
      {dialog?.kind === 'verify' && <VerifyModal customerId={view.customerId} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Due date (R18), completeness (R17) and keeper, above the blocks. */
function ArchiveStrip({ view }: { view: ArchiveView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const language = useLanguage();
  const { due, completeness, keeper } = view;
  const missing = completeness.missing;
  return (
    <Paper withBorder p="md" data-testid="archive-strip">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h5">
          {t('archives.title')}
        </Title>
        <Group gap="xs">
          {view.revision !== null && (
            <Text size="xs" c="dimmed" data-testid="archive-revision">
              {t('archives.revisionInfo', {
                revision: view.revision,
                by: view.recordedBy ?? '',
                at: f.dateTime(view.recordedAt ?? ''),
              })}
            </Text>
          )}
          {view.verifiedOnly && (
            <Badge variant="light" color="teal" size="sm">
              {t('archives.verifiedBadge')}
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={3} spacing="lg" component="dl" m={0}>
        <DetailField label={t('archives.due')}>
          {due.dueOn === null ? (
            <Text span size="sm" c="dimmed" data-testid="archive-due">
              {t('archives.noDuty')}
            </Text>
          ) : (
            <>
              <Text span size="sm" fw={600} data-testid="archive-due" c={due.overdue ? 'red.8' : undefined}>
                {t('archives.dueOn', { date: due.dueOn })}
              </Text>
              {due.overdue && (
                <Badge color="red" variant="light" size="sm" ml={8} data-testid="archive-overdue">
                  {t('archives.overdueDays', { count: due.daysOverdue })}
                </Badge>
              )}
              <Text size="xs" c="dimmed" component="span" display="block" data-testid="archive-cadence">
                {due.tier && due.cadence
                  ? t('archives.cadence', {
                      tier: t(`tier.${due.tier}`),
                      cadence: t(`archives.cadenceName.${due.cadence}`),
                    })
                  : ''}
                {' · '}
                {due.lastUpdatedOn
                  ? t('archives.lastUpdated', { date: due.lastUpdatedOn })
                  : t('archives.neverUpdated')}
              </Text>
            </>
          )}
        </DetailField>
        <DetailField label={t('archives.completeness')}>
          <Group gap="sm" wrap="nowrap" component="span">
            <Text span size="sm" fw={600} data-testid="archive-score">
              {t('archives.completenessValue', { score: completeness.score })}
            </Text>
            <Progress
              value={completeness.score}
              color={completeness.score === 100 ? 'teal' : 'orange'}
              w={120}
              aria-hidden
            />
          </Group>
          {missing.length === 0 ? (
            <Text size="xs" c="dimmed" component="span" display="block">
              {t('archives.missingNone')}
            </Text>
          ) : (
            <Popover width={360} position="bottom-start" withArrow shadow="md">
              <Popover.Target>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  color="orange"
                  px={0}
                  data-testid="archive-missing"
                  display="block"
                >
                  {t('archives.missing', { count: missing.length })}
                </Button>
              </Popover.Target>
              <Popover.Dropdown data-testid="archive-missing-list">
                <List size="sm" spacing={2}>
                  {missing.map((m) => (
                    <List.Item key={m.path}>{language === 'en' ? m.en : m.zh}</List.Item>
                  ))}
                </List>
              </Popover.Dropdown>
            </Popover>
          )}
        </DetailField>
        <DetailField label={t('archives.keeper')}>
          <span data-testid="archive-keeper">{keeper?.unitName ?? EMPTY_VALUE}</span>
          {keeper !== null && keeper.unitName !== t(`archives.keeperRole.${keeper.role}`) && (
            <Text size="xs" c="dimmed" component="span" display="block">
              {t(`archives.keeperRole.${keeper.role}`)}
            </Text>
          )}
        </DetailField>
      </SimpleGrid>
    </Paper>
  );
}

function useFieldLabel() {
  const language = useLanguage();
  return (x: { zh: string; en: string }) => (language === 'en' ? x.en : x.zh);
}

const valueText = (v: ArchiveRecord[string] | undefined) =>
  v === null || v === undefined || v === '' ? EMPTY_VALUE : String(v);

function SingleBlock({ block, record }: { block: ArchiveBlock; record: ArchiveRecord }) {
  const label = useFieldLabel();
  return (
    <Paper withBorder p="md" data-testid={`archive-block-${block.key}`}>
      <Title order={3} size="h6" mb="sm">
        {label(block)}
      </Title>
      <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
        {block.fields.map((f) => (
          <DetailField key={f.key} label={label(f)}>
            <span data-testid={`archive-${block.key}-${f.key}`} style={{ whiteSpace: 'pre-wrap' }}>
              {valueText(record[f.key])}
            </span>
          </DetailField>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** Key persons and competitors as a table; key persons show their first four fields, the rest below each name. */
function EntriesBlock({ block, entries }: { block: ArchiveBlock; entries: readonly ArchiveEntry[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const columns = block.key === 'keyPersons' ? block.fields.slice(0, 4).concat(block.fields[5] ?? []) : block.fields;
  const rest = block.fields.filter((f) => !columns.includes(f));
  return (
    <Paper withBorder p="md" data-testid={`archive-block-${block.key}`}>
      <Title order={3} size="h6" mb="sm">
        {label(block)}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('archives.noEntries')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing={6} data-testid={`archive-${block.key}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                {columns.map((f) => (
                  <Table.Th key={f.key} style={{ whiteSpace: 'nowrap' }}>
                    {label(f)}
                  </Table.Th>
                ))}
                {rest.length > 0 && <Table.Th>{t('archives.otherFields')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e, i) => (
                <Table.Tr key={e.key}>
                  <Table.Td>{i + 1}</Table.Td>
                  {columns.map((f) => (
                    <Table.Td key={f.key} style={{ whiteSpace: 'pre-wrap' }}>
                      {valueText(e[f.key])}
                    </Table.Td>
                  ))}
                  {rest.length > 0 && (
                    <Table.Td>
                      <Text size="xs" component="div">
                        {rest
                          .filter((f) => e[f.key] !== undefined && e[f.key] !== null && e[f.key] !== '')
                          .map((f) => (
                            <div key={f.key}>
                              <Text span c="dimmed" size="xs">
                                {label(f)}：
                              </Text>
                              {valueText(e[f.key])}
                            </div>
                          ))}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
