-- Leaving a guide mid-way counts for analytics: a pg_cron job ends troubleshooting sessions that have been idle for
-- 24 hours as an early exit / abandonment, so no session stays "in progress" forever.
--
-- Idle means no activity since the later of the session's start and its last step answer. The job records what the
-- columns already mean (see 20261123000400_support.sql): abandoned (the customer left the flow), early_exit when
-- not every step of the guide was answered, completed_at now; never resolved or misclassified, so analytics tell
-- "left" (abandoned, not misclassified) from "wrong guide" (abandoned and misclassified).

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
-- The job's scan: open sessions by age. Partial, so it stays as small as the number of sessions in progress.
create index troubleshooting_sessions_open_idx on public.troubleshooting_sessions (started_at) where completed_at is null;
create index troubleshooting_session_steps_session_responded_idx on public.troubleshooting_session_steps (session_id, responded_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Ends every session idle for longer than `idle_for` (24 hours by default) as abandoned, with early_exit when the
 * customer answered fewer steps than the guide has. Returns how many sessions it ended. Runs as the owner (the
 * outcome columns are protected from customers) and is only granted to the service role; pg_cron calls it.
 */
create or replace function private.abandon_idle_troubleshooting_sessions(idle_for interval default interval '24 hours')
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  ended integer;
begin
  with idle as (
    select session.id,
      (select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id) as steps_answered,
      (select count(*) from public.guide_steps step where step.guide_id = session.guide_id) as steps_in_guide
    from public.troubleshooting_sessions session
    where session.completed_at is null
      and session.started_at < now() - idle_for
      and coalesce((select max(step.responded_at) from public.troubleshooting_session_steps step where step.session_id = session.id), session.started_at) < now() - idle_for
    for update of session skip locked
  )
  update public.troubleshooting_sessions session
  set abandoned = true,
      early_exit = idle.steps_answered < idle.steps_in_guide,
      completed_at = now()
  from idle
  where session.id = idle.id;
  get diagnostics ended = row_count;
  return ended;
end;
$$;
comment on function private.abandon_idle_troubleshooting_sessions(interval) is
  'pg_cron job (every 15 minutes): ends sessions idle for 24 h as abandoned, early_exit when not every step was answered; returns how many.';
grant execute on function private.abandon_idle_troubleshooting_sessions(interval) to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Scheduled jobs (pg_cron)
-- ---------------------------------------------------------------------------------------------------------------
select cron.schedule('abandon-idle-troubleshooting-sessions', '*/15 * * * *', 'select private.abandon_idle_troubleshooting_sessions()');

-- ---------------------------------------------------------------------------------------------------------------
-- Comments (the job gives `abandoned` a second source)
-- ---------------------------------------------------------------------------------------------------------------
comment on column public.troubleshooting_sessions.abandoned is
  'The customer left the flow: "this isn''t my problem" (with misclassified), or idle for 24 hours (set by the idle-session job).';
