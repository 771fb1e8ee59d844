/**
 * A November 2026 for the R34 scorecard tests: four customers of 澄海分局 (gold, silver, general
 * graded for 2025, and one registered and approved in November), two account managers (陈文 with a
 * target of 120万, 林晓 without), revenue, visits, developments and log entries, and two
 * complaints (one closed in time, one late). Used by the integration test and the browser test.
 */
import type { Backend } from '../../electron/backend';
import { gradeCustomers } from './grade';

export async function seedScorecardMonth(b: Backend) {
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const customer = async (name: string) => (await call('customers/create', { name, areaCode: '440515', unitId })).id;
  const c1 = await customer('汕头市恒昌玩具厂');
  const c2 = await customer('汕头市宏达电子有限公司');
  const c3 = await customer('汕头市金利来制衣有限公司');
  gradeCustomers(b.db, 2025, [
    [c1, 'gold', 'regional'],
    [c2, 'silver', 'regional'],
    [c3, 'general', 'regional'],
  ]);
  const manager = (name: string) =>
    call('managers/register', {
      name,
      unitId,
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2026-01-01',
    });
  const chen = await manager('陈文');
  const lin = await manager('林晓');
  // A registration approved in November: a new customer, 陈文 its A manager.
  const reg = await call('registrations/add', {
    unitId,
    name: '汕头市新华印刷有限公司',
    areaCode: '440515',
    date: '2026-11-03',
  });
  let decided = await call('registrations/decide', { id: reg.id, approve: true, date: '2026-11-06' });
  while (decided.state !== 'approved')
    decided = await call('registrations/decide', { id: reg.id, approve: true, date: '2026-11-06' });
  const c4 = decided.customerId as string;
  const assign = (customerId: string, role: 'A' | 'B', managerId: number) =>
    call('assignments/set', { customerId, role, managerId, fromOn: '2026-02-01' });
  await assign(c1, 'A', chen.id);
  await assign(c2, 'A', chen.id);
  await assign(c4, 'A', chen.id);
  await assign(c3, 'A', lin.id);
  await assign(c1, 'B', lin.id);
  for (const [id, yuan] of [
    [c1, '50000'],
    [c2, '30000'],
    [c3, '5000'],
  ] as const)
    await call('revenue/set', { customerId: id, period: '2026-11', line: 'express', amount: yuan, confirm: true });
  await call('revenue/set', { customerId: c1, period: '2026-10', line: 'express', amount: '99999', confirm: true });
  await call('scorecards/set-target', { managerId: chen.id, year: 2026, revenueTargetFen: '120万' });
  // R23: c1 (regional gold, 1 a month) visited; c2 (regional silver, 1) not; December's does not count.
  await call('visits/add', {
    customerId: c1,
    date: '2026-11-12',
    kind: 'manager',
    participants: '陈文',
    outcome: '了解用邮需求',
  });
  await call('visits/add', {
    customerId: c1,
    date: '2026-11-20',
    kind: 'manager',
    participants: '陈文',
    outcome: '了解用邮需求',
  });
  await call('visits/add', {
    customerId: c2,
    date: '2026-12-01',
    kind: 'manager',
    participants: '陈文',
    outcome: '了解用邮需求',
  });
  // R22: c1's development logged in November, c2's not.
  const d1 = await call('developments/add', { customerId: c1, line: 'express', date: '2026-10-01' });
  await call('developments/add', { customerId: c2, line: 'letters', date: '2026-11-05' });
  await call('logs/add', {
    customerId: c1,
    developmentId: d1.id,
    date: '2026-11-15',
    method: 'visit',
    content: '回访',
  });
  // R33: c1's closed in time; c2's never closed, late by the month's end.
  const holidays = await call('holidays/show', { year: 2026 });
  await call('holidays/set', { year: 2026, off: holidays.off, work: holidays.work });
  const k1 = await call('complaints/add', {
    customerId: c1,
    receivedAt: '2026-11-02T09:00',
    channel: '电话',
    content: '投递延误',
    loggedAt: '2026-11-02T09:10',
  });
  await call('complaints/event', { id: k1.id, event: 'contact', at: '2026-11-02T10:00' });
  await call('complaints/event', {
    id: k1.id,
    event: 'close',
    at: '2026-11-03T16:00',
    resolution: '已补发',
    satisfaction: 5,
  });
  await call('complaints/add', {
    customerId: c2,
    receivedAt: '2026-11-09T09:00',
    channel: '电话',
    content: '账单错误',
    loggedAt: '2026-11-09T09:10',
  });
  return { c1, c2, c3, c4, chen: chen.id, lin: lin.id };
}
