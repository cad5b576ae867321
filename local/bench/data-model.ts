// The data model at scale (issue 4): 1,000,000 tickets and 5,000,000 messages generated
// in-database, then the two hottest reads measured as the role that uses them, with RLS on:
//   - the technician queue: newest first, filtered by status and urgency, 50 a page, keyset pagination;
//   - a customer's ticket list ("my tickets": the query names the caller, RLS still guards it —
//     with RLS alone, `customer_id = uid OR is_staff()` cannot use the customer index).
// And the ticket insert path (every trigger on) as customers, from 4 concurrent connections.
import postgres from 'postgres';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5_000_000);
const CUSTOMERS = 20_000;
const TECHNICIANS = 20;
const SAMPLES = 500;
const INSERT_SECONDS = 10;
// Concurrent writers on the insert path. Every single-ticket transaction ends in a WAL flush; Postgres flushes the
// commits that wait together in one go (group commit), so throughput grows with the writers a pooler (Supavisor)
// really has in flight, not with CPU. 4 and 16 are both measured and printed.
const INSERT_CONNECTIONS = [4, 16];

type Sql = postgres.Sql;

async function generate(sql: Sql): Promise<void> {
  // Triggers are switched off for bulk generation only (session_replication_role = replica):
  // the generated rows are already in their final state, and 1M triage jobs are not wanted here.
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`
      insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      select gen_random_uuid(), 'authenticated', 'authenticated', 'bench-customer-' || i || '@example.com', '', now(), '{}', jsonb_build_object('full_name', 'Customer ' || i), now(), now()
      from generate_series(1, ${CUSTOMERS}) i`;
    await tx`
      insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      select gen_random_uuid(), 'authenticated', 'authenticated', 'bench-tech-' || i || '@example.com', '', now(), '{}', jsonb_build_object('full_name', 'Technician ' || i), now(), now()
      from generate_series(1, ${TECHNICIANS}) i`;
    await tx`
      insert into public.profiles (id, email, full_name, username, role)
      select id, email, raw_user_meta_data ->> 'full_name', split_part(email, '@', 1),
             case when email like 'bench-tech-%' then 'technician' else 'customer' end::public.user_role
      from auth.users where email like 'bench-%'
      on conflict (id) do nothing`;
    await tx`create temporary table bench_customers on commit drop as
      select row_number() over () as n, id from public.profiles where email like 'bench-customer-%'`;
    await tx`create temporary table bench_technicians on commit drop as
      select row_number() over () as n, id from public.profiles where email like 'bench-tech-%'`;
    await tx`
      insert into public.conversations (customer_id, title, solution_area, created_at, updated_at, last_message_at)
      select c.id, 'Conversation ' || g, (array['manufacturing','maintenance','support'])[1 + g % 3], now() - make_interval(mins => g), now(), now()
      from generate_series(1, ${MESSAGES / 10}) g
      join bench_customers c on c.n = 1 + g % ${CUSTOMERS}`;
    await tx`
      insert into public.tickets (customer_id, subject, content, status, triage_status, urgency, category, assigned_to, created_at, updated_at, assigned_at, resolved_at, closed_at)
      select c.id, 'Ticket ' || g, 'Generated for the benchmark',
             s.status, case when s.status in ('resolved', 'closed') then 'resolved' else 'processed' end::public.ticket_triage_status, (array['high','medium','low'])[1 + g % 3]::public.ticket_urgency,
             (array['billing','technical','feature_request'])[1 + (g / 3) % 3]::public.ticket_category,
             case when s.status = 'unassigned' then null else t.id end,
             now() - make_interval(secs => g), now(), case when s.status = 'unassigned' then null else now() end,
             case when s.status in ('resolved', 'closed') then now() end, case when s.status = 'closed' then now() end
      from generate_series(1, ${TICKETS}) g
      join bench_customers c on c.n = 1 + g % ${CUSTOMERS}
      join bench_technicians t on t.n = 1 + g % ${TECHNICIANS}
      cross join lateral (select (array['unassigned','assigned','in_progress','waiting_on_customer','resolved','closed'])[1 + (g * 7) % 6]::public.ticket_status as status) s`;
    await tx`
      insert into public.messages (conversation_id, sender_id, role, content, created_at)
      select conv.id, case when m % 2 = 0 then conv.customer_id end, case when m % 2 = 0 then 'user' else 'assistant' end::public.message_role,
             'Message ' || m, conv.created_at + make_interval(secs => m)
      from public.conversations conv cross join generate_series(1, 10) m`;
  });
  await sql`analyze`;
}

async function timeQuery(sql: Sql, claims: Record<string, unknown>, run: (tx: postgres.TransactionSql) => Promise<unknown>): Promise<number> {
  let elapsed = 0;
  await sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    const started = performance.now();
    await run(tx);
    elapsed = performance.now() - started;
  });
  return elapsed;
}

async function explain(sql: Sql, claims: Record<string, unknown>, query: string, params: unknown[]): Promise<string> {
  return sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    const rows = await tx.unsafe(`explain (analyze, buffers, costs off) ${query}`, params as postgres.ParameterOrJSON<never>[]);
    return rows.map((row) => Object.values(row)[0]).join('\n');
  }) as Promise<string>;
}

const technicianQueueSql = `
  select id, number, subject, status, urgency, category, created_at
  from public.tickets
  where status = $1 and urgency = $2 and (created_at, id) < ($3::timestamptz, $4::uuid)
  order by created_at desc, id desc
  limit 50`;
const customerListSql = `
  select id, number, subject, status, category, urgency, created_at
  from public.tickets
  where customer_id = (select auth.uid())
  order by created_at desc, id desc
  limit 50`;

