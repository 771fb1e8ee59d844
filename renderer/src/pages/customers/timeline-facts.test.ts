import { describe, expect, it } from 'vitest';
import { typedFen } from './timeline-facts';

describe('typedFen', () => {
  it.each([
    ['1234.5', 123_450],
    ['1.2万', 1_200_000],
    [60_000, 6_000_000], // a number of yuan, as `kam call revenue/set` sends it
    ['', null], // cleared
    [null, null],
    [undefined, null],
  ])('%j → %j fen', (input, fen) => {
    expect(typedFen(input)).toBe(fen);
  });
});
