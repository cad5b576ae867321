-- Tickets: a ticket created already resolved/closed (imports, Studio) has its triage resolved too, so the two
-- lifecycles can never disagree at their meeting point.

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.prepare_new_ticket()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
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
comment on function private.prepare_new_ticket() is 'Before-insert trigger on tickets: initial state for customer inserts, triage resolved for finished tickets, lifecycle timestamps.';

-- ---------------------------------------------------------------------------------------------------------------
-- Constraints
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets
  add constraint tickets_finished_means_triage_resolved check (status not in ('resolved', 'closed') or triage_status = 'resolved');
