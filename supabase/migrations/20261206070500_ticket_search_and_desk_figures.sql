-- Ticket search, the AI-failed lane's invariant and the desk's figures for /admin (issue 16).
--
-- Search: the desk's search box finds "brake" in a ticket's subject, description and messages, ranked. As in
-- decision 0004, `@@` is not leakproof, so under RLS the planner could not use a GIN index for it: the candidates come
-- from a security definer helper that applies the same visibility as the policies (staff: every ticket and every
-- message of a ticket's conversation; a customer: their own tickets and the messages they can see, internal notes
-- never), at most `cap` matches per source, and public.search_tickets reads them back by id under the caller's RLS.
--
-- AI-failed lane: the desk lists it from public.ticket_triage_failures (a small table it can index under RLS), but a
-- ticket could be ai_failed without a failure row (the seed, Studio, an import) and so show "AI triage failed" on its
-- card while the lane read 0. Now every ticket that becomes ai_failed has its failure row, by trigger, whoever wrote it.
--
-- Figures: public.desk_performance(days) — SLA attainment, CSAT per day and per technician, and per technician the
-- median first-response and resolution times and their open load — admin-only, in one call like support_dashboard.

-- ---------------------------------------------------------------------------------------------------------------
-- Columns and indexes
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(content, '')), 'B')
) stored;
comment on column public.tickets.search_vector is 'Subject (weight A) and description (weight B) for the desk''s full-text search (generated).';
create index tickets_search_idx on public.tickets using gin (search_vector);
create index messages_search_idx on public.messages using gin (to_tsvector('english', content));
comment on index public.messages_search_idx is 'Full-text search over messages (public.search_tickets finds tickets by their conversation).';

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** After-write trigger on tickets: an ai_failed ticket always has its failure row (the AI-failed lane reads them). */
create function private.ensure_triage_failure_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_triage_failures (ticket_id, error, attempts)
  values (new.id, 'Marked as failed without an error from the triage worker', 0)
  on conflict on constraint ticket_triage_failures_pkey do nothing;
  return null;
end;
$$;
comment on function private.ensure_triage_failure_row() is
  'After-write trigger on tickets: a ticket that is ai_failed gets a ticket_triage_failures row if it has none (the AI-failed lane lists every one).';
create trigger ensure_triage_failure_row after insert or update of triage_status on public.tickets
  for each row when (new.triage_status = 'ai_failed') execute function private.ensure_triage_failure_row();

insert into public.ticket_triage_failures (ticket_id, error, attempts)
select ticket.id, 'Marked as failed without an error from the triage worker', 0
from public.tickets ticket where ticket.triage_status = 'ai_failed'
on conflict on constraint ticket_triage_failures_pkey do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Ticket ids matching a full-text query, with a rank, among the tickets the caller may see: subject and description
 * (rank as is) and messages (rank x 0.8, the best message per ticket). At most `cap` matches per source are ranked:
 * ranking is linear in the matches and a common word matches a large share of a big desk.
 */
create function private.ticket_search_candidates(query tsquery, cap integer)
returns table (ticket_id uuid, rank real)
language plpgsql
stable
security definer
set search_path = ''
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
        (select conversation.ticket_id, ts_rank(to_tsvector('english', message.content), query) * 0.8
         from public.messages message
         join public.conversations conversation on conversation.id = message.conversation_id
         where to_tsvector('english', message.content) @@ query and conversation.ticket_id is not null
         limit cap)
      ) found group by found.id;
  elsif caller is not null then
    return query
      select found.id, max(found.rank)::real from (
        select ticket.id, ts_rank(ticket.search_vector, query) as rank
        from public.tickets ticket where ticket.customer_id = caller and ticket.search_vector @@ query
        union all
        select conversation.ticket_id, ts_rank(to_tsvector('english', message.content), query) * 0.8
        from public.conversations conversation
        join public.messages message on message.conversation_id = conversation.id
        where conversation.customer_id = caller and conversation.ticket_id is not null and not message.is_internal_note
          and to_tsvector('english', message.content) @@ query
      ) found group by found.id;
  end if;
end;
$$;
comment on function private.ticket_search_candidates(tsquery, integer) is
  'Full-text candidates for public.search_tickets (security definer so the GIN indexes apply; same visibility as the policies: staff all, a customer their own and never internal notes).';
