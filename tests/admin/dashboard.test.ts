// The admin home's figures through withRls: an admin gets them (tickets per day, AI usage per source, the range),
// a technician and a customer are refused by public.support_dashboard (42501). Other test files write tickets at
// the same time, so the checks read rows of this file's own making: a day five days back, an AI source of its own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const dashboards = await import('../../app/models/support-dashboard.server.ts');
const { dashboardIsEmpty, parseDashboardRange } = await import('../../app/lib/shared/support-dashboard.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const source = `dashboard-test-${run}`;

async function createUser(role: 'customer' | 'technician' | 'admin') {
  const id = randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`dashboard-${role}-${run}@tests.local`},
      '{"provider":"email","providers":["email"]}', '{}', now(), now())`;
  await sql`update public.profiles set role = ${role} where id = ${id}`;
  return { sub: id, role: 'authenticated' as const, user_role: role };
}

const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const ticketsOn = (dashboard: { createdPerDay: Array<{ day: string; tickets: number }> }, day: string) =>
  dashboard.createdPerDay.find((entry) => entry.day === day)?.tickets;

describe('support dashboard', () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let technician: Awaited<ReturnType<typeof createUser>>;
  let customer: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    [admin, technician, customer] = await Promise.all([createUser('admin'), createUser('technician'), createUser('customer')]);
  });
  afterAll(async () => {
    await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customer.sub}`);
    await sql`delete from public.analytics_events where metadata ->> 'source' = ${source}`;
    await closeDatabasePool();
  });

  it('parses ?days= into one of the offered ranges', () => {
    expect(parseDashboardRange('7')).toBe(7);
    expect(parseDashboardRange('90')).toBe(90);
    expect(parseDashboardRange('12')).toBe(30);
    expect(parseDashboardRange('abc')).toBe(30);
    expect(parseDashboardRange(null)).toBe(30);
  });

  it('gives an admin the tickets per day of the range, counting new tickets on their day', async () => {
    const fiveDaysAgo = utcDay(5);
    const twentyDaysAgo = utcDay(20);
    const before = await dashboards.getSupportDashboard({ claims: admin, days: 30 });
    expect(before.days).toBe(30);
    expect(before.createdPerDay).toHaveLength(30);
    expect(before.createdPerDay.at(-1)!.day).toBe(utcDay(0));

    await sql`
      insert into public.tickets (customer_id, subject, created_at)
      select ${customer.sub}, 'Dashboard test ' || n, ${`${fiveDaysAgo}T12:00:00Z`}::timestamptz from generate_series(1, 3) n`;
    await sql`insert into public.tickets (customer_id, subject, created_at) values (${customer.sub}, 'Dashboard test, older', ${`${twentyDaysAgo}T12:00:00Z`}::timestamptz)`;

    const month = await dashboards.getSupportDashboard({ claims: admin, days: 30 });
    expect(ticketsOn(month, fiveDaysAgo)).toBe(ticketsOn(before, fiveDaysAgo)! + 3);
    expect(ticketsOn(month, twentyDaysAgo)).toBe(ticketsOn(before, twentyDaysAgo)! + 1);
    expect(month.createdPerDay.reduce((sum, day) => sum + day.tickets, 0)).toBe(month.ticketsCreated);

    const week = await dashboards.getSupportDashboard({ claims: admin, days: 7 });
    expect(week.createdPerDay).toHaveLength(7);
    expect(ticketsOn(week, fiveDaysAgo)).toBe(ticketsOn(month, fiveDaysAgo));
    expect(ticketsOn(week, twentyDaysAgo)).toBeUndefined();
    expect(week.openTotal).toBeGreaterThanOrEqual(4);
  });

  it('sums AI calls, tokens and cost per source', async () => {
    await sql`
      insert into public.analytics_events (event_type, model, metadata) values
        ('api_call', 'm', ${sql.json({ source, prompt_tokens: 120, completion_tokens: 30, cost_estimate_usd: 0.0125 })}),
        ('api_call', 'm', ${sql.json({ source, prompt_tokens: 80, completion_tokens: 20, cost_estimate_usd: 0.0075 })}),
        ('error', 'm', ${sql.json({ source, error: 'timeout' })})`;
    const dashboard = await dashboards.getSupportDashboard({ claims: admin, days: 7 });
    expect(dashboard.aiUsage.find((usage) => usage.source === source)).toEqual({ source, calls: 2, errors: 1, tokens: 250, costUsd: 0.02 });
    expect(dashboardIsEmpty(dashboard)).toBe(false);
  });

  it('refuses a technician and a customer', async () => {
    for (const claims of [technician, customer]) {
      await expect(dashboards.getSupportDashboard({ claims, days: 30 })).rejects.toMatchObject({
        code: '42501',
        message: 'only admins can read the support dashboard',
      });
    }
  });
});