export const dataModelBenchmark: Benchmark = {
  name: 'data-model',
  description: `${TICKETS.toLocaleString()} tickets + ${MESSAGES.toLocaleString()} messages: technician queue and customer list p95 under RLS, ticket inserts/s`,
  async run() {
    const stack = await startStack('bench', { seed: false });
    const sql = postgres(stack.dbUrl, { max: 6, onnotice: () => {} });
    try {
      let started = performance.now();
      await generate(sql);
      console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);

      const technicians = await sql`select id from public.profiles where role = 'technician' and email like 'bench-tech-%'`;
      const customers = await sql`select id from public.profiles where role = 'customer' and email like 'bench-customer-%' limit 200`;
      const technicianClaims = { sub: technicians[0]!.id, role: 'authenticated', user_role: 'technician' };
      const statuses = ['unassigned', 'assigned', 'in_progress', 'waiting_on_customer'];
      const urgencies = ['high', 'medium', 'low'];

      // Technician queue: first page and deeper keyset pages, random filters.
      const queueLatencies: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const status = statuses[i % statuses.length]!;
        const urgency = urgencies[i % urgencies.length]!;
        const depthSeconds = (i % 10) * 5_000;
        const cursorTime = new Date(Date.now() - depthSeconds * 1000).toISOString();
        queueLatencies.push(await timeQuery(sql, technicianClaims, (tx) => tx.unsafe(technicianQueueSql, [status, urgency, cursorTime, 'ffffffff-ffff-ffff-ffff-ffffffffffff'])));
      }
      const customerLatencies: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const claims = { sub: customers[i % customers.length]!.id, role: 'authenticated', user_role: 'customer' };
        customerLatencies.push(await timeQuery(sql, claims, (tx) => tx.unsafe(customerListSql)));
      }

      // Insert path: single-ticket transactions as customers, every trigger on, as the app's withRls runs them (the
      // claims and the insert are pipelined: one round trip, then the commit).
      const insertRates = new Map<number, number>();
      for (const connections of INSERT_CONNECTIONS) {
        const writers = postgres(stack.dbUrl, { max: connections, onnotice: () => {} });
        let inserted = 0;
        started = performance.now();
        const deadline = started + INSERT_SECONDS * 1000;
        await Promise.all(
          Array.from({ length: connections }, async (_, worker) => {
            let i = 0;
            while (performance.now() < deadline) {
              const claims = { sub: customers[(worker * 50 + i++) % customers.length]!.id, role: 'authenticated', user_role: 'customer' };
              await writers.begin((tx) => [
                tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`,
                tx`insert into public.tickets (customer_id, subject, content) values (${claims.sub}, 'My car will not start', 'It clicks but does not crank.')`,
              ]);
              inserted++;
            }
          }),
        );
        insertRates.set(connections, inserted / ((performance.now() - started) / 1000));
        await writers.end({ timeout: 5 });
      }
      const insertsPerSecond = Math.max(...insertRates.values());

      // Bulk ingestion (e-mail or import): 100 tickets per statement, the same triggers.
      let ingested = 0;
      started = performance.now();
      const ingestDeadline = started + INSERT_SECONDS * 1000;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (performance.now() < ingestDeadline) {
            await sql`
              insert into public.tickets (customer_id, subject, content, channel)
              select c.id, 'Imported from e-mail', 'Body of the e-mail', 'email'
              from (select id from public.profiles where email like 'bench-customer-%' order by random() limit 100) c`;
            ingested += 100;
          }
        }),
      );
      const ingestedPerSecond = ingested / ((performance.now() - started) / 1000);

      table([
        { query: 'technician queue (50/page, keyset)', 'p50 ms': median(queueLatencies).toFixed(2), 'p95 ms': percentile(queueLatencies, 95).toFixed(2), samples: SAMPLES },
        { query: "customer's ticket list (my tickets)", 'p50 ms': median(customerLatencies).toFixed(2), 'p95 ms': percentile(customerLatencies, 95).toFixed(2), samples: SAMPLES },
        ...[...insertRates].map(([connections, rate]) => ({ query: `ticket inserts, one per transaction as a customer (${connections} connections)`, 'p50 ms': '-', 'p95 ms': '-', samples: `${rate.toFixed(0)}/s` })),
        { query: 'ticket ingestion, 100 per statement (4 connections)', 'p50 ms': '-', 'p95 ms': '-', samples: `${ingestedPerSecond.toFixed(0)}/s` },
      ]);
      console.log('\n  EXPLAIN technician queue:');
      console.log((await explain(sql, technicianClaims, technicianQueueSql, ['unassigned', 'high', new Date().toISOString(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'])).replace(/^/gm, '    '));
      console.log("\n  EXPLAIN customer's ticket list:");
      console.log((await explain(sql, { sub: customers[0]!.id, role: 'authenticated', user_role: 'customer' }, customerListSql, [])).replace(/^/gm, '    '));
      reportFigure('data-model.technician-queue.p50', median(queueLatencies), 'ms');
      reportFigure('data-model.technician-queue.p95', percentile(queueLatencies, 95), 'ms');
      reportFigure('data-model.customer-tickets.p50', median(customerLatencies), 'ms');
      reportFigure('data-model.customer-tickets.p95', percentile(customerLatencies, 95), 'ms');
      for (const [connections, rate] of insertRates) reportFigure(`data-model.ticket-insert.throughput.${connections}-connections`, rate, 'tickets/s');
      reportFigure('data-model.ticket-insert.throughput', insertsPerSecond, 'tickets/s');
      reportFigure('data-model.ticket-ingest.throughput', ingestedPerSecond, 'tickets/s');
    } finally {
      await sql.end({ timeout: 5 });
      await stack.stop();
    }
  },
};
