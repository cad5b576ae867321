-- The desk at a million tickets (issue 16): the table view sorted by SLA due and ticket search, measured by
-- `npm run bench -- desk` (1M tickets, 5M messages, a technician under RLS). Before this migration:
--
-- Table view, "All open" by SLA due, descending: 226 ms. tickets_sla_due_idx holds every ticket, and a descending
-- scan meets the NULLs first (Postgres puts them first in descending order); every resolved or closed ticket has a
-- null sla_due_at, so the scan discarded 600,000 of them before the first open one. A partial index over the open
-- tickets only holds what the lane shows, in both directions; tickets_sla_due_idx stays for the escalation job.
--
-- Search, one common word ("clutch", "radiator"): 2.4 to 6 s. public.ticket_search_candidates takes at most `cap`
-- matches per source, and the planner read them with LIMIT over a sequential scan, which assumes matches are spread
-- evenly through the table. They are not: words cluster in time (a recall, a new model, a season), and in the
-- benchmark the first 1.4M messages never say "radiator". The scan then computed to_tsvector for every row it passed.
--   - messages.search_vector is now stored (as tickets.search_vector already is), so a row is matched without
--     parsing its text again, whichever plan reads it; the GIN index moves to the column.
--   - The candidate function runs with enable_seqscan off: a full-text match is always read through its GIN index
--     or an index-ordered walk, never by hoping the matches come early in the heap.
-- The stored column rewrites public.messages once (an exclusive lock for the duration; about a minute per five
-- million rows on the benchmark box). Decision 0029 has the alternatives considered.

-- ---------------------------------------------------------------------------------------------------------------
-- The table view's open lane by SLA due
-- ---------------------------------------------------------------------------------------------------------------
-- The predicate is the "All open" lane's (app/models/desk-board.server.ts, deskBoardConditions) word for word, so
-- the planner can prove the lane's rows are all in it.
create index tickets_open_sla_due_idx on public.tickets (sla_due_at, id)
  where status not in ('resolved', 'closed', 'merged');
comment on index public.tickets_open_sla_due_idx is
  'The desk table view''s open lanes sorted by SLA due in either direction (the full tickets_sla_due_idx would walk every finished ticket''s null first when descending).';

-- ---------------------------------------------------------------------------------------------------------------
-- Message search
-- ---------------------------------------------------------------------------------------------------------------
alter table public.messages add column search_vector tsvector generated always as (to_tsvector('english', content)) stored;
comment on column public.messages.search_vector is 'The message''s words for the desk''s full-text search (generated; public.search_tickets finds tickets by their conversation).';
drop index public.messages_search_idx;
create index messages_search_idx on public.messages using gin (search_vector);
comment on index public.messages_search_idx is 'Full-text search over messages (public.search_tickets finds tickets by their conversation).';

/**
 * Ticket ids matching a full-text query, with a rank, among the tickets the caller may see: subject and description
 * (rank as is) and messages (rank x 0.8, the best message per ticket). At most `cap` matches per source are ranked:
 * ranking is linear in the matches and a common word matches a large share of a big desk.
 */
create or replace function private.ticket_search_candidates(query tsquery, cap integer)
returns table (ticket_id uuid, rank real)
language plpgsql
stable
security definer
set search_path = ''
-- LIMIT over a sequential scan bets that matches come early in the heap; words cluster in time, so the bet can
-- cost a scan of every message (see this migration's header). Index scans only.
set enable_seqscan = off
as $$
declare
  caller uuid := auth.uid();
  staff boolean := private.is_staff();
begin
  if staff then
    return query
      select found.id, max(found.rank)::real from (
        (select ticket.id, ts_rank(ticket.search_vector, query) as rank
         from public.tickets ticket where ticket.search_vector @@ query limit cap)
        union all
        (select conversation.ticket_id, ts_rank(message.search_vector, query) * 0.8
         from public.messages message
         join public.conversations conversation on conversation.id = message.conversation_id
         where message.search_vector @@ query and conversation.ticket_id is not null
         limit cap)
      ) found group by found.id;
  elsif caller is not null then
    return query
      select found.id, max(found.rank)::real from (
        select ticket.id, ts_rank(ticket.search_vector, query) as rank
        from public.tickets ticket where ticket.customer_id = caller and ticket.search_vector @@ query
        union all
        select conversation.ticket_id, ts_rank(message.search_vector, query) * 0.8
        from public.conversations conversation
        join public.messages message on message.conversation_id = conversation.id
        where conversation.customer_id = caller and conversation.ticket_id is not null and not message.is_internal_note
          and message.search_vector @@ query
      ) found group by found.id;
  end if;
end;
$$;
