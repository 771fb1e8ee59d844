/** `kam import` of a CSV as units save one: UTF-8, UTF-8 with a BOM, GBK (DOMAIN-DECISIONS "Imports", CSV). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, type CsvEncoding, csvBytes } from '../../support/csv-bytes';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-csv-');

describe('kam import of a CSV file', () => {
  it('reads the header and commits the rows whatever the encoding; IDs and months kept as written', async () => {
    const dir = tempDir();
    const db = join(dir, 'kam.sqlite');
    expect((await kam(['demo', '--db', db, '--customers', '5'])).code).toBe(0);
    const months: [CsvEncoding, string][] = [
      ['utf8', '2026-09'],
      ['utf8-bom', '2026-10'],
      ['gbk', '2026-11'],
    ];
    for (const [encoding, month] of months) {
      const path = join(dir, `收入-${encoding}.csv`);
      writeFileSync(path, csvBytes(encoding, [CSV_HEADER, `44050700001000,${month},函件,"1,234.50"`]));
      const r = await kam(['import', path, '--db', db, '--commit', '--json']);
      expect(r.err, encoding).toBe('');
      expect(r.code, encoding).toBe(0);
      const [{ preview, batch }] = JSON.parse(r.out);
      expect(preview.counts, encoding).toMatchObject({ rows: 1, new: 1, errors: 0 });
      expect(preview.changes, encoding).toEqual([
        expect.objectContaining({
          customerId: '44050700001000',
          period: month,
          line: 'letters',
          old: null,
          new: 123_450,
        }),
      ]);
      expect(batch, encoding).toMatchObject({ created: 1 });
    }
  });
});
