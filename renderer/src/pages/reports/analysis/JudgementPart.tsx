/**
 * A judgement part of the report (R28 三, 六, 七, the note on 四 and the gold analysis): the
 * officer's text box, and beside it what informs it — the month's facts (fluctuations with the
 * units' reasons, new and lost customers, tier moves) and every unit's own 经营分析 text for the
 * part (R31), each with 引用 to insert it into the box.
 */
import { Badge, Box, Button, Grid, Group, Paper, ScrollArea, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFacts, UnitAnalysis } from '../../../../../shared/api/types';
import type { ReportTextField } from '../../../../../shared/domain/report/document';
import type { ReportCustomer } from '../../../../../shared/domain/report/facts';
import { formatCell } from '../../../../../shared/domain/report/format';
import { TierBadge } from '../../../components/TierBadge';
import { formatCount } from '../../../i18n/format';
import { quoted } from './parts';

/** Which item of a unit's 经营分析 sheet matches which part (the gold analysis has none). */
const UNIT_TEXT: Record<ReportTextField, keyof UnitAnalysis | null> = {
  competition: 'competition',
  fluctuation: 'fluctuationNotes',
  practice: 'practice',
  problems: 'plan',
  gold: null,
};

/** Which facts inform which part (the rest are in the generated parts above). */
type FactKind = 'fluctuations' | 'added' | 'lost' | 'tierMoves' | 'gold';
const FACTS_OF: Record<ReportTextField, readonly FactKind[]> = {
  competition: ['lost', 'fluctuations'],
  fluctuation: ['fluctuations'],
  practice: ['added', 'tierMoves'],
  problems: ['lost', 'fluctuations', 'tierMoves'],
  gold: ['gold'],
};

/** At most this many rows of a fact list beside the box; the generated part above has them all. */
const FACT_ROWS = 30;

const wan = (fen: number) => formatCell(fen, 'wan');

function CustomerLine({ c, extra }: { c: ReportCustomer; extra?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" style={{ flex: 1, minWidth: 0 }} lineClamp={1} title={`${c.name}（${c.id}）`}>
        {c.name}
        <Text span size="xs" c="dimmed">
          {' '}
          · {c.unitName}
        </Text>
      </Text>
      <Text size="xs" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {extra ?? wan(c.thisMonth)}
      </Text>
    </Group>
  );
}

function FactList({ kind, facts }: { kind: FactKind; facts: ReportFacts }) {
  const { t } = useTranslation();
  const title = (count: number) => t(`reports.analysis.facts.${kind}`, { count });
  const box = (count: number, body: React.ReactNode) => (
    <Box data-testid="judgement-facts" data-kind={kind}>
      <Text size="xs" fw={700} mb={4}>
        {title(count)}
      </Text>
      {count === 0 ? (
        <Text size="xs" c="dimmed">
          {t('reports.analysis.facts.none')}
        </Text>
      ) : (
        <Stack gap={4}>{body}</Stack>
      )}
      {count > FACT_ROWS && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('reports.analysis.facts.more', { count: count - FACT_ROWS })}
        </Text>
      )}
    </Box>
  );
  switch (kind) {
    case 'fluctuations':
      return box(
        facts.fluctuations.length,
        facts.fluctuations.slice(0, FACT_ROWS).map((f) => (
          <Box key={f.id}>
            <CustomerLine
              c={f}
              extra={`${wan(f.lastMonth)} → ${wan(f.thisMonth)}${
                f.changePercent === null ? '' : ` · ${formatCell(f.changePercent / 100, 'ratio')}`
              }`}
            />
            <Text size="xs" c={f.explanation ? undefined : 'orange.8'} pl="sm">
              {f.explanation
                ? `${t('reports.analysis.facts.reason')}：${f.explanation}`
                : t('reports.analysis.facts.noReason')}
              {f.oneOff && (
                <Badge size="xs" variant="light" color="gray" ml={6}>
                  {t('reports.analysis.facts.oneOff')}
                </Badge>
              )}
            </Text>
          </Box>
        )),
      );
    case 'added':
    case 'lost': {
      const list = facts.overall[kind];
      return box(
        list.length,
        list
          .slice(0, FACT_ROWS)
          .map((c) => (
            <CustomerLine
              key={c.id}
              c={c}
              extra={kind === 'lost' ? `${t('reports.analysis.facts.lastMonth')} ${wan(c.lastMonth)}` : undefined}
            />
          )),
      );
    }
    case 'tierMoves':
      return box(
        facts.tierMoves.length,
        facts.tierMoves.slice(0, FACT_ROWS).map((m) => (
          <Group key={m.id} gap={6} wrap="nowrap">
            <Text size="xs" style={{ flex: 1, minWidth: 0 }} lineClamp={1} title={`${m.name}（${m.id}）`}>
              {m.name}
              <Text span size="xs" c="dimmed">
                {' '}
                · {m.unitName}
              </Text>
            </Text>
            <TierBadge tier={m.from} size="xs" />
            <Text size="xs">→</Text>
            <TierBadge tier={m.to} size="xs" />
          </Group>
        )),
      );
    case 'gold':
      return (
        <Box data-testid="judgement-facts" data-kind="gold">
          <Text size="xs" fw={700} mb={4}>
            {t('reports.analysis.facts.gold', { count: facts.gold.customers.length })}
          </Text>
          <Text size="xs">
            {t('reports.analysis.facts.goldFigures', {
              month: wan(facts.gold.figures.thisMonth),
              mom: formatCell(facts.gold.figures.mom, 'ratio'),
              yoy: formatCell(facts.gold.figures.yoy, 'ratio'),
            })}
          </Text>
          {facts.goldQuarter && (
            <Text size="xs" mt={4}>
              {t('reports.analysis.facts.goldQuarter', {
                label: facts.goldQuarter.label,
                total: wan(facts.goldQuarter.thisQuarter),
                qoq: formatCell(facts.goldQuarter.qoq, 'ratio'),
              })}
            </Text>
          )}
          <Stack gap={4} mt={6}>
            {facts.gold.customers.slice(0, FACT_ROWS).map((c) => (
              <CustomerLine key={c.id} c={c} />
            ))}
          </Stack>
        </Box>
      );
  }
}

