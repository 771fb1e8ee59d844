import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';

describe('backend smoke', () => {
  it('creates a customer', async () => {
    const b = openBackend({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
    const units = await b.registry.call('units/list', {});
    const chenghai = units.find((u) => u.code === '440515');
    expect(chenghai?.staffingGap).toBe(3);
    const c = await b.registry.call('customers/create', { name: '广东有线广播电视网络有限公司汕头分公司', areaCode: '440515', unitId: chenghai!.id });
    expect(c.id).toBe('44051500001000');
    const page = await b.registry.call('customers/list', { search: 'gdyx' });
    expect(page.total).toBe(1);
    b.close();
  });
});
