-- Review of 20261203000300: the staff rule and the wake-up debounce each belong in one place.
--
-- 20261203000300 copied two rules into the insert triggers to save a helper call each (about 10 µs of a ~350 µs
-- insert, never measured on its own): prepare_new_ticket spelled out who is staff, and wake_triage_worker repeated
-- the "woken less than a second ago" check that private.request_edge_function_wakeup makes first (20261203000100)
-- for every function it wakes. Both triggers go back to asking the helpers, so a change to either rule is made once.

create or replace function private.prepare_new_ticket()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A customer (or a signed-in caller without a staff role) cannot pre-set the triage or workflow state.
  if current_user = 'authenticated' and not private.is_staff() then
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
  -- request_edge_function_wakeup answers "woken less than a second ago" with a plain read before anything else.
  if exists (select 1 from inserted_tickets ticket where ticket.triage_status = 'pending') then
    perform private.request_edge_function_wakeup('triage', jsonb_build_object('reason', 'tickets_inserted'), interval '1 second', 60000);
  end if;
  return null;
end;
$$;
