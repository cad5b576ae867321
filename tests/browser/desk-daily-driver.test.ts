// The desk as a daily driver in Chromium (issue 16), one browser and few sign-ins: a canned reply inserted with `/`
// and its variables filled; the table view sorted by SLA due; three tickets closed in bulk; a customer's reply on
// the ticket page reopening a resolved ticket that appears live in the technician's lane; the customer's rating
// changing the admin dashboard's CSAT.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { appUrl, createRunCustomer, signIn } from '../support/desk-people.ts';

const TECHNICIAN = { id: '11111111-1111-4111-8111-000000000003', email: 'tech@example.com' };
const CUSTOMER = { id: '11111111-1111-4111-8111-000000000001', email: 'customer@example.com' };
const ADMIN = { email: 'admin@example.com' };

/** A ticket the technician is working on, written as the database's owner (as an import would). */
async function workedTicket(customerId: string, subject: string): Promise<{ id: string; number: string }> {
  const [ticket] = await sql<{ id: string; number: string }[]>`
    insert into public.tickets (customer_id, subject, content, status, assigned_to, triage_status)
    values (${customerId}, ${subject}, 'Found by the daily-driver browser test.', 'in_progress', ${TECHNICIAN.id}, 'processed')
    returning id, number`;
  return ticket!;
}

describe('the desk as a daily driver', () => {
  let browser: Browser;
  let technician: BrowserContext;
  let desk: Page;
  const run = randomUUID().slice(0, 8);
  const customerName = `Dana Daily${run}`;
  let customerId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    customerId = await createRunCustomer(customerName, 'daily');
    technician = await browser.newContext();
    desk = await technician.newPage();
    await signIn(desk, TECHNICIAN.email, '/desk');
  });
  afterAll(async () => {
    await browser?.close();
    if (customerId) {
      await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customerId}`);
      await retryingDeadlocks(() => sql`delete from auth.users where id = ${customerId}`);
    }
  });

  it('inserts a canned reply with / and its variables filled, and sends it', async () => {
    const ticket = await workedTicket(customerId, 'Brakes squeal');
    await desk.goto(appUrl(`/desk/tickets/${ticket.id}`));
    const reply = desk.getByLabel('Reply', { exact: true });
    await reply.click();
    await reply.pressSequentially('/greet');
    const list = desk.getByTestId('canned-reply-list');
    await list.getByRole('option', { name: /greeting/ }).waitFor();
    await reply.press('Enter');
    await expect(reply.inputValue()).resolves.toBe(`Hi Dana, thanks for getting in touch about ${ticket.number}. I am looking into it now.`);
    await desk.getByRole('button', { name: 'Send to customer' }).click();
    await expect
      .poll(async () => (await sql<{ content: string }[]>`
        select message.content from public.messages message join public.tickets t on t.conversation_id = message.conversation_id
        where t.id = ${ticket.id} and message.role = 'technician'`).map((row) => row.content))
      .toEqual([`Hi Dana, thanks for getting in touch about ${ticket.number}. I am looking into it now.`]);
  });

  it('sorts the table view by SLA due, and closes three tickets in bulk', async () => {
    const tickets = await Promise.all(['Due third', 'Due first', 'Due second'].map((subject) => workedTicket(customerId, subject)));
    // Deadlines set as the escalation job would see them (the owner may write the SLA columns; API users may not).
    const dueInHours = { 'Due first': 1, 'Due second': 2, 'Due third': 3 } as const;
    for (const [subject, hours] of Object.entries(dueInHours)) {
      await sql`update public.tickets set first_response_due_at = now() + make_interval(hours => ${hours}), resolution_due_at = now() + interval '1 day'
        where customer_id = ${customerId} and subject = ${subject}`;
    }
    await desk.goto(appUrl(`/desk?view=all&layout=table&q=${encodeURIComponent(customerName)}`));
    const subjects = () => desk.getByTestId('desk-table-row').locator('.desk-table-subject').allTextContents();
    await expect.poll(subjects).toEqual(['Due first', 'Due second', 'Due third', 'Brakes squeal']);
    await desk.getByTestId('sort-sla').click();
    await desk.waitForURL((url) => url.searchParams.get('dir') === 'desc');
    await expect.poll(subjects).toEqual(['Brakes squeal', 'Due third', 'Due second', 'Due first']);

    for (const ticket of tickets) await desk.getByLabel(`Select ${ticket.number}`).check();
    await expect(desk.getByTestId('selected-count').textContent()).resolves.toBe('3 selected');
    await desk.getByLabel('Action for the selected tickets').selectOption('close');
    await desk.getByRole('button', { name: 'Apply to selected' }).click();
    await expect.poll(() => desk.getByRole('status').filter({ hasText: 'updated' }).textContent()).toBe('3 tickets updated.');
    const stored = await sql<{ status: string }[]>`select status::text from public.tickets where id in ${sql(tickets.map((ticket) => ticket.id))}`;
    expect(stored.map((row) => row.status)).toEqual(['closed', 'closed', 'closed']);
    await expect.poll(subjects).toEqual(['Brakes squeal']);
  });

  it('reopens a resolved ticket when the customer replies on its page, live in the technician’s lane, and the rating moves the CSAT', async () => {
    const [ticket] = await sql<{ id: string; number: string }[]>`
      insert into public.tickets (customer_id, subject, content, status, assigned_to, triage_status)
      values (${CUSTOMER.id}, ${`Spongy pedal ${run}`}, 'Soft brake pedal.', 'resolved', ${TECHNICIAN.id}, 'resolved')
      returning id, number`;
    await desk.goto(appUrl(`/desk?view=mine&q=${ticket!.number}`));
    await expect.poll(() => desk.getByTestId('desk-live').textContent(), { timeout: 15_000 }).toBe('Live');
    await desk.getByText('No tickets match').waitFor();

    const customerContext = await browser.newContext();
    const customer = await customerContext.newPage();
    await signIn(customer, CUSTOMER.email, `/app/tickets/${ticket!.id}`);
    await customer.getByTestId('satisfaction-survey').waitFor();
    await customer.getByLabel('Reply').fill('Still spongy after the repair');
    await customer.getByRole('button', { name: 'Send', exact: true }).click();
    await customer.getByTestId('thread-message').filter({ hasText: 'Still spongy after the repair' }).waitFor();

    // The technician's lane shows it without a reload.
    await desk.locator(`[data-ticket-number="${ticket!.number}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    const [reopened] = await sql<{ status: string }[]>`select status::text from public.tickets where id = ${ticket!.id}`;
    expect(reopened!.status).toBe('in_progress');

    // Resolved again; the admin's CSAT before and after the customer's rating.
    await sql`update public.tickets set status = 'resolved' where id = ${ticket!.id}`;
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, ADMIN.email, '/admin');
    const ratingsShown = async () => Number(/of (\d+) rating/.exec((await admin.getByTestId('csat').textContent()) ?? '')?.[1]);
    const before = await ratingsShown();

    await customer.reload();
    await customer.getByLabel(/5 · Very happy/).check();
    await customer.getByLabel('Comment (optional)').fill('Fixed for good this time');
    await customer.getByRole('button', { name: 'Send rating' }).click();
    await customer.getByTestId('ticket-rating').waitFor();

    await admin.reload();
    await expect.poll(ratingsShown).toBe(before + 1);
    await customerContext.close();
    await adminContext.close();
  });
});
