// /admin in Chromium: the demo admin sees how support is going — the tickets-per-day chart (an image with a summary)
// and a few figures — and switches the range from the keyboard (7 and 90 days), the chart following.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { demoLogins, signIn } from '../support/journeys.ts';

const ADMIN = demoLogins.admin;

describe('admin dashboard in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the chart and figures, and switches the range with the keyboard', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL((url) => url.pathname === '/admin');

    await expect.poll(() => page.getByRole('heading', { name: 'Last 30 days' }).isVisible()).toBe(true);
    const chart = page.getByRole('img', { name: /^Tickets created per day from .+: \d+ in all, most on .+ \(\d+\)\.$/ });
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('rect.tickets-chart-bar').count()).toBe(30);
    // The seed's demo tickets are spread over the last weeks: the figures are not all zero.
    const ticketsCreated = page.locator('.stat', { hasText: 'Tickets created' }).locator('.stat-value');
    expect(Number(await ticketsCreated.textContent())).toBeGreaterThan(0);
    expect(await page.locator('.stat', { hasText: 'Open now' }).locator('.stat-value').textContent()).toMatch(/^\d[\d,]*$/);
    expect(await page.getByRole('table', { name: 'Open tickets by status' }).getByRole('row').count()).toBe(4);
    expect(await page.getByRole('link', { name: 'Per-guide figures' }).getAttribute('href')).toBe('/admin/guides');
    expect(await page.getByRole('link', { name: '30 days' }).getAttribute('aria-current')).toBe('page');

    // From the current range, one step back with the keyboard is "7 days".
    await page.getByRole('link', { name: '30 days' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('7 days');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('days') === '7');
    await expect.poll(() => page.getByRole('heading', { name: 'Last 7 days' }).isVisible()).toBe(true);
    expect(await chart.locator('rect.tickets-chart-bar').count()).toBe(7);
    expect(await page.getByRole('link', { name: '7 days' }).getAttribute('aria-current')).toBe('page');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('90 days');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('days') === '90');
    await expect.poll(() => page.getByRole('heading', { name: 'Last 90 days' }).isVisible()).toBe(true);
    expect(await chart.locator('rect.tickets-chart-bar').count()).toBe(90);
    await context.close();
  });
});
