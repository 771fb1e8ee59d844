/**
 * A refused input reaches the interface in both languages (DOMAIN-DECISIONS "English messages"):
 * every field issue the registry returns carries `messageEn`, and it is English except where it
 * quotes what was typed. Driven through every channel with hostile inputs, then the checks that
 * need otherwise valid input (refinements), the policy checks of 设置 → 规则, and file refusals.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkSpreadsheetFile, DEFAULT_ZIP_LIMITS } from '../../../electron/backend/imports/zip-guard';
import { CHANNELS, inputSchemas } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { validatePolicy } from '../../../shared/domain/policy/validate';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();
const CJK = /[\u3400-\u9fff]/;
/** What is left of an English message once the quoted input is taken out. */
const unquoted = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, '""');

function expectEnglish(where: string, issues: readonly { message: string; messageEn?: string }[]) {
  for (const i of issues) {
    const en = i.messageEn ?? i.message;
    expect(unquoted(en), `${where}: ${i.message}`).not.toMatch(CJK);
  }
}

/** The top-level keys a channel's schema reads (through pipes, refinements and unions). */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (def.type === 'object') return Object.keys((schema as unknown as z.ZodObject).shape);
  if (def.type === 'pipe') return keysOf(def.in as z.ZodType);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
  return [];
}

const HOSTILE: readonly unknown[] = [[], '', -1, 0, 1.5, 'x'.repeat(5000), '函'.repeat(100), true, null];

describe('field issues in English', () => {
  it('every channel, every field given a wrong value: each issue has English', async () => {
    const b = open({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
    let refused = 0;
    for (const channel of CHANNELS) {
      const keys = keysOf(inputSchemas[channel]);
      const inputs: unknown[] = [
        { unknownField: 1 },
        ...HOSTILE.map((v) => Object.fromEntries(keys.map((k) => [k, v]))),
      ];
      for (const input of inputs) {
        // Only the schema is under test: a write must not run, so keep to refused inputs.
        if (!inputSchemas[channel].safeParse(input).success) {
          const response = await b.registry.invoke(channel, input);
          expect(response.ok, channel).toBe(false);
          if (response.ok) continue;
          const error = response.error as ApiError;
          expect(error.code).toBe('VALIDATION');
          const issues = (error.details?.issues ?? []) as { message: string; messageEn?: string }[];
          expect(issues.length, channel).toBeGreaterThan(0);
          expectEnglish(`${channel} ${JSON.stringify(input).slice(0, 80)}`, issues);
          expect(unquoted(error.messageEn ?? ''), channel).not.toMatch(CJK);
          refused++;
        }
      }
    }
    // Hundreds of refusals, not a loop that quietly checked nothing.
    expect(refused).toBeGreaterThan(CHANNELS.length * 3);
  });

  it.each([
    [
      'tiers/approve',
      {
        customerId: '44051500001000',
        approver: '张三',
        documentNo: '汕邮〔2026〕1号',
        reason: '战略客户',
        validFrom: '2026-06-01',
        validTo: '2026-01-01',
      },
      '有效期止不能早于起',
      'Valid to cannot be before valid from',
    ],
    [
      'policies/what-if',
      { document: {}, kind: 'annual' },
      '年度分级需要年份，月度预览需要月份',
      'An annual run needs a year, a monthly preview a month',
    ],
    [
      'revenue/bureau-set',
      { year: 2026, amount: '0' },
      '全局年收入必须大于 0',
      'The bureau’s annual revenue must be above 0',
    ],
    [
      'revenue/set-newspaper',
      { customerId: '44051500001000', period: '2026-10', annualTurnover: '1000', ratePercent: '200' },
      '平均费率应为 0–100 之间的百分数，最多两位小数',
      'The average rate is a percentage 0–100 with at most two decimals',
    ],
    ['revenue/set', { customerId: '44051500001000', period: '2026-13', line: 'letters', amount: '1' }, null, null],
    ['revenue/set', { customerId: '44051500001000', period: '2026-10', line: 'letters', amount: '12abc' }, null, null],
    [
      'customers/create',
      { name: '甲公司', areaCode: '440515', unitId: 1, creditCode: '91440500MA4UQXXX0X' },
      null,
      null,
    ],
  ] as const)('%s refinement: %s', async (channel, input, zh, en) => {
    const b = open({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
    const response = await b.registry.invoke(channel, input);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    const issues = (response.error.details?.issues ?? []) as { message: string; messageEn?: string }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.messageEn, i.message).toBeDefined();
    expectEnglish(channel, issues);
    if (zh !== null) expect(issues).toContainEqual(expect.objectContaining({ message: zh, messageEn: en }));
  });
});

describe('policy checks in English (设置 → 规则)', () => {
  it('a policy broken in many ways: each problem has English', () => {
    const broken = structuredClone(POLICY_V1) as unknown as Record<string, Record<string, unknown>>;
    const scoring = broken.scoring as {
      weights: Record<string, number>;
      revenueBands: { min: number; score: number }[];
    };
    scoring.weights.revenue = 50;
    scoring.revenueBands.reverse();
    broken.tiers = { diamond: 60, gold: 80, silver: -1 };
    (broken.visits as { leaderPerYear: unknown }).leaderPerYear = { min: 5, max: 2 };
    broken.fluctuationPercent = 'much' as never;
    broken.label = '' as never;
    broken.archiveCadence = { ...(broken.archiveCadence as object), diamond: 'weekly' };
    const check = validatePolicy(broken);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.length).toBeGreaterThanOrEqual(7);
    for (const i of check.issues) expect(i.messageEn, i.message).toBeDefined();
    expectEnglish('policy', check.issues);
    expect(check.issues).toContainEqual(
      expect.objectContaining({
        path: 'scoring.weights',
        messageEn: expect.stringMatching(/^The weights must add up to 100%, not \d+%$/),
      }),
    );
    expect(check.issues).toContainEqual(
      expect.objectContaining({
        message: '分数线须满足 钻石 > 黄金 > 白银',
        messageEn: 'The cut-offs must be diamond > gold > silver',
      }),
    );
  });
});

describe('file refusals in English', () => {
  const zip = (names: string[]) => {
    // The smallest zip that names its entries: local headers are not read by the guard.
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    for (const name of names) {
      const n = Buffer.from(name);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(n.length, 28);
      central.push(header, n);
    }
    const cd = Buffer.concat(central);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    parts.push(local);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(names.length, 8);
    eocd.writeUInt16LE(names.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(4, 16);
    return Buffer.concat([...parts, cd, eocd]);
  };
  it.each([
    ['空文件.xlsx', Buffer.alloc(0), 'empty'],
    ['文档.xlsx', Buffer.from('hello, not a spreadsheet\0'), 'not_spreadsheet'],
    ['破损.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'corrupt_zip'],
    ['报告.xlsx', zip(['word/document.xml']), 'not_spreadsheet'],
  ])('%s', (name, bytes, reason) => {
    const check = checkSpreadsheetFile(bytes, name, DEFAULT_ZIP_LIMITS);
    expect(check).toMatchObject({ ok: false, reason });
    if (check.ok) return;
    expect(check.message).toMatch(CJK);
    expect(unquoted(check.messageEn)).not.toMatch(CJK);
  });
});
