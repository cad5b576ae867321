-- A finished troubleshooting session is a record: once it has an outcome (and perhaps a ticket listing the steps
-- tried), its step answers no longer change. Customers record and answer steps only while their session is open;
-- the outcome function and the idle-session job (running as the owner) still mark steps when they end a session.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.owns_open_troubleshooting_session(session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.troubleshooting_sessions session
    where session.id = session_id and session.customer_id = auth.uid() and session.completed_at is null
  )
$$;
comment on function private.owns_open_troubleshooting_session(uuid) is 'True when the caller owns the session and it has no outcome yet.';
grant execute on function private.owns_open_troubleshooting_session(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
drop policy "Customers can record steps of their sessions" on public.troubleshooting_session_steps;
create policy "Customers can record steps of their open sessions" on public.troubleshooting_session_steps
  for insert to authenticated with check (private.owns_open_troubleshooting_session(session_id));

drop policy "Customers can answer steps of their sessions" on public.troubleshooting_session_steps;
create policy "Customers can answer steps of their open sessions" on public.troubleshooting_session_steps
  for update to authenticated using (private.owns_open_troubleshooting_session(session_id))
  with check (private.owns_open_troubleshooting_session(session_id));
