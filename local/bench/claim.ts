// Claims under contention (issue 8): 20 technicians, each on a connection of its own as `authenticated` with
// its own claims (RLS and every trigger on), empty a pool of 10,000 unassigned tickets.
//   1. "take the next ticket": public.claim_next_ticket() in a loop until the queue is empty (SKIP LOCKED);
//   2. "claim from the board": the same 10,000 tickets put back, each technician reads the first page of the
//      queue (50, as /desk shows it) and claims a random card with public.claim_ticket(id) — colleagues often
//      pick the same card, so many attempts lose, which is the point.
// Afterwards the database is checked: every ticket assigned exactly once, to the technician whose call said it
// won; a ticket two callers both "won" is a double assignment (must be 0).
import postgres from 'postgres';
import { z } from 'zod';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const TICKETS = Number(process.env.BENCH_CLAIM_TICKETS ?? 10_000);
const TECHNICIANS = 20;
const CUSTOMERS = 200;
const QUEUE_PAGE = 50;

type Sql = postgres.Sql;

const outcomeSchema = z.object({ claimed: z.boolean(), ticket_id: z.string().uuid().nullable(), assigned_to: z.string().uuid().nullable() });

interface Claim {
  ticketId: string;
  technicianId: string;
}

interface PhaseFigures {
  seconds: number;
  claims: Claim[];
  attempts: number;
  lost: number;
  latenciesMs: number[];
}

async function generate(sql: Sql): Promise<string[]> {
  // Bulk generation only runs with triggers off (session_replication_role = replica): the tickets are created
  // already triaged, and 10,000 triage jobs and wake-ups are not what this benchmark measures.
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`
      insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      select gen_random_uuid(), 'authenticated', 'authenticated', 'bench-claim-' || kind || '-' || i || '@example.com', '', now(), '{}',
        jsonb_build_object('full_name', initcap(kind) || ' ' || i), now(), now()
      from (select 'customer' as kind, i from generate_series(1, ${CUSTOMERS}) i
            union all select 'tech', i from generate_series(1, ${TECHNICIANS}) i) people`;
    await tx`
      insert into public.profiles (id, email, full_name, username, role)
      select id, email, raw_user_meta_data ->> 'full_name', split_part(email, '@', 1),
        case when email like 'bench-claim-tech-%' then 'technician' else 'customer' end::public.user_role
      from auth.users where email like 'bench-claim-%'
      on conflict (id) do nothing`;
    await tx`
      insert into public.tickets (customer_id, subject, content, triage_status, category, urgency, created_at)
      select customer.id, 'Ticket ' || g, 'Generated for the claim benchmark', 'processed',
        (array['billing', 'technical', 'feature_request'])[1 + g % 3]::public.ticket_category,
        (array['high', 'medium', 'low'])[1 + (g * 7) % 3]::public.ticket_urgency,
        now() - make_interval(secs => g)
      from generate_series(1, ${TICKETS}) g
      join (select row_number() over (order by id) as n, id from public.profiles where email like 'bench-claim-customer-%') customer
        on customer.n = 1 + g % ${CUSTOMERS}`;
  });
  await sql`analyze public.tickets`;
  const technicians = await sql<{ id: string }[]>`select id from public.profiles where email like 'bench-claim-tech-%' order by email`;
  return technicians.map((technician) => technician.id);
}

/** One technician's transaction, as withRls runs it for the app. */
async function asTechnician<T>(sql: Sql, technicianId: string, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: technicianId, role: 'authenticated', user_role: 'technician' })}, true)`;
    return work(tx);
  })) as T;
}

const queuePageSql = `
  select t.id from public.tickets t
  where t.status = 'unassigned'
  order by private.urgency_rank(t.urgency), t.created_at, t.id
  limit $1`;

// The statement inside private.claim_next_ticket, copied here only to show its plan.
const nextPickSql = `
  select target.id from public.tickets target
  where target.status = 'unassigned' and target.assigned_to is null
  order by private.urgency_rank(target.urgency), target.created_at, target.id
  limit 1 for update skip locked`;

const rolledBack = new Error('rolled back on purpose');

/** The plan of a statement, as a technician (RLS on) or as the owner (`asOwner`, what a security-definer function runs as); rolled back. */
async function explain(sql: Sql, technicianId: string | null, statement: string, params: postgres.ParameterOrJSON<never>[] = []): Promise<string> {
  let plan: postgres.Row[] = [];
  await sql
    .begin(async (tx) => {
      if (technicianId) {
        await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: technicianId, role: 'authenticated', user_role: 'technician' })}, true)`;
      }
      plan = await tx.unsafe(`explain (analyze, buffers, costs off) ${statement}`, params);
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return plan.map((row) => Object.values(row)[0]).join('\n').replace(/^/gm, '    ');
}

