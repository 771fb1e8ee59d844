/**
 * A policy (R0) as readable tables. With `edit`, the numbers an officer tunes become inputs:
 * money typed in yuan (stored in fen), shares in ‰ (stored in ppm), scores and percentages as is.
 */
import { ActionIcon, Button, Group, NumberInput, Paper, SimpleGrid, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPermille } from '../../../../shared/domain/evaluation';
import { PRODUCT_LINES } from '../../../../shared/domain/lines';
import { formatMoney } from '../../../../shared/domain/money';
import { UNIT_KINDS } from '../../../../shared/domain/organisation';
import type { Band, Policy } from '../../../../shared/domain/policy/policy';
import { SCOPES, TIERS } from '../../../../shared/domain/tiers';

export interface PolicyEdit {
  update: (mutate: (draft: Policy) => void) => void;
  /** Validation messages by dotted path (e.g. `scoring.revenueBands.1.min`). */
  issues: Record<string, string>;
}

type Unit = 'fen' | 'ppm' | 'plain';

const toShown = (value: number, unit: Unit) => (unit === 'fen' ? value / 100 : unit === 'ppm' ? value / 1000 : value);
const fromShown = (value: number, unit: Unit) =>
  unit === 'fen' ? Math.round(value * 100) : unit === 'ppm' ? Math.round(value * 1000) : value;

