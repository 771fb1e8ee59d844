/**
 * Problems found in an import reach the interface in both languages (DOMAIN-DECISIONS "English
 * messages"): every issue of imports/preview and customers/import-preview carries an English
 * `messageEn` without Chinese in it, and `message` stays Chinese for the command line and the
 * problem list sent to units. The same for a domain check's refusal (a text over its limit, a line
 * given to a unit that is not a professional bureau).
 */
import { describe, expect, it } from 'vitest';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const open = backendsForTests();
const tempDir = tempDirsForTests('kam-import-english-');
const CJK = /[\u3400-\u9fff]/;

async function setup() {
  const b = open({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  const call = b.registry.call.bind(b.registry) as typeof b.registry.call;
  const unitId = (await call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const a = (await call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId })).id;
  return { call, a, dir: tempDir() };
}

function expectBilingual(issues: readonly { message: string; messageEn?: string }[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.message).toMatch(CJK);
    expect(i.messageEn ?? '', i.message).not.toBe('');
    // What the officer typed is quoted as typed (a customer's Chinese name); the rest is English.
    expect(i.messageEn?.replace(/"[^"]*"/g, '""'), i.message).not.toMatch(CJK);
  }
}

describe('import problems in English', () => {
  it('imports/preview of a bad revenue sheet gives every issue an English text', async () => {
    const { call, a, dir } = await setup();
    const path = workbookFile(dir, 'bad.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-13', '函件', 100],
      ['44051599999000', '2026-10', '函件', 100],
      [a, '2026-10', '函件', '12abc'],
      [a, '2026-10', '特快', -5],
      [a, '2026-10', '特快', 7], // the same customer, month and line twice
    ]);
    const preview = await call('imports/preview', { path });
    expect(preview.counts.errors).toBeGreaterThanOrEqual(3);
    expect(preview.counts.warnings).toBeGreaterThanOrEqual(1);
    expectBilingual(preview.issues);
    expect(preview.issues.find((i) => i.row === 3)?.messageEn).toBe('No customer has ID 44051599999000');
  });

  it('customers/import-preview gives every issue an English text', async () => {
    const { call, dir } = await setup();
    const path = workbookFile(
      dir,
      'list.xlsx',
      [
        ['客户全称*', '统一社会信用代码*', '属地区划*', '所属单位*'],
        ['A'.repeat(81), '123', '999999', 'Nowhere'],
        ['汕头市宏达电子有限公司', '', '440515', '澄海分局'],
      ],
      '客户名单',
    );
    const preview = await call('customers/import-preview', { path });
    expectBilingual(preview.issues);
  });
});

describe('domain refusals in English', () => {
  it('a name over its limit is refused in both languages, on the error and on its field', async () => {
    const { call } = await setup();
    const unitId = (await call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
    const error = await appError(call('customers/create', { name: 'A'.repeat(81), areaCode: '440515', unitId }));
    expect(error.message).toContain('客户全称不能超过 80 个字（现有 81 个字）');
    const issue = (error.details?.issues as { path: string; message: string; messageEn?: string }[] | undefined)?.[0];
    expect(issue).toMatchObject({
      path: 'name',
      messageEn: 'Full name can have at most 80 characters (it has 81): shorten it and save again',
    });
    expect(error.messageEn).toContain('Full name can have at most 80 characters');
  });

  it('a line given to the city centre is refused in both languages (R15)', async () => {
    const { call } = await setup();
    const centre = (await call('units/list', {})).find((u) => u.code === '440500')?.id ?? 0;
    const error = await appError(call('units/set-line-bureau', { line: 'bills', unitId: centre }));
    expect(error.message).toContain('业务种类只能归属专业局');
    expect(error.messageEn).toMatch(
      /^".+" is a city key-account centre: a line can only belong to a professional bureau$/,
    );
    const issue = (error.details?.issues as { messageEn?: string }[] | undefined)?.[0];
    expect(issue?.messageEn).toBe(error.messageEn);
  });
});
