-- The admin home's numbers (/admin): how support is going over the last 7, 30 or 90 days, in one call.
--
-- One security-invoker RPC, public.support_dashboard(days), returns every figure as one jsonb document, so the page
-- costs one round trip and the figures come from one snapshot. It runs as the caller: RLS on tickets and
-- analytics_events still decides which rows it sees (admins see all of them), and it refuses anyone who is not an
-- admin outright (errcode 42501) rather than answering with figures computed over the few rows a customer may read.
--
-- Cost on large data: the window's tickets are read once through tickets_queue_all_idx (created_at desc) into a
-- materialized CTE that every ticket figure aggregates; open tickets come from tickets_queue_idx (status, urgency, …);
-- events through analytics_events_type_time_idx (event_type, occurred_at desc), read by a security-definer helper
-- because enum equality is not leakproof (see private.support_dashboard_events). Days are UTC days.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** Raises 42501 unless the caller is an admin: the dashboard's figures are for admins only. */
create or replace function private.require_admin(what text)
returns void
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not coalesce((select private.is_admin()), false) then
    raise exception 'only admins can read %', what using errcode = '42501';
  end if;
end;
$$;
comment on function private.require_admin(text) is 'Raises insufficient_privilege (42501) naming what was refused unless the caller is an admin.';
revoke execute on function private.require_admin(text) from public, anon;
grant execute on function private.require_admin(text) to authenticated, service_role;

/**
 * The dashboard's figures from analytics_events since `window_start`: AI calls, errors, tokens and cost per source
 * (triage writes metadata.source = 'triage' and cost_estimate_usd; the assistant metadata.function = 'chat' and
 * cost_usd), conversations started, and guided-troubleshooting outcomes (each completed session once: resolved,
 * else wrong guide, else abandoned, else still broken — the "still broken" ending opens a ticket).
 *
 * Security definer on purpose: analytics_event_type is an enum and enum equality is not leakproof, so under RLS
 * Postgres may not use `event_type = …` as an index condition and reads the whole table (a sequential scan of every
 * event ever written). The events are admin-only by policy, and this function refuses anyone but an admin itself,
 * so reading them as the owner shows an admin exactly what RLS would, through analytics_events_type_time_idx.
 */
create or replace function private.support_dashboard_events(window_start timestamptz)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  figures jsonb;
begin
  perform private.require_admin('the support dashboard');
  with
  api_calls as (
    select coalesce(event.metadata ->> 'source', event.metadata ->> 'function', 'other') as source,
      count(*) filter (where event.event_type = 'api_call')::integer as calls,
      count(*) filter (where event.event_type = 'error')::integer as errors,
      coalesce(sum(coalesce((event.metadata ->> 'prompt_tokens')::bigint, 0) + coalesce((event.metadata ->> 'completion_tokens')::bigint, 0))
        filter (where event.event_type = 'api_call'), 0)::bigint as tokens,
      coalesce(sum(coalesce((event.metadata ->> 'cost_estimate_usd')::numeric, (event.metadata ->> 'cost_usd')::numeric, 0))
        filter (where event.event_type = 'api_call'), 0) as cost_usd
    from public.analytics_events event
    where event.event_type in ('api_call', 'error') and event.occurred_at >= window_start
    group by 1
  ),
  sessions as (
    select
      count(*) filter (where outcome.resolved)::integer as resolved,
      count(*) filter (where not outcome.resolved and outcome.misclassified)::integer as misclassified,
      count(*) filter (where not outcome.resolved and not outcome.misclassified and outcome.abandoned)::integer as abandoned,
      count(*) filter (where not outcome.resolved and not outcome.misclassified and not outcome.abandoned)::integer as still_broken
    from public.analytics_events event
    cross join lateral (select
      coalesce((event.metadata ->> 'resolved')::boolean, false) as resolved,
      coalesce((event.metadata ->> 'misclassified')::boolean, false) as misclassified,
      coalesce((event.metadata ->> 'abandoned')::boolean, false) as abandoned) outcome
    where event.event_type = 'troubleshooting_completed' and event.occurred_at >= window_start
  )
  select jsonb_build_object(
    'ai_usage', (
      select coalesce(jsonb_agg(jsonb_build_object('source', api_calls.source, 'calls', api_calls.calls, 'errors', api_calls.errors,
        'tokens', api_calls.tokens, 'cost_usd', round(api_calls.cost_usd, 4)) order by api_calls.source), '[]')
      from api_calls),
    'chat_conversations', (
      select count(*) from public.analytics_events event
      where event.event_type = 'conversation_created' and event.occurred_at >= window_start),
    'troubleshooting', (select to_jsonb(sessions) from sessions)
  )
  into figures;
  return figures;
end;
$$;
comment on function private.support_dashboard_events(timestamptz) is
  'Dashboard figures from analytics_events since window_start (AI usage by source, conversations, guided-fix outcomes). Security definer for the index on the enum event_type; refuses non-admins.';
