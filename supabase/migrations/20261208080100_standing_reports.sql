-- Standing reports (/admin/reports, issue 18): the figures seeds 000 and 001 ask for, beside the admin home's.
--
-- One security-invoker RPC, public.standing_reports(days), returns one jsonb document (one round trip, one snapshot):
--   troubleshooting_by_week  guided fixes ended per ISO week: resolved share and average steps to resolution
--   worst_guides             the guides whose sessions end worst (lowest resolved share first)
--   follow_ups               sessions that ended unresolved with no ticket: someone should get back to the customer
--   areas                    per solution area: conversations, guided fixes, AI calls and cost, resolutions, cost per
--                            resolution
--   daily_active_users       distinct customers per UTC day and area (a chat message or a guided fix started)
--   functions                per AI function (triage, chat): calls, errors, error rate, latency p50 / p95
--   self_service             how many chats and guided fixes ended without a technician, as the customer reported
--                            it ("assumed") and as it held up: resolved only when no ticket from that customer and no
--                            new session of the same guide followed within 7 days ("durable"), judged only once the
--                            7 days have passed, so the number cannot flatter us.
-- Each session's ending is read by private.guided_fix_outcome, as on the admin home and /admin/guides.
-- It refuses anyone but an admin (42501). Events are read by a security-definer helper for the same reason as the
-- dashboard's (private.support_dashboard_events): enum equality is not leakproof, so under RLS Postgres would scan
-- every event instead of using analytics_events_type_time_idx.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** The first instant of a report over the last `days` UTC days, today included; 22023 outside 1–366. */
create or replace function private.report_window_start(days integer)
returns timestamptz
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if days is null or days not between 1 and 366 then
    raise exception 'days must be between 1 and 366, not %', days using errcode = '22023';
  end if;
  return date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => days - 1);
end;
$$;
comment on function private.report_window_start(integer) is 'First instant of a report window of `days` UTC days (today included); raises 22023 outside 1–366.';
revoke execute on function private.report_window_start(integer) from public, anon;
grant execute on function private.report_window_start(integer) to authenticated, service_role;

/**
 * The events half of public.standing_reports since `window_start`: per AI function its calls, errors and latency;
 * per solution area its AI calls and cost; distinct active customers per day and area. Security definer for the
 * index on the enum event_type (see the comment at the top); refuses non-admins itself.
 */
create or replace function private.standing_report_events(window_start timestamptz)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  figures jsonb;
begin
  perform private.require_admin('the standing reports');
  with
  ai_events as (
    select event.event_type, event.solution_area,
      coalesce(event.metadata ->> 'source', event.metadata ->> 'function', 'other') as function_name,
      (event.metadata ->> 'latency_ms')::numeric as latency_ms,
      coalesce((event.metadata ->> 'cost_estimate_usd')::numeric, (event.metadata ->> 'cost_usd')::numeric, 0) as cost_usd
    from public.analytics_events event
    where event.event_type in ('api_call', 'error') and event.occurred_at >= window_start
  ),
  per_function as (
    select ai_events.function_name,
      count(*) filter (where ai_events.event_type = 'api_call')::integer as calls,
      count(*) filter (where ai_events.event_type = 'error')::integer as errors,
      percentile_cont(0.5) within group (order by ai_events.latency_ms) filter (where ai_events.event_type = 'api_call') as p50,
      percentile_cont(0.95) within group (order by ai_events.latency_ms) filter (where ai_events.event_type = 'api_call') as p95
    from ai_events
    group by ai_events.function_name
  ),
  per_area as (
    select ai_events.solution_area, count(*)::integer as calls, sum(ai_events.cost_usd) as cost_usd
    from ai_events
    where ai_events.event_type = 'api_call'
    group by ai_events.solution_area
  ),
  -- A customer is active in an area on a day when they wrote in a chat of that area or started one of its guides.
  activity as (
    select (event.occurred_at at time zone 'UTC')::date as day, event.solution_area, event.user_id
    from public.analytics_events event
    where event.event_type = 'message_sent' and event.occurred_at >= window_start
      and event.metadata ->> 'role' = 'user' and event.solution_area is not null and event.user_id is not null
    union
    select (event.occurred_at at time zone 'UTC')::date, guide.solution_area, event.user_id
    from public.analytics_events event
    join public.guides guide on guide.id = (event.metadata ->> 'guide_id')::uuid
    where event.event_type = 'troubleshooting_started' and event.occurred_at >= window_start
      and guide.solution_area is not null and event.user_id is not null
  )
  select jsonb_build_object(
    'functions', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'function', per_function.function_name, 'calls', per_function.calls, 'errors', per_function.errors,
        'error_rate', round(per_function.errors::numeric / nullif(per_function.calls + per_function.errors, 0), 4),
        'latency_p50_ms', round(per_function.p50::numeric, 1), 'latency_p95_ms', round(per_function.p95::numeric, 1))
        order by per_function.function_name), '[]')
      from per_function),
    'ai_by_area', (
      select coalesce(jsonb_agg(jsonb_build_object('area', per_area.solution_area, 'calls', per_area.calls, 'cost_usd', round(per_area.cost_usd, 4))
        order by per_area.solution_area nulls last), '[]')
      from per_area),
    'daily_active_users', (
      select coalesce(jsonb_agg(jsonb_build_object('day', grouped.day, 'area', grouped.solution_area, 'users', grouped.users)
        order by grouped.day, grouped.solution_area), '[]')
      from (select activity.day, activity.solution_area, count(distinct activity.user_id)::integer as users
            from activity group by activity.day, activity.solution_area) grouped)
  )
  into figures;
  return figures;
