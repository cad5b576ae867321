// Triage a person can correct, and duplicates merged, in Chromium (issue 15): a technician corrects a ticket's
// urgency and sees it on the timeline; the admin's confusion matrix counts it; a second ticket about the same
// problem is flagged "possible duplicate of TCK-…" on the board and merged from its page.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { appUrl, createRunCustomer, signIn } from '../support/desk-people.ts';

const TECHNICIAN = { email: 'tech@example.com' };
const ADMIN = { email: 'admin@example.com' };

/** A ticket with its triage result written as the worker would (the owner), so no worker run is waited for. */
async function triagedTicket(customerId: string, subject: string, content: string, urgency: string): Promise<{ id: string; number: string }> {
  const [ticket] = await sql<{ id: string; number: string }[]>`
    insert into public.tickets (customer_id, subject, content, triage_status)
    values (${customerId}, ${subject}, ${content}, 'processed')
    returning id, number`;
  await sql`
    insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model, provider)
    values (${ticket!.id}, 'technical', 4, ${urgency}, 0.7, 'local-browser-test', 'local')`;
  return ticket!;
}

describe('triage corrections and duplicates', () => {
  let browser: Browser;
  let technician: BrowserContext;
  let desk: Page;
  let adminContext: BrowserContext;
  let admin: Page;
  const run = randomUUID().slice(0, 8);
  const customerName = `Tess Triage${run}`;
  let customerId: string;
  let first: { id: string; number: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    customerId = await createRunCustomer(customerName, 'triage');
    technician = await browser.newContext();
    desk = await technician.newPage();
    await signIn(desk, TECHNICIAN.email, '/desk');
    adminContext = await browser.newContext();
    admin = await adminContext.newPage();
    await signIn(admin, ADMIN.email, '/admin');
  });
  afterAll(async () => {
    await browser?.close();
    if (customerId) {
      await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customerId}`);
      await retryingDeadlocks(() => sql`delete from auth.users where id = ${customerId}`);
    }
  });

  it('a technician corrects the urgency, sees it on the timeline, and the admin accuracy view counts it', async () => {
    const mediumToHigh = async () => Number(await admin.getByTestId('confusion-urgency-medium-high').textContent());
    await admin.goto(appUrl('/admin?days=7'));
    const before = await mediumToHigh();

    first = await triagedTicket(customerId, `Engine warning light blinking ${run}`, 'The engine warning light blinks and the car shakes on the highway.', 'medium');
    await desk.goto(appUrl(`/desk/tickets/${first.id}`));
    await expect.poll(() => desk.getByTestId('ticket-priority').textContent()).toContain('Normal (set by triage)');
    await desk.getByLabel('Correct urgency').selectOption('high');
    await desk.getByRole('button', { name: 'Correct urgency' }).click();
    await expect.poll(() => desk.getByTestId('timeline').textContent(), { timeout: 30_000 }).toContain('Corrected urgency: medium → high');
    await expect.poll(() => desk.getByTestId('ticket-priority').textContent()).toContain('High');
    await expect.poll(() => desk.getByTestId('triage-corrected-urgency').textContent()).toContain('triage said medium');
    await expect
      .poll(async () => (await sql<{ to_value: string }[]>`select to_value from public.triage_corrections where ticket_id = ${first.id}`).map((row) => row.to_value))
      .toEqual(['high']);

    await admin.reload();
    await expect.poll(mediumToHigh, { timeout: 30_000 }).toBe(before + 1);
    await expect(admin.getByRole('heading', { name: /Triage accuracy over 7 days/ }).isVisible()).resolves.toBe(true);
  });

  it('flags a duplicate on the board and merges it into the first ticket', async () => {
    const second = await triagedTicket(customerId, `Engine warning light blinking ${run}`, 'The engine warning light is blinking and the car shakes on the highway again.', 'medium');
    await expect
      .poll(async () => (await sql<{ duplicate_of: string }[]>`select duplicate_of from public.possible_duplicates where ticket_id = ${second.id}`).map((row) => row.duplicate_of))
      .toEqual([first.id]);

    await desk.goto(appUrl(`/desk?view=all&q=${encodeURIComponent(customerName)}`));
    const card = desk.locator(`[data-ticket-number="${second.number}"]`);
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => card.getByTestId('possible-duplicate').textContent()).toBe(`Possible duplicate of ${first.number}`);

    await card.getByRole('link', { name: new RegExp(second.number) }).click();
    await desk.waitForURL((url) => url.pathname === `/desk/tickets/${second.id}`);
    await desk.getByRole('button', { name: `Merge into ${first.number}` }).click();
    await expect.poll(() => desk.getByTestId('merged-into').textContent(), { timeout: 30_000 }).toBe(`Merged into ${first.number}.`);
    await expect
      .poll(async () => (await sql<{ status: string; merged_into: string }[]>`select status, merged_into from public.tickets where id = ${second.id}`).map((row) => [row.status, row.merged_into]))
      .toEqual([['merged', first.id]]);
  });
});
