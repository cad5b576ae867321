// Issue 8's journey across two browser contexts: a customer runs a guide to "Still broken" and gets a ticket number;
// with their ticket page open, a technician claims that ticket, writes a work order, completes it and resolves the
// ticket — and the customer's page shows the work order's total and the ticket resolved, without a reload.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, signIn, signUpCustomer } from '../support/journeys.ts';

describe("the technician's day, seen by the customer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a ticket from a failed guide to resolved, and the customer sees it live', async () => {
    const customer = await (await browser.newContext()).newPage();
    await signUpCustomer(customer, 'Journey Customer');
    await customer.getByRole('link', { name: 'Guided fix' }).click();
    await customer.waitForURL((url) => url.pathname === '/app/troubleshoot');
    await customer.getByLabel('Describe the problem').fill("my car won't start after the rain");
    await customer.getByRole('button', { name: 'Find a guide' }).click();
    await customer.waitForURL((url) => /^\/app\/troubleshoot\/[0-9a-f-]{36}$/.test(url.pathname));
    const steps = customer.getByRole('list', { name: 'Steps to try' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBeGreaterThan(1);
    await steps.nth(0).getByRole('button', { name: 'I tried this' }).click();
    await expect.poll(() => steps.nth(0).getByRole('status').textContent()).toBe('Tried');
    await customer.getByRole('button', { name: 'Still broken' }).click();
    await expect.poll(() => customer.getByTestId('ticket-number').textContent(), { timeout: 15_000 }).toMatch(/^TCK-\d{6,}$/);
    const number = (await customer.getByTestId('ticket-number').textContent())!;
    const [ticket] = await sql`select id from public.tickets where number = ${number}`;

    // The customer keeps their ticket page open.
    await customer.goto(appUrl(`/app/tickets/${ticket!.id}`));
    await expect.poll(() => customer.getByTestId('ticket-status').textContent()).toBe('Waiting for a technician');

    const technician = await (await browser.newContext()).newPage();
    await signIn(technician, demoLogins.technician.email, demoLogins.technician.password);
    await technician.waitForURL((url) => url.pathname === '/desk');
    await technician.goto(appUrl(`/desk/tickets/${ticket!.id}`));
    await technician.getByRole('button', { name: 'Claim ticket' }).click();
    await expect.poll(() => technician.getByTestId('ticket-status').textContent()).toBe('Assigned');
    await expect.poll(() => customer.getByTestId('ticket-technician').textContent()).toBe(demoLogins.technician.name);

    await technician.getByLabel('Description').fill('Dry and reseat the ignition coil connectors');
    await technician.getByLabel('Estimated hours').fill('1');
    await technician.getByLabel('Labour rate ($/h)').fill('80');
    await technician.getByLabel('Part 1').fill('Dielectric grease');
    await technician.getByLabel('Quantity').fill('1');
    await technician.getByLabel('Unit cost ($)').fill('12.00');
    await technician.getByRole('button', { name: 'Create work order' }).click();
    await expect.poll(() => technician.getByTestId('work-order-total').textContent()).toBe('$92.00');
    await expect.poll(() => customer.getByTestId('customer-work-orders').textContent()).toContain('$92.00');

    await technician.getByRole('button', { name: 'Start work order' }).click();
    await expect.poll(() => technician.getByTestId('work-order-status').textContent()).toBe('In progress');
    await technician.getByRole('button', { name: 'Complete work order' }).click();
    await expect.poll(() => technician.getByTestId('work-order-status').textContent()).toBe('Completed');
    await expect.poll(() => customer.getByTestId('customer-work-orders').textContent()).toContain('Completed');

    await technician.getByRole('button', { name: 'Resolve ticket' }).click();
    await expect.poll(() => technician.getByTestId('ticket-status').textContent()).toBe('Resolved');
    await expect.poll(() => customer.getByTestId('ticket-status').textContent()).toBe('Resolved');
    // Nothing internal reached the customer's page.
    expect(await customer.getByText(/internal|sentiment|draft/i).count()).toBe(0);

    await customer.context().close();
    await technician.context().close();
  });
});
