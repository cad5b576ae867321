-- Guided-fix figures with one home (issue 21). The admin home counted outcomes from `troubleshooting_completed`
-- analytics events while /admin/guides counted the sessions themselves, so the two disagreed: a session given its
-- outcome without that event (the demo data, an import) was on one page and not on the other. Both now count
-- sessions, each session classified by private.guided_fix_outcome — the one place that says what "still broken" or
-- "abandoned" means.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The one outcome of a session, from the columns public.complete_troubleshooting_session and the idle-session job
 * set. Exactly one per session: a wrong guide also marks the session abandoned, and counts as the wrong guide only.
 */
create function private.guided_fix_outcome(session public.troubleshooting_sessions)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when session.completed_at is null then 'in_progress'
    when session.resolved then 'resolved'
    when session.misclassified then 'wrong_guide'
    when session.abandoned then 'abandoned'
    else 'still_broken'
  end
$$;

comment on function private.guided_fix_outcome(public.troubleshooting_sessions) is
  'The outcome of one guided-fix session: in_progress, resolved, wrong_guide, abandoned or still_broken (exactly one). Counted by public.guide_figures and the support dashboard alike.';
revoke all on function private.guided_fix_outcome(public.troubleshooting_sessions) from public;
grant execute on function private.guided_fix_outcome(public.troubleshooting_sessions) to authenticated;
grant execute on function private.guided_fix_outcome(public.troubleshooting_sessions) to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------------------------------------------------
-- The same columns as before; the outcome counts now come from private.guided_fix_outcome.
create or replace view public.guide_figures with (security_invoker = true) as
select
  guide.id as guide_id,
  guide.slug,
  guide.title,
  guide.is_published,
  (select count(*) from public.guide_steps step where step.guide_id = guide.id)::integer as step_count,
  count(session.id)::integer as sessions,
  count(session.id) filter (where session.completed_at is not null)::integer as completed_sessions,
  count(session.id) filter (where private.guided_fix_outcome(session) = 'resolved')::integer as resolved_sessions,
  round(count(session.id) filter (where private.guided_fix_outcome(session) = 'resolved')::numeric
    / nullif(count(session.id) filter (where session.completed_at is not null), 0), 3) as resolution_rate,
  round(avg((select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id and step.attempted))
    filter (where private.guided_fix_outcome(session) = 'resolved'), 2) as average_steps_to_resolution,
  round(count(session.id) filter (where private.guided_fix_outcome(session) = 'wrong_guide')::numeric
    / nullif(count(session.id) filter (where session.completed_at is not null), 0), 3) as misclassification_rate,
  count(session.id) filter (where private.guided_fix_outcome(session) = 'abandoned')::integer as abandoned_sessions
from public.guides guide
left join public.troubleshooting_sessions session on session.guide_id = guide.id
where (select private.is_admin())
group by guide.id;

-- ---------------------------------------------------------------------------------------------------------------
-- Functions
-- ---------------------------------------------------------------------------------------------------------------
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
  -- Sessions that ended in the window, each counted once under its outcome (private.guided_fix_outcome), as
  -- public.guide_figures counts them.
  sessions as (
    select
      count(*) filter (where outcome.outcome = 'resolved')::integer as resolved,
      count(*) filter (where outcome.outcome = 'wrong_guide')::integer as misclassified,
      count(*) filter (where outcome.outcome = 'abandoned')::integer as abandoned,
      count(*) filter (where outcome.outcome = 'still_broken')::integer as still_broken
    from public.troubleshooting_sessions session
    cross join lateral (select private.guided_fix_outcome(session) as outcome) outcome
    where session.completed_at >= window_start
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
  'Dashboard figures since window_start: AI usage by source and conversations (analytics_events), guided-fix outcomes of the sessions that ended (private.guided_fix_outcome, as public.guide_figures counts them). Security definer for the index on the enum event_type and to count every session; refuses non-admins.';
