// End to end through the running test stack: a customer's ticket insert -> statement trigger -> pg_net (Vault URL
// and key) -> gateway -> the triage edge function (local provider) -> the AI result, within seconds.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asRole, sql } from '../support/db.ts';

async function createCustomer(): Promise<string> {
  const id = randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`e2e-triage-${id.slice(0, 8)}@tests.local`},
      '{"provider":"email","providers":["email"]}', '{"full_name":"E2E Customer"}', now(), now())`;
  return id;
}

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('triage pipeline, end to end', () => {
  it('a ticket a customer creates is triaged within seconds, and the customer sees no internal triage fields', async () => {
    const customerId = await createCustomer();
    const claims = { sub: customerId, role: 'authenticated', user_role: 'customer' };
    const [ticket] = await asRole('authenticated', claims, (tx) => tx<{ id: string; number: string; triage_status: string }[]>`
      insert into public.tickets (customer_id, subject, content)
      values (${customerId}, 'Charged twice for my service', 'I was charged twice for the same invoice this month, please refund one.')
      returning id, number, triage_status`);
    expect(ticket!.number).toMatch(/^TCK-\d{6,}$/);
    expect(ticket!.triage_status).toBe('pending');

    const started = Date.now();
    const result = await waitFor(async () => {
      const [row] = await sql<{ category: string; urgency: string; provider: string; sentiment_score: number; draft_reply: string }[]>`
        select category::text, urgency::text, provider, sentiment_score, draft_reply from public.ticket_ai_results where ticket_id = ${ticket!.id}`;
      return row;
      // Normally well under 2 s; the bound only tells "woken" from "left to the once-a-minute pg_cron sweep" on a busy
      // CI machine (speed is the triage benchmark's business).
    }, 45_000);
    const seconds = (Date.now() - started) / 1000;
    expect(result, 'the AI result exists within 45 s').toBeDefined();
    console.log(`ticket ${ticket!.number} triaged in ${seconds.toFixed(1)} s: ${result!.category} / ${result!.urgency} (${result!.provider})`);
    expect(result!.category).toBe('billing');
    expect(result!.provider).toBe('local');
    expect(result!.sentiment_score).toBeGreaterThanOrEqual(1);
    expect(result!.draft_reply.length).toBeGreaterThan(20);

    const [after] = await sql<{ triage_status: string; category: string }[]>`select triage_status::text, category::text from public.tickets where id = ${ticket!.id}`;
    expect(after).toEqual({ triage_status: 'processed', category: 'billing' });
    const [event] = await sql<{ count: number }[]>`
      select count(*)::int as count from public.analytics_events where ticket_id = ${ticket!.id} and event_type = 'api_call' and metadata ->> 'source' = 'triage'`;
    expect(event!.count).toBe(1);

    const seenByCustomer = await asRole('authenticated', claims, (tx) => tx`select * from public.ticket_ai_results where ticket_id = ${ticket!.id}`);
    expect(seenByCustomer).toHaveLength(0);
  }, 60_000);
});
