import { describe, expect, it } from 'vitest';
import type { Manager } from '../../../../../shared/api/types';
import { successorOptions } from './successors';

const m = (id: number, name: string, unitId: number, unitName: string, active = true): Manager => ({
  id,
  name,
  unitId,
  unitName,
  post: 'account_manager',
  employment: 'full_time',
  phone: null,
  active,
  startedOn: '2020-01-01',
  leftOn: active ? null : '2026-01-01',
});

describe('successorOptions', () => {
  it('offers the other active managers, the leaver’s own unit first', () => {
    const list = [
      m(1, '林伟', 10, '市局大客户中心'),
      m(2, '黄敏', 10, '市局大客户中心'),
      m(3, '陈志强', 20, '澄海分局'),
      m(4, '吴静', 20, '澄海分局', false),
    ];
    const options = successorOptions(list, { id: 3, unitId: 20 }, (x) => `${x.name} · ${x.unitName}`);
    expect(options).toEqual([
      { value: '2', label: '黄敏 · 市局大客户中心' },
      { value: '1', label: '林伟 · 市局大客户中心' },
    ]);
    expect(successorOptions(list, { id: 1, unitId: 10 }, (x) => x.name).map((o) => o.label)).toEqual([
      '黄敏',
      '陈志强',
    ]);
  });
});
