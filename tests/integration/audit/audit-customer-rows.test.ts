/**
 * DOMAIN-DECISIONS "Audit log", the customer is the hub: audit/list with `customer` lists that
 * customer's rows (its record, its qualification, its revenue months) and the import batches that
 * touched it (a revenue import by its cells, a customer-list import by its records), and nothing of
 * another customer or of a batch that did not touch it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const NOW = new Date('2026-11-10T02:00:00Z');
const tempDir = tempDirsForTests('kam-audit-customer-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

const REVENUE_HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];
const LIST_HEADER = ['客户全称*', '客户简称', '统一社会信用代码*', '属地区划*', '所属单位*', '行业', '地址'];

describe('audit/list by customer', () => {
  it("lists a customer's own rows, its revenue months and the batches that touched it, newest first", async () => {
    const dir = tempDir();
    const b = openBackend({ databasePath: `${dir}/kam.sqlite`, now: () => NOW });
    backends.push(b);
    const call = b.registry.call.bind(b.registry);
    const unitId = (await call('units/list', {})).find((u) => u.code === '440515')?.id ?? 0;
    const a = await call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId });
    const other = await call('customers/create', { name: '汕头市华侨物流有限公司', areaCode: '440515', unitId });
    await call('customers/update', { id: a.id, name: '汕头市宏达电子集团有限公司', areaCode: '440515', unitId });
    await call('revenue/set', { customerId: a.id, period: '2026-10', line: 'letters', amount: '100' });
    await call('revenue/set', { customerId: other.id, period: '2026-10', line: 'letters', amount: '50' });

    const importRevenue = async (name: string, rows: unknown[][]) => {
      const preview = await call('imports/preview', { path: workbookFile(dir, name, [REVENUE_HEADER, ...rows]) });
      return call('imports/commit', { token: preview.token });
    };
    const touching = await importRevenue('a.xlsx', [
      [a.id, '2026-09', '函件', 80],
      [other.id, '2026-09', '函件', 70],
    ]);
    const elsewhere = await importRevenue('other.xlsx', [[other.id, '2026-08', '函件', 60]]);

    const list = workbookFile(
      dir,
      '名单.xlsx',
      [['客户名单'], LIST_HEADER, ['澄海区恒信玩具有限公司', '', '', '440515', '澄海分局', '', '']],
      '客户名单',
    );
    const listBatch = await call('customers/import-commit', {
      token: (await call('customers/import-preview', { path: list })).token,
    });
    const listed = (await call('customers/list', { search: '恒信玩具' })).rows[0]?.id ?? '';
    expect(listed).toMatch(/^\d{14}$/);

    const entities = async (customer: string) =>
      (await call('audit/list', { customer })).rows.map((r) => `${r.channel} ${r.entity}`);

    expect(await entities(a.id)).toEqual([
      `imports/commit batch:${touching.id}`,
      `revenue/set revenue:${a.id}:2026-10`,
      `customers/update customer:${a.id}`,
      `customers/create customer:${a.id}`,
    ]);
    expect(await entities(other.id)).toEqual([
      `imports/commit batch:${elsewhere.id}`,
      `imports/commit batch:${touching.id}`,
      `revenue/set revenue:${other.id}:2026-10`,
      `customers/create customer:${other.id}`,
    ]);
    expect(await entities(listed)).toEqual([`customers/import-commit customer-batch:${listBatch.id}`]);

    // Pages going back and the count of all pages, as for the whole log.
    const first = await call('audit/list', { customer: a.id, limit: 2 });
    expect(first.total).toBe(4);
    const next = await call('audit/list', { customer: a.id, limit: 2, before: first.rows[1]?.id ?? null });
    expect(next.rows.map((r) => r.channel)).toEqual(['customers/update', 'customers/create']);
  });
});
