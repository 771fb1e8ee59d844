/**
 * 档案 (R17–R18) through the real registry and database: revisions never rewritten (triggers), the
 * diff, 已核实，无变化, due dates by tier and after a tier change, completeness, the keeper, and the
 * key persons masked unless a viewing is recorded. DOMAIN-DECISIONS "Archives and managers".
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { MASK } from '../../../shared/domain/archive/fields';
import { appError } from '../../support/app-error';
import { tempDirsForTests } from '../../support/temp-dir';
import { local, setup } from './setup';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

const BASIC = {
  fullName: '汕头市宏达电子有限公司',
  address: '汕头市澄海区工业大道 8 号',
  postcode: '515800',
  legalRepresentative: '陈宏达',
  contactName: '李小姐',
  contactPhone: '13800138000',
  industry: '电子',
  mainProducts: '电子元件',
  postalLines: '函件、特快',
  postalSpend: '每月约 2 万元',
};
const EXTENDED = {
  leaders: '陈宏达（董事长）',
  registeredCapital: '500 万元',
  staffCount: 320,
  potential: '包裹业务增长快',
};
const PERSON = { name: '张关键', position: '行政总监', contact: '13900139000', interests: '关键人爱好高尔夫' };

describe('R17/R18 archive revisions', () => {
  it('saves a first revision and shows it with key persons masked, completeness, due date and keeper', async () => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    s.grade(2025, { [id]: ['silver', 'regional'] });
    const saved = await s.call('archives/update', { customerId: id, basic: BASIC, keyPersons: [PERSON] });
    expect(saved.revision).toBe(1);
    expect(saved.updatedOn).toBe('2026-03-10');
    expect(saved.document.keyPersons[0]).toMatchObject({ name: MASK, position: MASK, contact: MASK, interests: MASK });
    expect(saved.document.basic.contactPhone).toBe(MASK);
    expect(saved.document.basic.address).toBe(BASIC.address);
    expect(saved.personalShown).toBe(false);
    // Silver: quarterly; updated in Q1 → due by the end of Q2 (R18).
    expect(saved.due).toMatchObject({
      tier: 'silver',
      cadence: 'quarter',
      tierSince: '2026-01-01',
      dueOn: '2026-06-30',
      overdue: false,
    });
    // Extended block empty (4 required), competitors optional.
    expect(saved.completeness.missing.map((m) => m.path)).toEqual([
      'extended.leaders',
      'extended.registeredCapital',
      'extended.staffCount',
      'extended.potential',
    ]);
    // R17 seed: all silver archives are kept at the city centre.
    expect(saved.keeper).toMatchObject({ role: 'city_centre', unitName: '市局大客户中心' });
  });

  it('refuses an UPDATE or DELETE of a revision through SQL and leaves the rows unchanged', async () => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    await s.call('archives/update', { customerId: id, basic: BASIC });
    await s.call('archives/update', { customerId: id, extended: EXTENDED });
    const rows = () => s.b.db.prepare('SELECT * FROM archive_revisions ORDER BY id').all();
    const before = rows();
    expect(before).toHaveLength(2);
    expect(() => s.b.db.prepare("UPDATE archive_revisions SET document = '{}' WHERE revision = 1").run()).toThrow(
      /档案修订记录不能修改/,
    );
    expect(() => s.b.db.prepare('UPDATE archive_revisions SET recorded_by = ?').run('someone')).toThrow(/不能修改/);
    expect(() => s.b.db.prepare('DELETE FROM archive_revisions WHERE revision = 2').run()).toThrow(
      /档案修订记录不能删除/,
    );
    expect(() => s.b.db.prepare('DELETE FROM archive_revisions').run()).toThrow(/不能删除/);
    expect(rows()).toEqual(before);
    // The viewing records are kept the same way.
    await s.call('archives/view-personal', { customerId: id, purpose: '走访准备' });
    expect(() => s.b.db.prepare('DELETE FROM archive_views').run()).toThrow(/不能删除/);
    expect(() => s.b.db.prepare("UPDATE archive_views SET viewed_by = 'x'").run()).toThrow(/不能修改/);
  });

  it('diffs any two revisions field by field, matching key persons and competitors by key, then by name', async () => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    await s.call('archives/update', {
      customerId: id,
      basic: BASIC,
      keyPersons: [PERSON, { name: '王二', position: '采购经理', contact: '13700137000' }],
      competitors: [{ name: '顺丰速运', price: '首重 12 元', volume: '每月 3000 件' }],
    });
    const r1 = (await s.call('archives/history', { customerId: id }))[0];
    expect(r1?.changed).toContain('basic.address');
    // Revision 2: address changed, 王二 removed, 张关键's contact changed (sent without its key:
    // matched by name), a second competitor added, the first one's price changed.
    await s.call('archives/update', {
      customerId: id,
      basic: { address: '汕头市澄海区工业大道 18 号' },
      keyPersons: [{ ...PERSON, contact: '13900000000' }],
      competitors: [
        { name: '顺丰速运', price: '首重 10 元', volume: '每月 3000 件' },
        { name: '京东物流', price: '协议价', volume: '每月 500 件' },
      ],
    });
    const diff = await s.call('archives/diff', { customerId: id, from: 1, to: 2 });
    const rows = diff.changes.map((c) => [c.path.replace(/r\d+-\d+/, 'K'), c.kind, c.before, c.after]);
    expect(rows).toEqual([
      ['basic.address', 'changed', '汕头市澄海区工业大道 8 号', '汕头市澄海区工业大道 18 号'],
      // Personal values masked (R17): the field is named, its values are not.
      ['keyPersons.K.contact', 'changed', MASK, MASK],
      ['keyPersons.K', 'removed', MASK, null],
      ['competitors.K.price', 'changed', '首重 12 元', '首重 10 元'],
      ['competitors.K', 'added', null, '京东物流'],
    ]);
    // The key person kept its key from revision 1.
    const v2 = await s.call('archives/view-personal', { customerId: id, purpose: '核对' });
    const v1 = await s.call('archives/view-personal', { customerId: id, revision: 1, purpose: '核对' });
    const zhang1 = v1.document.keyPersons.find((p) => p.name === '张关键');
    expect(v2.document.keyPersons.map((p) => p.key)).toEqual([zhang1?.key]);
    // Diff the other way and from nothing.
    const back = await s.call('archives/diff', { customerId: id, from: 2, to: 1 });
    expect(back.changes.find((c) => c.path === 'basic.address')?.after).toBe('汕头市澄海区工业大道 8 号');
    const first = await s.call('archives/diff', { customerId: id, from: 0, to: 1 });
    expect(first.changes.filter((c) => c.kind === 'added').map((c) => c.block)).toEqual([
      'keyPersons',
      'keyPersons',
      'competitors',
    ]);
    expect((await appError(s.call('archives/diff', { customerId: id, from: 1, to: 9 }))).code).toBe('NOT_FOUND');
  });

  it('已核实，无变化 is a revision of its own that moves the due date; changes or nothing at all are refused', async () => {
    const s = await setup(backends, '2026-01-20');
    const id = await s.customer('汕头市宏达电子有限公司');
    s.grade(2025, { [id]: ['gold', 'regional'] });
    expect((await appError(s.call('archives/update', { customerId: id, verified: true }))).code).toBe('VALIDATION');
    await s.call('archives/update', { customerId: id, basic: BASIC });
    // Gold: monthly; updated in January → due 28 February.
    expect((await s.call('archives/get', { customerId: id, date: '2026-03-01' })).due).toMatchObject({
      dueOn: '2026-02-28',
      overdue: true,
      daysOverdue: 1,
    });
    // Saving the same values is not an update…
    const same = await appError(s.call('archives/update', { customerId: id, basic: BASIC }));
    expect(same).toMatchObject({ code: 'VALIDATION' });
    expect(same.message).toContain('已核实，无变化');
    // …verified with a change is refused (it would not be "no change")…
    const mixed = await appError(
      s.call('archives/update', { customerId: id, verified: true, basic: { postcode: '515000' } }),
    );
    expect(mixed.code).toBe('VALIDATION');
    // …and verified on 2 March counts: updated in March, due by the end of April.
    s.setNow('2026-03-02');
    const verified = await s.call('archives/update', { customerId: id, verified: true, note: '电话回访核实' });
    expect(verified).toMatchObject({ revision: 2, verifiedOnly: true, updatedOn: '2026-03-02' });
    expect(verified.due).toMatchObject({ lastUpdatedOn: '2026-03-02', dueOn: '2026-04-30', overdue: false });
    const history = await s.call('archives/history', { customerId: id });
    expect(history.map((h) => [h.revision, h.verifiedOnly, h.changed.length])).toEqual([
      [2, true, 0],
      [1, false, 10],
    ]);
    expect((await s.call('archives/diff', { customerId: id, from: 1, to: 2 })).changes).toEqual([]);
  });

  it('keeps key persons out of the audit log and records each viewing with operator and time', async () => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    await s.call('archives/update', {
      customerId: id,
      basic: BASIC,
      keyPersons: [PERSON],
      competitors: [{ name: '顺丰速运', price: '协议价', volume: '每月 100 件', personalTies: '对手与张关键是同学' }],
    });
    await s.call('archives/update', { customerId: id, keyPersons: [{ ...PERSON, taboos: '忌讳秘密事项' }] });
    const log = JSON.stringify(s.b.db.prepare('SELECT input, changes FROM audit_log').all());
    for (const secret of [
      '张关键',
      '13900139000',
      '13800138000',
      '关键人爱好高尔夫',
      '忌讳秘密事项',
      '对手与张关键是同学',
      '李小姐',
    ])
      expect(log).not.toContain(secret);
    expect(log).toContain('basic.address');
    expect(await s.call('archives/views', { customerId: id })).toEqual([]);
    const shown = await s.call('archives/view-personal', { customerId: id, purpose: '走访准备' });
    expect(shown.personalShown).toBe(true);
    expect(shown.document.keyPersons[0]).toMatchObject({ name: '张关键', taboos: '忌讳秘密事项' });
    const views = await s.call('archives/views', { customerId: id });
    expect(views).toEqual([
      {
        id: 1,
        customerId: id,
        revision: 2,
        viewedAt: local('2026-03-10').toISOString(),
        viewedBy: '信息主管',
        purpose: '走访准备',
      },
    ]);
    // A plain read records nothing and shows nothing personal.
    const plain = await s.call('archives/get', { customerId: id });
    expect(JSON.stringify(plain)).not.toContain('张关键');
    expect(await s.call('archives/views', { customerId: id })).toHaveLength(1);
  });
});

describe('R18 due dates by tier (the worked calendar)', () => {
  const cases: {
    name: string;
    tier: 'diamond' | 'gold' | 'silver' | 'general';
    updated: string | null;
    today: string;
    due: string;
    overdue: boolean;
  }[] = [
    {
      name: 'diamond, first half of the month → end of the month',
      tier: 'diamond',
      updated: '2026-02-03',
      today: '2026-02-20',
      due: '2026-02-28',
      overdue: false,
    },
    {
      name: 'diamond, second half of January → 15 February',
      tier: 'diamond',
      updated: '2026-01-16',
      today: '2026-02-16',
      due: '2026-02-15',
      overdue: true,
    },
    {
      name: 'gold, 31 January → end of February',
      tier: 'gold',
      updated: '2026-01-31',
      today: '2026-02-28',
      due: '2026-02-28',
      overdue: false,
    },
    {
      name: 'gold, December → end of January next year',
      tier: 'gold',
      updated: '2026-12-05',
      today: '2026-12-31',
      due: '2027-01-31',
      overdue: false,
    },
    {
      name: 'silver, 1 March → 30 June (quarter end)',
      tier: 'silver',
      updated: '2026-03-01',
      today: '2026-07-01',
      due: '2026-06-30',
      overdue: true,
    },
    {
      name: 'silver, 31 March → 30 June as well',
      tier: 'silver',
      updated: '2026-03-31',
      today: '2026-04-01',
      due: '2026-06-30',
      overdue: false,
    },
    {
      name: 'silver, Q4 → end of Q1 next year',
      tier: 'silver',
      updated: '2026-11-20',
      today: '2026-12-20',
      due: '2027-03-31',
      overdue: false,
    },
    {
      name: 'general, 30 June → 31 December (half-year)',
      tier: 'general',
      updated: '2026-06-30',
      today: '2026-12-31',
      due: '2026-12-31',
      overdue: false,
    },
    {
      name: 'general, July → 30 June next year',
      tier: 'general',
      updated: '2026-07-01',
      today: '2026-08-01',
      due: '2027-06-30',
      overdue: false,
    },
    {
      name: 'silver never updated → end of the quarter the tier began',
      tier: 'silver',
      updated: null,
      today: '2026-04-01',
      due: '2026-03-31',
      overdue: true,
    },
    {
      name: 'diamond never updated → 15 January',
      tier: 'diamond',
      updated: null,
      today: '2026-01-15',
      due: '2026-01-15',
      overdue: false,
    },
  ];
  it.each(cases)('$name', async (c) => {
    const s = await setup(backends, c.updated ?? '2026-01-02');
    const id = await s.customer('汕头市宏达电子有限公司');
    s.grade(2025, { [id]: c.tier });
    // 2026's tiers hold in 2027 too (no 2026 grading).
    if (c.updated !== null) await s.call('archives/update', { customerId: id, basic: BASIC });
    const view = await s.call('archives/get', { customerId: id, date: c.today });
    expect(view.due).toMatchObject({ tier: c.tier, dueOn: c.due, overdue: c.overdue });
  });

  it('a tier change moves the due date: the new cadence runs from the later of the change and the update', async () => {
    const s = await setup(backends, '2026-11-20');
    const id = await s.customer('汕头市宏达电子有限公司');
    s.grade(2025, { [id]: 'silver' });
    await s.call('archives/update', { customerId: id, basic: BASIC });
    expect((await s.call('archives/get', { customerId: id, date: '2026-12-20' })).due).toMatchObject({
      tier: 'silver',
      dueOn: '2027-03-31',
    });
    // Graded diamond on 2026's revenue: diamond from 1 January 2027, half-monthly.
    s.grade(2026, { [id]: 'diamond' });
    const after = await s.call('archives/get', { customerId: id, date: '2027-01-10' });
    expect(after.due).toMatchObject({
      tier: 'diamond',
      tierSince: '2027-01-01',
      lastUpdatedOn: '2026-11-20',
      dueOn: '2027-01-31',
    });
    // An update after the change runs the clock from the update.
    s.setNow('2027-02-03');
    const again = await s.call('archives/update', { customerId: id, verified: true });
    expect(again.due).toMatchObject({ dueOn: '2027-02-28', overdue: false });
    // Demoted to general in 2028: half-yearly from 1 January 2028.
    s.grade(2027, { [id]: 'general' });
    expect((await s.call('archives/get', { customerId: id, date: '2028-03-01' })).due).toMatchObject({
      tier: 'general',
      tierSince: '2028-01-01',
      dueOn: '2028-12-31',
    });
    // The same tier graded again keeps its start.
    s.grade(2028, { [id]: 'general' });
    expect((await s.call('archives/get', { customerId: id, date: '2029-02-01' })).due.tierSince).toBe('2028-01-01');
  });

  it('a customer without a key-customer tier has no due date', async () => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    expect((await s.call('archives/get', { customerId: id })).due).toMatchObject({
      tier: null,
      dueOn: null,
      overdue: false,
    });
  });

  it('lists every key customer due or overdue on a date, most overdue first (the work list)', async () => {
    const s = await setup(backends, '2026-01-05');
    const a = await s.customer('汕头市甲公司');
    const b = await s.customer('汕头市乙公司');
    const c = await s.customer('汕头市丙公司');
    const none = await s.customer('汕头市丁公司');
    s.grade(2025, { [a]: 'diamond', [b]: 'silver', [c]: 'general' });
    await s.call('archives/update', { customerId: b, basic: BASIC });
    void none;
    const list = await s.call('archives/duties', { date: '2026-02-10' });
    expect(list.map((r) => [r.customerId, r.tier, r.dueOn, r.overdue, r.daysOverdue])).toEqual([
      [a, 'diamond', '2026-01-15', true, 26],
      [b, 'silver', '2026-06-30', false, 0],
      [c, 'general', '2026-06-30', false, 0],
    ]);
    expect(
      (await s.call('archives/duties', { date: '2026-02-10', overdueOnly: true })).map((r) => r.customerId),
    ).toEqual([a]);
  });
});

describe('archive keeper by (tier, scope), as the seed says', () => {
  const cases = [
    ['diamond', 'regional', 'city_centre'],
    ['diamond', 'professional', 'city_centre'],
    ['gold', 'comprehensive', 'city_centre'],
    ['gold', 'regional', 'home_county_centre'],
    ['gold', 'professional', 'main_line_bureau'],
    ['silver', 'regional', 'city_centre'],
    ['silver', 'professional', 'city_centre'],
    ['general', 'comprehensive', 'responsible_unit'],
  ] as const;
  it.each(cases)('%s %s → %s', async (tier, scope, role) => {
    const s = await setup(backends);
    const id = await s.customer('汕头市宏达电子有限公司');
    const responsible = s.unit('440515');
    s.grade(2025, { [id]: [tier, scope, responsible] });
    const view = await s.call('archives/get', { customerId: id });
    expect(view.keeper?.role).toBe(role);
    expect(view.keeper?.unitName).toBe(role === 'city_centre' ? '市局大客户中心' : '澄海分局');
  });
});

describe('the revisions’ guards are checked on every open', () => {
  const tempDir = tempDirsForTests('kam-archive-triggers-');
  it('puts back a dropped archive trigger on the next open and logs the repair', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    const first = openBackend({ databasePath: file });
    await first.close();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER archive_revisions_no_update; DROP TRIGGER archive_views_no_delete;');
    raw.close();
    const again = openBackend({ databasePath: file });
    try {
      const names = again.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'archive_%' ORDER BY name")
        .pluck()
        .all();
      expect(names).toEqual([
        'archive_revisions_no_delete',
        'archive_revisions_no_update',
        'archive_views_no_delete',
        'archive_views_no_update',
      ]);
      const repaired = again.db
        .prepare("SELECT count(*) FROM audit_log WHERE channel = 'system/triggers-repaired'")
        .pluck()
        .get();
      expect(repaired).toBe(1);
    } finally {
      await again.close();
    }
  });
});
