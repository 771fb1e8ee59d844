import { describe, expect, it } from 'vitest';
import { newspaperRevenue, parseRatePercent, previewNewspaper } from './revenue-math';

describe('R8 newspaper preview', () => {
  it('reads percentages like the server', () => {
    expect(parseRatePercent('25')).toBe(2500);
    expect(parseRatePercent('25.5%')).toBe(2550);
    expect(parseRatePercent('7.25％')).toBe(725);
    expect(parseRatePercent('101')).toBeNull();
    expect(parseRatePercent('2.555')).toBeNull();
    expect(parseRatePercent('')).toBeNull();
  });

  it('computes turnover × rate ÷ 12 + other, half up to the fen', () => {
    // ¥120,000 × 25% ÷ 12 = ¥2,500
    expect(newspaperRevenue(12_000_000, 2500, 0)).toBe(250_000);
    // ¥1 × 50% ÷ 12 = 4.1666… fen → 4; ¥1 × 90% ÷ 12 = 7.5 fen → 8
    expect(newspaperRevenue(100, 5000, 0)).toBe(4);
    expect(newspaperRevenue(100, 9000, 0)).toBe(8);
    expect(newspaperRevenue(12_000_000, 2500, 5_000)).toBe(255_000);
  });

  it('previews typed text, 万 included', () => {
    expect(previewNewspaper('12万', '25%', '50')).toBe(255_000);
    expect(previewNewspaper('', '25', '')).toBeNull();
    expect(previewNewspaper('12万', 'abc', '')).toBeNull();
  });
});
