-- The ticket insert path, third pass (issue 4): the two triggers every customer insert fires no longer call a
-- security-definer helper only to learn "nothing to do". Each such call switches search_path and back and sets up
-- a PL/pgSQL frame, about 10 µs per insert on the development machine, where the whole insert is ~350 µs.
--
-- - prepare_new_ticket asked private.is_staff(), which asks private.current_user_role(); it now asks the latter
--   directly (same answer: staff are technicians and admins).
-- - wake_triage_worker called private.request_edge_function_wakeup for every statement with a pending ticket, and
--   that function's first step is "was triage woken less than a second ago?". The trigger now asks that question
--   itself and calls the function only when a wake-up may be due; the function still decides, under its lock.

create or replace function private.prepare_new_ticket()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A customer (or a signed-in caller without a staff role) cannot pre-set the triage or workflow state.
  if current_user = 'authenticated' and coalesce(private.current_user_role() not in ('technician', 'admin'), true) then
    new.triage_status := 'pending';
    new.status := 'unassigned';
    new.assigned_to := null;
    new.category := null;
    new.urgency := null;
  end if;
  if new.status in ('resolved', 'closed') then
    new.triage_status := 'resolved';
  end if;
  if new.assigned_to is not null and new.assigned_at is null then
    new.assigned_at := now();
  end if;
  if new.status in ('resolved', 'closed') and new.resolved_at is null then
    new.resolved_at := now();
  end if;
  if new.status = 'closed' and new.closed_at is null then
    new.closed_at := now();
  end if;
  return new;
end;
$$;

create or replace function private.wake_triage_worker()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from inserted_tickets ticket where ticket.triage_status = 'pending')
    -- Woken less than the debounce interval (1 s) ago: the worker is already on its way.
    and not exists (
      select 1 from private.edge_function_wakeups wakeup
      where wakeup.function_name = 'triage' and wakeup.last_requested_at >= clock_timestamp() - interval '1 second'
    )
  then
    perform private.request_edge_function_wakeup('triage', jsonb_build_object('reason', 'tickets_inserted'), interval '1 second', 60000);
  end if;
  return null;
end;
$$;
