import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/types';
import { ANALYSIS_ITEMS } from '../../../../shared/domain/templates/layout';
import { formatCount } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { ChangesTable } from './ChangesTable';
import { ErrorReportButton } from './ErrorReportButton';
import { IssuesTable } from './IssuesTable';

const COUNT_KEYS = ['rows', 'new', 'changed', 'unchanged', 'blank', 'errors', 'warnings'] as const;
type CountKey = (typeof COUNT_KEYS)[number];
const COUNT_COLORS: Partial<Record<CountKey, string>> = {
  new: 'green.8',
  changed: 'blue.8',
  errors: 'red.8',
  warnings: 'orange.8',
};

/** What the file would do: its template, counts, side sheets, problems and the changed cells. */
export function PreviewStep({ preview, path }: { preview: ImportPreview; path: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tpl = preview.template;
  return (
    <Stack gap="md" data-testid="import-preview">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} data-testid="preview-file">
              {preview.fileName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" title={path}>
              {path}
            </Text>
          </Stack>
          {tpl ? (
            <Badge variant="light" color="postal" styles={{ label: { textTransform: 'none' } }}>
              {t('submissions.batchKind.template')}
            </Badge>
          ) : (
            <Badge variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>
              {t('submissions.batchKind.revenue')}
            </Badge>
          )}
        </Group>
        {tpl ? (
          <Text size="sm" mt="xs" data-testid="preview-template">
            <Text span c="dimmed" size="sm">
              {t('submissions.preview.template')}：
            </Text>
            {t('submissions.preview.templateText', {
              unit: tpl.unitName,
              code: tpl.unitCode,
              period: f.month(tpl.period),
              version: tpl.version,
              at: f.dateTime(tpl.generatedAt),
            })}
          </Text>
        ) : (
          <Text size="sm" mt="xs" c="dimmed" data-testid="preview-hand-made">
            {t('submissions.preview.handMade')}
          </Text>
        )}
        {preview.earlierBatch && (
          <Alert color="orange" variant="light" mt="sm" data-testid="preview-earlier">
            <Text size="sm">
              {t('submissions.preview.earlier', {
                at: f.dateTime(preview.earlierBatch.committedAt),
                id: preview.earlierBatch.id,
              })}
            </Text>
          </Alert>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 4, md: 7 }} spacing="sm" data-testid="preview-counts">
        {COUNT_KEYS.map((key) => {
          const n = preview.counts[key];
          return (
            <Paper key={key} withBorder p="sm" data-testid="preview-count" data-kind={key} data-value={n}>
              <Text size="xs" c="dimmed">
                {t(`submissions.preview.counts.${key}`)}
              </Text>
              <Text fw={700} size="xl" className="kam-num" c={n > 0 ? COUNT_COLORS[key] : undefined}>
                {formatCount(n)}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>

      {preview.sections.length > 0 && <Sections preview={preview} />}
      <IssuesTable preview={preview} actions={<ErrorReportButton preview={preview} />} />
      <ChangesTable preview={preview} />
    </Stack>
  );
}

/** 经营分析 (R31): how many of its items the unit wrote — the report quotes them. */
function AnalysisLine({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const section = preview.sections.find((s) => s.kind === 'analysis' && s.stored);
  if (!section) return null;
  return (
    <Text size="sm" mb="xs" data-testid="preview-analysis" c={section.rows > 0 ? undefined : 'orange.8'}>
      {section.rows > 0
        ? t('submissions.preview.analysisWritten', { count: section.rows, total: ANALYSIS_ITEMS.length })
        : t('submissions.preview.analysisBlank')}
    </Text>
  );
}

function Sections({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="preview-sections">
      <Title order={2} size="h5" mb="sm">
        {t('submissions.preview.sectionsTitle')}
      </Title>
      <AnalysisLine preview={preview} />
      <Table aria-label={t('submissions.preview.sectionsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('submissions.preview.sectionColumns.sheet')}</Table.Th>
            <Table.Th ta="right">{t('submissions.preview.sectionColumns.rows')}</Table.Th>
            <Table.Th ta="right">{t('submissions.preview.sectionColumns.problems')}</Table.Th>
            <Table.Th>{t('submissions.preview.sectionColumns.stored')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sections.map((s) => (
            <Table.Tr key={s.sheet} data-testid="preview-section">
              <Table.Td>
                {s.sheet}
                {/* A renamed sheet: say what the app read it as. */}
                {s.sheet !== t(`submissions.preview.sectionKind.${s.kind}`) && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    （{t(`submissions.preview.sectionKind.${s.kind}`)}）
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" className="kam-num">
                {formatCount(s.rows)}
              </Table.Td>
              <Table.Td ta="right" className="kam-num" c={s.problems > 0 ? 'orange.8' : undefined}>
                {formatCount(s.problems)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={s.stored ? undefined : 'dimmed'}>
                  {s.stored ? t(`submissions.preview.handling.${s.kind}`) : t('submissions.preview.reported')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
