/** R17/R18: the archive's fields, update merge, diff, completeness, masking and keeper (pure, table-driven). */
import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../policy/policy';
import { archiveCompleteness } from './completeness';
import { applyArchiveUpdate, diffArchives, maskChanges } from './document';
import { archiveDue } from './due';
import { ARCHIVE_BLOCKS, type ArchiveDocument, emptyArchive, isSensitivePath, MASK, maskArchive } from './fields';
import { ARCHIVE_KEEPERS, archiveKeeper } from './keeper';

const doc = (over: Partial<ArchiveDocument>): ArchiveDocument => ({ ...emptyArchive(), ...over });

describe('R17 fields', () => {
  it('has the four blocks of 附件3; every key-person field is sensitive', () => {
    expect(ARCHIVE_BLOCKS.map((b) => [b.key, b.repeatable])).toEqual([
      ['basic', false],
      ['extended', false],
      ['keyPersons', true],
      ['competitors', true],
    ]);
    const kp = ARCHIVE_BLOCKS.find((b) => b.key === 'keyPersons');
    expect(kp?.fields.every((f) => f.sensitive)).toBe(true);
    expect(kp?.fields.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'name',
        'age',
        'ethnicity',
        'maritalStatus',
        'contact',
        'family',
        'education',
        'interests',
        'taboos',
        'importantDates',
        'competitorTies',
      ]),
    );
    for (const b of ARCHIVE_BLOCKS)
      for (const f of b.fields) expect(f.zh.length * f.en.length * f.max).toBeGreaterThan(0);
  });

  it.each([
    ['basic.contactPhone', true],
    ['basic.address', false],
    ['keyPersons.r1-1.name', true],
    ['keyPersons.r1-1', true],
    ['competitors.r1-1.price', false],
    ['competitors.r1-1.personalTies', true],
    ['competitors.r1-1.name', false],
    ['nothing.x', false],
  ])('isSensitivePath(%s) = %s', (path, sensitive) => {
    expect(isSensitivePath(path)).toBe(sensitive);
  });

  it('masks sensitive values that are present, leaving empty ones empty and entry keys intact', () => {
    const masked = maskArchive(
      doc({
        basic: { address: 'A', contactPhone: '138' },
        keyPersons: [{ key: 'r1-1', name: '张', contact: '139' }],
        competitors: [{ key: 'r1-1', name: '顺丰', personalTies: '同学' }],
      }),
    );
    expect(masked).toEqual({
      basic: { address: 'A', contactPhone: MASK },
      extended: {},
      keyPersons: [{ key: 'r1-1', name: MASK, contact: MASK }],
      competitors: [{ key: 'r1-1', name: '顺丰', personalTies: MASK }],
    });
  });
});

describe('applyArchiveUpdate', () => {
  it('patches single blocks (null or blank clears), replaces repeatable lists, keeps keys by key then by name', () => {
    const r1 = applyArchiveUpdate(
      null,
      {
        basic: { address: ' 汕头 ', postcode: '515000' },
        keyPersons: [{ name: '张三', position: '总经理' }, { name: '李四' }, {}],
      },
      1,
    );
    expect(r1.basic).toEqual({ address: '汕头', postcode: '515000' });
    // An entry with nothing in it is dropped.
    expect(r1.keyPersons).toEqual([
      { key: 'r1-1', name: '张三', position: '总经理' },
      { key: 'r1-2', name: '李四' },
    ]);
    const r2 = applyArchiveUpdate(
      r1,
      {
        basic: { postcode: null, industry: '电子' },
        keyPersons: [{ key: 'r1-2', name: '李四（改名）' }, { name: ' 张三 ', position: '董事长' }, { name: '王五' }],
      },
      2,
    );
    expect(r2.basic).toEqual({ address: '汕头', industry: '电子' });
    expect(r2.keyPersons.map((e) => [e.key, e.name])).toEqual([
      ['r1-2', '李四（改名）'],
      ['r1-1', ' 张三 '.trim()],
      ['r2-3', '王五'],
    ]);
    // An unknown key is not trusted: the entry is new.
    const r3 = applyArchiveUpdate(r2, { competitors: [{ key: 'forged', name: '顺丰' }] }, 3);
    expect(r3.competitors[0]?.key).toBe('r3-1');
    expect(r3.keyPersons).toEqual(r2.keyPersons);
  });
});

