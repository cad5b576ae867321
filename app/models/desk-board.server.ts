// The technician desk board: lanes of tickets with their triage, and the actions on a card (claim, release,
// re-triage). Every function runs inside withRls as the signed-in technician: the "Staff can read all tickets"
// policy and the claim functions' own checks decide what happens, not a where clause here.
import { z } from 'zod';
import { withRls, type RlsClaims, type RlsTransaction } from '~/lib/server/db.server';
import { DatabaseRefusal, rethrowAsRefusal } from '~/lib/server/db-errors.server';
import { decodeCursor, encodeCursor } from '~/lib/server/keyset-cursor.server';
import { DESK_PAGE_SIZE, sentimentBands, type DeskBoardQuery, type DeskSort, type DeskTicket } from '~/lib/shared/desk-board';

export interface DeskBoardPage {
  tickets: DeskTicket[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface DeskLaneCounts {
  queue: number;
  mine: number;
  failed: number;
}

/** Lane counts stop here: the number only has to say "a lot", and counting a million rows is not free. */
export const LANE_COUNT_CAP = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Keyset cursor: (sort rank, created_at to the microsecond, id) of the last card shown.
// ---------------------------------------------------------------------------------------------------------------
const cursorSchema = z.object({ rank: z.number().int(), createdAt: z.string().min(1).max(40), id: z.string().uuid() });

// ---------------------------------------------------------------------------------------------------------------
// Listing
// ---------------------------------------------------------------------------------------------------------------
const ticketRowSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.string(),
  triage_status: z.string(),
  category: z.string().nullable(),
  urgency: z.string().nullable(),
  priority: z.string(),
  priority_set_by: z.string().nullable(),
  priority_set_by_name: z.string().nullable(),
  created_at: z.date(),
  created_key: z.string(),
  sort_rank: z.number().int(),
  customer_name: z.string().nullable(),
  vin: z.string().nullable(),
  assigned_to: z.string().uuid().nullable(),
  assigned_to_name: z.string().nullable(),
  sentiment_score: z.number().int().nullable(),
  confidence: z.number().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  triage_error: z.string().nullable(),
  triage_attempts: z.number().int().nullable(),
  possible_duplicate_id: z.string().uuid().nullable(),
  possible_duplicate_number: z.string().nullable(),
  sla_due_at: z.date().nullable(),
  sla_breached: z.boolean(),
});
type TicketRow = z.infer<typeof ticketRowSchema>;

function toDeskTicket(row: TicketRow): DeskTicket {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status,
    triageStatus: row.triage_status,
    category: row.category,
    urgency: row.urgency,
    priority: row.priority,
    prioritySetBy: row.priority_set_by,
    prioritySetByName: row.priority_set_by_name,
    createdAt: row.created_at.toISOString(),
    customerName: row.customer_name ?? 'Unknown customer',
    vin: row.vin,
    assignedTo: row.assigned_to,
    assignedToName: row.assigned_to_name,
    triage:
      row.sentiment_score !== null && row.confidence !== null && row.provider !== null && row.model !== null
        ? { sentimentScore: row.sentiment_score, confidence: row.confidence, provider: row.provider, model: row.model }
        : null,
    possibleDuplicateOf: row.possible_duplicate_id !== null && row.possible_duplicate_number !== null ? { id: row.possible_duplicate_id, number: row.possible_duplicate_number } : null,
    triageFailure: row.triage_error !== null ? { error: row.triage_error, attempts: row.triage_attempts ?? 0 } : null,
    slaDueAt: row.sla_due_at?.toISOString() ?? null,
    slaBreached: row.sla_breached,
  };
}

/** The first sort key of each order; the queue's matches tickets_unassigned_queue_idx. */
function sortRank(tx: RlsTransaction, sort: DeskSort) {
  switch (sort) {
    case 'urgency':
      return tx`private.urgency_rank(t.urgency)`;
    case 'sentiment':
      return tx`coalesce(result.sentiment_score, 11)`;
    case 'newest':
    case 'oldest':
      return tx`0`;
  }
}

