// The technician's ticket page in Chromium (issue 8): the technician opens a ticket that came from a
// troubleshooting session, sees its details, claims it, sends the AI draft, adds an internal note, writes a
// work order with parts, is refused resolving while it is open, starts / logs hours / completes it, resolves the
// ticket; a customer message arrives live; the work-order sheet renders as a PDF whose first page is not blank.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { appUrl, demoLogins, signIn } from '../support/journeys.ts';

const TECHNICIAN = demoLogins.technician;
const VIN = '4T1BF1FK5CU123456';
const DRAFT = 'Hi Casey, a single click usually means the starter relay. We will test it tomorrow.';

/** A ticket opened from a troubleshooting session, already triaged (so no worker touches it), unassigned. */
async function createTicketFromSession(): Promise<{ ticketId: string; customerId: string }> {
  const [customer] = await sql<{ id: string }[]>`select id from public.profiles where email = 'customer@example.com'`;
  const customerId = customer!.id;
  const [session] = await sql<{ id: string }[]>`
    insert into public.troubleshooting_sessions (customer_id, issue_description, guide_title)
    values (${customerId}, 'My car only clicks when I turn the key', 'Car will not start') returning id`;
  await sql`
    insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, responded_at) values
      (${session!.id}, 1, 'Check the battery terminals are tight and clean', true, now()),
      (${session!.id}, 2, 'Try starting in neutral', false, null)`;
  const [ticket] = await sql<{ id: string }[]>`
    insert into public.tickets (customer_id, contact_email, contact_phone, subject, content, channel, troubleshooting_session_id,
      vehicle_year, vehicle_make, vehicle_model, vin, triage_status)
    values (${customerId}, 'customer@example.com', '+1 555 0101', 'Clicks but will not start (browser test)', 'Only a click when turning the key.',
      'troubleshooting', ${session!.id}, 2012, 'Toyota', 'Camry', ${VIN}, 'processed')
    returning id`;
  await sql`
    insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, reasoning, model_details)
    values (${ticket!.id}, 'technical', 4, 'high', ${DRAFT}, 0.86, 'local-naive-bayes-v1', 'Starter symptoms.', 'Urgency by naive Bayes: P(high) 0.74.')`;
  return { ticketId: ticket!.id, customerId };
}

/** Non-white pixels of a PNG (anything darker than near-white in any channel). */
function inkedPixels(png: PNG): number {
  let inked = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    if (png.data[offset]! < 240 || png.data[offset + 1]! < 240 || png.data[offset + 2]! < 240) inked += 1;
  }
  return inked;
}

