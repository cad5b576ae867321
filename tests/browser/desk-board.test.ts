// The live desk board in Chromium (issues 5, 6 and 8): a ticket a customer creates appears on a technician's
// open board without a reload, its AI triage fills in when the worker finishes, the technician claims it,
// and a colleague whose board is stale is told who claimed it; a ticket whose triage failed shows the error and
// is re-triaged with one click.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { asRole, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

const appUrl = (path: string) => new URL(path, testStack.APP_URL).toString();
const PASSWORD = 'supporthub-demo';
const TECHNICIAN = { id: '11111111-1111-4111-8111-000000000003', email: 'tech@example.com', name: 'Taylor Technician' };
const COLLEAGUE = { email: 'tech2@example.com' };

async function signIn(page: Page, email: string, boardPath: string) {
  await page.goto(appUrl(`/login?redirectTo=${encodeURIComponent(boardPath)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/desk');
}

/** A customer of this run only, so the board can be narrowed to their tickets by searching their name. */
async function createCustomer(name: string): Promise<string> {
  const id = randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`desk-board-${id.slice(0, 8)}@tests.local`},
      '{"provider":"email","providers":["email"]}', ${sql.json({ full_name: name })}, now(), now())`;
  return id;
}

describe('the desk board', () => {
  let browser: Browser;
  const customerName = `Board Customer ${randomUUID().slice(0, 8)}`;
  let customerId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    customerId = await createCustomer(customerName);
  });
  afterAll(async () => {
    await browser?.close();
    if (customerId) await retryingDeadlocks(() => sql`delete from auth.users where id = ${customerId}`);
  });

  it('shows a new ticket live, fills in its triage, and lets exactly one technician claim it', async () => {
    const boardPath = `/desk?q=${encodeURIComponent(customerName)}`;
    const technicianContext = await browser.newContext();
    const board = await technicianContext.newPage();
    await signIn(board, TECHNICIAN.email, boardPath);
    await expect.poll(() => board.getByTestId('desk-live').textContent(), { timeout: 15_000 }).toBe('Live');
    await board.getByText('No tickets match').waitFor();
    // Anything that reloads the page would drop this marker.
    await board.evaluate(() => Object.assign(window, { deskBoardNotReloaded: true }));

    const [ticket] = await asRole('authenticated', { sub: customerId, user_role: 'customer' }, (tx) => tx<{ id: string; number: string }[]>`
      insert into public.tickets (customer_id, subject, content)
      values (${customerId}, 'Charged twice for my service', 'I was charged twice for the same invoice this month, please refund one.')
      returning id, number`);
    const card = board.locator(`[data-ticket-number="${ticket!.number}"]`);

    await card.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => card.getByTestId('triage-category').textContent(), { timeout: 20_000 }).toBe('Billing');
    await expect(card.getByTestId('triage-provider').textContent()).resolves.toContain('Local AI');
    await expect(card.getByTestId('triage-sentiment').textContent()).resolves.toMatch(/^\d{1,2}\/10/);
    await expect(card.getByRole('link', { name: new RegExp(ticket!.number) }).getAttribute('href')).resolves.toBe(`/desk/tickets/${ticket!.id}`);
    expect(await board.evaluate(() => (window as unknown as { deskBoardNotReloaded?: boolean }).deskBoardNotReloaded)).toBe(true);

    // A colleague whose board gets no live updates (its websocket goes nowhere) still shows the ticket as unclaimed.
    const colleagueContext = await browser.newContext();
    const staleBoard = await colleagueContext.newPage();
    await staleBoard.routeWebSocket(/\/realtime\/v1\//, () => {});
    await signIn(staleBoard, COLLEAGUE.email, boardPath);
    const staleCard = staleBoard.locator(`[data-ticket-number="${ticket!.number}"]`);
    await staleCard.waitFor({ state: 'visible' });

    await card.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => board.getByRole('status').filter({ hasText: 'You claimed' }).textContent()).toBe(`You claimed ${ticket!.number}.`);
    const [stored] = await sql<{ status: string; assigned_to: string }[]>`select status::text, assigned_to from public.tickets where id = ${ticket!.id}`;
    expect(stored).toEqual({ status: 'assigned', assigned_to: TECHNICIAN.id });

    await staleCard.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => staleBoard.getByRole('alert').textContent()).toBe(`Already claimed by ${TECHNICIAN.name}.`);
    // The refusal also refreshed the stale board: the ticket is gone from its queue.
    await staleCard.waitFor({ state: 'detached' });
    // ...and the refusal stays on screen through that refresh until the technician dismisses it (issue 16).
    await expect(staleBoard.getByRole('alert').textContent()).resolves.toBe(`Already claimed by ${TECHNICIAN.name}.`);
    await staleBoard.getByTestId('desk-action-notice').getByRole('button', { name: 'Dismiss' }).click();
    await staleBoard.getByTestId('desk-action-notice').waitFor({ state: 'detached' });

    // The claimed ticket left the queue; it is in the technician's own lane.
    await board.getByRole('link', { name: /My tickets/ }).click();
    await board.waitForURL((url) => url.searchParams.get('view') === 'mine');
    await board.locator(`[data-ticket-number="${ticket!.number}"]`).getByText('Claimed by you').waitFor();

    await technicianContext.close();
    await colleagueContext.close();
  });

  it('shows a ticket whose triage failed with its error, and re-triages it with one click', async () => {
    const context = await browser.newContext();
    const board = await context.newPage();
    await signIn(board, TECHNICIAN.email, `/desk?view=failed&q=${encodeURIComponent(customerName)}`);
    await expect.poll(() => board.getByTestId('desk-live').textContent(), { timeout: 15_000 }).toBe('Live');

    // As the triage worker leaves a ticket it gave up on: ai_failed, with the last error kept.
    const [ticket] = await sql<{ id: string; number: string }[]>`
      insert into public.tickets (customer_id, subject, content, triage_status)
      values (${customerId}, 'Warning light on the dashboard', 'The engine warning light came on this morning.', 'ai_failed')
      returning id, number`;
    await sql`insert into public.ticket_triage_failures (ticket_id, error, attempts) values (${ticket!.id}, 'provider answered HTTP 503', 5)
      -- the ai_failed ticket already has a placeholder failure row (trigger ensure_triage_failure_row): the worker's error replaces it
      on conflict (ticket_id) do update set error = excluded.error, attempts = excluded.attempts`;
    const card = board.locator(`[data-ticket-number="${ticket!.number}"]`);
    await card.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(card.getByTestId('triage-failed').textContent()).resolves.toBe('AI triage failed after 5 attempts: provider answered HTTP 503');

    await card.getByRole('button', { name: 'Re-triage' }).click();
    await expect.poll(() => board.getByRole('status').filter({ hasText: 'queued' }).textContent()).toBe(`${ticket!.number} is queued for AI triage again.`);
    // The worker triages it again; it leaves the AI-failed lane, and on the queue its triage is filled in.
    await card.waitFor({ state: 'detached', timeout: 20_000 });
    await board.getByRole('link', { name: /^Queue/ }).click();
    const queued = board.locator(`[data-ticket-number="${ticket!.number}"]`);
    await expect.poll(() => queued.getByTestId('triage-category').textContent(), { timeout: 20_000 }).toBe('Technical');
    await context.close();
  });
});
