/** R19, R19a–c: registrations through the registry and a real database (handler level). */
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { teamUnits } from '../../../electron/backend/registrations/applications';
import { addRegistration } from '../../../electron/backend/registrations/service';
import type { ApiInput } from '../../../shared/api/contract';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';

const NOW = new Date('2026-11-10T02:00:00Z');
const withCheck = (body17: string) => body17 + creditCodeCheckCharacter(body17);
const CODE_A = withCheck('91440500MA4UABCD1');
const CODE_B = withCheck('91440515MA4UXY712');

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function setup() {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  // A branch office under 澄海分局 and one under 速递物流局 (R19 pre-review by their parents).
  const chBranch = await call('units/create', {
    code: 'CH01',
    name: '澄海莲下支局',
    kind: 'branch',
    parentId: unit('440515'),
    areaCode: '440515',
  });
  const exBranch = await call('units/create', {
    code: 'EX01',
    name: '速递龙湖营业部',
    kind: 'branch',
    parentId: unit('P05'),
    areaCode: '440507',
  });
  const add = (input: Partial<ApiInput<'registrations/add'>> & { name: string; unitId: number }) =>
    call('registrations/add', { areaCode: '440515', date: '2026-01-10', ...input });
  /** Files and approves through every step; returns the customer ID. */
  const approveAll = async (id: number, extra: Partial<ApiInput<'registrations/decide'>> = {}) => {
    let r = await call('registrations/decide', { id, approve: true, date: '2026-01-15', ...extra });
    if (r.state === 'review')
      r = await call('registrations/decide', { id, approve: true, date: '2026-01-15', ...extra });
    return r;
  };
  return { b, call, unit, chBranch: chBranch.id, exBranch: exBranch.id, add, approveAll };
}

describe('R19 review chain', () => {
  it('R19: a branch office’s registration is pre-reviewed by its county centre, then reviewed and approved with an R16 ID', async () => {
    const { call, add, chBranch, unit } = await setup();
    const r = await add({
      unitId: chBranch,
      name: '汕头市宏达玩具实业有限公司',
      creditCode: CODE_A,
      phone: '0754-8888 1234',
    });
    expect(r).toMatchObject({ state: 'pre_review', preReviewUnit: '440515', conflicts: [], needsRuling: false });
    const pre = await call('registrations/decide', { id: r.id, approve: true, reason: '属实', date: '2026-01-12' });
    expect(pre.state).toBe('review');
    const done = await call('registrations/decide', { id: r.id, approve: true, date: '2026-01-15' });
    expect(done.state).toBe('approved');
    expect(done.customerId).toBe('44051500001000');
    // R15: a new customer has no tier: general → its home unit, responsible until the first run.
    expect(done.responsibleUnit).toBe('CH01');
    // R14: home unit under a county bureau → regional.
    expect(done.suggestedScope).toBe('regional');
    const customer = await call('customers/get', { id: done.customerId as string });
    expect(customer.unitId).toBe(chBranch);
    expect(customer.creditCode).toBe(CODE_A);
    // The customer page finds the registration that made the customer.
    const mine = await call('registrations/list', { customerId: done.customerId as string });
    expect(mine.map((x) => [x.id, x.state])).toEqual([[r.id, 'approved']]);
    expect(await call('registrations/list', { customerId: '44051500099000' })).toEqual([]);
    const detail = await call('registrations/get', { id: r.id, date: '2026-01-20' });
    expect(detail.steps.map((s) => [s.step, s.decision, s.unit, s.decidedOn])).toEqual([
      ['submit', 'submitted', 'CH01', '2026-01-10'],
      ['pre_review', 'approved', '440515', '2026-01-12'],
      ['review', 'approved', '440500', '2026-01-15'],
    ]);
    expect(detail.steps[1]?.opinion).toBe('属实');
    expect(unit('440515')).toBeGreaterThan(0);
  });

  it('R19: a professional bureau’s branch is pre-reviewed by the bureau', async () => {
    const { add, exBranch } = await setup();
    const r = await add({ unitId: exBranch, name: '汕头市顺捷物流有限公司', areaCode: '440507' });
    expect(r).toMatchObject({ state: 'pre_review', preReviewUnit: 'P05' });
  });

  it.each([
    ['a county bureau directly under the city centre', '440515'],
    ['a professional bureau', 'P05'],
    ['the city centre itself', '440500'],
  ])('R19: %s skips the pre-review', async (_case, code) => {
    const { add, unit } = await setup();
    const r = await add({ unitId: unit(code), name: '汕头市新星电子科技有限公司' });
    expect(r).toMatchObject({ state: 'review', preReviewUnit: null });
  });

  it('R19: a rejection needs a reason, records it, and the registration takes no further step', async () => {
    const { call, add, chBranch } = await setup();
    const r = await add({ unitId: chBranch, name: '汕头市宏达玩具实业有限公司' });
    expect((await appError(call('registrations/decide', { id: r.id, approve: false }))).code).toBe('VALIDATION');
    const no = await call('registrations/decide', { id: r.id, approve: false, reason: '收入证明不足' });
    expect(no.state).toBe('rejected');
    expect((await call('registrations/get', { id: r.id })).outcomeReason).toBe('收入证明不足');
    expect((await appError(call('registrations/decide', { id: r.id, approve: true }))).code).toBe('CONFLICT');
  });
});

