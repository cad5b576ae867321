// Faults (issue 20): the functions host's triage process killed with SIGKILL in the middle of draining a backlog
// leaves no ticket behind. The jobs it held stay `running` until their lease runs out; pg_cron's every-minute
// private.drain_triage_queue then puts them back in the queue and wakes the function, which the local functions host
// (like the edge runtime) starts again on that request. Every ticket ends triaged exactly once.
// It kills a process of the shared test stack, so it runs on its own after the other files (*.serial).
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { eventually } from '../support/eventually.ts';
import { testStack } from '../support/stack.ts';

const BACKLOG = 1_500;

/** The pids of this test stack's triage function: its command line names the function, its environment our gateway. */
function triageProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!commandLine.some((part) => part.endsWith('supabase/functions/triage/index.ts'))) continue;
      const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environment.includes(`SUPABASE_URL=${testStack.SUPABASE_URL}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we read it.
    }
  }
  return pids;
}

const customerId = randomUUID();
afterAll(async () => {
  await retryingDeadlocks(() => sql`delete from public.tickets where customer_id = ${customerId}`);
  await sql`delete from auth.users where id = ${customerId}`;
});

describe('the triage function killed with SIGKILL while it drains a backlog', () => {
  it('retries every job it held to completion, and the host starts the function again', async () => {
    await sql`
      insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values (${customerId}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`kill-triage-${customerId.slice(0, 8)}@tests.local`},
        '{"provider":"email","providers":["email"]}', '{"full_name":"Killed Worker Customer"}', now(), now())`;
    // One statement, as an import would: the statement-level trigger queues a job per ticket and wakes the worker once.
    await sql`
      insert into public.tickets (customer_id, subject, content)
      select ${customerId}, 'Backlog ticket ' || n, 'My brakes squeal when the car is cold, ticket ' || n || ', please advise.'
      from generate_series(1, ${BACKLOG}) n`;

    const countProcessed = async () => {
      const [row] = await sql<{ processed: number }[]>`
        select count(*)::int as processed from public.tickets where customer_id = ${customerId} and triage_status = 'processed'`;
      return row!.processed;
    };
    // Kill as soon as the drain is under way: some tickets done, most not.
    await eventually(async () => (await countProcessed()) > 0, 'the triage function to start on the backlog', 180_000, 25);
    const victims = triageProcesses();
    expect(victims.length, 'this stack runs one triage process').toBe(1);
    process.kill(victims[0]!, 'SIGKILL');
    const processedAtKill = await countProcessed();
    expect(processedAtKill, 'the kill landed before the backlog was drained').toBeLessThan(BACKLOG);

    // Jobs the dead worker had claimed stay running until their five-minute lease runs out. Rather than wait five
    // minutes, move their claim back by that much — what the clock would do — and let pg_cron find them.
    await eventually(async () => triageProcesses().every((pid) => pid !== victims[0]), 'the killed process to be gone', 30_000);
    const aged = await sql`
      update private.jobs set locked_at = locked_at - interval '6 minutes'
      where kind = 'triage' and status = 'running' and (payload ->> 'ticket_id')::uuid in (select id from public.tickets where customer_id = ${customerId})`;
    console.log(`triage killed after ${processedAtKill} of ${BACKLOG} tickets; ${aged.count} claimed jobs left running by it`);

    await eventually(async () => (await countProcessed()) === BACKLOG, `all ${BACKLOG} tickets to be triaged after the kill`, 300_000, 1_000);
    const [results] = await sql<{ tickets: number; results: number }[]>`
      select count(distinct result.ticket_id)::int as tickets, count(*)::int as results
      from public.ticket_ai_results result join public.tickets ticket on ticket.id = result.ticket_id
      where ticket.customer_id = ${customerId}`;
    expect(results, 'one AI result per ticket, none lost and none doubled').toEqual({ tickets: BACKLOG, results: BACKLOG });
    const [jobs] = await sql<{ unfinished: number; failed: number }[]>`
      select count(*) filter (where status in ('queued', 'running'))::int as unfinished, count(*) filter (where status = 'failed')::int as failed
      from private.jobs where kind = 'triage' and (payload ->> 'ticket_id')::uuid in (select id from public.tickets where customer_id = ${customerId})`;
    expect(jobs).toEqual({ unfinished: 0, failed: 0 });
    const restarted = triageProcesses();
    expect(restarted.length, 'the host started the function again').toBe(1);
    expect(restarted[0]).not.toBe(victims[0]);
  }, 600_000);
});