/** A number of the policy: text when viewing, an input when editing. */
function Num({
  value,
  unit = 'plain',
  edit,
  path,
  set,
  suffix,
  label,
  testId,
  w = 120,
}: {
  value: number;
  unit?: Unit;
  edit: PolicyEdit | null;
  path: string;
  set: (draft: Policy, value: number) => void;
  suffix?: string;
  label: string;
  testId?: string;
  w?: number;
}) {
  if (!edit) {
    const text =
      unit === 'fen' ? formatMoney(value) : unit === 'ppm' ? formatPermille(value) : `${value}${suffix ?? ''}`;
    return <span className="kam-num">{text}</span>;
  }
  const shown = Number.isFinite(value) ? toShown(value, unit) : '';
  return (
    <NumberInput
      size="xs"
      w={w}
      value={shown}
      onChange={(v) => {
        const n = typeof v === 'number' ? fromShown(v, unit) : Number.NaN;
        edit.update((d) => set(d, n));
      }}
      decimalScale={unit === 'fen' ? 2 : unit === 'ppm' ? 3 : 0}
      thousandSeparator={unit === 'fen' ? ',' : undefined}
      prefix={unit === 'fen' ? '¥' : undefined}
      suffix={unit === 'ppm' ? '‰' : suffix}
      min={0}
      hideControls={unit !== 'plain'}
      aria-label={label}
      error={edit.issues[path] ?? (edit.issues[path.slice(0, path.lastIndexOf('.'))] ? true : undefined)}
      data-testid={testId ?? `policy-draft-${path.replaceAll('.', '-')}`}
      data-path={path}
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}

function Section({
  title,
  rule,
  children,
  testId,
}: {
  title: string;
  rule: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group gap="xs" mb="sm">
        <Text span size="xs" fw={700} c="postal.7" bg="postal.0" px={6} style={{ borderRadius: 4 }}>
          {rule}
        </Text>
        <Title order={3} size="h6">
          {title}
        </Title>
      </Group>
      {children}
    </Paper>
  );
}

function Bands({
  bands,
  below,
  unit,
  edit,
  path,
  belowPath,
}: {
  bands: Band[];
  below: number;
  unit: 'fen' | 'ppm';
  edit: PolicyEdit | null;
  path: 'revenueBands' | 'shareBands';
  belowPath: 'revenueBelowScore' | 'shareBelowScore';
}) {
  const { t } = useTranslation();
  const fmt = (v: number) => (unit === 'fen' ? formatMoney(v) : formatPermille(v));
  const lowest = bands[bands.length - 1];
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rules.band.range')}</Table.Th>
          <Table.Th ta="right">{t('rules.band.score')}</Table.Th>
          {edit && <Table.Th w={40} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bands.map((b, i) => {
          const upper = bands[i - 1];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional
            <Table.Tr key={i}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">≥</Text>
                  <Num
                    value={b.min}
                    unit={unit}
                    edit={edit}
                    path={`scoring.${path}.${i}.min`}
                    label={t('rules.band.minOf', { n: i + 1 })}
                    set={(d, v) => {
                      const band = d.scoring[path][i];
                      if (band) band.min = v;
                    }}
                    w={150}
                  />
                  {upper && (
                    <Text size="xs" c="dimmed">
                      {t('rules.band.below', { value: fmt(upper.min) })}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Num
                    value={b.score}
                    edit={edit}
                    path={`scoring.${path}.${i}.score`}
                    label={t('rules.band.scoreOf', { n: i + 1 })}
                    set={(d, v) => {
                      const band = d.scoring[path][i];
                      if (band) band.score = v;
                    }}
                    w={80}
                  />
                </Group>
              </Table.Td>
              {edit && (
                <Table.Td>
                  <Tooltip label={t('rules.band.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('rules.band.remove')}
                      disabled={bands.length <= 1}
                      onClick={() => edit.update((d) => void d.scoring[path].splice(i, 1))}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
        <Table.Tr>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {lowest ? t('rules.band.lowest', { value: fmt(lowest.min) }) : ''}
            </Text>
          </Table.Td>
          <Table.Td ta="right">
            <Group justify="flex-end">
              <Num
                value={below}
                edit={edit}
                path={`scoring.${belowPath}`}
                label={t('rules.band.belowScore')}
                set={(d, v) => {
                  d.scoring[belowPath] = v;
                }}
                w={80}
              />
            </Group>
          </Table.Td>
          {edit && <Table.Td />}
        </Table.Tr>
      </Table.Tbody>
      {edit && (
        <Table.Caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() =>
              edit.update((d) => {
                const list = d.scoring[path];
                const last = list[list.length - 1];
                list.push({ min: last ? Math.floor(last.min / 2) : 0, score: last ? last.score : 0 });
              })
            }
          >
            + {t('rules.band.add')}
          </Button>
        </Table.Caption>
      )}
    </Table>
  );
}

export function PolicyView({ policy, edit }: { policy: Policy; edit: PolicyEdit | null }) {
  const { t } = useTranslation();
  const p = policy;
  const q = p.qualification;
  const w = p.scoring.weights;
  const tiers = p.tiers;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid={edit ? 'policy-draft' : 'policy-view'}>
      <Section title={t('rules.sections.thresholds')} rule="R6 / R7" testId="policy-thresholds">
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.threshold.line')}</Table.Th>
              <Table.Th ta="right">{t('rules.threshold.lastYear')}</Table.Th>
              <Table.Th ta="right">{t('rules.threshold.thisMonth')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td fw={600}>{t('rules.threshold.comprehensive')}</Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Num
                    value={q.comprehensive.lastYearMin}
                    unit="fen"
                    edit={edit}
                    path="qualification.comprehensive.lastYearMin"
                    label={`${t('rules.threshold.comprehensive')} ${t('rules.threshold.lastYear')}`}
                    set={(d, v) => {
                      d.qualification.comprehensive.lastYearMin = v;
                    }}
                    w={140}
                  />
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Num
                    value={q.comprehensive.thisMonthMin}
                    unit="fen"
                    edit={edit}
                    path="qualification.comprehensive.thisMonthMin"
                    label={`${t('rules.threshold.comprehensive')} ${t('rules.threshold.thisMonth')}`}
                    set={(d, v) => {
                      d.qualification.comprehensive.thisMonthMin = v;
                    }}
                    w={140}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
            {PRODUCT_LINES.map((line) => (
              <Table.Tr key={line}>
                <Table.Td>
                  {t(`line.${line}`)}
                  {line === 'newspapers' && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('rules.threshold.turnover')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Group justify="flex-end">
                    <Num
                      value={q.professional[line].lastYearMin}
                      unit="fen"
                      edit={edit}
                      path={`qualification.professional.${line}.lastYearMin`}
                      label={`${t(`line.${line}`)} ${t('rules.threshold.lastYear')}`}
                      set={(d, v) => {
                        d.qualification.professional[line].lastYearMin = v;
                      }}
                      w={140}
                    />
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Group justify="flex-end">
                    <Num
                      value={q.professional[line].thisMonthMin}
                      unit="fen"
                      edit={edit}
                      path={`qualification.professional.${line}.thisMonthMin`}
                      label={`${t(`line.${line}`)} ${t('rules.threshold.thisMonth')}`}
                      set={(d, v) => {
                        d.qualification.professional[line].thisMonthMin = v;
                      }}
                      w={140}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-md)' }}>
        <Section title={t('rules.sections.tiers')} rule="R12" testId="policy-tiers">
          <Table withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {(['diamond', 'gold', 'silver'] as const).map((tier, i) => {
                const upper = i === 0 ? null : tiers[(['diamond', 'gold'] as const)[i - 1] as 'diamond' | 'gold'];
                return (
                  <Table.Tr key={tier}>
                    <Table.Td w={90}>{t(`tier.${tier}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{t('rules.tiers.atLeast')}</Text>
                        <Num
                          value={tiers[tier]}
                          edit={edit}
                          path={`tiers.${tier}`}
                          label={t('rules.tiers.cutOff', { tier: t(`tier.${tier}`) })}
                          set={(d, v) => {
                            d.tiers[tier] = v;
                          }}
                          testId={`policy-draft-${tier}`}
                          w={90}
                        />
                        {upper !== null && (
                          <Text size="xs" c="dimmed">
                            {t('rules.tiers.below', { value: upper })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Td>{t('tier.general')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t('rules.tiers.general', { value: tiers.silver })}</Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('rules.sections.weights')} rule="R11" testId="policy-weights">
          <Group gap="lg">
            {(['revenue', 'share', 'credit'] as const).map((k) => (
              <Group key={k} gap={6}>
                <Text size="sm">{t(`rules.weights.${k}`)}</Text>
                <Num
                  value={w[k]}
                  edit={edit}
                  path={`scoring.weights.${k}`}
                  label={t(`rules.weights.${k}`)}
                  suffix="%"
                  set={(d, v) => {
                    d.scoring.weights[k] = v;
                  }}
                  w={80}
                />
              </Group>
            ))}
          </Group>
          {edit?.issues['scoring.weights'] && (
            <Text size="xs" c="red" mt={4}>
              {edit.issues['scoring.weights']}
            </Text>
          )}
        </Section>
        <Section title={t('rules.sections.scopeAndFluctuation')} rule="R14 / R27">
          <Stack2>
            <Group gap={6}>
              <Text size="sm">{t('rules.scope.dominant')}</Text>
              <Num
                value={p.scope.dominantLinePercent}
                edit={edit}
                path="scope.dominantLinePercent"
                label={t('rules.scope.dominant')}
                suffix="%"
                set={(d, v) => {
                  d.scope.dominantLinePercent = v;
                }}
                w={80}
              />
            </Group>
            <Group gap={6}>
              <Text size="sm">{t('rules.fluctuation')}</Text>
              <Num
                value={p.fluctuationPercent}
                edit={edit}
                path="fluctuationPercent"
                label={t('rules.fluctuation')}
                suffix="%"
                set={(d, v) => {
                  d.fluctuationPercent = v;
                }}
                w={80}
              />
            </Group>
          </Stack2>
        </Section>
      </div>

      <Section title={t('rules.sections.revenueBands')} rule="R9" testId="policy-revenue-bands">
        <Bands
          bands={p.scoring.revenueBands}
          below={p.scoring.revenueBelowScore}
          unit="fen"
          edit={edit}
          path="revenueBands"
          belowPath="revenueBelowScore"
        />
      </Section>
      <Section title={t('rules.sections.shareBands')} rule="R10" testId="policy-share-bands">
        <Bands
          bands={p.scoring.shareBands}
          below={p.scoring.shareBelowScore}
          unit="ppm"
          edit={edit}
          path="shareBands"
          belowPath="shareBelowScore"
        />
      </Section>

      <Section title={t('rules.sections.responsibility')} rule="R15">
        <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={104} style={{ whiteSpace: 'nowrap' }}>
                {t('rules.tierScope')}
              </Table.Th>
              {SCOPES.map((s) => (
                <Table.Th key={s}>{t(`scope.${s}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TIERS.map((tier) => (
              <Table.Tr key={tier}>
                <Table.Th>{t(`tier.${tier}`)}</Table.Th>
                {SCOPES.map((s) => (
                  <Table.Td key={s}>{t(`role.${p.responsibility[tier][s]}`)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('rules.sections.visits')} rule="R23">
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.scopeTier')}</Table.Th>
              {TIERS.map((tier) => (
                <Table.Th key={tier} ta="right">
                  {t(`tier.${tier}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SCOPES.map((s) => (
              <Table.Tr key={s}>
                <Table.Th>{t(`scope.${s}`)}</Table.Th>
                {TIERS.map((tier) => (
                  <Table.Td key={tier} ta="right" className="kam-num">
                    {p.visits.monthly[s][tier] === 0
                      ? t('rules.visits.none')
                      : t('rules.visits.perMonth', { count: p.visits.monthly[s][tier] })}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={6}>
          {t('rules.visits.leader', { min: p.visits.leaderPerYear.min, max: p.visits.leaderPerYear.max })}
          {' · '}
          {t('rules.visits.province', { count: p.visits.provinceDiamondMonthly })}
        </Text>
      </Section>

      <Section title={t('rules.sections.cadence')} rule="R18 / R20">
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.cadence.tier')}</Table.Th>
              <Table.Th>{t('rules.cadence.archive')}</Table.Th>
              <Table.Th>{t('rules.cadence.ab')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TIERS.map((tier) => (
              <Table.Tr key={tier}>
                <Table.Td>{t(`tier.${tier}`)}</Table.Td>
                <Table.Td>{t(`cadence.${p.archiveCadence[tier]}`)}</Table.Td>
                <Table.Td>{p.abRoleTiers.includes(tier) ? t('common.yes') : t('common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('rules.sections.reports')} rule="R19 / R25 / R26 / R30–R32 / R4">
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            <Row label={t('rules.reports.keyCustomers')}>
              {t('rules.reports.keyCustomersValue', {
                tier: t(`tier.${p.reports.keyCustomerMinTier}`),
                n: p.reports.keyCustomerTopN,
              })}
            </Row>
            <Row label={t('rules.reports.province')}>
              {t('rules.reports.provinceValue', {
                amount: formatMoney(p.reports.provinceMonthlyAverageMin),
                n: p.reports.provinceTopN,
              })}
            </Row>
            <Row label={t('rules.reports.lapse')}>
              {t('rules.reports.months', { count: p.registrationLapseMonths })}
            </Row>
            <Row label={t('rules.reports.managerDue')}>
              {t('rules.reports.day', { day: p.reporting.managerChangeDueDay })}
            </Row>
            <Row label={t('rules.reports.unitDue')}>
              {t('rules.reports.day', { day: p.reporting.unitReportDueDay })}
            </Row>
            <Row label={t('rules.reports.centreDue')}>
              {t('rules.reports.nextMonthDay', { day: p.reporting.centreReportDueDay })}
            </Row>
            <Row label={t('rules.reports.minManagers')}>
              {UNIT_KINDS.filter((k) => p.organisation.minAccountManagers[k] > 0)
                .map((k) => `${t(`unitKind.${k}`)} ${p.organisation.minAccountManagers[k]}`)
                .join(t('common.listSeparator'))}
            </Row>
          </Table.Tbody>
        </Table>
      </Section>
    </SimpleGrid>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Stack2({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>{children}</div>;
}