revoke execute on function private.support_dashboard_events(timestamptz) from public, anon;
grant execute on function private.support_dashboard_events(timestamptz) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The admin home's figures as one jsonb document; see the comment on the function for the keys. Triage outcome:
 * `triage_status` becomes `resolved` whatever the AI did once the workflow resolves the ticket, so a resolved ticket
 * counts as processed when triage filled its category (the AI result trigger copies it), else as "resolved before
 * triage"; pending and processing are both still waiting. Chat hand-offs are the tickets opened from a chat.
 */
create or replace function public.support_dashboard(days integer default 30)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  window_start timestamptz;
  figures jsonb;
begin
  perform private.require_admin('the support dashboard');
  if days is null or days not between 1 and 366 then
    raise exception 'days must be between 1 and 366, not %', days using errcode = '22023';
  end if;
  window_start := date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => days - 1);

  with recent as materialized (
    select ticket.created_at, ticket.triage_status, ticket.category, ticket.channel,
      ticket.assigned_at, ticket.resolved_at
    from public.tickets ticket
    where ticket.created_at >= window_start
  ),
  created_by_day as (
    select (recent.created_at at time zone 'UTC')::date as day, count(*)::integer as tickets
    from recent
    group by 1
  ),
  per_day as (
    select series.day::date as day, coalesce(created_by_day.tickets, 0) as tickets
    from generate_series((window_start at time zone 'UTC')::date, (now() at time zone 'UTC')::date, interval '1 day') as series (day)
    left join created_by_day on created_by_day.day = series.day::date
  ),
  open_tickets as (
    select ticket.status, ticket.urgency
    from public.tickets ticket
    where ticket.status in ('unassigned', 'assigned', 'in_progress', 'waiting_on_customer')
  )
  select jsonb_build_object(
    'days', days,
    'window_start', window_start,
    'generated_at', now(),
    'tickets_created', (select count(*) from recent),
    'created_per_day', (select coalesce(jsonb_agg(jsonb_build_object('day', per_day.day, 'tickets', per_day.tickets) order by per_day.day), '[]') from per_day),
    'open_total', (select count(*) from open_tickets),
    'open_by_status', (
      select coalesce(jsonb_agg(jsonb_build_object('status', grouped.status, 'tickets', grouped.tickets) order by array_position(array['unassigned', 'assigned', 'in_progress', 'waiting_on_customer'], grouped.status::text)), '[]')
      from (select open_tickets.status, count(*)::integer as tickets from open_tickets group by open_tickets.status) grouped),
    'open_by_urgency', (
      select coalesce(jsonb_agg(jsonb_build_object('urgency', grouped.urgency, 'tickets', grouped.tickets) order by array_position(array['high', 'medium', 'low'], grouped.urgency::text) nulls last), '[]')
      from (select open_tickets.urgency, count(*)::integer as tickets from open_tickets group by open_tickets.urgency) grouped),
    'triage', (
      select jsonb_build_object(
        'processed', count(*) filter (where recent.triage_status = 'processed' or (recent.triage_status = 'resolved' and recent.category is not null)),
        'ai_failed', count(*) filter (where recent.triage_status = 'ai_failed'),
        'pending', count(*) filter (where recent.triage_status in ('pending', 'processing')),
        'resolved_before_triage', count(*) filter (where recent.triage_status = 'resolved' and recent.category is null))
      from recent),
    'categories', (
      select coalesce(jsonb_agg(jsonb_build_object('category', grouped.category, 'tickets', grouped.tickets) order by grouped.category nulls last), '[]')
      from (select recent.category, count(*)::integer as tickets from recent group by recent.category) grouped),
    'median_minutes_to_assignment', (
      select round((extract(epoch from percentile_cont(0.5) within group (order by recent.assigned_at - recent.created_at)) / 60)::numeric, 1)
      from recent where recent.assigned_at is not null),
    'median_minutes_to_resolution', (
      select round((extract(epoch from percentile_cont(0.5) within group (order by recent.resolved_at - recent.created_at)) / 60)::numeric, 1)
      from recent where recent.resolved_at is not null),
    'assigned_tickets', (select count(*) from recent where recent.assigned_at is not null),
    'resolved_tickets', (select count(*) from recent where recent.resolved_at is not null),
    'chat_hand_offs', (select count(*) from recent where recent.channel = 'chat')
  ) || private.support_dashboard_events(window_start)
  into figures;
  return figures;
end;
$$;
comment on function public.support_dashboard(integer) is
  'Admin home figures for the last `days` UTC days (today included): tickets per day, open tickets by status and urgency, triage outcome, categories, median minutes to assignment and resolution, AI calls / tokens / cost by source, chat hand-offs, guided-troubleshooting outcomes. Security invoker; refuses non-admins with 42501.';
revoke execute on function public.support_dashboard(integer) from public, anon;
grant execute on function public.support_dashboard(integer) to authenticated, service_role;