describe('the technician ticket page', () => {
  let browser: Browser;
  let ticketId: string;
  let customerId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ticketId, customerId } = await createTicketFromSession());
  });
  afterAll(async () => {
    await browser?.close();
    if (!ticketId) return;
    // The conversation the reply created belongs to the customer; remove it with the ticket.
    await sql`delete from public.conversations where ticket_id = ${ticketId}`;
    await retryingDeadlocks(() => sql`delete from public.tickets where id = ${ticketId}`);
  });

  it('takes a ticket from claim to resolved with a work order, live, and prints the work-order sheet', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, TECHNICIAN.email, TECHNICIAN.password);
    await page.waitForURL((url) => url.pathname === '/desk');
    await page.goto(appUrl(`/desk/tickets/${ticketId}`));

    // Details, troubleshooting tried, triage with its provider.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Clicks but will not start');
    await expect(page.getByText(VIN).count()).resolves.toBe(1);
    await expect(page.getByText('2012 Toyota Camry').count()).resolves.toBe(1);
    await expect(page.getByTestId('steps-tried').textContent()).resolves.toContain('Check the battery terminals are tight and clean (tried)');
    await expect(page.getByTestId('provider-label').textContent()).resolves.toBe('Local provider · local-naive-bayes-v1');
    // The model's own account is behind a disclosure, the plain reasoning in view.
    await expect(page.getByTestId('triage-reasoning').textContent()).resolves.toBe('Starter symptoms.');
    await expect(page.getByText('Urgency by naive Bayes: P(high) 0.74.').isVisible()).resolves.toBe(false);
    await page.getByText('Model details', { exact: true }).click();
    await expect.poll(() => page.getByText('Urgency by naive Bayes: P(high) 0.74.').isVisible()).toBe(true);
    await expect(page.getByTestId('ticket-status').textContent()).resolves.toBe('Unassigned');

    await page.getByRole('button', { name: 'Claim ticket' }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Assigned');
    await expect.poll(() => page.getByTestId('live-state').textContent()).toBe('Live');

    // The AI draft is prefilled and editable; sending it creates the ticket's conversation.
    const reply = page.getByLabel('Reply', { exact: true });
    await expect(reply.inputValue()).resolves.toBe(DRAFT);
    await reply.fill(`${DRAFT} See you at 9.`);
    await page.getByRole('button', { name: 'Send to customer' }).click();
    await expect.poll(() => page.getByTestId('message').allTextContents()).toEqual([expect.stringContaining('See you at 9.')]);
    // Once a technician has replied, the first-contact draft is not offered again.
    await expect.poll(() => reply.inputValue()).toBe('');
    await page.getByLabel('Internal note').fill('Relay part in stock, shelf B3');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await expect.poll(() => page.getByTestId('internal-note').textContent()).toContain('never shown to the customer');

    // A customer message arrives live (no reload).
    const [conversation] = await sql<{ conversation_id: string }[]>`select conversation_id from public.tickets where id = ${ticketId}`;
    await sql`insert into public.messages (conversation_id, sender_id, role, content) values (${conversation!.conversation_id}, ${customerId}, 'user', 'Great, thank you!')`;
    await expect.poll(() => page.getByTestId('message').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining('Great, thank you!'));

    // A work order with parts; the totals come from the database (2 h x 90 + 2 x 24.50 = 229.00).
    await page.getByLabel('Description').fill('Replace the starter relay');
    await page.getByLabel('Estimated hours').fill('2');
    await page.getByLabel('Labour rate ($/h)').fill('90');
    await page.getByLabel('Part 1').fill('Starter relay');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit cost ($)').fill('24.50');
    await page.getByRole('button', { name: 'Create work order' }).click();
    await expect.poll(() => page.getByTestId('work-order-total').textContent()).toBe('$229.00');
    await expect(page.getByTestId('work-order-status').textContent()).resolves.toBe('Open');

    // Resolving with an open work order is refused by the database, and the page says why.
    await page.getByRole('button', { name: 'Resolve ticket' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('cannot be resolved while work orders are unfinished'));
    await expect(page.getByTestId('ticket-status').textContent()).resolves.toBe('Assigned');

    await page.getByRole('button', { name: 'Start work order' }).click();
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('In progress');
    await page.getByLabel('Actual hours').fill('1.5');
    await page.getByRole('button', { name: 'Log hours' }).click();
    await expect.poll(() => page.getByTestId('work-order-total').textContent()).toBe('$184.00');
    await page.getByRole('button', { name: 'Complete work order' }).click();
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('Completed');

    await page.getByRole('button', { name: 'Resolve ticket' }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Resolved');
    const kinds = await page.getByTestId('timeline').locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['created', 'claimed', 'reply_sent', 'internal_note_added', 'message_sent', 'work_order_created', 'work_order_started', 'work_order_completed', 'resolved']));

    // The sheet: a PDF whose first page, rendered by pdftoppm, has ink and names the work order.
    const [workOrder] = await sql<{ id: string; number: string }[]>`select id, number from public.work_orders where ticket_id = ${ticketId}`;
    const response = await page.request.get(appUrl(`/desk/work-orders/${workOrder!.id}.pdf`));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'work-order-sheet-'));
    try {
      const pdfPath = join(folder, 'sheet.pdf');
      writeFileSync(pdfPath, await response.body());
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(folder, 'page')]);
      const png = PNG.sync.read(readFileSync(join(folder, 'page.png')));
      expect(png.width).toBeGreaterThan(300);
      // A blank A4 page at 50 dpi has 0 inked pixels; the header band alone is thousands.
      expect(inkedPixels(png)).toBeGreaterThan(5_000);
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Work order ${workOrder!.number}`);
      expect(text).toContain(VIN);
      expect(text).toContain('$184.00');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await context.close();
  });

  it('answers 404 for a ticket that does not exist', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, TECHNICIAN.email, TECHNICIAN.password);
    await page.waitForURL((url) => url.pathname === '/desk');
    const response = await page.goto(appUrl('/desk/tickets/00000000-0000-4000-8000-000000000000'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Ticket not found' }).count()).resolves.toBe(1);
    await context.close();
  });
});