/** `%` and `_` typed by a technician are literal characters, not wildcards. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The lane, filters and search of a board query as SQL conditions (the cards and the table view share them). */
export function deskBoardConditions(tx: RlsTransaction, query: DeskBoardQuery) {
  const where = [];
  switch (query.view) {
    case 'queue':
      // Every unassigned ticket, the AI-failed ones included (they are claimable too). Only leakproof text
      // equality here: a non-leakproof filter (enum <>) under RLS hides the column statistics from the
      // planner, which then sorts the whole table instead of reading tickets_unassigned_queue_idx in order.
      where.push(tx`t.status = 'unassigned'`);
      break;
    case 'mine':
      where.push(tx`t.assigned_to = (select auth.uid())`);
      if (!query.status) where.push(tx`t.status in ('assigned', 'in_progress', 'waiting_on_customer')`);
      break;
    case 'all':
      if (!query.status) where.push(tx`t.status not in ('resolved', 'closed', 'merged')`);
      break;
    case 'failed':
      // Driven by the (small) failures table: enum equality is not leakproof, so under RLS it cannot use an index.
      where.push(tx`t.id in (select failure.ticket_id from public.ticket_triage_failures failure) and t.triage_status = 'ai_failed'`);
      break;
  }
  if (query.status && query.view !== 'queue') where.push(tx`t.status = ${query.status}`);
  if (query.category) where.push(tx`t.category = ${query.category}::public.ticket_category`);
  if (query.urgency === 'untriaged') where.push(tx`t.urgency is null`);
  else if (query.urgency) where.push(tx`t.urgency = ${query.urgency}`);
  if (query.sentiment) {
    const band = sentimentBands[query.sentiment];
    where.push(tx`result.sentiment_score between ${band.min} and ${band.max}`);
  }
  if (query.department) where.push(tx`assignee.department_id = ${query.department}::uuid`);
  if (query.q) {
    // "123", "tck123" and "TCK-000123" all find TCK-000123 (by the unique index on number).
    const digits = /^(?:tck-?)?(\d{1,9})$/i.exec(query.q)?.[1];
    const exactNumber = digits ? `TCK-${digits.padStart(6, '0')}` : null;
    const prefix = `${likePattern(query.q)}%`;
    const anywhere = `%${likePattern(query.q)}%`;
    where.push(tx`(
      t.number = ${exactNumber} or t.number ilike ${prefix} or t.vin ilike ${prefix}
      or customer.full_name ilike ${anywhere} or customer.email ilike ${anywhere} or t.contact_email ilike ${anywhere}
      -- Words of the subject, description and messages (full text, ranked candidates under RLS: issue 16).
      or t.id in (select found.ticket_id from public.search_tickets(${query.q}, 100) found)
    )`);
  }
  return where;
}

