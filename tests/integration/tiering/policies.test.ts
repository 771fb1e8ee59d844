/** Policy versions (R0): listing, validating and creating them, the version a run uses, and the what-if. */
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../shared/domain/policy/policy';
import { dumpTables } from '../../support/db-dump';
import { BUREAU, C1, type Fixture, NOW, setup, workedCheckDb } from './fixture';

describe('policies (R0)', () => {
  async function v1(f: Fixture): Promise<Policy> {
    return structuredClone((await f.call('policies/get', { version: 1 })).document);
  }

  it('lists version 1 as current and validates drafts with Chinese issues', async () => {
    const f = await setup();
    const list = await f.call('policies/list', {});
    expect(list).toEqual([
      {
        version: 1,
        label: expect.any(String),
        effectiveFrom: '2026-01-01',
        createdAt: NOW.toISOString(),
        createdBy: '信息主管',
        current: true,
      },
    ]);
    const got = await f.call('policies/get', { version: 1 });
    expect(got.info).toEqual(list[0]);
    expect(got.document.tiers).toEqual({ diamond: 90, gold: 75, silver: 65 });
    expect(await f.call('policies/validate', { document: got.document })).toEqual({ ok: true, issues: [] });
    expect((await f.fail(f.call('policies/get', { version: 2 }))).code).toBe('NOT_FOUND');

    const broken = await v1(f);
    broken.scoring.weights = { revenue: 50, share: 40, credit: 0 };
    const check = await f.call('policies/validate', { document: broken });
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([
      {
        path: 'scoring.weights',
        message: expect.stringContaining('90%'),
        messageEn: 'The weights must add up to 100%, not 90%',
      },
    ]);
    expect(check.issues[0]?.message).toMatch(/权重/);

    const disorder = await v1(f);
    disorder.tiers.gold = 95;
    const check2 = await f.call('policies/validate', { document: disorder });
    expect(check2.ok).toBe(false);
    expect(check2.issues.map((i) => i.path)).toEqual(['tiers']);
    expect((await f.call('policies/validate', { document: 'not a policy' })).ok).toBe(false);
  });

  it('creates version 2 from a copy of version 1; an invalid draft is VALIDATION and adds no row', async () => {
    const f = await setup();
    const draft = await v1(f);
    draft.tiers.gold = 80;
    draft.label = '黄金分数线调整为 80';
    draft.effectiveFrom = '2026-07-01';
    const created = await f.call('policies/create', { document: draft });
    expect(created).toEqual({
      version: 2,
      label: '黄金分数线调整为 80',
      effectiveFrom: '2026-07-01',
      createdAt: NOW.toISOString(),
      createdBy: '信息主管',
      current: true,
    });
    const list = await f.call('policies/list', {});
    expect(list.map((p) => [p.version, p.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const v2 = await f.call('policies/get', { version: 2 });
    expect(v2.document.version).toBe(2);
    expect(v2.document.tiers.gold).toBe(80);

    const before = dumpTables(f.db);
    const broken = structuredClone(draft);
    broken.scoring.weights = { revenue: 50, share: 40, credit: 0 };
    broken.effectiveFrom = '2027-01-01';
    const error = await f.fail(f.call('policies/create', { document: broken }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('90%');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['scoring.weights']);
    // Effective before the latest version's date.
    const early = structuredClone(draft);
    early.effectiveFrom = '2026-03-01';
    const error2 = await f.fail(f.call('policies/create', { document: early }));
    expect(error2.code).toBe('VALIDATION');
    expect(error2.message).toContain('2026-07-01');
    expect(dumpTables(f.db)).toEqual(before);
    expect(f.db.prepare('SELECT count(*) AS n FROM policies').get()).toEqual({ n: 2 });
  });

  it('a run uses the version in force at its window end, and records it', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const draft = await v1(f);
    draft.tiers.gold = 80;
    draft.effectiveFrom = '2026-07-01';
    await f.call('policies/create', { document: draft });

    // Annual 2025 ends 2025-12-31, before v2 (and before v1's own date: the first version applies).
    const y2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(y2025.policyVersion).toBe(1);
    expect((await f.results(y2025.id)).get(C1)?.tier).toBe('gold');
    // Monthly previews: 2026-06 ends before 2026-07-01 → v1; 2026-07 → v2 (bureau falls back to 2025).
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2026-06' })).policyVersion).toBe(1);
    expect((await f.call('tiers/run', { kind: 'monthly', period: '2026-07' })).policyVersion).toBe(2);
    // Annual 2026 → v2.
    await f.call('revenue/bureau-set', { year: 2026, amount: BUREAU.A });
    const y2026 = await f.call('tiers/run', { kind: 'annual', year: 2026 });
    expect(y2026.policyVersion).toBe(2);
    expect((await f.call('tiers/explain', { runId: y2026.id, customerId: C1 })).policyVersion).toBe(2);

    // An explicit version reproduces 2025 under v2: 78 < 80 → silver.
    const under2 = await f.call('tiers/run', { kind: 'annual', year: 2025, policyVersion: 2 });
    expect(under2.policyVersion).toBe(2);
    const row = (await f.results(under2.id)).get(C1);
    expect(row).toMatchObject({ total: 78, tier: 'silver' });
    const r12 = (await f.call('tiers/explain', { runId: under2.id, customerId: C1 })).steps.find(
      (s) => s.rule === 'R12',
    );
    expect(r12?.text).toContain('[65, 80)');
    // The earlier v1 run still reads as it was.
    expect((await f.results(y2025.id)).get(C1)?.tier).toBe('gold');
    expect((await f.fail(f.call('tiers/run', { kind: 'annual', year: 2025, policyVersion: 9 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('what-if (R0)', () => {
  it('a draft with gold raised to 80 moves the 78-point customer gold → silver and writes nothing', async () => {
    const f = await workedCheckDb(BUREAU.A);
    // A run exists beforehand; the what-if must neither add nor change runs.
    await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const draft = structuredClone((await f.call('policies/get', { version: 1 })).document);
    draft.tiers.gold = 80;

    const before = dumpTables(f.db);
    const runsBefore = (f.db.prepare('SELECT count(*) AS n FROM tier_runs').get() as { n: number }).n;
    const result = await f.call('policies/what-if', { document: draft, kind: 'annual', year: 2025 });
    expect(dumpTables(f.db)).toEqual(before);
    expect(f.db.prepare('SELECT count(*) AS n FROM tier_runs').get()).toEqual({ n: runsBefore });

    expect(result.basePolicyVersion).toBe(1);
    expect(result.kind).toBe('annual');
    expect(result.key).toBe('2025');
    expect(result.customers).toBe(3);
    expect(result.changedTotal).toBe(1);
    expect(result.matrix.gold.silver).toBe(1);
    expect(result.matrix.general.general).toBe(2);
    const sum = Object.values(result.matrix).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(sum).toBe(3);
    expect(result.changed).toHaveLength(1);
    const change = result.changed[0];
    expect(change).toMatchObject({
      customerId: C1,
      name: '汕头市宏达电子有限公司',
      from: 'gold',
      to: 'silver',
      totalBefore: 78,
      totalAfter: 78,
    });
    const r12 = (steps: { rule: string; text: string }[]) => steps.find((s) => s.rule === 'R12')?.text ?? '';
    expect(r12(change?.explanationBefore ?? [])).toContain('黄金');
    expect(r12(change?.explanationAfter ?? [])).toContain('白银');
    expect(change?.explanationBefore.map((s) => s.text).join('\n')).toContain('54 + 24 = 78');

    // The same policy changes nothing.
    const same = await f.call('policies/what-if', {
      document: (await f.call('policies/get', { version: 1 })).document,
      kind: 'annual',
      year: 2025,
    });
    expect(same.changedTotal).toBe(0);
    expect(same.changed).toEqual([]);
    expect(same.matrix.gold.gold).toBe(1);

    // A monthly what-if needs its period; an invalid draft is VALIDATION; still nothing written.
    expect(
      (await f.call('policies/what-if', { document: draft, kind: 'monthly', period: '2025-12' })).changedTotal,
    ).toBe(1);
    expect((await f.fail(f.call('policies/what-if', { document: draft, kind: 'monthly', year: 2025 }))).code).toBe(
      'VALIDATION',
    );
    const broken = structuredClone(draft);
    broken.scoring.weights.share = 30;
    expect((await f.fail(f.call('policies/what-if', { document: broken, kind: 'annual', year: 2025 }))).code).toBe(
      'VALIDATION',
    );
    expect(dumpTables(f.db)).toEqual(before);
  });
});
