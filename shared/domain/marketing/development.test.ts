import { describe, expect, it } from 'vitest';
import { checkMove, quarterOf, stuckSince } from './development';

describe('checkMove (R21–R22)', () => {
  it.each([
    // from, status, to, tier, entries in stage → outcome
    ['contact', 'open', 'proposal', 'diamond', 1, { ok: true, won: false, needsReason: false }],
    ['contact', 'open', 'proposal', 'diamond', 0, { ok: true, won: false, needsReason: true }],
    ['quotation', 'open', 'agreement', 'diamond', 0, { ok: true, won: true, needsReason: true }],
    ['quotation', 'open', 'agreement', 'diamond', 2, { ok: true, won: true, needsReason: false }],
    // Gold and silver log the key contacts: no gate. General and non-key customers neither.
    ['contact', 'open', 'quotation', 'gold', 0, { ok: true, won: false, needsReason: false }],
    ['contact', 'open', 'agreement', 'silver', 0, { ok: true, won: true, needsReason: false }],
    ['contact', 'open', 'proposal', 'general', 0, { ok: true, won: false, needsReason: false }],
    ['contact', 'open', 'proposal', null, 0, { ok: true, won: false, needsReason: false }],
    // Lost is not "moving on": its own reason is required elsewhere, no diamond gate.
    ['proposal', 'open', 'lost', 'diamond', 0, { ok: true, won: false, needsReason: false }],
  ] as const)('%s (%s) → %s for %s with %i entries', (from, status, to, tier, n, expected) => {
    expect(checkMove(from, status, to, tier, n)).toEqual(expected);
  });

  it.each([
    ['proposal', 'open', 'contact', '只能向后推进'],
    ['proposal', 'open', 'proposal', '只能向后推进'],
    ['agreement', 'won', 'lost', '已签约'],
    ['quotation', 'lost', 'agreement', '未成'],
  ] as const)('refuses %s (%s) → %s', (from, status, to, words) => {
    const r = checkMove(from, status, to, 'gold', 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.zh).toContain(words);
  });
});

describe('stuckSince', () => {
  const days = { diamond: 15, gold: 30, silver: 30, general: 60 };
  it.each([
    ['2026-10-01', 'diamond', '2026-10-15', null],
    ['2026-10-01', 'diamond', '2026-10-16', '2026-10-16'],
    ['2026-10-01', 'gold', '2026-10-31', '2026-10-31'],
    ['2026-10-01', null, '2026-11-29', null],
    ['2026-10-01', null, '2026-11-30', '2026-11-30'],
  ] as const)('last activity %s, %s, on %s → %s', (last, tier, today, expected) => {
    expect(stuckSince(last, tier, today, days)).toBe(expected);
  });
});

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-31', '2026-Q4'],
  ])('%s → %s', (d, q) => expect(quarterOf(d)).toBe(q));
});
