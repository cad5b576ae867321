// /admin/guides in Chromium: an admin writes a guide, adds steps, reorders them from the keyboard (focus stays on the
// moved step), publishes it, and sees it in the list with its figures.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, signIn } from '../support/journeys.ts';

const ADMIN = demoLogins.admin;

describe('admin guides in the browser', () => {
  let browser: Browser;
  const slug = `browser-guide-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sql`delete from public.guides where slug = ${slug}`;
  });

  it('creates a guide, orders its steps with the keyboard, and publishes it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL((url) => url.pathname === '/admin');

    await page.getByRole('link', { name: 'Guides' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/guides');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(8);
    await page.getByRole('link', { name: 'New guide' }).click();
    await page.getByLabel('Title').fill('Wipers smear the windscreen');
    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Symptoms').fill('wipers leave streaks\nwipers judder');
    await page.getByRole('button', { name: 'Create guide' }).click();
    await page.waitForURL((url) => /^\/admin\/guides\/[0-9a-f-]{36}$/.test(url.pathname));

    for (const instruction of ['Clean the blades with washer fluid.', 'Replace the wiper blades.']) {
      await page.getByLabel('New step').fill(instruction);
      await page.getByRole('button', { name: 'Add step' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Step added');
      await expect.poll(() => page.locator('.admin-steps textarea').last().inputValue()).toBe(instruction);
    }

    const moveUp = page.getByRole('button', { name: 'Move step 2 up' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.admin-steps textarea').evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value))).toEqual([
      'Replace the wiper blades.',
      'Clean the blades with washer fluid.',
    ]);
    // The moved step is now first: its "up" button is disabled, so focus sits on its "down" button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move step 1 down');
    const [stored] = await sql`select array_agg(step.instruction order by step.position) as steps from public.guide_steps step join public.guides guide on guide.id = step.guide_id where guide.slug = ${slug}`;
    expect(stored!['steps']).toEqual(['Replace the wiper blades.', 'Clean the blades with washer fluid.']);

    await page.getByRole('link', { name: '← All guides' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/guides');
    await page.getByRole('button', { name: 'Publish Wipers smear the windscreen' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Wipers smear the windscreen/ }).textContent()).toContain('Published');
    expect((await sql`select is_published from public.guides where slug = ${slug}`)[0]!['is_published']).toBe(true);
    await context.close();
  });
});
