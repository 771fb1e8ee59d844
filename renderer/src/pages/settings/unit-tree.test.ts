import { describe, expect, it } from 'vitest';
import { treeOrder } from './unit-tree';

const u = (id: number, parentId: number | null, code: string) => ({ id, parentId, code });

describe('treeOrder', () => {
  it('puts children under their parent with increasing depth, siblings by code', () => {
    const units = [u(3, 2, '440515'), u(1, null, '440000'), u(4, 2, '440513'), u(2, 1, '440500'), u(5, 3, 'B01')];
    expect(treeOrder(units).map((r) => [r.unit.id, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 2],
      [5, 3],
    ]);
  });

  it('shows units whose parent is hidden as roots', () => {
    expect(treeOrder([u(7, 99, 'X')]).map((r) => [r.unit.id, r.depth])).toEqual([[7, 0]]);
  });
});