grant execute on function private.ticket_search_candidates(tsquery, integer) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/** Tickets matching the words (web-search syntax: "quoted phrase", -not, or), best first, read under the caller's RLS. */
create function public.search_tickets(query_text text, max_results integer default 20)
returns table (ticket_id uuid, number text, subject text, status text, rank real)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  query tsquery := websearch_to_tsquery('english', coalesce(query_text, ''));
begin
  if max_results is null or max_results < 1 or max_results > 100 then
    raise exception 'max_results must be between 1 and 100' using errcode = '22023';
  end if;
  if numnode(query) = 0 then
    return;
  end if;
  return query
    select ticket.id, ticket.number, ticket.subject, ticket.status::text, candidate.rank
    from private.ticket_search_candidates(query, 400) candidate
    join public.tickets ticket on ticket.id = candidate.ticket_id
    order by candidate.rank desc, ticket.created_at desc, ticket.id
    limit max_results;
end;
$$;
comment on function public.search_tickets(text, integer) is
  'Full-text ticket search over subject, description and messages, ranked; the returned rows pass the caller''s RLS.';
grant execute on function public.search_tickets(text, integer) to authenticated;

/**
 * The desk's figures for /admin over the last `days` days (tickets created in the window): SLA attainment,
 * CSAT per day and overall, and per technician first-response and resolution medians, CSAT, open load and SLA
 * attainment. CSAT is the share of ratings of 4 or 5. A target is decided once it was met or missed.
 */
create function public.desk_performance(days integer default 30)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  window_start timestamptz;
begin
  perform private.require_admin('the desk figures');
  if days is null or days < 1 or days > 366 then
    raise exception 'days must be between 1 and 366' using errcode = '22023';
  end if;
  window_start := date_trunc('day', now()) - make_interval(days => days - 1);
  return jsonb_build_object(
    'days', days,
    'sla', (
      select jsonb_build_object(
        'first_response_met', count(*) filter (where first_met),
        'first_response_missed', count(*) filter (where first_met = false),
        'resolution_met', count(*) filter (where resolution_met),
        'resolution_missed', count(*) filter (where resolution_met = false))
      from (
        select
          case when ticket.first_responded_at is not null then ticket.first_responded_at <= ticket.first_response_due_at
               when ticket.first_response_due_at < now() then false end as first_met,
          case when ticket.resolved_at is not null then ticket.resolved_at <= ticket.resolution_due_at
               when ticket.resolution_due_at < now() and ticket.sla_paused_at is null then false end as resolution_met
        from public.tickets ticket
        where ticket.created_at >= window_start and ticket.sla_policy_id is not null
      ) decided),
    'csat', (
      select jsonb_build_object('ratings', count(*), 'satisfied', count(*) filter (where rating.rating >= 4))
      from public.ticket_ratings rating where rating.created_at >= window_start),
    'csat_by_day', coalesce((
      select jsonb_agg(jsonb_build_object('day', to_char(day, 'YYYY-MM-DD'), 'ratings', ratings, 'satisfied', satisfied) order by day)
      from (
        select date_trunc('day', rating.created_at) as day, count(*) as ratings, count(*) filter (where rating.rating >= 4) as satisfied
        from public.ticket_ratings rating where rating.created_at >= window_start group by 1
      ) per_day), '[]'::jsonb),
    'technicians', coalesce((
      select jsonb_agg(jsonb_build_object(
        'technician_id', person.id,
        'name', coalesce(nullif(trim(person.full_name), ''), person.email),
        'open_load', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id
                       and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')),
        'first_response_median_minutes', (
          select round((percentile_cont(0.5) within group (order by extract(epoch from ticket.first_responded_at - ticket.created_at)) / 60)::numeric, 1)
          from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start and ticket.first_responded_at is not null),
        'resolution_median_minutes', (
          select round((percentile_cont(0.5) within group (order by extract(epoch from ticket.resolved_at - ticket.created_at)) / 60)::numeric, 1)
          from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start and ticket.resolved_at is not null),
        'ratings', (select count(*) from public.ticket_ratings rating where rating.technician_id = person.id and rating.created_at >= window_start),
        'satisfied', (select count(*) from public.ticket_ratings rating where rating.technician_id = person.id and rating.created_at >= window_start and rating.rating >= 4),
        'sla_met', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start
                     and ticket.resolved_at is not null and ticket.resolved_at <= ticket.resolution_due_at),
        'sla_missed', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start
                     and ((ticket.resolved_at is not null and ticket.resolved_at > ticket.resolution_due_at) or ticket.resolution_breached_at is not null))
      ) order by coalesce(nullif(trim(person.full_name), ''), person.email))
      from public.profiles person where person.role = 'technician'), '[]'::jsonb)
  );
end;
$$;
comment on function public.desk_performance(integer) is
  'Admin-only desk figures over the last `days` days: SLA attainment, CSAT overall and per day, per technician medians, CSAT, open load and SLA attainment.';
grant execute on function public.desk_performance(integer) to authenticated;
