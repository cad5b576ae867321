// The /admin desk editors in Chromium (issue 16): an admin creates an SLA policy with business hours on /admin/sla,
// edits its targets and sees a field error for a resolution due before the first response; writes and edits a shared
// canned reply on /admin/canned-replies (an unknown variable is refused on its field); turns on automatic assignment
// for an area; then a technician inserts the edited canned reply with `/` on a ticket of their own, variables filled.
// Everything is this run's own: its solution area, policy, canned reply, customer and ticket.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { appUrl, createRunCustomer, signIn } from '../support/desk-people.ts';
import { hydrated } from '../support/journeys.ts';

const TECHNICIAN = { id: '11111111-1111-4111-8111-000000000003', email: 'tech@example.com' };
const ADMIN = { email: 'admin@example.com' };

const run = randomUUID().slice(0, 8);
const area = `editors-browser-${run}`;
const areaName = `Editors browser ${run}`;
const policyName = `Editors policy ${run}`;
const shortcut = `ed-${run}`;


describe('admin desk editors', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  let customerId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    await sql`insert into public.solution_areas (slug, name, description, assistant_instructions) values (${area}, ${areaName}, 'Test area', 'None')`;
    customerId = await createRunCustomer(`Robin Editors${run}`, 'editors');
    adminContext = await browser.newContext();
    admin = await adminContext.newPage();
    await signIn(admin, ADMIN.email, '/admin');
  });

  afterAll(async () => {
    await browser?.close();
    await sql`delete from public.canned_replies where shortcut = ${shortcut}`;
    await sql`delete from public.sla_policies where solution_area = ${area}`;
    await sql`delete from public.auto_assignment_rules where solution_area = ${area}`;
    if (customerId) {
      await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customerId}`);
      await retryingDeadlocks(() => sql`delete from auth.users where id = ${customerId}`);
    }
    await sql`delete from public.solution_areas where slug = ${area}`;
  });

  it('creates an SLA policy with business hours, edits its targets, and shows a field error', async () => {
    await admin.goto(appUrl('/admin/sla'));
    await hydrated(admin);
    const create = admin.getByRole('form', { name: 'New SLA policy' });
    await create.getByLabel('Name').fill(policyName);
    await create.getByLabel('For solution area').selectOption(area);
    await create.getByLabel('First response within (minutes)').fill('20');
    await create.getByLabel('Resolution within (minutes)').fill('300');
    await create.getByLabel('Sat').check();
    await create.getByLabel('Business hours start').fill('08:00');
    await create.getByLabel('Time zone').fill('Europe/Berlin');
    await create.getByRole('button', { name: 'Add policy' }).click();
    await create.getByRole('status').filter({ hasText: `Added the policy ${policyName}.` }).waitFor({ timeout: 60_000 });
    const [created] = await sql<{ business_days: number[]; starts: string; first: number; time_zone: string }[]>`
      select business_days::int[] as business_days, to_char(business_day_starts, 'HH24:MI') as starts, first_response_minutes as first, time_zone
      from public.sla_policies where solution_area = ${area}`;
    expect(created).toEqual({ business_days: [1, 2, 3, 4, 5, 6], starts: '08:00', first: 20, time_zone: 'Europe/Berlin' });

    const policy = admin.getByRole('form', { name: `SLA policy ${policyName}` });
    await policy.getByLabel('First response within (minutes)').fill('25');
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await policy.getByRole('status').filter({ hasText: 'Saved the policy.' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await sql<{ first: number }[]>`select first_response_minutes as first from public.sla_policies where solution_area = ${area}`)[0]?.first)
      .toBe(25);

    // A second policy whose resolution would be due before its first response: the error sits on that field.
    const another = admin.getByRole('form', { name: 'New SLA policy' });
    await another.getByLabel('Name').fill(`${policyName} backwards`);
    await another.getByLabel('First response within (minutes)').fill('60');
    await another.getByLabel('Resolution within (minutes)').fill('30');
    await another.getByRole('button', { name: 'Add policy' }).click();
    await another.getByText('Resolution cannot be due before the first response.').waitFor({ timeout: 60_000 });
    await expect(another.getByLabel('Resolution within (minutes)').getAttribute('aria-invalid')).resolves.toBe('true');
    const [kept] = await sql<{ count: number }[]>`select count(*)::int as count from public.sla_policies where name = ${`${policyName} backwards`}`;
    expect(kept!.count).toBe(0);
  });

  it('writes and edits a shared canned reply, refusing an unknown variable on its field', async () => {
    await admin.goto(appUrl('/admin/canned-replies'));
    await hydrated(admin);
    const create = admin.getByRole('form', { name: 'New canned reply' });
    await create.getByLabel('Shortcut (typed after /)').fill(shortcut);
    await create.getByLabel('Title').fill(`Editors ${run}`);
    await create.getByLabel('Reply text').fill('Hello {{customer.frist_name}}');
    await create.getByRole('button', { name: 'Add canned reply' }).click();
    await create.getByText(/Unknown variable \{\{customer\.frist_name\}\}/).waitFor({ timeout: 60_000 });
    await expect(create.getByLabel('Reply text').getAttribute('aria-invalid')).resolves.toBe('true');

    await create.getByLabel('Reply text').fill('Hello {{customer.first_name}}, about {{ticket.number}}.');
    await create.getByRole('button', { name: 'Add canned reply' }).click();
    await admin.getByRole('status').filter({ hasText: `Added /${shortcut}.` }).waitFor({ timeout: 60_000 });

    const item = admin.getByTestId('canned-reply').filter({ hasText: `/${shortcut}` });
    await item.locator('summary').click();
    const edit = admin.getByRole('form', { name: `Canned reply /${shortcut}` });
    await edit.getByLabel('Reply text').fill('Hi {{customer.first_name}}, {{ticket.number}} is on my list.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await sql<{ body: string; owner_id: string | null }[]>`select body, owner_id from public.canned_replies where shortcut = ${shortcut}`)[0])
      .toEqual({ body: 'Hi {{customer.first_name}}, {{ticket.number}} is on my list.', owner_id: null });
  });

  it('turns on automatic assignment for an area', async () => {
    await admin.goto(appUrl('/admin/assignment'));
    await hydrated(admin);
    const rule = admin.getByRole('form', { name: `Automatic assignment for ${areaName}` });
    await rule.getByLabel(`Assign ${areaName} automatically`).selectOption('on');
    await rule.getByRole('button', { name: 'Save' }).click();
    await rule.getByRole('status').filter({ hasText: 'Assigning automatically.' }).waitFor({ timeout: 60_000 });
    const rules = await sql<{ is_enabled: boolean }[]>`select is_enabled from public.auto_assignment_rules where solution_area = ${area}`;
    expect(rules.map((row) => row.is_enabled)).toEqual([true]);
  });

  it('lets a technician insert the edited canned reply with / on their own ticket, variables filled', async () => {
    const [ticket] = await sql<{ id: string; number: string }[]>`
      insert into public.tickets (customer_id, subject, content, status, assigned_to, triage_status)
      values (${customerId}, ${`Editors ticket ${run}`}, 'Found by the admin editors browser test.', 'in_progress', ${TECHNICIAN.id}, 'processed')
      returning id, number`;
    const technicianContext = await browser.newContext();
    const desk = await technicianContext.newPage();
    await signIn(desk, TECHNICIAN.email, `/desk/tickets/${ticket!.id}`);
    await hydrated(desk);
    const reply = desk.getByLabel('Reply', { exact: true });
    await reply.click();
    await reply.pressSequentially(`/${shortcut}`);
    await desk.getByTestId('canned-reply-list').getByRole('option', { name: new RegExp(`Editors ${run}`) }).waitFor({ timeout: 60_000 });
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe(`Hi Robin, ${ticket!.number} is on my list.`);
    await technicianContext.close();
  });
});
