// Guided fix in Chromium (issue 8): a new customer opens "Guided fix", describes a problem, works through the
// matched guide's checklist and ends with "Still broken", and sees the ticket number the database created. Then the
// steps stay on screen with a clear "not saved" message when the server cannot be reached.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, signUpCustomer } from '../support/journeys.ts';

async function startGuide(page: Page, description: string) {
  await page.getByRole('link', { name: 'Guided fix' }).click();
  await page.waitForURL((url) => url.pathname === '/app/troubleshoot');
  await page.getByLabel('Describe the problem').fill(description);
  await page.getByRole('button', { name: 'Find a guide' }).click();
  await page.waitForURL((url) => /^\/app\/troubleshoot\/[0-9a-f-]{36}$/.test(url.pathname));
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('guided fix in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a guide to "Still broken" and shows the new ticket number', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Tess Troubleshooter');
    const sessionId = await startGuide(page, "my car won't start after the rain");

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Car will not start');
    const steps = page.getByRole('list', { name: 'Steps to try' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBeGreaterThan(3);
    await steps.nth(0).getByRole('button', { name: 'I tried this' }).click();
    await expect.poll(() => steps.nth(0).getByRole('status').textContent()).toBe('Tried');
    await steps.nth(1).getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => steps.nth(1).getByRole('status').textContent()).toBe('Skipped');

    await page.getByRole('button', { name: 'Still broken' }).click();
    const ticketNumber = page.getByTestId('ticket-number');
    await expect.poll(() => ticketNumber.textContent(), { timeout: 15_000 }).toMatch(/^TCK-\d{6,}$/);

    const [ticket] = await sql`select number, content from public.tickets where troubleshooting_session_id = ${sessionId}`;
    expect(ticket!['number']).toBe(await ticketNumber.textContent());
    expect(ticket!['content']).toMatch(/1\. .+ \(tried\)/);
    expect(ticket!['content']).toMatch(/2\. .+ \(not tried\)/);
    await context.close();
  });

  it('after "This isn\'t my problem" offers the next-best guides, and one of them starts a new session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Tess Troubleshooter');
    const firstSession = await startGuide(page, 'the temperature needle is in the red and steam is coming out');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Engine is overheating');
    await page.getByRole('button', { name: "This isn't my problem" }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Sorry, that guide did not fit' }).count()).toBe(1);
    const choices = page.locator('.guide-choice');
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    expect(await choices.allTextContents()).not.toContainEqual(expect.stringContaining('Engine is overheating'));
    expect(await page.getByRole('link', { name: 'chat with us' }).getAttribute('href')).toBe('/app');

    const chosenTitle = (await choices.first().locator('strong').textContent())!;
    await choices.first().click();
    await page.waitForURL((url) => /^\/app\/troubleshoot\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(firstSession));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(chosenTitle);
    const [first] = await sql`select misclassified, abandoned from public.troubleshooting_sessions where id = ${firstSession}`;
    expect(first).toEqual({ misclassified: true, abandoned: true });
    await context.close();
  });

  it('keeps the steps on screen with a "not saved" message when the server cannot be reached mid-way', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Tess Troubleshooter');
    const sessionId = await startGuide(page, 'the brakes squeal when I stop');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brakes are squealing or grinding');
    const stepTexts = await page.getByRole('list', { name: 'Steps to try' }).locator('.troubleshoot-step-text').allTextContents();
    expect(stepTexts.length).toBeGreaterThan(3);

    // From now on the page's data requests fail as if the network or the server were down.
    await page.route(
      (url) => url.pathname.startsWith(`/app/troubleshoot/${sessionId}`) && (url.searchParams.has('_data') || url.pathname.endsWith('.data')),
      (route) => route.abort('connectionrefused'),
    );
    await page.getByRole('list', { name: 'Steps to try' }).getByRole('listitem').first().getByRole('button', { name: 'I tried this' }).click();

    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('your progress was not saved');
    await expect.poll(() => page.locator('.troubleshoot-step-text').allTextContents()).toEqual(stepTexts);
    expect((await sql`select count(*)::int as n from public.troubleshooting_session_steps where session_id = ${sessionId}`)[0]!['n']).toBe(0);
    await context.close();
  });
});
