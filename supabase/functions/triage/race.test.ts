// Two workers racing for the same queue, each on its own database connections, as two function instances would:
// no ticket is ever claimed by both, none is claimed twice, and every ticket ends with exactly one AI result.
// (Runs in the deno suite because it needs the live pipeline paused, which parallel vitest files cannot allow.)
import assert from 'node:assert/strict';
import { serviceRoleBearer } from '../_shared/auth/testing/bearer.ts';
import { LocalTriageProvider } from '../_shared/triage/local-triage-provider.ts';
import { createTriageHandler } from './handler.ts';
import type { DrainSummary } from './worker.ts';
import { createCustomer, pausePipeline, testDatabase } from './testing/pipeline-fixture.ts';

const TICKETS = 300;

Deno.test('a worker holding a claim is skipped, not waited for: a second worker gets other tickets at once', async () => {
  const sql = testDatabase();
  const other = testDatabase();
  const paused = await pausePipeline(sql);
  try {
    const customerId = await createCustomer(sql);
    const ids = (await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, content)
      select ${customerId}, 'Race ' || n, 'Charged twice, case ' || n from generate_series(1, 20) n returning id`).map((row) => row.id);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstClaim!: (ticketIds: string[]) => void;
    const firstClaimed = new Promise<string[]>((resolve) => (firstClaim = resolve));
    const first = sql.begin(async (tx) => {
      const rows = await tx<{ ticket_id: string }[]>`select ticket_id from private.claim_triage_jobs('racer-a', 10)`;
      firstClaim(rows.map((row) => row.ticket_id));
      await held; // the claim stays uncommitted, its rows locked
    });
    const a = await firstClaimed;
    // A worker that waited on the first one's row locks would hit this lock_timeout and fail the test with
    // "canceling statement due to lock timeout"; one that skips locked rows never waits at all.
    const b = await other.begin(async (tx) => {
      await tx`set local lock_timeout = '3s'`;
      return (await tx<{ ticket_id: string }[]>`select ticket_id from private.claim_triage_jobs('racer-b', 10)`).map((row) => row.ticket_id);
    });
    release();
    await first;

    assert.equal(a.length, 10);
    assert.equal(b.length, 10);
    assert.deepEqual(a.filter((id) => b.includes(id)), [], 'no ticket is claimed by both workers');
    assert.ok([...a, ...b].every((id) => ids.includes(id)), 'only the test tickets were due');
  } finally {
    await paused.restore();
    await sql.end({ timeout: 5 });
    await other.end({ timeout: 5 });
  }
});

Deno.test(`two workers draining ${TICKETS} tickets at once: each ticket triaged by exactly one of them, once`, async () => {
  const sql = testDatabase();
  const paused = await pausePipeline(sql);
  const pools = [testDatabase(), testDatabase()];
  try {
    const customerId = await createCustomer(sql);
    const ids = (await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, content)
      select ${customerId}, 'Race ' || n, 'My invoice shows a double charge, case ' || n from generate_series(1, ${TICKETS}) n returning id`)
      .map((row) => row.id);

    const wake = (workerId: string, pool: typeof sql) => {
      const handler = createTriageHandler({
        sql: () => pool,
        provider: () => new LocalTriageProvider(),
        kb: () => ({ topArticles: () => Promise.resolve([]) }),
        settings: { concurrency: 4, batchSize: 5, timeBudgetMs: 60_000 },
        continueLater: () => Promise.resolve(),
        workerId,
      });
      return handler(new Request('http://localhost/triage', { method: 'POST', headers: { Authorization: serviceRoleBearer }, body: '{}' }))
        .then((response) => response.json() as Promise<DrainSummary>);
    };
    const [a, b] = await Promise.all([wake('racer-a', pools[0]!), wake('racer-b', pools[1]!)]);

    const byA = new Set(a.jobs.map((job) => job.ticket_id));
    const byB = new Set(b.jobs.map((job) => job.ticket_id));
    assert.ok(byA.size > 0 && byB.size > 0, `both workers took part (${byA.size} / ${byB.size})`);
    assert.deepEqual([...byA].filter((id) => byB.has(id)), [], 'no ticket processed by both workers');
    assert.equal(a.jobs.length, byA.size, 'worker a processed no ticket twice');
    assert.equal(b.jobs.length, byB.size, 'worker b processed no ticket twice');
    assert.equal(a.completed + b.completed, TICKETS);

    const [state] = await sql<{ processed: number; results: number; single_attempt: number }[]>`
      select count(*) filter (where ticket.triage_status = 'processed')::int as processed,
             (select count(*)::int from public.ticket_ai_results result where result.ticket_id = any(${ids})) as results,
             (select count(*)::int from private.jobs job where job.kind = 'triage' and job.status = 'completed' and job.attempts = 1
                and job.payload ->> 'ticket_id' = any(${ids})) as single_attempt
      from public.tickets ticket where ticket.id = any(${ids})`;
    assert.deepEqual(state, { processed: TICKETS, results: TICKETS, single_attempt: TICKETS });
  } finally {
    await paused.restore();
    await Promise.all([sql, ...pools].map((pool) => pool.end({ timeout: 5 })));
  }
});
