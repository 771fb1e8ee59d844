/**
 * 设置 → 备份与恢复 in the browser (DOMAIN-DECISIONS "Backups"): the list with its facts, a copy
 * now and to a chosen folder, a restore confirmed in a modal that says the current database is
 * saved first; and the read-only banner on every page once the database failed its check, with
 * its link to this tab. Screenshots at 1366×768 into /tmp/shots-backups.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { type Harness, startHarness } from './harness';
import { closeNotifications, dialog } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = '/tmp/shots-backups';

describe('备份与恢复, in the browser', () => {
  let h: Harness;
  let usb: string;
  beforeEach(() => {
    mkdirSync(SHOTS, { recursive: true });
    usb = mkdtempSync(join(tmpdir(), 'kam-e2e-usb-'));
  });
  afterEach(async () => {
    await h?.close();
    rmSync(usb, { recursive: true, force: true });
  });
  const shot = async (name: string) => {
    await h.settled();
    await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  it('lists the copies, backs up here and to a chosen folder, and restores after a confirm that says the current database is saved first', async () => {
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: async (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 40, seed: 3 }, new Date());
        await b.registry.call('backups/create', {});
      },
    });
    const { page } = h;
    await h.open('#/settings/backups');
    const rows = page.getByTestId('backup-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('手动');
    expect(await rows.first().textContent()).toContain('完好');

    await page.getByTestId('backup-create').click();
    await expect.poll(() => rows.count()).toBe(2);

    h.host.chooseFolder = usb;
    await page.getByTestId('backup-create-to').click();
    await expect.poll(async () => (await h.backend.registry.call('backups/list', {})).backups.length).toBe(2);
    await expect.poll(() => h.host.shown.filter((s) => s.channel === 'host/choose-folder').length).toBe(1);
    await expect.poll(() => readdirSync(usb).filter((f) => f.endsWith('.sqlite')).length).toBe(1);
    await shot('backups-list');

    await rows.last().getByTestId('backup-restore').click();
    const modal = dialog(page);
    await expect
      .poll(() => modal.getByTestId('restore-confirm-text').textContent())
      .toContain('先另存为一份“恢复前”备份');
    await shot('backups-restore-confirm');
    await modal.getByTestId('restore-confirm').click();
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('恢复前');
    const reasons = (await h.backend.registry.call('backups/list', {})).backups.map((b) => b.reason);
    expect(reasons).toContain('pre-restore');
    await shot('backups-restored');

    // Retention: an emptied field is refused on the field; a valid one is stored and applied.
    await closeNotifications(page);
    await page.getByTestId('backup-retention').click();
    const form = page.getByTestId('backup-retention-form');
    await form.getByLabel('每天一份，保留天数').fill('');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.getByText('请填写保留天数（0–365 的整数）').count()).toBe(1);
    await form.getByLabel('每天一份，保留天数').fill('3');
    await shot('backups-retention-form');
    await form.getByTestId('form-submit').click();
    await expect.poll(async () => (await h.backend.registry.call('backups/list', {})).retention.daily).toBe(3);

    // English: every text of the tab from the en file.
    await closeNotifications(page);
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('Before restore');
    expect(await page.getByTestId('backups-table').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await shot('backups-english');
  });

  it('shows the read-only banner on every page once the database failed its check, linking to the restore list', async () => {
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: async (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 40, seed: 3 }, new Date());
        await b.registry.call('backups/create', {});
        // A row written behind the app's back breaks a foreign key; the full check finds it.
        const path = b.registry.ctx.databasePath;
        const raw = new Database(path);
        raw.pragma('foreign_keys = OFF');
        raw.prepare('UPDATE managers SET unit_id = 9999 WHERE rowid = (SELECT min(rowid) FROM managers)').run();
        raw.close();
        await b.registry.ctx.backups.checkInBackground();
      },
    });
    const { page } = h;
    await h.open('#/customers');
    const banner = page.getByTestId('read-only-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('只读');
    await shot('read-only-banner-customers');
    await banner.getByTestId('read-only-banner-link').click();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);
    // Still there on the restore list, without a link to itself.
    expect(await banner.count()).toBe(1);
    expect(await banner.getByTestId('read-only-banner-link').count()).toBe(0);
    await shot('read-only-backups-tab');
  });
});
