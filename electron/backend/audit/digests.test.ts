import { describe, expect, it } from 'vitest';
import { revenueTerm } from './digests';

const PRIME = 2_147_483_629;

describe('revenueTerm: one revenue row in the checksum (DOMAIN-DECISIONS "Audit log")', () => {
  it.each([
    ['a figure', '44051300008000', '2026-10', 'express', 1_350_050],
    ['a negative adjustment', '44051300008000', '2026-10', 'express', -20_000],
    ['zero', '44051300008000', '2026-10', 'express', 0],
    ['a figure larger than the prime', '44051300008000', '2026-10', 'savings', 9_000_000_000_000],
  ])('%s gives a whole term in [0, prime)', (_what, c, p, l, a) => {
    const t = revenueTerm(c, p, l, a);
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(PRIME);
  });

  it('is zero for an empty figure and is the same on every call', () => {
    expect(revenueTerm('44051300008000', '2026-10', 'express', 0)).toBe(0);
    expect(revenueTerm('44051300008000', '2026-10', 'express', 777)).toBe(
      revenueTerm('44051300008000', '2026-10', 'express', 777),
    );
  });

  it('changes with the amount, and with the customer, month or line it sits in', () => {
    const base = revenueTerm('44051300008000', '2026-10', 'express', 1_000);
    expect(revenueTerm('44051300008000', '2026-10', 'express', 1_001)).not.toBe(base);
    expect(revenueTerm('44051300008001', '2026-10', 'express', 1_000)).not.toBe(base);
    expect(revenueTerm('44051300008000', '2026-11', 'express', 1_000)).not.toBe(base);
    expect(revenueTerm('44051300008000', '2026-10', 'parcels', 1_000)).not.toBe(base);
  });

  it('adds up: a negative figure cancels its positive, so a delete takes away what the insert added', () => {
    const plus = revenueTerm('44051300008000', '2026-10', 'express', 5_000);
    const minus = revenueTerm('44051300008000', '2026-10', 'express', -5_000);
    expect((plus + minus) % PRIME).toBe(0);
  });
});
