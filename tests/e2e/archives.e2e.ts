/**
 * 档案 and 客户经理 on the customer's page, in the browser at 1366×768 (R17, R18, R20): a gold
 * customer's archive shows due (overdue) before it was ever filled; the basic block and a key person
 * are filled and saved; an edit (after a recorded viewing) changes the address and the key person's
 * post; the diff between revisions 1 and 2 shows the address change and the key person's change
 * masked; 已核实，无变化 in a later month moves the due date; A and B managers (and 专人) clear the
 * problems. Screenshots into /tmp/shots-archives (KAM_ARCHIVES_SHOTS to choose), copied by hand to
 * docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASIC, GOLD, prepareGoldCustomer } from './gold-customer';
import { type Harness, startHarness } from './harness';
import { choose } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_ARCHIVES_SHOTS ?? '/tmp/shots-archives';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon (Asia/Shanghai) of a date. */
const noon = (date: string) => new Date(`${date}T04:00:00Z`);
const PERSON: Record<string, string> = { name: '张关键', position: '行政总监', contact: '13900139000' };

async function fill(page: Page, prefix: string, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    await page.getByTestId(`archive-field-${prefix}-${key}`).fill(value);
  }
}

async function shot(h: Harness, name: string) {
  // Earlier saves' notifications would cover the page.
  const notices = h.page.locator('.mantine-Notification-root');
  // Closing some shows the queued ones (Mantine shows a few at a time): until none is left.
  await expect
    .poll(async () => {
      for (const close of await notices.locator('button').all()) await close.click({ timeout: 1_000 }).catch(() => {});
      return notices.count();
    })
    .toBe(0);
  await h.settled();
  mkdirSync(SHOTS, { recursive: true });
  await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('档案 and 客户经理 on the customer page, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('fills, edits, compares and verifies the archive, and staffs A/B and 专人', async () => {
    let now = noon('2026-03-10');
    let id = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => now,
      prepare: async (b) => {
        id = await prepareGoldCustomer(b);
      },
    });
    const { page } = h;
    // 档案 in the menu: the overdue archive; its row opens the customer's 档案 tab.
    await h.open('#/archives');
    const duties = page.getByTestId('archives-row');
    await expect.poll(() => duties.count()).toBe(1);
    expect(await duties.first().textContent()).toContain('已逾期 38 天');
    expect(await duties.first().textContent()).toContain('未建立');
    await shot(h, 'archives-overview');
    await duties.first().getByRole('link', { name: GOLD }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/customers/${id}/archive`);

    // Never filled: due by the end of January (gold, monthly, tier from 1 January), so overdue.
    await expect.poll(() => page.getByTestId('archive-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('archive-due').textContent()).toBe('2026-01-31 前');
    expect(await page.getByTestId('archive-due').evaluate((e) => getComputedStyle(e).color)).toMatch(/rgb\(2\d\d, /);
    expect(await page.getByTestId('archive-overdue').textContent()).toBe('已逾期 38 天');
    expect(await page.getByTestId('archive-cadence').textContent()).toContain('黄金客户每月更新一次');
    expect(await page.getByTestId('archive-keeper').textContent()).toContain('市局大客户中心');
    expect(await page.getByTestId('archive-score').textContent()).toBe('0%');
    expect(await page.getByTestId('archive-empty').textContent()).toContain('已逾期 38 天，请尽快填写');
    await page.getByTestId('archive-panel').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(h, 'archives-empty');

    // 填写档案: the basic block and one key person, in one save (revision 1).
    await page.getByTestId('archive-fill').click();
    const form = page.getByTestId('archive-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    await fill(page, 'basic', BASIC);
    await fill(page, 'keyPersons-0', PERSON);
    await shot(h, 'archives-form');
    // Esc asks before throwing the typed archive away; 继续填写 keeps it.
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-keep').click();
    expect(await page.getByTestId('archive-field-basic-fullName').inputValue()).toBe(GOLD);
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => page.getByTestId('archive-revision').textContent()).toContain('第 1 版');
    // Key persons and the contact are masked in the read-only view.
    const people = page.getByTestId('archive-keyPersons-table');
    expect(await people.locator('tbody tr').first().textContent()).toContain('＊＊＊');
    expect(await people.textContent()).not.toContain('张关键');
    expect(await page.getByTestId('archive-basic-contactPhone').textContent()).toBe('＊＊＊');
    expect(await page.getByTestId('archive-basic-address').textContent()).toBe(BASIC.address);
    // Updated in March → due by the end of April; the extended block is still missing.
    expect(await page.getByTestId('archive-due').textContent()).toBe('2026-04-30 前');
    expect(await page.getByTestId('archive-overdue').count()).toBe(0);
    expect(await page.getByTestId('archive-missing').textContent()).toBe('缺少 4 项必填内容');
    await shot(h, 'archives-saved');

    // 编辑档案 asks for a purpose first (the archive holds masked personal values), then edits.
    await page.getByTestId('archive-edit').click();
    const purpose = page.getByTestId('archive-purpose-form');
    await expect.poll(() => purpose.isVisible()).toBe(true);
    expect(await page.getByTestId('archive-purpose').inputValue()).toBe('编辑档案');
    await purpose.getByTestId('form-submit').click();
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await page.getByTestId('archive-field-keyPersons-0-name').inputValue()).toBe('张关键');
    await page.getByTestId('archive-field-basic-address').fill('汕头市龙湖区黄河路 16 号');
    await page.getByTestId('archive-field-keyPersons-0-position').fill('副总经理');
    await page.getByTestId('archive-form-note').fill('客户搬迁');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => page.getByTestId('archive-revision').textContent()).toContain('第 2 版');
    // Saved: masked again.
    expect(await people.textContent()).not.toContain('张关键');

    // The diff defaults to the last two revisions (1 → 2): the address in clear, the key person masked.
    const diffRows = page.getByTestId('archive-diff-row');
    await expect.poll(() => diffRows.count()).toBe(2);
    const address = page.locator('[data-testid="archive-diff-row"][data-path="basic.address"]');
    expect(await address.textContent()).toBe('地址汕头市龙湖区长平路 88 号汕头市龙湖区黄河路 16 号');
    const post = diffRows.nth(1);
    expect(await post.getAttribute('data-path')).toMatch(/^keyPersons\.[^.]+\.position$/);
    expect(await post.textContent()).toBe('职务＊＊＊＊＊＊');
    expect(await page.getByTestId('archive-diff').textContent()).not.toContain('副总经理');
    const history = page.getByTestId('archive-history-row');
    expect(await history.count()).toBe(2);
    expect(await history.first().textContent()).toContain('基本情况：地址；关键人信息：职务');
    await page.getByTestId('archive-history').evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await shot(h, 'archives-diff');

    // From the empty archive (0) to revision 2: every filled field.
    await choose(page, page.getByTestId('archive-diff-from'), /空档案/);
    await expect.poll(() => diffRows.count()).toBeGreaterThan(10);

    // 查看个人信息: a purpose, then the key person in clear for this view; the viewing is recorded.
    await page.getByTestId('archive-show-personal').click();
    await page.getByTestId('archive-purpose').fill('走访前核对联系人');
    await purpose.getByTestId('form-submit').click();
    await expect.poll(() => people.textContent()).toContain('张关键');
    expect(await people.textContent()).toContain('副总经理');
    expect(await page.getByTestId('archive-personal-note').textContent()).toContain('走访前核对联系人');
    const views = await h.backend.registry.call('archives/views', { customerId: id });
    expect(views.map((v) => v.purpose)).toEqual(['走访前核对联系人', '编辑档案']);
    await page.getByTestId('archive-block-keyPersons').scrollIntoViewIfNeeded();
    await shot(h, 'archives-personal');

    // April: 已核实，无变化 counts as an update (R18) and moves the due date to the end of May.
    now = noon('2026-04-15');
    await h.open(`#/customers/${id}`);
    await page.reload();
    await page.getByTestId('customer-tab-archive').click();
    await expect.poll(() => page.getByTestId('archive-due').textContent()).toBe('2026-04-30 前');
    await page.getByTestId('archive-verify').click();
    const verify = page.getByTestId('archive-verify-form');
    await page.getByTestId('archive-verify-note').fill('电话核实');
    await verify.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('archive-due').textContent()).toBe('2026-05-31 前');
    expect(await page.getByTestId('archive-revision').textContent()).toContain('第 3 版');
    expect(await history.first().textContent()).toContain('已核实，无变化');

    // Managers (R20): gold without A, B and 专人 → three problems; A and B clear theirs, 专人 the last.
    const problems = page.getByTestId('assignments-problems');
    await page.getByTestId('customer-assignments').scrollIntoViewIfNeeded();
    expect(await problems.textContent()).toContain('缺少A角客户经理');
    expect(await problems.textContent()).toContain('缺少B角客户经理');
    expect(await problems.textContent()).toContain('缺少专人负责');
    await shot(h, 'archives-managers-problems');
    for (const [role, name] of [
      ['A', '林晓华'],
      ['B', '陈志强'],
    ] as const) {
      await page.getByTestId(`assignments-set-${role}`).click();
      const setForm = page.getByTestId('assignments-set-form');
      await choose(page, page.getByTestId('assignments-manager'), new RegExp(name));
      await setForm.getByTestId('form-submit').click();
      await expect.poll(() => setForm.count()).toBe(0);
      await expect.poll(() => page.getByTestId(`assignments-role-${role}`).textContent()).toContain(name);
    }
    await expect.poll(() => problems.textContent()).not.toContain('缺少A角');
    expect(await problems.textContent()).not.toContain('缺少B角');
    expect(await problems.textContent()).toContain('缺少专人负责');
    expect(await page.getByTestId('assignments-lead').textContent()).toBe('由A角牵头（开发阶段）');
    await page.getByTestId('assignments-set-responsible').click();
    await choose(page, page.getByTestId('assignments-manager'), /林晓华/);
    await page.getByTestId('assignments-set-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('assignments-ok').isVisible()).toBe(true);
    expect(await problems.count()).toBe(0);
    // 改由B角主导 (开发成功).
    await page.getByTestId('assignments-set-lead').click();
    await page.getByTestId('assignments-lead-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('assignments-lead').textContent()).toContain('由B角牵头');
    // 项目团队: a member from the city centre.
    await page.getByTestId('team-add').click();
    const teamForm = page.getByTestId('team-add-form');
    await choose(page, page.getByTestId('team-unit'), /市局大客户中心/);
    await choose(page, page.getByTestId('team-manager'), /陈志强/);
    await page.getByTestId('team-purpose').fill('物流方案设计');
    await teamForm.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('team-row').count()).toBe(1);
    expect(await page.getByTestId('team-row').textContent()).toContain('物流方案设计');
    await page.getByTestId('customer-assignments').scrollIntoViewIfNeeded();
    await shot(h, 'archives-managers');
    expect(h.pageErrors).toEqual([]);
  }, 120_000);

  it('reads in English: the 档案 tab, the managers panel and the editor', async () => {
    let id = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => noon('2026-03-10'),
      prepare: async (b) => {
        id = await prepareGoldCustomer(b);
        await b.registry.call('archives/update', {
          customerId: id,
          basic: BASIC,
          keyPersons: [PERSON],
          competitors: [{ name: '顺丰速运', price: '首重 12 元', volume: '每月约 3000 件' }],
        });
      },
    });
    const { page } = h;
    await h.open(`#/customers/${id}/archive`);
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('archive-due').textContent()).toBe('by 2026-04-30');
    expect(await page.getByTestId('archive-cadence').textContent()).toContain('Gold: updated monthly');
    expect(await page.getByTestId('archive-missing').textContent()).toBe('4 required items missing');
    expect(await page.getByTestId('assignments-lead').textContent()).toBe('A leads (developing)');
    await page.getByTestId('archive-panel').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(h, 'archives-en');
    await page.getByTestId('archive-edit').click();
    await page.getByTestId('archive-purpose-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('archive-form').isVisible()).toBe(true);
    await page.getByTestId('archive-form-keyPersons').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(h, 'archives-en-form');
    expect(h.pageErrors).toEqual([]);
  });
});