end;
$$;
comment on function private.standing_report_events(timestamptz) is
  'Events half of public.standing_reports: AI calls, errors and latency per function, AI calls and cost per area, daily active customers per area. Security definer for the enum index; refuses non-admins.';
revoke execute on function private.standing_report_events(timestamptz) from public, anon;
grant execute on function private.standing_report_events(timestamptz) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/** The standing reports over the last `days` UTC days as one jsonb document; the keys are listed at the top of this file. */
create or replace function public.standing_reports(days integer default 30)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  window_start timestamptz;
  events jsonb;
  figures jsonb;
begin
  perform private.require_admin('the standing reports');
  window_start := private.report_window_start(days);
  events := private.standing_report_events(window_start);

  with
  ended as materialized (
    select session.id, session.customer_id, session.guide_id, coalesce(guide.title, session.guide_title) as guide_title,
      guide.solution_area, session.issue_description, session.completed_at,
      private.guided_fix_outcome(session) as outcome,
      (select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id and step.attempted)::integer as steps_tried
    from public.troubleshooting_sessions session
    left join public.guides guide on guide.id = session.guide_id
    where session.completed_at >= window_start
  ),
  -- A chat "ended without a technician": no ticket came of it, no technician wrote in it, and it has been quiet for a
  -- day (or was closed).
  self_served_chats as materialized (
    select conversation.id, conversation.customer_id, conversation.solution_area,
      coalesce(conversation.last_message_at, conversation.created_at) as ended_at
    from public.conversations conversation
    where conversation.created_at >= window_start
      and (conversation.status <> 'active' or coalesce(conversation.last_message_at, conversation.created_at) < now() - interval '1 day')
      and conversation.assigned_technician_id is null
      and not exists (select 1 from public.tickets ticket where ticket.conversation_id = conversation.id)
      and not exists (select 1 from public.messages message where message.conversation_id = conversation.id and message.role = 'technician')
      and exists (select 1 from public.messages message where message.conversation_id = conversation.id and message.role = 'assistant')
  ),
  -- Each self-service ending, with whether it held: judged only when 7 days have passed since it ended.
  self_service as (
    select 'guided' as kind, ended.solution_area, ended.completed_at as ended_at, ended.outcome = 'resolved' as assumed,
      ended.completed_at <= now() - interval '7 days' as settled,
      ended.outcome = 'resolved'
        and not exists (select 1 from public.tickets ticket where ticket.customer_id = ended.customer_id
                        and ticket.created_at > ended.completed_at and ticket.created_at <= ended.completed_at + interval '7 days')
        and not exists (select 1 from public.troubleshooting_sessions again where again.customer_id = ended.customer_id
                        and again.guide_id = ended.guide_id and again.id <> ended.id
                        and again.started_at > ended.completed_at and again.started_at <= ended.completed_at + interval '7 days') as held
    from ended
    where ended.outcome <> 'still_broken'
    union all
    select 'chat', chat.solution_area, chat.ended_at, true,
      chat.ended_at <= now() - interval '7 days',
      not exists (select 1 from public.tickets ticket where ticket.customer_id = chat.customer_id
                  and ticket.created_at > chat.ended_at and ticket.created_at <= chat.ended_at + interval '7 days')
    from self_served_chats chat
  ),
  resolutions_by_area as (
    select grouped.solution_area, sum(grouped.resolutions)::integer as resolutions
    from (
      select self_service.solution_area, count(*) as resolutions from self_service
      where self_service.settled and self_service.held group by self_service.solution_area
      union all
      select conversation.solution_area, count(*) from public.tickets ticket
      join public.conversations conversation on conversation.id = ticket.conversation_id
      where ticket.resolved_at >= window_start group by conversation.solution_area
    ) grouped
    group by grouped.solution_area
  ),
  area_names as (
    select area.slug, area.name from public.solution_areas area
  ),
  area_activity as (
    select area_names.slug, area_names.name,
      (select count(*) from public.conversations conversation where conversation.solution_area = area_names.slug and conversation.created_at >= window_start)::integer as conversations,
      (select count(*) from ended where ended.solution_area = area_names.slug)::integer as guided_fixes,
      coalesce((select (ai ->> 'calls')::integer from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' = area_names.slug), 0) as ai_calls,
      coalesce((select (ai ->> 'cost_usd')::numeric from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' = area_names.slug), 0) as ai_cost_usd,
      coalesce((select resolutions_by_area.resolutions from resolutions_by_area where resolutions_by_area.solution_area = area_names.slug), 0) as resolutions
    from area_names
  )
  select jsonb_build_object(
    'days', days,
    'window_start', window_start,
    'generated_at', now(),
    'troubleshooting_by_week', (
      select coalesce(jsonb_agg(jsonb_build_object('week', weekly.week, 'ended', weekly.ended, 'resolved', weekly.resolved,
        'resolution_rate', round(weekly.resolved::numeric / nullif(weekly.ended, 0), 4),
        'average_steps_to_resolution', round(weekly.steps, 2)) order by weekly.week), '[]')
      from (select (date_trunc('week', ended.completed_at at time zone 'UTC'))::date as week, count(*)::integer as ended,
              count(*) filter (where ended.outcome = 'resolved')::integer as resolved,
              avg(ended.steps_tried) filter (where ended.outcome = 'resolved') as steps
            from ended group by 1) weekly),
    'worst_guides', (
      select coalesce(jsonb_agg(to_jsonb(ranked) - 'rank' order by ranked.rank), '[]')
      from (select per_guide.*, row_number() over (order by per_guide.resolution_rate, per_guide.ended desc, per_guide.guide_title) as rank
            from (select ended.guide_id, ended.guide_title, count(*)::integer as ended,
                    count(*) filter (where ended.outcome = 'resolved')::integer as resolved,
                    count(*) filter (where ended.outcome = 'still_broken')::integer as still_broken,
                    count(*) filter (where ended.outcome = 'wrong_guide')::integer as wrong_guide,
                    count(*) filter (where ended.outcome = 'abandoned')::integer as left_midway,
                    round(count(*) filter (where ended.outcome = 'resolved')::numeric / count(*), 4) as resolution_rate
                  from ended where ended.guide_id is not null group by ended.guide_id, ended.guide_title) per_guide) ranked
      where ranked.rank <= 10),
    'follow_ups', (
      select coalesce(jsonb_agg(jsonb_build_object('session_id', pending.id, 'customer_id', pending.customer_id,
        'customer_name', pending.full_name, 'customer_email', pending.email, 'guide_title', pending.guide_title,
        'issue', pending.issue_description, 'outcome', pending.outcome, 'ended_at', pending.completed_at)
        order by pending.completed_at desc), '[]')
      from (select ended.*, profile.full_name, profile.email
            from ended
            join public.profiles profile on profile.id = ended.customer_id
            where ended.outcome in ('wrong_guide', 'abandoned')
              and not exists (select 1 from public.tickets ticket where ticket.customer_id = ended.customer_id
                              and (ticket.troubleshooting_session_id = ended.id or ticket.created_at >= ended.completed_at))
              and not exists (select 1 from public.troubleshooting_sessions later where later.customer_id = ended.customer_id
                              and later.resolved and later.completed_at > ended.completed_at)
            order by ended.completed_at desc
            limit 50) pending),
    'areas', (
      select coalesce(jsonb_agg(jsonb_build_object('area', area_activity.slug, 'name', area_activity.name,
        'conversations', area_activity.conversations, 'guided_fixes', area_activity.guided_fixes,
        'ai_calls', area_activity.ai_calls, 'ai_cost_usd', round(area_activity.ai_cost_usd, 4),
        'resolutions', area_activity.resolutions,
        'ai_cost_per_resolution_usd', round(area_activity.ai_cost_usd / nullif(area_activity.resolutions, 0), 4))
        order by area_activity.conversations + area_activity.guided_fixes desc, area_activity.name), '[]')
      from area_activity),
    'ai_cost_without_area_usd', coalesce((select (ai ->> 'cost_usd')::numeric from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' is null), 0),
    'daily_active_users', events -> 'daily_active_users',
    'functions', events -> 'functions',
    'self_service', (
      select jsonb_build_object(
        'ended', count(*)::integer,
        'assumed_resolved', count(*) filter (where self_service.assumed)::integer,
        'settled', count(*) filter (where self_service.settled)::integer,
        'durable_resolved', count(*) filter (where self_service.settled and self_service.held)::integer,
        'too_recent', count(*) filter (where not self_service.settled)::integer,
        'assumed_rate', round(count(*) filter (where self_service.assumed)::numeric / nullif(count(*), 0), 4),
        'durable_rate', round(count(*) filter (where self_service.settled and self_service.held)::numeric
                              / nullif(count(*) filter (where self_service.settled), 0), 4),
        'by_kind', (
          select coalesce(jsonb_object_agg(kinds.kind, jsonb_build_object('ended', kinds.ended, 'assumed_resolved', kinds.assumed,
            'settled', kinds.settled, 'durable_resolved', kinds.durable)), '{}')
          from (select inner_service.kind, count(*)::integer as ended, count(*) filter (where inner_service.assumed)::integer as assumed,
                  count(*) filter (where inner_service.settled)::integer as settled,
                  count(*) filter (where inner_service.settled and inner_service.held)::integer as durable
                from self_service inner_service group by inner_service.kind) kinds))
      from self_service)
  )
  into figures;
  return figures;
end;
$$;
comment on function public.standing_reports(integer) is
  'Standing reports for the last `days` UTC days (seeds 000 and 001): guided-fix resolution by week, worst guides, unresolved sessions to follow up, per-area activity and AI cost per resolution, daily active customers per area, AI function latency and error rate, and the self-service resolution rate assumed vs durable (no ticket or repeat within 7 days). Security invoker; refuses non-admins with 42501.';
revoke execute on function public.standing_reports(integer) from public, anon;
grant execute on function public.standing_reports(integer) to authenticated, service_role;

/**
 * The follow-up action: an admin opens a ticket for a guided fix that ended unresolved without one (wrong guide or
 * left midway), on the customer's behalf, linked to the session so the report stops listing it. One per session:
 * asking again returns the first (already_open). Security definer because tickets are inserted by their customer
 * under RLS; this function checks the caller is an admin itself.
 */
create or replace function public.open_follow_up_ticket(session_id uuid)
returns table (ticket_id uuid, ticket_number text, already_open boolean)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  session public.troubleshooting_sessions;
  customer public.profiles;
  existing public.tickets;
  outcome text;
begin
  if not coalesce(private.is_admin(), false) then
    raise exception 'only admins can open follow-up tickets' using errcode = '42501';
  end if;
  select * into session from public.troubleshooting_sessions s where s.id = session_id for update;
  if not found then
    raise exception 'troubleshooting session % not found', session_id using errcode = 'P0002';
  end if;
  select * into existing from public.tickets ticket where ticket.troubleshooting_session_id = session.id;
  if found then
    return query select existing.id, existing.number, true;
    return;
  end if;
  outcome := private.guided_fix_outcome(session);
  if outcome not in ('wrong_guide', 'abandoned') then
    raise exception 'only a guided fix that ended unresolved without a ticket needs a follow-up (this one is %)', replace(outcome, '_', ' ')
      using errcode = '23514';
  end if;
  select * into customer from public.profiles profile where profile.id = session.customer_id;
  -- Through public.open_ticket, the one way a ticket opens (its triggers and triage apply as for any other).
  return query
  select opened.id, opened.number, false
  from public.open_ticket(
    customer_id => session.customer_id,
    contact_email => customer.email,
    contact_phone => customer.phone,
    subject => left('Follow-up: ' || coalesce(session.guide_title, session.issue_description), 200),
    content => session.issue_description || coalesce(E'\n\nGuide: ' || session.guide_title, '')
      || E'\n\nOpened by support as a follow-up: the guided fix ended '
      || case outcome when 'wrong_guide' then 'with "this is another issue".' else 'without an answer.' end,
    channel => 'troubleshooting',
    troubleshooting_session_id => session.id,
    customer_vehicle_id => session.customer_vehicle_id
  ) opened;
end;
$$;
comment on function public.open_follow_up_ticket(uuid) is
  'Admin action from the standing reports: opens a ticket for a guided fix that ended unresolved (wrong guide, left) without one; one per session (already_open).';
revoke execute on function public.open_follow_up_ticket(uuid) from public, anon;
grant execute on function public.open_follow_up_ticket(uuid) to authenticated, service_role;
