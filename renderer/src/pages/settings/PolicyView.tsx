/**
 * A policy (R0) as readable tables. Given the draft's form, the numbers an officer tunes become
 * inputs bound by their path in the policy document: money typed in yuan (stored in fen), shares
 * in ‰ (stored in ppm), scores and percentages as is.
 */

import { ActionIcon, Button, Group, NumberInput, Paper, SimpleGrid, Table, Text, Title, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBp } from '../../../../shared/domain/discounts/approval';
import { formatPermille } from '../../../../shared/domain/evaluation';
import { PRODUCT_LINES } from '../../../../shared/domain/lines';
import { formatMoney } from '../../../../shared/domain/money';
import { UNIT_KINDS } from '../../../../shared/domain/organisation';
import type { Band, Policy } from '../../../../shared/domain/policy/policy';
import { SCORECARD_PARTS } from '../../../../shared/domain/policy/policy';
import { SCOPES, TIERS } from '../../../../shared/domain/tiers';
import { useLanguage } from '../../i18n';

/** The draft's values as a form holds them (a plain object type, which @mantine/form asks for). */
export type PolicyValues = { [K in keyof Policy]: Policy[K] };
export type PolicyForm = UseFormReturnType<PolicyValues>;

/** The policy shown, and the draft's form when it is being edited (null: read only). */
const PolicyContext = createContext<{ policy: Policy; form: PolicyForm | null }>({
  policy: null as unknown as Policy,
  form: null,
});

type Unit = 'fen' | 'ppm' | 'bp' | 'plain';

const toShown = (value: number, unit: Unit) =>
  unit === 'fen' || unit === 'bp' ? value / 100 : unit === 'ppm' ? value / 1000 : value;
const fromShown = (value: number, unit: Unit) =>
  unit === 'fen' || unit === 'bp' ? Math.round(value * 100) : unit === 'ppm' ? Math.round(value * 1000) : value;

function valueAt(policy: Policy, path: string): number {
  let node: unknown = policy;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'number' ? node : Number.NaN;
}

/**
 * A number of the policy, named once by its path in the document (`tiers.gold`): text when
 * viewing, an input bound to the draft's form when editing. A check on the whole group (e.g. the
 * R12 cut-offs' order, the R11 weights' sum) marks each of its inputs.
 */
