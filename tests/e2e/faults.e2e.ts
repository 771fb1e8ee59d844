/**
 * DOMAIN-DECISIONS "Faults and bounded inputs", in the browser: a write refused because another
 * program holds the database shows the officer what happened and what to do (not 程序内部错误),
 * keeps the form as typed, writes nothing, and goes through once the other program lets go.
 */
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = '/tmp/shots-faults';

describe('database faults, in the browser', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 768 } });
  });
  afterEach(async () => {
    await h?.close();
  });

  it('a save while another program holds the database says so, keeps the input and writes nothing', async () => {
    const { page } = h;
    // Give up on the lock after 50 ms instead of the app's 5 s.
    h.backend.db.pragma('busy_timeout = 50');
    await h.open('#/settings/areas');
    await page.getByTestId('area-add').click();
    const form = page.getByTestId('area-form');
    await form.getByLabel('区划代码').fill('440599');
    await form.getByLabel('区划名称').fill('测试区');

    const other = new Database(h.databasePath);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await form.getByTestId('form-submit').click();
      const message = '数据库被其他程序占用，请关闭其他打开该数据库的程序后重试；本次操作未写入任何数据';
      await expect.poll(() => form.getByText(message).count()).toBe(1);
      expect(await form.getByText('程序内部错误').count()).toBe(0);
      expect(await form.getByLabel('区划名称').inputValue()).toBe('测试区');
      await h.settled();
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/area-form-db-busy.png` });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await h.backend.registry.call('areas/list', {})).map((a) => a.code)).not.toContain('440599');

    // The other program let go: the same form saves.
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('area-form').count()).toBe(0);
    expect((await h.backend.registry.call('areas/list', {})).map((a) => a.code)).toContain('440599');
    expect(h.pageErrors).toEqual([]);
  });
});
