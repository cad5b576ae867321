// The desk board's data functions (app/models/desk-board.server.ts) against the test database, through
// withRls as real technicians: keyset pages without gaps or repeats in every order, each filter, search by
// number / VIN / customer, the lanes, and the claim / release / re-triage answers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const board = await import('../../app/models/desk-board.server.ts');
const { parseDeskBoardQuery } = await import('../../app/lib/shared/desk-board.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const TICKETS = 120;
const customerName = `Desk Board Customer ${run}`;
const people = {
  customer: randomUUID(),
  technician: randomUUID(),
  colleague: randomUUID(),
};
const departmentId = randomUUID();
const claimsOf = (sub: string) => ({ sub, role: 'authenticated' as const, user_role: 'technician' });
const urgencies = ['high', 'medium', 'low', null] as const;
const rankOf = (urgency: string | null) => (urgency === null ? 3 : urgencies.indexOf(urgency as 'high'));

/** The board's query for this run's customer (search by their name keeps other files' tickets out). */
const query = (params: Record<string, string> = {}) => parseDeskBoardQuery(new URLSearchParams({ q: customerName, ...params }));

async function allPages(technician: string, params: Record<string, string>) {
  const pages: Array<Awaited<ReturnType<typeof board.listDeskTickets>>['tickets']> = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof board.listDeskTickets>> = await board.listDeskTickets({
      claims: claimsOf(technician),
      query: query(cursor ? { ...params, cursor } : params),
    });
    pages.push(page.tickets);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
}

describe('desk board data', () => {
  beforeAll(async () => {
    await sql`
      insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      select (p ->> 'id')::uuid, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', p ->> 'email',
        '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', p ->> 'name'), now(), now()
      from jsonb_array_elements(${sql.json([
        { id: people.customer, email: `desk-board-customer-${run}@tests.local`, name: customerName },
        { id: people.technician, email: `desk-board-tech-${run}@tests.local`, name: `Desk Tech ${run}` },
        { id: people.colleague, email: `desk-board-colleague-${run}@tests.local`, name: `Desk Colleague ${run}` },
      ])}) p`;
    await sql`insert into public.departments (id, name) values (${departmentId}, ${`Diagnostics ${run}`})`;
    await sql`update public.profiles set role = 'technician', department_id = ${departmentId} where id = ${people.technician}`;
    await sql`update public.profiles set role = 'technician' where id = ${people.colleague}`;
    // Already triaged (no triage job wakes the worker): urgency, category, sentiment spread over the set;
    // several tickets share a creation time, so the id must break ties in every order.
    await sql`
      insert into public.tickets (customer_id, subject, content, triage_status, category, urgency, vin, created_at)
      select ${people.customer}, 'Board ticket ' || g, 'Generated', 'processed',
        (array['billing', 'technical', 'feature_request'])[1 + g % 3]::public.ticket_category,
        (array['high', 'medium', 'low', null])[1 + g % 4],
        case when g = 7 then '1HGCM82633A00' || lpad(${run.replace(/\D/g, '').slice(0, 4).padEnd(4, '0')}, 4, '0') end,
        timestamptz '2026-11-01 12:00:00+00' + make_interval(mins => g / 3)
      from generate_series(1, ${TICKETS}) g`;
    await sql`
      insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, provider)
      select t.id, t.category, 1 + (row_number() over (order by t.number))::int % 10, t.urgency, 'Draft', 0.9, 'bench-model', 'local'
      from public.tickets t where t.customer_id = ${people.customer} and t.urgency is not null`;
  });

  afterAll(async () => {
    await closeDatabasePool();
    await retryingDeadlocks(() => sql`delete from auth.users where id in ${sql([people.customer, people.technician, people.colleague])}`);
    await sql`delete from public.departments where id = ${departmentId}`;
  });

  it('pages the queue by urgency then age, 50 a page, with no ticket missing or repeated', async () => {
    const pages = await allPages(people.technician, {});
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    const tickets = pages.flat();
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(TICKETS);
    const keys = tickets.map((ticket) => [rankOf(ticket.urgency), ticket.createdAt] as const);
    for (let i = 1; i < keys.length; i++) {
      const [previousRank, previousTime] = keys[i - 1]!;
      const [rank, time] = keys[i]!;
      expect(rank > previousRank || (rank === previousRank && time >= previousTime), `card ${i} is in queue order`).toBe(true);
    }
    expect(tickets[0]!.urgency).toBe('high');
    expect(tickets.at(-1)!.urgency).toBeNull();
  });

  it('pages newest first and most upset first just as completely', async () => {
    const newest = (await allPages(people.technician, { sort: 'newest' })).flat();
    expect(new Set(newest.map((ticket) => ticket.id)).size).toBe(TICKETS);
    expect(newest.map((ticket) => ticket.createdAt)).toEqual([...newest.map((ticket) => ticket.createdAt)].sort().reverse());

    const upset = (await allPages(people.technician, { sort: 'sentiment' })).flat();
    expect(new Set(upset.map((ticket) => ticket.id)).size).toBe(TICKETS);
    const scores = upset.map((ticket) => ticket.triage?.sentimentScore ?? 11);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('filters by category, urgency and sentiment, and searches by number and VIN', async () => {
    const billing = (await allPages(people.technician, { category: 'billing' })).flat();
    expect(billing.length).toBeGreaterThan(0);
    expect(billing.every((ticket) => ticket.category === 'billing')).toBe(true);

    const untriaged = (await allPages(people.technician, { urgency: 'untriaged' })).flat();
    expect(untriaged).toHaveLength(TICKETS / 4);
    expect(untriaged.every((ticket) => ticket.urgency === null && ticket.triage === null)).toBe(true);

    const upset = (await allPages(people.technician, { sentiment: 'negative' })).flat();
    expect(upset.length).toBeGreaterThan(0);
    expect(upset.every((ticket) => ticket.triage !== null && ticket.triage.sentimentScore <= 3)).toBe(true);

    const [one] = billing;
    const digits = String(Number(one!.number.replace('TCK-', '')));
    const byNumber = await board.listDeskTickets({ claims: claimsOf(people.technician), query: parseDeskBoardQuery(new URLSearchParams({ q: digits })) });
    expect(byNumber.tickets.map((ticket) => ticket.id)).toContain(one!.id);

    const [withVin] = await sql<{ id: string; vin: string }[]>`select id, vin from public.tickets where customer_id = ${people.customer} and vin is not null`;
    const byVin = await board.listDeskTickets({ claims: claimsOf(people.technician), query: parseDeskBoardQuery(new URLSearchParams({ view: 'all', q: withVin!.vin.slice(0, 12).toLowerCase() })) });
    expect(byVin.tickets.map((ticket) => ticket.id)).toContain(withVin!.id);

    // A search term's % is a character, not a wildcard.
    const wildcard = await board.listDeskTickets({ claims: claimsOf(people.technician), query: parseDeskBoardQuery(new URLSearchParams({ q: '%' })) });
    expect(wildcard.tickets).toHaveLength(0);
  });

  it('claims, tells a colleague who has the ticket, and shows it in the right lanes', async () => {
    const [first] = (await allPages(people.technician, {})).flat();
    const won = await board.claimTicket({ claims: claimsOf(people.technician), ticketId: first!.id });
    expect(won).toMatchObject({ claimed: true, assigned_to: people.technician, assigned_to_name: `Desk Tech ${run}` });
    const lost = await board.claimTicket({ claims: claimsOf(people.colleague), ticketId: first!.id });
    expect(lost).toMatchObject({ claimed: false, assigned_to: people.technician, assigned_to_name: `Desk Tech ${run}` });

    const mine = await board.listDeskTickets({ claims: claimsOf(people.technician), query: query({ view: 'mine' }) });
    expect(mine.tickets.map((ticket) => ticket.id)).toEqual([first!.id]);
    const colleagues = await board.listDeskTickets({ claims: claimsOf(people.colleague), query: query({ view: 'mine' }) });
    expect(colleagues.tickets).toHaveLength(0);
    const queue = (await allPages(people.colleague, {})).flat();
    expect(queue.map((ticket) => ticket.id)).not.toContain(first!.id);
    const department = await board.listDeskTickets({ claims: claimsOf(people.colleague), query: query({ view: 'all', department: departmentId }) });
    expect(department.tickets.map((ticket) => ticket.id)).toEqual([first!.id]);

    await expect(board.releaseTicket({ claims: claimsOf(people.colleague), ticketId: first!.id })).rejects.toThrow(`is claimed by Desk Tech ${run}, not by you`);
    const released = await board.releaseTicket({ claims: claimsOf(people.technician), ticketId: first!.id });
    expect(released).toMatchObject({ claimed: false, status: 'unassigned', assigned_to: null });
  });

  it('carries each card\'s SLA deadline and breach as the database keeps them', async () => {
    const [ticket] = await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, urgency, triage_status) values (${people.customer}, 'SLA on the card', 'high', 'processed') returning id`;
    // The test connection is not an API user, so it may stamp a breach the way the escalation job does.
    const [stored] = await sql<{ sla_due_at: Date | null }[]>`
      update public.tickets set first_response_breached_at = now() where id = ${ticket!.id} returning sla_due_at`;
    const cards = (await allPages(people.technician, {})).flat();
    const card = cards.find((row) => row.id === ticket!.id);
    expect(card).toMatchObject({ slaBreached: true, slaDueAt: stored!.sla_due_at?.toISOString() ?? null });
    const others = cards.filter((row) => row.id !== ticket!.id);
    expect(others.every((row) => row.slaBreached === false)).toBe(true);
  });

  it('lists failed triage with its error in its own lane, and refuses to re-triage a triaged ticket', async () => {
    const [ticket] = await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, triage_status) values (${people.customer}, 'Triage gave up', 'ai_failed') returning id`;
    await sql`insert into public.ticket_triage_failures (ticket_id, error, attempts) values (${ticket!.id}, 'HTTP 429 from the provider', 5)
      -- the ai_failed ticket already has a placeholder failure row (trigger ensure_triage_failure_row): the worker's error replaces it
      on conflict (ticket_id) do update set error = excluded.error, attempts = excluded.attempts`;

    const failed = await board.listDeskTickets({ claims: claimsOf(people.technician), query: query({ view: 'failed' }) });
    expect(failed.tickets.map((row) => [row.id, row.triageFailure])).toEqual([[ticket!.id, { error: 'HTTP 429 from the provider', attempts: 5 }]]);
    // Still unassigned, so it is on the queue too (last: not triaged), claimable like any other.
    const queue = (await allPages(people.technician, {})).flat();
    expect(queue.at(-1)!.id).toBe(ticket!.id);

    const [processed] = (await allPages(people.technician, { category: 'technical' })).flat();
    await expect(board.requeueTicketTriage({ claims: claimsOf(people.technician), ticketId: processed!.id })).rejects.toBeInstanceOf(board.DeskActionRefused);
  });
});