function UnitTexts({
  field,
  analyses,
  readOnly,
  onQuote,
}: {
  field: ReportTextField;
  analyses: readonly UnitAnalysis[] | undefined;
  readOnly: boolean;
  onQuote: (unit: UnitAnalysis, text: string) => void;
}) {
  const { t } = useTranslation();
  const key = UNIT_TEXT[field];
  if (key === null) {
    return (
      <Text size="xs" c="dimmed">
        {t('reports.analysis.units.noneForPart')}
      </Text>
    );
  }
  if (analyses === undefined) {
    return (
      <Text size="xs" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  }
  const written = analyses.filter((a) => {
    const v = a[key];
    return typeof v === 'string' && v.trim() !== '';
  });
  if (written.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="unit-texts-empty">
        {analyses.length === 0 ? t('reports.analysis.units.noneSent') : t('reports.analysis.units.noneWritten')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {written.map((a) => {
        const text = String(a[key]);
        return (
          <Paper
            key={a.unitId}
            withBorder
            p="xs"
            bg="gray.0"
            data-testid="unit-text"
            data-unit={a.unitCode}
            lang="zh-CN"
          >
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <Text size="xs" fw={700} lineClamp={1}>
                {a.unitName}
              </Text>
              {!readOnly && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onQuote(a, text)}
                  data-testid="unit-text-quote"
                  aria-label={t('reports.analysis.units.quoteLabel', { unit: a.unitName })}
                >
                  {t('reports.analysis.units.quote')}
                </Button>
              )}
            </Group>
            <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {text}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function JudgementPart({
  field,
  text,
  readOnly,
  facts,
  analyses,
  onChange,
  onBlur,
}: {
  field: ReportTextField;
  text: string;
  readOnly: boolean;
  facts: ReportFacts;
  analyses: readonly UnitAnalysis[] | undefined;
  onChange: (text: string) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const box: RefObject<HTMLTextAreaElement | null> = useRef(null);
  const unitKey = UNIT_TEXT[field];
  const unitCount =
    unitKey === null || analyses === undefined
      ? 0
      : analyses.filter((a) => typeof a[unitKey] === 'string' && String(a[unitKey]).trim() !== '').length;
  return (
    <Grid gap="md" data-testid="judgement" data-field={field}>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Textarea
          ref={box}
          label={t(`reports.analysis.fields.${field}`)}
          description={readOnly ? undefined : t(`reports.analysis.hints.${field}`)}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={onBlur}
          readOnly={readOnly}
          placeholder={readOnly ? t('reports.analysis.editor.notWritten') : t('reports.analysis.editor.placeholder')}
          autosize
          minRows={6}
          maxRows={20}
          maxLength={5000}
          data-testid={`report-text-${field}`}
          lang="zh-CN"
          styles={{ input: { lineHeight: 1.7, backgroundColor: readOnly ? 'var(--mantine-color-gray-0)' : undefined } }}
        />
        {!readOnly && (
          <Text size="xs" c="dimmed" ta="right" mt={2}>
            {t('reports.analysis.editor.length', { n: formatCount(text.length) })}
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="sm" data-testid="judgement-side">
          <Tabs defaultValue={unitKey === null ? 'facts' : 'units'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="units" data-testid="judgement-tab-units">
                {t('reports.analysis.units.tab', { count: unitCount })}
              </Tabs.Tab>
              <Tabs.Tab value="facts" data-testid="judgement-tab-facts">
                {t('reports.analysis.facts.tab')}
              </Tabs.Tab>
            </Tabs.List>
            <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
              <Box p="xs">
                <Tabs.Panel value="units">
                  <UnitTexts
                    field={field}
                    analyses={analyses}
                    readOnly={readOnly}
                    onQuote={(unit, quote) => {
                      onChange(quoted(text, unit.unitName, quote));
                      box.current?.focus();
                    }}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="facts">
                  <Stack gap="sm">
                    {FACTS_OF[field].map((kind) => (
                      <FactList key={kind} kind={kind} facts={facts} />
                    ))}
                  </Stack>
                </Tabs.Panel>
              </Box>
            </ScrollArea.Autosize>
          </Tabs>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