describe('R19 inbox and audit', () => {
  it('R19: addRegistration files a template registration (source and batch kept) for the inbox', async () => {
    const { b, call, chBranch } = await setup();
    const ctx = { ...b.registry.ctx, afterCommit: (fn: () => void) => fn() };
    const r = b.db.transaction(() =>
      addRegistration(
        ctx,
        { unitId: chBranch, name: '汕头市宏达玩具实业有限公司', areaCode: '440515', date: '2026-01-10' },
        { source: 'template', sourceRef: 'batch:7' },
      ),
    )();
    expect(r.state).toBe('pre_review');
    const inbox = await call('registrations/list', { state: 'pre_review' });
    expect(inbox.map((x) => [x.id, x.source])).toEqual([[r.id, 'template']]);
    expect(b.db.prepare('SELECT source_ref FROM registrations WHERE id = ?').pluck().get(r.id)).toBe('batch:7');
  });

  it('R19: every write is audited against its registration', async () => {
    const { b, add, call, unit } = await setup();
    const r = await add({ unitId: unit('440515'), name: '汕头市宏达玩具实业有限公司' });
    await call('registrations/decide', { id: r.id, approve: true });
    const rows = b.db
      .prepare("SELECT channel, entity FROM audit_log WHERE channel LIKE 'registrations/%' ORDER BY id")
      .all();
    expect(rows).toEqual([
      { channel: 'registrations/add', entity: `registration:${r.id}` },
      { channel: 'registrations/decide', entity: `registration:${r.id}` },
    ]);
    // The steps are append-only.
    expect(() => b.db.prepare('DELETE FROM registration_steps').run()).toThrow(/append-only/);
  });
});

