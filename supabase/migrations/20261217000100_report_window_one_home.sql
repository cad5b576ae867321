-- One home for the report window (issue 18 follow-up). The admin home, the desk figures and triage accuracy each
-- validated `days` and computed "the last `days` days, today included" themselves, and two of them in the session's
-- time zone rather than UTC. They now call private.report_window_start(days) (20261208080100_standing_reports.sql),
-- as public.standing_reports does, so every admin figure starts its window at the same UTC midnight and refuses the
-- same out-of-range `days` with the same 22023 message. Bodies are otherwise unchanged; grants and comments stay.

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
  window_start := private.report_window_start(days);

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

create or replace function public.desk_performance(days integer default 30)
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
  window_start := private.report_window_start(days);
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

create or replace function public.triage_accuracy(days integer default 30) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  window_start timestamptz;
  figures jsonb;
begin
  perform private.require_admin('triage accuracy');
  window_start := private.report_window_start(days);

  with judged as (
    select field.name as field,
      coalesce(first_correction.from_value, case field.name when 'category' then result.category::text else result.urgency::text end) as said,
      case field.name when 'category' then ticket.category::text else ticket.urgency::text end as final
    from public.ticket_ai_results result
    join public.tickets ticket on ticket.id = result.ticket_id
    cross join (values ('category'), ('urgency')) field (name)
    left join lateral (
      select correction.from_value from public.triage_corrections correction
      where correction.ticket_id = result.ticket_id and correction.field = field.name
      order by correction.id limit 1
    ) first_correction on true
    where result.processed_at >= window_start
  ),
  per_value as (
    select judged.field, judged.said, count(*)::int as total, count(*) filter (where judged.said = judged.final)::int as correct
    from judged where judged.said is not null and judged.final is not null
    group by judged.field, judged.said
  ),
  cells as (
    select judged.field, judged.said, judged.final, count(*)::int as tickets
    from judged where judged.said is not null and judged.final is not null
    group by judged.field, judged.said, judged.final
  )
  select jsonb_build_object(
    'days', days,
    'corrections', (select count(*)::int from public.triage_corrections correction where correction.corrected_at >= window_start),
    'fields', jsonb_build_object(
      'category', jsonb_build_object(
        'values', (select jsonb_agg(label::text order by label) from unnest(enum_range(null::public.ticket_category)) label),
        'perValue', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'total', total, 'correct', correct) order by said) from per_value where field = 'category'), '[]'),
        'cells', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'final', final, 'tickets', tickets) order by said, final) from cells where field = 'category'), '[]')),
      'urgency', jsonb_build_object(
        'values', '["high", "medium", "low"]'::jsonb,
        'perValue', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'total', total, 'correct', correct) order by private.urgency_rank(said)) from per_value where field = 'urgency'), '[]'),
        'cells', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'final', final, 'tickets', tickets) order by said, final) from cells where field = 'urgency'), '[]'))))
  into figures;
  return figures;
end;
$$;