async function claimNextUntilEmpty(sql: Sql, technicianIds: string[]): Promise<PhaseFigures> {
  const figures: PhaseFigures = { seconds: 0, claims: [], attempts: 0, lost: 0, latenciesMs: [] };
  const started = performance.now();
  await Promise.all(
    technicianIds.map(async (technicianId) => {
      for (;;) {
        const callStarted = performance.now();
        const [row] = await asTechnician(sql, technicianId, (tx) => tx`select public.claim_next_ticket() as outcome`);
        figures.latenciesMs.push(performance.now() - callStarted);
        figures.attempts++;
        const outcome = outcomeSchema.parse(row?.['outcome']);
        if (!outcome.claimed || !outcome.ticket_id) return;
        figures.claims.push({ ticketId: outcome.ticket_id, technicianId });
      }
    }),
  );
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

async function claimFromBoardUntilEmpty(sql: Sql, technicianIds: string[]): Promise<PhaseFigures> {
  const figures: PhaseFigures = { seconds: 0, claims: [], attempts: 0, lost: 0, latenciesMs: [] };
  const started = performance.now();
  await Promise.all(
    technicianIds.map(async (technicianId) => {
      for (;;) {
        // The board's first page of the queue (the same order and index as /desk), then a click on one card.
        const page = await asTechnician(sql, technicianId, (tx) => tx.unsafe<{ id: string }[]>(queuePageSql, [QUEUE_PAGE]));
        if (page.length === 0) return;
        const card = page[Math.floor(Math.random() * page.length)]!;
        const callStarted = performance.now();
        const [row] = await asTechnician(sql, technicianId, (tx) => tx`select public.claim_ticket(${card.id}::uuid) as outcome`);
        figures.latenciesMs.push(performance.now() - callStarted);
        figures.attempts++;
        const outcome = outcomeSchema.parse(row?.['outcome']);
        if (outcome.claimed) figures.claims.push({ ticketId: card.id, technicianId });
        else figures.lost++;
      }
    }),
  );
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/** Tickets two callers both won, plus wins the database does not agree with: each is a double assignment. */
async function doubleAssignments(sql: Sql, claims: Claim[]): Promise<{ doubles: number; assignedInDb: number }> {
  const winsPerTicket = new Map<string, number>();
  for (const claim of claims) winsPerTicket.set(claim.ticketId, (winsPerTicket.get(claim.ticketId) ?? 0) + 1);
  const claimedTwice = [...winsPerTicket.values()].filter((wins) => wins > 1).length;
  const [check] = await sql<{ mismatched: number; assigned: number }[]>`
    with wins as (
      select (claim ->> 'ticketId')::uuid as ticket_id, (claim ->> 'technicianId')::uuid as technician_id
      from jsonb_array_elements(${sql.json(claims as unknown as postgres.JSONValue)}) claim
    )
    select
      (select count(*)::int from wins join public.tickets t on t.id = wins.ticket_id where t.assigned_to is distinct from wins.technician_id) as mismatched,
      (select count(*)::int from public.tickets where assigned_to is not null and status = 'assigned') as assigned`;
  return { doubles: claimedTwice + check!.mismatched, assignedInDb: check!.assigned };
}

export const claimBenchmark: Benchmark = {
  name: 'claim',
  description: `${TECHNICIANS} technicians claiming ${TICKETS.toLocaleString()} unassigned tickets at once: claims/s and double assignments`,
  async run() {
    const stack = await startStack('bench', { seed: false });
    const sql = postgres(stack.dbUrl, { max: TECHNICIANS + 2, onnotice: () => {} });
    try {
      const technicianIds = await generate(sql);
      console.log(`  ${TICKETS.toLocaleString()} unassigned tickets, ${technicianIds.length} technicians`);
      console.log('\n  EXPLAIN the board\'s queue page (as a technician, RLS on):');
      console.log(await explain(sql, technicianIds[0]!, queuePageSql, [QUEUE_PAGE]));
      console.log('\n  EXPLAIN the pick inside claim_next_ticket (as its owner):');
      console.log(await explain(sql, null, nextPickSql));

      const next = await claimNextUntilEmpty(sql, technicianIds);
      const nextCheck = await doubleAssignments(sql, next.claims);

      // The same pool again, for the board path: put every ticket back on the queue.
      await sql`update public.tickets set status = 'unassigned', assigned_to = null where status = 'assigned' and customer_id in (
        select id from public.profiles where email like 'bench-claim-customer-%')`;
      const board = await claimFromBoardUntilEmpty(sql, technicianIds);
      const boardCheck = await doubleAssignments(sql, board.claims);

      const row = (label: string, phase: PhaseFigures, check: { doubles: number; assignedInDb: number }) => ({
        path: label,
        claims: phase.claims.length,
        'claims/s': (phase.claims.length / phase.seconds).toFixed(0),
        'lost races': phase.lost,
        'p50 ms': median(phase.latenciesMs).toFixed(1),
        'p95 ms': percentile(phase.latenciesMs, 95).toFixed(1),
        'assigned in db': check.assignedInDb,
        'double assignments': check.doubles,
      });
      table([row('claim_next_ticket (take the next)', next, nextCheck), row('claim_ticket(id) from the board page', board, boardCheck)]);

      const doubles = nextCheck.doubles + boardCheck.doubles;
      reportFigure('claim.throughput', next.claims.length / next.seconds, 'claims/s');
      reportFigure('claim.p95', percentile(next.latenciesMs, 95), 'ms');
      reportFigure('claim.board.throughput', board.claims.length / board.seconds, 'claims/s');
      reportFigure('claim.board.lost_races', board.lost, 'count');
      reportFigure('claim.double_assignments', doubles, 'count');
      if (next.claims.length !== TICKETS || board.claims.length !== TICKETS) {
        throw new Error(`expected ${TICKETS} claims per path, got ${next.claims.length} and ${board.claims.length}`);
      }
      if (doubles !== 0) throw new Error(`${doubles} double assignment(s)`);
    } finally {
      await sql.end({ timeout: 5 });
      await stack.stop();
    }
  },
};