describe('diffArchives', () => {
  const a = doc({
    basic: { address: 'A', postcode: '1' },
    keyPersons: [
      { key: 'r1-1', name: '张三', contact: '1' },
      { key: 'r1-2', name: '李四' },
    ],
    competitors: [{ key: 'r1-1', name: '顺丰', price: '10' }],
  });
  const cases: { name: string; b: ArchiveDocument; out: [string, string, unknown, unknown][] }[] = [
    { name: 'no change', b: a, out: [] },
    {
      name: 'a field changed, one cleared, one set',
      b: { ...a, basic: { address: 'B', industry: '电子' } },
      out: [
        ['basic.address', 'changed', 'A', 'B'],
        ['basic.postcode', 'changed', '1', null],
        ['basic.industry', 'changed', null, '电子'],
      ],
    },
    {
      name: 'entries matched by key across a reorder',
      b: {
        ...a,
        keyPersons: [
          { key: 'r1-2', name: '李四' },
          { key: 'r1-1', name: '张三', contact: '2' },
        ],
      },
      out: [['keyPersons.r1-1.contact', 'changed', '1', '2']],
    },
    {
      name: 'an entry re-entered by hand (new key) is matched by name',
      b: { ...a, competitors: [{ key: 'r5-1', name: '顺丰', price: '12' }] },
      out: [['competitors.r5-1.price', 'changed', '10', '12']],
    },
    {
      name: 'added and removed entries',
      b: {
        ...a,
        keyPersons: [
          { key: 'r1-1', name: '张三', contact: '1' },
          { key: 'r2-2', name: '王五' },
        ],
      },
      out: [
        ['keyPersons.r2-2', 'added', null, '王五'],
        ['keyPersons.r1-2', 'removed', '李四', null],
      ],
    },
  ];
  it.each(cases)('$name', ({ b, out }) => {
    expect(diffArchives(a, b).map((c) => [c.path, c.kind, c.before, c.after])).toEqual(out);
  });

  it('masks personal values, keeping the field named', () => {
    const changes = diffArchives(a, {
      ...a,
      keyPersons: [
        { key: 'r1-1', name: '张三', contact: '2' },
        { key: 'r1-2', name: '李四' },
      ],
    });
    expect(maskChanges(changes, MASK).map((c) => [c.path, c.before, c.after, c.sensitive])).toEqual([
      ['keyPersons.r1-1.contact', MASK, MASK, true],
    ]);
  });
});

describe('archiveCompleteness', () => {
  it('scores an empty archive 0 and names every required field, with one key person wanted', () => {
    const c = archiveCompleteness(emptyArchive());
    expect(c.score).toBe(0);
    expect(c.required).toBe(c.missing.length);
    expect(c.missing.map((m) => m.path)).toContain('keyPersons.*.name');
    expect(c.missing.some((m) => m.path.startsWith('competitors'))).toBe(false);
  });

  it('rounds down (only a complete archive scores 100) and counts each entry’s required fields', () => {
    const full: ArchiveDocument = {
      basic: Object.fromEntries(ARCHIVE_BLOCKS[0]?.fields.map((f) => [f.key, f.type === 'integer' ? 1 : 'x']) ?? []),
      extended: Object.fromEntries(ARCHIVE_BLOCKS[1]?.fields.map((f) => [f.key, f.type === 'integer' ? 1 : 'x']) ?? []),
      keyPersons: [{ key: 'k', name: '张', position: '总', contact: '1' }],
      competitors: [{ key: 'c', name: '顺丰', price: '1', volume: '2' }],
    };
    expect(archiveCompleteness(full)).toMatchObject({ score: 100, missing: [] });
    const oneShort = { ...full, competitors: [{ key: 'c', name: '顺丰', price: '1' }] };
    const c = archiveCompleteness(oneShort);
    expect(c.missing.map((m) => m.path)).toEqual(['competitors.c.volume']);
    expect(c.score).toBe(Math.floor(((c.required - 1) * 100) / c.required));
    expect(c.score).toBeLessThan(100);
  });
});

describe('archive keeper (the seed sentence)', () => {
  it.each([
    ['diamond', 'regional', 'city_centre'],
    ['diamond', 'comprehensive', 'city_centre'],
    ['diamond', 'professional', 'city_centre'],
    ['gold', 'comprehensive', 'city_centre'],
    ['gold', 'regional', 'home_county_centre'],
    ['gold', 'professional', 'main_line_bureau'],
    ['silver', 'regional', 'city_centre'],
    ['silver', 'comprehensive', 'city_centre'],
    ['silver', 'professional', 'city_centre'],
    ['general', 'regional', 'responsible_unit'],
    ['general', 'comprehensive', 'responsible_unit'],
    ['general', 'professional', 'responsible_unit'],
  ] as const)('%s %s → %s', (tier, scope, role) => {
    expect(archiveKeeper(tier, scope)).toBe(role);
  });
  it('covers every tier and scope', () => {
    expect(Object.values(ARCHIVE_KEEPERS).flatMap((s) => Object.keys(s))).toHaveLength(12);
  });
});

describe('archiveDue (R18 on duties.ts)', () => {
  it.each([
    // tier, last update, tier since, today → due, overdue, days
    ['silver', '2026-03-01', '2026-01-01', '2026-07-02', '2026-06-30', true, 2],
    ['diamond', null, '2026-05-10', '2026-05-31', '2026-05-15', true, 16],
    ['diamond', '2026-04-01', '2026-05-10', '2026-06-01', '2026-05-31', true, 1],
    ['gold', '2026-12-31', '2026-01-01', '2027-01-31', '2027-01-31', false, 0],
    ['general', '2026-01-01', '2026-01-01', '2026-12-31', '2026-12-31', false, 0],
  ] as const)('%s updated %s since %s, on %s → %s', (tier, last, since, today, due, overdue, days) => {
    expect(archiveDue({ tier, lastUpdatedOn: last, tierSince: since }, today, POLICY_V1)).toEqual({
      dueOn: due,
      overdue,
      daysOverdue: days,
    });
  });
  it('no tier, no duty', () => {
    expect(archiveDue({ tier: null, lastUpdatedOn: null, tierSince: null }, '2026-01-01', POLICY_V1).dueOn).toBeNull();
  });
});
