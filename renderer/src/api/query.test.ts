import { describe, expect, it } from 'vitest';
import { createQueryClient, invalidateAfter } from './query';

function clientWith(keys: string[]) {
  const client = createQueryClient();
  for (const channel of keys) client.setQueryData([channel, {}], { cached: channel });
  return client;
}
const invalidated = (client: ReturnType<typeof createQueryClient>, channel: string) =>
  client.getQueryState([channel, {}])?.isInvalidated;

describe('invalidateAfter: a write marks stale exactly the areas it changed (shared/api/effects.ts)', () => {
  it('registering a manager refreshes managers, units (staffing, R4) and customers, not policies', async () => {
    const client = clientWith(['managers/list', 'units/list', 'customers/get', 'policies/list', 'tiers/runs']);
    await invalidateAfter(client, 'managers/register');
    expect(invalidated(client, 'managers/list')).toBe(true);
    expect(invalidated(client, 'units/list')).toBe(true);
    expect(invalidated(client, 'customers/get')).toBe(true);
    expect(invalidated(client, 'policies/list')).toBe(false);
    expect(invalidated(client, 'tiers/runs')).toBe(false);
  });

  it('an import commit refreshes the tracker, revenue and tiers; a read refreshes nothing', async () => {
    const client = clientWith(['submissions/tracker', 'revenue/customer', 'tiers/summary', 'areas/list']);
    await invalidateAfter(client, 'imports/commit');
    expect(invalidated(client, 'submissions/tracker')).toBe(true);
    expect(invalidated(client, 'revenue/customer')).toBe(true);
    expect(invalidated(client, 'tiers/summary')).toBe(true);
    expect(invalidated(client, 'areas/list')).toBe(false);
    const other = clientWith(['customers/list']);
    await invalidateAfter(other, 'customers/list');
    await invalidateAfter(other, 'lists/export');
    expect(invalidated(other, 'customers/list')).toBe(false);
  });
});