export async function listDeskTickets({ claims, query }: { claims: RlsClaims; query: DeskBoardQuery }): Promise<DeskBoardPage> {
  const descending = query.sort === 'newest';
  const cursor = decodeCursor(cursorSchema, query.cursor);
  const rows = await withRls(claims, async (tx) => {
    const rank = sortRank(tx, query.sort);
    const where = deskBoardConditions(tx, query);
    if (cursor) {
      where.push(
        descending
          ? tx`(${rank}, t.created_at, t.id) < (${cursor.rank}, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : tx`(${rank}, t.created_at, t.id) > (${cursor.rank}, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
      );
    }
    const filter = where.reduce((all, condition) => tx`${all} and ${condition}`, tx`true`);
    // Newest / oldest have a constant rank, left out of ORDER BY (a bare 0 there would mean "column 0").
    const order =
      query.sort === 'newest' ? tx`t.created_at desc, t.id desc` : query.sort === 'oldest' ? tx`t.created_at, t.id` : tx`${rank}, t.created_at, t.id`;
    return tx`
      select t.id, t.number, t.subject, t.status::text as status, t.triage_status::text as triage_status,
        t.category::text as category, t.urgency::text as urgency, t.priority::text as priority,
        t.priority_set_by::text as priority_set_by, coalesce(nullif(trim(setter.full_name), ''), setter.email) as priority_set_by_name, t.created_at,
        to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
        ${rank}::int as sort_rank,
        coalesce(nullif(trim(customer.full_name), ''), customer.email, t.contact_email) as customer_name,
        t.vin, t.assigned_to, coalesce(nullif(trim(assignee.full_name), ''), assignee.email) as assigned_to_name,
        result.sentiment_score, result.confidence::float8 as confidence, result.provider, result.model,
        failure.error as triage_error, failure.attempts as triage_attempts, t.sla_due_at,
        (t.first_response_breached_at is not null or t.resolution_breached_at is not null) as sla_breached,
        flagged.duplicate_of as possible_duplicate_id, original.number as possible_duplicate_number
      from public.tickets t
      left join public.profiles customer on customer.id = t.customer_id
      left join public.profiles assignee on assignee.id = t.assigned_to
      left join public.profiles setter on setter.id = t.priority_set_by_id
      left join public.ticket_ai_results result on result.ticket_id = t.id
      left join public.ticket_triage_failures failure on failure.ticket_id = t.id
      left join public.possible_duplicates flagged on flagged.ticket_id = t.id
      left join public.tickets original on original.id = flagged.duplicate_of
      where ${filter}
      order by ${order}
      limit ${DESK_PAGE_SIZE + 1}`;
  });
  const parsed = z.array(ticketRowSchema).parse(rows);
  const page = parsed.slice(0, DESK_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    tickets: page.map(toDeskTicket),
    nextCursor: parsed.length > DESK_PAGE_SIZE && last ? encodeCursor({ rank: last.sort_rank, createdAt: last.created_key, id: last.id }) : null,
  };
}

export async function countDeskLanes({ claims }: { claims: RlsClaims }): Promise<DeskLaneCounts> {
  const [row] = await withRls(
    claims,
    (tx) => tx`
      select
        (select count(*) from (select 1 from public.tickets t where t.status = 'unassigned' limit ${LANE_COUNT_CAP}) capped)::int as queue,
        (select count(*) from public.tickets t
          where t.assigned_to = (select auth.uid()) and t.status in ('assigned', 'in_progress', 'waiting_on_customer'))::int as mine,
        (select count(*) from (select 1 from public.tickets t
          where t.id in (select failure.ticket_id from public.ticket_triage_failures failure) and t.triage_status = 'ai_failed'
          limit ${LANE_COUNT_CAP}) capped)::int as failed`,
  );
  return z.object({ queue: z.number(), mine: z.number(), failed: z.number() }).parse(row);
}

export async function listDepartments({ claims }: { claims: RlsClaims }): Promise<Array<{ id: string; name: string }>> {
  const rows = await withRls(claims, (tx) => tx`select id, name from public.departments order by name`);
  return z.array(z.object({ id: z.string().uuid(), name: z.string() })).parse(rows);
}

// ---------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------
const claimOutcomeSchema = z.object({
  claimed: z.boolean(),
  ticket_id: z.string().uuid().nullable(),
  number: z.string().nullable(),
  status: z.string().nullable(),
  assigned_to: z.string().uuid().nullable(),
  assigned_to_name: z.string().nullable(),
});
export type ClaimOutcome = z.infer<typeof claimOutcomeSchema>;

/** The database's answer to a claim, release or re-triage that it refused, in words for the technician. */
export class DeskActionRefused extends DatabaseRefusal {}

/** Turns what the desk functions refuse into DeskActionRefused (db-errors' words); anything else is a real failure. */
async function refusalsAsMessages<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    rethrowAsRefusal(error, { wording: { P0002: 'This ticket no longer exists.' } }, DeskActionRefused);
  }
}

/** Exactly one of any number of concurrent claimers wins; the others learn who did (public.claim_ticket). */
export async function claimTicket({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<ClaimOutcome> {
  return refusalsAsMessages(async () => {
    const [row] = await withRls(claims, (tx) => tx`select public.claim_ticket(${ticketId}::uuid) as outcome`);
    return claimOutcomeSchema.parse(row?.['outcome']);
  });
}

/** The most urgent, oldest unassigned ticket, or claimed = false when the queue is empty (public.claim_next_ticket). */
export async function claimNextTicket({ claims }: { claims: RlsClaims }): Promise<ClaimOutcome> {
  return refusalsAsMessages(async () => {
    const [row] = await withRls(claims, (tx) => tx`select public.claim_next_ticket() as outcome`);
    return claimOutcomeSchema.parse(row?.['outcome']);
  });
}

export async function releaseTicket({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<ClaimOutcome> {
  return refusalsAsMessages(async () => {
    const [row] = await withRls(claims, (tx) => tx`select public.release_ticket(${ticketId}::uuid) as outcome`);
    return claimOutcomeSchema.parse(row?.['outcome']);
  });
}

/** "Re-triage" on an ai_failed ticket: back to pending with a fresh job (public.requeue_ticket_triage). */
export async function requeueTicketTriage({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<{ number: string }> {
  return refusalsAsMessages(async () => {
    const [row] = await withRls(claims, async (tx) => {
      await tx`select public.requeue_ticket_triage(${ticketId}::uuid)`;
      return tx`select number from public.tickets where id = ${ticketId}::uuid`;
    });
    return z.object({ number: z.string() }).parse(row);
  });
}