describe('R19a credit code', () => {
  it('R19a: a wrong check character is refused naming the character, and nothing is stored', async () => {
    const { b, call, unit } = await setup();
    const before = dumpTables(b.db);
    const wrong = CODE_A.slice(0, 17) + (CODE_A.endsWith('0') ? '1' : '0');
    const e = await appError(
      call('registrations/add', {
        unitId: unit('440515'),
        name: '汕头市宏达玩具实业有限公司',
        areaCode: '440515',
        creditCode: wrong,
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('第 18 位');
    expect(e.message).toContain(`“${CODE_A.charAt(17)}”`);
    expect(dumpTables(b.db)).toEqual(before);
    const letter = await appError(
      call('registrations/dupcheck', { name: '宏达', creditCode: `${CODE_A.slice(0, 4)}O${CODE_A.slice(5)}` }),
    );
    expect(letter.message).toContain('第 5 位');
  });
});

describe('R19a/R19b conflicts', () => {
  it('R19a: same credit code, same company by name, same phone, similar and branch — each shows only its holder', async () => {
    const { call, add, unit, chBranch, approveAll } = await setup();
    const first = await add({
      unitId: unit('440515'),
      name: '汕头市宏达玩具实业有限公司',
      creditCode: CODE_A,
      phone: '075488881234',
    });
    const head = await approveAll(first.id);
    const check = (name: string, creditCode?: string, phone?: string) =>
      call('registrations/dupcheck', { name, ...(creditCode ? { creditCode } : {}), ...(phone ? { phone } : {}) });
    const byCode = await check('完全不同的名字有限公司', CODE_A);
    expect(byCode.matches).toEqual([
      expect.objectContaining({
        reason: 'credit_code',
        customerId: head.customerId,
        registrationId: null,
        unit: '440515',
        state: 'customer',
      }),
    ]);
    expect(Object.keys(byCode.matches[0] ?? {})).not.toContain('name');
    expect((await check('宏达玩具实业（汕头）有限责任公司')).matches[0]?.reason).toBe('name');
    expect((await check('汕头市星辉电子科技有限公司', undefined, '0754-8888 1234')).matches[0]?.reason).toBe('phone');
    const similar = (await check('汕头市宏远玩具实业有限公司')).matches[0];
    expect(similar).toMatchObject({ reason: 'similar', differing: { ours: '远', theirs: '达' } });
    const branch = (await check('汕头市宏达玩具实业有限公司澄海分公司')).matches[0];
    expect(branch).toMatchObject({ reason: 'branch', customerId: head.customerId });
    // Names sharing only industry words do not match.
    expect((await check('汕头市星辉玩具实业有限公司')).matches).toEqual([]);

    // A pending registration is a holder too.
    const pending = await add({ unitId: chBranch, name: '汕头市金源电子科技有限公司', phone: '13800138000' });
    const again = await check('金源电子科技股份有限公司');
    expect(again.matches).toEqual([
      expect.objectContaining({
        reason: 'name',
        customerId: null,
        registrationId: pending.id,
        unit: 'CH01',
        state: 'pre_review',
      }),
    ]);
  });

  it('R19a/R19b: a table of real-looking names against customers in the database', async () => {
    const { call, unit } = await setup();
    const ids: Record<string, string> = {};
    for (const [key, name, creditCode] of [
      ['宏达', '汕头市宏达玩具实业有限公司', CODE_A],
      ['金源', '汕头市金源电子科技有限公司', null],
      ['顺发', '汕头市金平区顺发商行', null],
      ['联兴', '澄海区联兴塑料制品厂', null],
      ['ABC', '汕头市ABC贸易有限公司', null],
    ] as const) {
      ids[key] = (await call('customers/create', { name, areaCode: '440515', unitId: unit('440515'), creditCode })).id;
    }
    const table: [string, string | null, string | null, string | null][] = [
      // name, credit code, expected reason, expected customer
      ['完全不同的名字有限公司', CODE_A, 'credit_code', '宏达'],
      ['宏达玩具实业（汕头）有限公司', null, 'name', '宏达'],
      ['广东省汕头市宏达玩具实业股份有限公司', null, 'name', '宏达'],
      ['宏达玩具实业集团有限公司', null, 'name', '宏达'],
      ['汕头市金源电子科技有限责任公司', null, 'name', '金源'],
      ['顺发经营部', null, 'name', '顺发'],
      ['汕头市联兴塑料制品有限公司', null, 'name', '联兴'],
      ['汕头市ＡＢＣ贸易（汕头）有限公司', null, 'name', 'ABC'],
      ['汕头市宏达玩具实业有限公司澄海分公司', null, 'branch', '宏达'],
      ['汕头市金源电子科技有限公司潮阳办事处', null, 'branch', '金源'],
      ['汕头市宏远玩具实业有限公司', null, 'similar', '宏达'],
      ['汕头市金原电子科技有限公司', null, 'similar', '金源'],
      ['汕头市星辉玩具实业有限公司', null, null, null],
      ['汕头市华美电子科技有限公司', null, null, null],
      ['汕头市宏达物流有限公司', null, null, null],
      ['汕头市顺丰物流有限公司', null, null, null],
    ];
    const got = [];
    for (const [name, creditCode] of table) {
      const [first] = (await call('registrations/dupcheck', { name, creditCode })).matches;
      const holder = Object.entries(ids).find(([, id]) => id === first?.customerId)?.[0] ?? null;
      got.push([name, creditCode, first?.reason ?? null, holder]);
    }
    expect(got).toEqual(table);
  });

  it('R19: a registration matching another unit’s customer cannot be approved until the centre rules; the ruling moves the customer, keeping its ID', async () => {
    const { call, add, unit, approveAll } = await setup();
    const first = await add({ unitId: unit('440515'), name: '汕头市宏达玩具实业有限公司', creditCode: CODE_A });
    const { customerId } = await approveAll(first.id);
    const second = await add({ unitId: unit('440513'), name: '宏达玩具实业（汕头）有限公司', date: '2026-02-01' });
    expect(second.needsRuling).toBe(true);
    expect(second.conflicts[0]).toMatchObject({ reason: 'name', customerId, unit: '440515' });
    const blocked = await appError(call('registrations/decide', { id: second.id, approve: true }));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('裁定');
    const detail = await call('registrations/get', { id: second.id });
    expect(detail.sides.map((s) => [s.unit, s.customerId ?? s.registrationId])).toEqual([
      ['440513', second.id],
      ['440515', customerId],
    ]);
    const ruled = await call('registrations/decide', {
      id: second.id,
      approve: true,
      ruling: 'signing_location',
      reason: '合同在潮阳签订',
      date: '2026-02-10',
    });
    expect(ruled).toMatchObject({ state: 'approved', customerId });
    expect((await call('customers/get', { id: customerId as string })).unitId).toBe(unit('440513'));
    expect((await call('registrations/get', { id: second.id })).rulings).toEqual([
      expect.objectContaining({ winner: 'registration', basis: 'signing_location', reason: '合同在潮阳签订' }),
    ]);
  });

  it('R19: the first valid registration owns; a later one waits for the ruling, and the loser is told why', async () => {
    const { call, add, unit, approveAll } = await setup();
    const first = await add({ unitId: unit('440515'), name: '汕头市金源电子科技有限公司', creditCode: CODE_B });
    const later = await add({
      unitId: unit('440513'),
      name: '金源电子科技有限公司',
      creditCode: CODE_B,
      date: '2026-01-11',
    });
    expect(later.needsRuling).toBe(true);
    // The first one is not blocked by the later one.
    const won = await approveAll(first.id);
    expect(won.state).toBe('approved');
    expect((await appError(call('registrations/decide', { id: later.id, approve: true }))).code).toBe('CONFLICT');
    const lost = await call('registrations/decide', {
      id: later.id,
      approve: false,
      ruling: 'signing_location',
      reason: '合同在澄海签订，归先申报单位',
    });
    expect(lost.state).toBe('rejected');
    const receipt = await call('registrations/get', { id: later.id });
    expect(receipt.outcomeReason).toBe('合同在澄海签订，归先申报单位');
    expect(receipt.rulings[0]).toMatchObject({ winner: 'holder' });
  });

  it('R19: a ruling for a later registration rejects the earlier pending one with the reason', async () => {
    const { call, add, unit } = await setup();
    const early = await add({ unitId: unit('440515'), name: '汕头市金源电子科技有限公司' });
    const late = await add({ unitId: unit('440513'), name: '金源电子科技有限公司', date: '2026-01-12' });
    const r = await call('registrations/decide', {
      id: late.id,
      approve: true,
      ruling: 'escalation',
      reason: '省局裁定',
    });
    expect(r.state).toBe('approved');
    expect(r.ruledAgainst).toEqual([early.id]);
    const loser = await call('registrations/get', { id: early.id });
    expect(loser.state).toBe('rejected');
    expect(loser.outcomeReason).toContain('省局裁定');
  });

  it('R19: the city centre’s own customer (not released) needs a ruling too; a ruling with nothing to rule on is refused', async () => {
    const { call, add, unit } = await setup();
    const own = await call('customers/create', {
      name: '汕头市中心直管物流有限公司',
      areaCode: '440500',
      unitId: unit('440500'),
    });
    const r = await add({ unitId: unit('440515'), name: '中心直管物流有限公司' });
    expect(r.needsRuling).toBe(true);
    expect(r.conflicts[0]).toMatchObject({ reason: 'name', customerId: own.id, unit: '440500' });
    expect((await appError(call('registrations/decide', { id: r.id, approve: true }))).code).toBe('CONFLICT');
    const lone = await add({ unitId: unit('440515'), name: '汕头市独立电子科技有限公司' });
    const e = await appError(
      call('registrations/decide', { id: lone.id, approve: true, ruling: 'signing_location', reason: '无' }),
    );
    expect(e.message).toContain('没有需要裁定的冲突');
  });

  it('R16: a branch is approved as a branch of its head office (head’s 11 digits + next branch number)', async () => {
    const { call, add, unit, approveAll } = await setup();
    const head = await approveAll((await add({ unitId: unit('440515'), name: '汕头市宏达物流有限公司' })).id);
    const branch = await add({ unitId: unit('440515'), name: '汕头市宏达物流有限公司澄海分公司' });
    expect(branch.conflicts[0]).toMatchObject({ reason: 'branch', customerId: head.customerId });
    expect((await appError(call('registrations/decide', { id: branch.id, approve: true }))).message).toContain(
      '分支机构',
    );
    const ok = await call('registrations/decide', { id: branch.id, approve: true, branchOf: head.customerId });
    expect(ok.customerId).toBe(`${(head.customerId as string).slice(0, 11)}001`);
    const second = await add({ unitId: unit('440515'), name: '汕头市宏达物流有限公司潮阳分公司' });
    const ok2 = await call('registrations/decide', { id: second.id, approve: true, branchOf: head.customerId });
    expect(ok2.customerId).toBe(`${(head.customerId as string).slice(0, 11)}002`);
  });
});

describe('R19a duplicate index stays current', () => {
  it('R19a: customers created, renamed and moved elsewhere are found at once; an area added becomes a region word', async () => {
    const { call, unit } = await setup();
    // Built first, then patched by the customer writes (the search index's change listener).
    expect((await call('registrations/dupcheck', { name: '汕头市星辉电子科技有限公司' })).matches).toEqual([]);
    const c = await call('customers/create', {
      name: '汕头市星辉电子科技有限公司',
      areaCode: '440515',
      unitId: unit('440515'),
    });
    expect((await call('registrations/dupcheck', { name: '星辉电子科技有限公司' })).matches[0]).toMatchObject({
      reason: 'name',
      customerId: c.id,
      unit: '440515',
    });
    await call('customers/update', {
      id: c.id,
      name: '汕头市辉煌电子科技有限公司',
      areaCode: '440515',
      unitId: unit('440513'),
    });
    expect((await call('registrations/dupcheck', { name: '星辉电子科技有限公司' })).matches).toEqual([]);
    expect((await call('registrations/dupcheck', { name: '辉煌电子科技有限公司' })).matches[0]?.unit).toBe('440513');
    // A new area's name is a region word from then on (R19b: from the area table).
    expect((await call('registrations/dupcheck', { name: '揭阳辉煌电子科技有限公司' })).matches).toEqual([]);
    await call('areas/upsert', { code: '445200', name: '揭阳市' });
    expect((await call('registrations/dupcheck', { name: '揭阳辉煌电子科技有限公司' })).matches[0]?.reason).toBe(
      'name',
    );
  });

  it('R19a: a registration leaves the pending holders once rejected', async () => {
    const { call, add, unit } = await setup();
    const r = await add({ unitId: unit('440515'), name: '汕头市顺捷物流有限公司', phone: '13800138000' });
    expect((await call('registrations/dupcheck', { name: '顺捷物流有限公司' })).matches).toHaveLength(1);
    await call('registrations/decide', { id: r.id, approve: false, reason: '重复申报' });
    expect((await call('registrations/dupcheck', { name: '顺捷物流有限公司' })).matches).toEqual([]);
  });
});

describe('R19c ownership clock and release', () => {
  async function approved() {
    const f = await setup();
    const r = await f.add({ unitId: f.unit('440515'), name: '汕头市宏达玩具实业有限公司', creditCode: CODE_A });
    const done = await f.approveAll(r.id);
    return { ...f, id: r.id, customerId: done.customerId as string };
  }

  it('R19c: warning 30 days before the period ends, listed for release after it', async () => {
    const { call, id } = await approved();
    const clockOn = async (date: string) => (await call('registrations/list', { date }))[0]?.clock?.state;
    expect(await clockOn('2026-06-14')).toBe('running');
    expect(await clockOn('2026-06-15')).toBe('warning');
    expect(await clockOn('2026-07-15')).toBe('lapsed');
    expect((await call('registrations/list', { clock: 'lapsed', date: '2026-07-15' })).map((r) => r.id)).toEqual([id]);
    expect(await call('registrations/list', { clock: 'lapsed', date: '2026-07-14' })).toEqual([]);
  });

  it('R19c: a month of revenue on/after approval confirms', async () => {
    const { call, customerId } = await approved();
    await call('revenue/set', { customerId, period: '2026-03', line: 'letters', amount: '100' });
    const [row] = await call('registrations/list', { date: '2026-08-01' });
    expect(row?.clock).toMatchObject({ state: 'confirmed', confirmedBy: 'revenue' });
  });

  it('R19c: revenue before approval does not confirm', async () => {
    const { call, customerId } = await approved();
    await call('revenue/set', { customerId, period: '2025-12', line: 'letters', amount: '100' });
    const [row] = await call('registrations/list', { date: '2026-08-01' });
    expect(row?.clock?.state).toBe('lapsed');
  });

  it('R19c: a recorded agreement (R5, customers.agreement_since) confirms', async () => {
    const { call, customerId } = await approved();
    await call('customers/set-agreement', { id: customerId, since: '2026-02-01' });
    const [row] = await call('registrations/list', { date: '2026-08-01' });
    expect(row?.clock).toMatchObject({ state: 'confirmed', confirmedBy: 'agreement' });
    expect(
      (await appError(call('registrations/release', { id: row?.id as number, reason: 'x', date: '2026-08-01' }))).code,
    ).toBe('CONFLICT');
  });

  it('R19c: release only after the period; the customer keeps its ID and history; the bar keeps the same unit out, another unit may register', async () => {
    const { b, call, add, unit, id, customerId } = await approved();
    expect((await appError(call('registrations/release', { id, reason: '未签协议', date: '2026-07-14' }))).code).toBe(
      'CONFLICT',
    );
    const released = await call('registrations/release', { id, reason: '半年无业务', date: '2026-07-20' });
    expect(released).toEqual({ id, state: 'released', customerId, previousUnit: '440515', barUntil: '2026-10-18' });
    const customer = await call('customers/get', { id: customerId });
    expect(customer.id).toBe(customerId);
    expect(customer.unitId).toBe(unit('440500'));
    expect(b.db.prepare('SELECT kind, previous_unit_id AS p FROM customer_releases').all()).toEqual([
      { kind: 'release', p: unit('440515') },
    ]);

    const before = dumpTables(b.db);
    const barred = await appError(add({ unitId: unit('440515'), name: '宏达玩具实业有限公司', date: '2026-10-17' }));
    expect(barred.code).toBe('CONFLICT');
    expect(barred.message).toContain('2026-10-18');
    expect(dumpTables(b.db)).toEqual(before);
    // After the bar the same unit may register again.
    const after = await add({ unitId: unit('440515'), name: '宏达玩具实业有限公司', date: '2026-10-18' });
    expect(after.state).toBe('review');
    expect((await call('registrations/decide', { id: after.id, approve: false, reason: '重复' })).state).toBe(
      'rejected',
    );
    // Another unit within the bar: allowed, and approval takes the released customer with its ID.
    const other = await add({
      unitId: unit('440513'),
      name: '汕头市宏达玩具实业有限公司',
      creditCode: CODE_A,
      date: '2026-08-01',
    });
    expect(other.needsRuling).toBe(false);
    const taken = await call('registrations/decide', { id: other.id, approve: true, date: '2026-08-05' });
    expect(taken.customerId).toBe(customerId);
    expect((await call('customers/get', { id: customerId })).unitId).toBe(unit('440513'));
    expect(
      b.db
        .prepare("SELECT previous_unit_id AS p, next_unit_id AS n FROM customer_releases WHERE kind = 'registration'")
        .all(),
    ).toEqual([{ p: unit('440500'), n: unit('440513') }]);
  });

  it('R19c: period and bar are policy values', async () => {
    const { b } = await approved();
    expect(b.registry.ctx.policy.registrationWarningDays).toBe(30);
    expect(b.registry.ctx.policy.reregistrationBarDays).toBe(90);
  });
});

describe('营销申报 (R19 marketing applications)', () => {
  it('R19: plan → owner’s opinion → centre’s ruling with attribution and end date; membership until then; ownership stays', async () => {
    const { b, call, add, unit, approveAll } = await setup();
    const { customerId } = await approveAll((await add({ unitId: unit('440515'), name: '汕头市宏达物流有限公司' })).id);
    const id = customerId as string;
    expect(
      (
        await appError(
          call('applications/add', {
            customerId: id,
            unitId: unit('440515'),
            plan: '自家客户',
            startsOn: '2026-02-01',
            untilOn: '2026-12-31',
            expectedRevenueFen: '1000',
          }),
        )
      ).code,
    ).toBe('CONFLICT');
    const app = await call('applications/add', {
      customerId: id,
      unitId: unit('P05'),
      plan: '承接速递业务',
      startsOn: '2026-02-01',
      untilOn: '2026-12-31',
      expectedRevenueFen: '5万',
      date: '2026-01-20',
    });
    expect(app).toMatchObject({
      state: 'owner_opinion',
      ownerUnit: '440515',
      unit: 'P05',
      expectedRevenueFen: 5_000_000,
    });
    const opinion = await call('applications/decide', { id: app.id, approve: true, opinion: '同意' });
    expect(opinion).toMatchObject({ state: 'ruling', ownerAgrees: true });
    expect((await appError(call('applications/decide', { id: app.id, approve: true, opinion: '批准' }))).code).toBe(
      'VALIDATION',
    );
    const granted = await call('applications/decide', {
      id: app.id,
      approve: true,
      opinion: '批准',
      attributionPercent: 40,
      endOn: '2026-12-31',
      date: '2026-01-25',
    });
    expect(granted).toMatchObject({ state: 'granted', attributionPercent: 40, endOn: '2026-12-31', member: true });
    expect((await call('applications/list', { customerId: id, date: '2027-01-01' }))[0]?.member).toBe(false);
    expect((await call('customers/get', { id })).unitId).toBe(unit('440515'));
    expect(teamUnits(b.db, id, '2026-06-01')).toEqual([
      { unitId: unit('440515'), role: 'owner' },
      { unitId: unit('P05'), role: 'member' },
    ]);
    expect(teamUnits(b.db, id, '2027-01-01')).toEqual([{ unitId: unit('440515'), role: 'owner' }]);
    expect(b.db.prepare('SELECT owner_actor, ruling_actor FROM applications').get()).toEqual({
      owner_actor: '信息主管',
      ruling_actor: '信息主管',
    });
  });

  it('R19: the owner may disagree; the centre still rules, and a refusal makes no member', async () => {
    const { call, add, unit, approveAll } = await setup();
    const { customerId } = await approveAll((await add({ unitId: unit('440515'), name: '汕头市宏达物流有限公司' })).id);
    const app = await call('applications/add', {
      customerId: customerId as string,
      unitId: unit('440513'),
      plan: '开发函件业务',
      startsOn: '2026-02-01',
      untilOn: '2026-06-30',
      expectedRevenueFen: '2000',
    });
    const owner = await call('applications/decide', { id: app.id, approve: false, opinion: '已在跟进' });
    expect(owner).toMatchObject({ state: 'ruling', ownerAgrees: false, ownerOpinion: '已在跟进' });
    const refused = await call('applications/decide', { id: app.id, approve: false, opinion: '维持一点接入' });
    expect(refused).toMatchObject({ state: 'refused', member: false, attributionPercent: null, endOn: null });
    expect((await appError(call('applications/decide', { id: app.id, approve: true, opinion: '再议' }))).code).toBe(
      'CONFLICT',
    );
  });
});
