/**
 * The composed report's generated blocks on screen, compact: headings, sentences, tables and
 * charts exactly as the document (shared/domain/report/compose.ts) has them, in the figures'
 * one format (report/format.ts), so what the officer reads here is what prints. Not the print
 * view: that is 打印预览.
 */
import { Box, Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartSvg } from '../../../../../shared/domain/report/chart-svg';
import type {
  ReportBlock,
  ReportChart,
  ReportTable,
  ReportTextField,
} from '../../../../../shared/domain/report/document';
import { cellAlign, formatCell } from '../../../../../shared/domain/report/format';
import type { ReportPart } from './parts';

/** Long tables show this many rows until the officer asks for all. */
const ROWS_SHOWN = 12;

function ReportTableView({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const long = table.rows.length > ROWS_SHOWN + 3;
  const rows = long && !all ? table.rows.slice(0, ROWS_SHOWN) : table.rows;
  const last = table.rows.length - 1;
  return (
    <Box data-testid="report-table" lang="zh-CN">
      <Text size="sm" fw={600} ta="center" mb={4}>
        {table.title}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Table withTableBorder withColumnBorders striped fz="xs" verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.title} ta="center" style={{ whiteSpace: 'nowrap' }}>
                  {c.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, r) => (
              <Table.Tr
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a composed table have no id; their order is fixed.
                key={r}
                fw={table.totalRow && r === last ? 700 : undefined}
              >
                {table.columns.map((c, i) => (
                  <Table.Td
                    key={c.title}
                    ta={cellAlign(c.format)}
                    style={{
                      whiteSpace: cellAlign(c.format) === 'right' ? 'nowrap' : undefined,
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    {formatCell(row[i] ?? null, c.format)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {long && (
        <Group justify="center" mt={4}>
          <Button variant="subtle" size="compact-xs" onClick={() => setAll((v) => !v)}>
            {all
              ? t('reports.analysis.blocks.fewerRows')
              : t('reports.analysis.blocks.allRows', { count: table.rows.length })}
          </Button>
        </Group>
      )}
      {table.note && (
        <Text size="xs" c="dimmed" mt={2}>
          {table.note}
        </Text>
      )}
    </Box>
  );
}

function ReportChartView({ chart }: { chart: ReportChart }) {
  // The print view's own SVG, as an image (data: is allowed by the app's CSP; no markup injected).
  const src = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart, { width: 640, height: 260 }))}`,
    [chart],
  );
  return (
    <Box data-testid="report-chart" lang="zh-CN">
      <Text size="sm" fw={600} ta="center" mb={4}>
        {chart.title}
      </Text>
      <Box
        component="img"
        src={src}
        alt={chart.title}
        style={{ display: 'block', width: '100%', maxWidth: 640 }}
        mx="auto"
      />
    </Box>
  );
}

/**
 * One block; `writing` blocks are drawn by the caller (the judgement editor), so they come out of
 * `renderWriting`.
 */
export function BlockView({
  block,
  renderWriting,
}: {
  block: ReportBlock;
  renderWriting: (field: ReportTextField) => React.ReactNode;
}) {
  switch (block.kind) {
    case 'heading':
      return (
        <Title order={4} size="h6" mt="xs" lang="zh-CN">
          {block.text}
        </Title>
      );
    case 'paragraph':
      return (
        <Text size="sm" style={{ lineHeight: 1.7 }} data-testid="report-paragraph" lang="zh-CN">
          {block.text}
        </Text>
      );
    case 'table':
      return <ReportTableView table={block} />;
    case 'chart':
      return <ReportChartView chart={block} />;
    case 'writing':
      return <>{renderWriting(block.field)}</>;
  }
}

/** A part of the report in its own box, its heading as the box's title. */
export function PartView({
  part,
  index,
  renderWriting,
}: {
  part: ReportPart;
  index: number;
  renderWriting: (field: ReportTextField) => React.ReactNode;
}) {
  const writes = part.blocks.some((b) => b.kind === 'writing');
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      id={`report-part-${index}`}
      data-testid="report-part"
      data-part={index}
      data-judgement={writes ? 'true' : 'false'}
      aria-labelledby={`report-part-${index}-title`}
      // Clear of the app's header and the sticky list of parts when a part is scrolled to.
      style={{ scrollMarginTop: 120 }}
    >
      <Title
        order={3}
        size="h5"
        mb="sm"
        id={`report-part-${index}-title`}
        data-testid="report-part-title"
        // The report is a Chinese document in either interface language: Chinese glyphs and punctuation.
        lang="zh-CN"
      >
        {part.heading.text}
      </Title>
      <Box style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}>
        {part.blocks.map((block, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a part's blocks have no id; their order is fixed.
          <BlockView key={i} block={block} renderWriting={renderWriting} />
        ))}
      </Box>
    </Paper>
  );
}
