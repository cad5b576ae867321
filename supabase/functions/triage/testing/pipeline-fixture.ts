// Test fixture for the triage worker: the test stack's database (SUPABASE_DB_URL, given by `npm test`), with the
// live pipeline paused while a test drives the handler itself. Without the pause the stack's own triage function
// (woken by the insert trigger or pg_cron) would race the test for its tickets and the stub's scripted answers.
import postgres from 'npm:postgres@3.4.9';
import type { Sql } from '../../_shared/db/postgres.ts';
import { testDatabaseUrl } from '../../_shared/db/testing/test-database.ts';

/** A fresh pool per call, handed to the handler as `sql`: the race tests open one per worker, as two instances would. */
export function testDatabase(): Sql {
  return postgres(testDatabaseUrl(), { max: 4, prepare: false, onnotice: () => {} });
}

export interface PausedPipeline {
  restore(): Promise<void>;
}

/**
 * Stops the wake trigger and the pg_cron drain, and parks every triage job already due for a day, so only the jobs
 * a test creates are claimable. restore() undoes all three.
 */
export async function pausePipeline(sql: Sql): Promise<PausedPipeline> {
  await sql`alter table public.tickets disable trigger wake_triage_worker`;
  await sql`update cron.job set active = false where jobname = 'triage-drain'`;
  const parked = await sql<{ id: number }[]>`
    update private.jobs set next_attempt_at = next_attempt_at + interval '1 day'
    where kind = 'triage' and status in ('queued', 'running') returning id`;
  const parkedIds = parked.map((row) => Number(row.id));
  return {
    async restore() {
      await sql`update private.jobs set next_attempt_at = next_attempt_at - interval '1 day' where id = any(${parkedIds})`;
      await sql`update cron.job set active = true where jobname = 'triage-drain'`;
      await sql`alter table public.tickets enable trigger wake_triage_worker`;
    },
  };
}

export async function createCustomer(sql: Sql): Promise<string> {
  const id = crypto.randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`triage-${id.slice(0, 8)}@tests.local`},
      '{"provider":"email","providers":["email"]}', '{"full_name":"Triage Test"}', now(), now())`;
  return id;
}

export async function insertTicket(sql: Sql, customerId: string, subject: string, content: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into public.tickets (customer_id, subject, content) values (${customerId}, ${subject}, ${content}) returning id`;
  return row!.id;
}

export interface TicketState {
  triage_status: string;
  job_status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  failure_error: string | null;
  failure_attempts: number | null;
  ai_results: number;
}

export async function ticketState(sql: Sql, ticketId: string): Promise<TicketState> {
  const [row] = await sql<TicketState[]>`
    select ticket.triage_status::text, job.status::text as job_status, job.attempts, job.max_attempts, job.last_error,
           failure.error as failure_error, failure.attempts as failure_attempts,
           (select count(*)::int from public.ticket_ai_results result where result.ticket_id = ticket.id) as ai_results
    from public.tickets ticket
    join lateral (
      select * from private.jobs job where job.kind = 'triage' and job.payload = jsonb_build_object('ticket_id', ticket.id)
      order by job.id desc limit 1
    ) job on true
    left join public.ticket_triage_failures failure on failure.ticket_id = ticket.id
    where ticket.id = ${ticketId}`;
  if (!row) throw new Error(`ticket ${ticketId} has no triage job`);
  return row;
}

/** Lets a job that is waiting out its backoff be claimed now, as if the time had passed. */
export async function skipBackoff(sql: Sql, ticketId: string): Promise<void> {
  await sql`update private.jobs set next_attempt_at = now() where kind = 'triage' and status = 'queued'
            and payload = jsonb_build_object('ticket_id', ${ticketId}::uuid)`;
}

export async function limitAttempts(sql: Sql, ticketId: string, maxAttempts: number): Promise<void> {
  await sql`update private.jobs set max_attempts = ${maxAttempts} where kind = 'triage' and status = 'queued'
            and payload = jsonb_build_object('ticket_id', ${ticketId}::uuid)`;
}