function Num({
  path,
  unit = 'plain',
  suffix,
  label,
  testId,
  w = 120,
}: {
  path: string;
  unit?: Unit;
  suffix?: string;
  label: string;
  testId?: string;
  w?: number;
}) {
  const { policy, form } = useContext(PolicyContext);
  if (!form) {
    const value = valueAt(policy, path);
    const text =
      unit === 'fen'
        ? formatMoney(value)
        : unit === 'ppm'
          ? formatPermille(value)
          : unit === 'bp'
            ? formatBp(value)
            : `${value}${suffix ?? ''}`;
    return <span className="kam-num">{text}</span>;
  }
  const input = form.getInputProps(path);
  const value = input.value as number;
  const groupError = form.errors[path.slice(0, path.lastIndexOf('.'))];
  return (
    <NumberInput
      size="xs"
      w={w}
      value={Number.isFinite(value) ? toShown(value, unit) : ''}
      onChange={(v) => input.onChange(typeof v === 'number' ? fromShown(v, unit) : Number.NaN)}
      onFocus={input.onFocus}
      onBlur={input.onBlur}
      decimalScale={unit === 'fen' || unit === 'bp' ? 2 : unit === 'ppm' ? 3 : 0}
      thousandSeparator={unit === 'fen' ? ',' : undefined}
      prefix={unit === 'fen' ? '¥' : undefined}
      suffix={unit === 'ppm' ? '‰' : unit === 'bp' ? '%' : suffix}
      min={0}
      hideControls={unit !== 'plain'}
      aria-label={label}
      error={input.error ?? (groupError ? true : undefined)}
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

/** R9 / R10 score bands, highest first; a draft can add and remove bands. */
function Bands({ unit, path }: { unit: 'fen' | 'ppm'; path: 'revenue' | 'share' }) {
  const { policy, form: edit } = useContext(PolicyContext);
  const bandsPath = `scoring.${path}Bands` as const;
  const bands: Band[] = policy.scoring[`${path}Bands`];
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
        {bands.map((_band, i) => {
          const upper = bands[i - 1];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional
            <Table.Tr key={i}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">≥</Text>
                  <Num unit={unit} path={`${bandsPath}.${i}.min`} label={t('rules.band.minOf', { n: i + 1 })} w={150} />
                  {upper && (
                    <Text size="xs" c="dimmed">
                      {t('rules.band.below', { value: fmt(upper.min) })}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Num path={`${bandsPath}.${i}.score`} label={t('rules.band.scoreOf', { n: i + 1 })} w={80} />
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
                      onClick={() => edit.removeListItem(bandsPath, i)}
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
              <Num path={`scoring.${path}BelowScore`} label={t('rules.band.belowScore')} w={80} />
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
            onClick={() => {
              const last = bands[bands.length - 1];
              edit.insertListItem(bandsPath, {
                min: last ? Math.floor(last.min / 2) : 0,
                score: last ? last.score : 0,
              });
            }}
          >
            + {t('rules.band.add')}
          </Button>
        </Table.Caption>
      )}
    </Table>
  );
}

/** The policy; with `form` (the draft's), its tuned numbers are inputs and its values are the form's. */
export function PolicyView({ policy, form }: { policy: Policy; form: PolicyForm | null }) {
  return (
    <PolicyContext.Provider value={{ policy, form }}>
      <PolicyTables />
    </PolicyContext.Provider>
  );
}

function PolicyTables() {
  const { t } = useTranslation();
  const { policy: p, form: edit } = useContext(PolicyContext);
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
                    unit="fen"
                    path="qualification.comprehensive.lastYearMin"
                    label={`${t('rules.threshold.comprehensive')} ${t('rules.threshold.lastYear')}`}
                    w={140}
                  />
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Num
                    unit="fen"
                    path="qualification.comprehensive.thisMonthMin"
                    label={`${t('rules.threshold.comprehensive')} ${t('rules.threshold.thisMonth')}`}
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
                      unit="fen"
                      path={`qualification.professional.${line}.lastYearMin`}
                      label={`${t(`line.${line}`)} ${t('rules.threshold.lastYear')}`}
                      w={140}
                    />
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Group justify="flex-end">
                    <Num
                      unit="fen"
                      path={`qualification.professional.${line}.thisMonthMin`}
                      label={`${t(`line.${line}`)} ${t('rules.threshold.thisMonth')}`}
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
                          path={`tiers.${tier}`}
                          label={t('rules.tiers.cutOff', { tier: t(`tier.${tier}`) })}
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
                <Num path={`scoring.weights.${k}`} label={t(`rules.weights.${k}`)} suffix="%" w={80} />
              </Group>
            ))}
          </Group>
          {edit?.errors['scoring.weights'] && (
            <Text size="xs" c="red" mt={4}>
              {edit.errors['scoring.weights']}
            </Text>
          )}
        </Section>
        <Section title={t('rules.sections.scopeAndFluctuation')} rule="R14 / R27">
          <Stack2>
            <Group gap={6}>
              <Text size="sm">{t('rules.scope.dominant')}</Text>
              <Num path="scope.dominantLinePercent" label={t('rules.scope.dominant')} suffix="%" w={80} />
            </Group>
            <Group gap={6}>
              <Text size="sm">{t('rules.fluctuation')}</Text>
              <Num path="fluctuationPercent" label={t('rules.fluctuation')} suffix="%" w={80} />
            </Group>
          </Stack2>
        </Section>
      </div>

      <Section title={t('rules.sections.revenueBands')} rule="R9" testId="policy-revenue-bands">
        <Bands unit="fen" path="revenue" />
      </Section>
      <Section title={t('rules.sections.shareBands')} rule="R10" testId="policy-share-bands">
        <Bands unit="ppm" path="share" />
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

      <DiscountSteps />

      <Section title={t('rules.sections.service')} rule="R22 / R34" testId="policy-service">
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('rules.service.stuckDays')}</Table.Th>
              <Table.Td>
                {TIERS.map((tier) => `${t(`tier.${tier}`)} ${p.marketing.stuckDays[tier]}`).join(' · ')}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('rules.service.weights')}</Table.Th>
              <Table.Td>
                {SCORECARD_PARTS.map((part) => `${t(`scorecards.parts.${part}`)} ${p.scorecard.weights[part]}%`).join(
                  ' · ',
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
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

/**
 * R29: the discount approval chain — each step's role and when it is needed (always, or any of its
 * conditions, each condition all of its parts); depths and revenue floors editable in a draft.
 */
function DiscountSteps() {
  const { t } = useTranslation();
  const { policy: p } = useContext(PolicyContext);
  const english = useLanguage() === 'en';
  const d = p.discounts;
  return (
    <Section title={t('rules.sections.discounts')} rule="R29" testId="policy-discounts">
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rules.discounts.step')}</Table.Th>
            <Table.Th>{t('rules.discounts.when')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.steps.map((s, i) => (
            <Table.Tr key={s.role}>
              <Table.Td>
                {i + 1}. {english ? s.en : s.zh}
              </Table.Td>
              <Table.Td>
                {s.always ? (
                  t('rules.discounts.always')
                ) : (
                  <Stack2>
                    {s.anyOf.map((c, j) => {
                      const base = `discounts.steps.${i}.anyOf.${j}`;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
                        <Group key={j} gap={6} wrap="wrap">
                          {j > 0 && (
                            <Text size="xs" c="dimmed">
                              {t('rules.discounts.or')}
                            </Text>
                          )}
                          {c.minDepthBp !== undefined && (
                            <Group gap={4}>
                              {t('rules.discounts.depth')}
                              <Num path={`${base}.minDepthBp`} unit="bp" label={t('rules.discounts.depth')} w={90} />
                            </Group>
                          )}
                          {c.tiers !== undefined && (
                            <span>
                              {t('rules.discounts.tiers', {
                                tiers: c.tiers.map((tier) => t(`tier.${tier}`)).join(english ? ', ' : '、'),
                              })}
                            </span>
                          )}
                          {c.minMonthlyRevenue !== undefined && (
                            <Group gap={4}>
                              {t('rules.discounts.revenue')}
                              <Num
                                path={`${base}.minMonthlyRevenue`}
                                unit="fen"
                                label={t('rules.discounts.revenue')}
                                w={120}
                              />
                            </Group>
                          )}
                        </Group>
                      );
                    })}
                  </Stack2>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="lg" mt={8}>
        <Group gap={4}>
          <Text size="sm">{t('rules.discounts.stepDays')}</Text>
          <Num
            path="discounts.stepDays"
            suffix={t('rules.discounts.days')}
            label={t('rules.discounts.stepDays')}
            w={80}
          />
        </Group>
        <Group gap={4}>
          <Text size="sm">{t('rules.discounts.expiring')}</Text>
          <Num
            path="discounts.expiringWarningDays"
            suffix={t('rules.discounts.days')}
            label={t('rules.discounts.expiring')}
            w={80}
          />
        </Group>
        <Group gap={4}>
          <Text size="sm">{t('rules.discounts.maxValidity')}</Text>
          <Num
            path="discounts.maxValidityMonths"
            suffix={t('rules.discounts.months')}
            label={t('rules.discounts.maxValidity')}
            w={80}
          />
        </Group>
      </Group>
    </Section>
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
