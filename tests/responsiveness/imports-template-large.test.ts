/**
 * DOMAIN-DECISIONS "Imports", responsiveness: a unit's monthly template with more than 130,000 revenue rows previews without
 * overflowing the stack (the template checks compact rows in a loop, not `splice(…, ...rows)`),
 * with every check paced. No wall-clock bound (the figure is the benchmark's, `npm run bench --
 * --only responsiveness`): pings (`imports/progress`, as the wizard polls it) are answered between
 * slices of the row checks, and the longest any ping waited is a small fraction of how long the
 * same preview holds the main thread unpaced, measured here (tests/support/unpaced.ts). The
 * database and the filled workbook are made on a worker thread first
 * (tests/support/large-template-fixture.ts says why), then the backend opens the database here,
 * as the app would.
 */
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { makeLargeTemplate } from '../support/large-template';
import type { LargeTemplateLayout } from '../support/large-template-fixture';
import { pingDuring } from '../support/ping';
import { tempDirsForTests } from '../support/temp-dir';
import { unpaced } from '../support/unpaced';

const tempDir = tempDirsForTests('kam-template-large-');
const NOW = new Date('2026-11-10T02:00:00Z');
const CUSTOMERS = 15_000;
/**
 * As in imports-responsiveness.test.ts: measured 0.02–0.04 on an idle machine, up to 0.10 with two
 * CPU-bound processes beside the test; an unpaced preview gives ~1.
 */
const MAX_FRACTION = 1 / 2;
/** Fewest slices of row checks a ping finds under way (~40 here, more on a busy machine; unpaced 0). */
const MIN_SLICES = 10;

describe('a large template-form workbook', () => {
  // The wide layout (version 2: one row per customer, a cell per line) and the long one of
  // version 1 templates (one row per customer and line), which units may still send.
  it.each<[LargeTemplateLayout, string]>([
    ['long', 'one row per customer and line'],
    ['wide', 'one row per customer'],
  ])(
    `previews ${(CUSTOMERS * 9).toLocaleString('en')} template figures (%s layout: %s), answering pings between slices of checks`,
    async (layout) => {
      const fixture = await makeLargeTemplate(tempDir(), { customers: CUSTOMERS, period: '2026-10', now: NOW, layout });
      const b = openBackend({ databasePath: fixture.databasePath, now: () => NOW });
      try {
        const progressId = 'ping-progress-0002';
        const ping = () => b.registry.call('imports/progress', { progressId });
        const previewOf = () => b.registry.call('imports/preview', { path: fixture.path, progressId });

        const paced = await pingDuring(previewOf, ping);
        expect(paced.value.template).not.toBeNull();
        expect(paced.value.counts).toMatchObject({ rows: fixture.rows, errors: 0 });
        expect(paced.value.counts.warnings).toBeGreaterThan(0); // other units' customers
        const checking = paced.during.map((a) => a.value).filter((p) => p?.stage === 'check');
        const dones = checking.map((p) => p?.done ?? -1);
        expect(dones).toEqual([...dones].sort((x, y) => x - y));
        // Every sheet's rows, header rows included: one figure throughout.
        const total = checking[0]?.total ?? 0;
        expect(checking.every((p) => p?.total === total && total > fixture.sheetRows)).toBe(true);
        const slicesSeen = new Set(dones.filter((d) => d > 0 && d < total)).size;

        const bare = await unpaced(() => pingDuring(previewOf, ping));
        expect(bare.value.counts).toEqual(paced.value.counts);
        console.log(
          `[template preview, ${layout}] ${fixture.rows} figures in ${fixture.sheetRows} rows: worst ping ${paced.worst.toFixed(1)} ms ` +
            `(${paced.during.length} answered during it, ${slicesSeen} check slices seen), ` +
            `unpaced ${bare.worst.toFixed(1)} ms, ratio ${(paced.worst / bare.worst).toFixed(3)}`,
        );
        // Soft: a regression reports both figures it moved.
        expect.soft(slicesSeen, 'slices of row checks a ping found under way').toBeGreaterThanOrEqual(MIN_SLICES);
        expect.soft(paced.worst, 'worst ping vs the unpaced stall').toBeLessThan(bare.worst * MAX_FRACTION);
      } finally {
        await b.close();
      }
    },
    600_000,
  );
});
