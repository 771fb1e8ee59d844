import { describe, expect, it } from 'vitest';
import { inClassificationOrder } from './order';

describe('inClassificationOrder (附件2, R21)', () => {
  const places: Record<string, { industry: number; position: number }> = {
    c: { industry: 1, position: 2 },
    d: { industry: 1, position: 1 },
    e: { industry: 0, position: 5 },
  };
  it.each([
    ['nobody placed: unchanged', ['x', 'y', 'z'], ['x', 'y', 'z']],
    [
      'placed first by industry then position, the rest after in their order',
      ['a', 'c', 'b', 'd', 'e'],
      ['e', 'd', 'c', 'a', 'b'],
    ],
    ['only placed', ['c', 'd'], ['d', 'c']],
  ])('%s', (_, items, expected) => {
    expect(inClassificationOrder(items, (i) => places[i])).toEqual(expected);
  });
});
