-- Automatic assignment (issue 16; anchor: Chatwoot's capacity-based assignment). Per solution area an admin may
-- turn on round-robin: a new ticket goes to the online technician of that area who waited longest for one, skipping
-- those already at their capacity (open tickets: assigned, in progress, waiting on the customer).
--
-- Chatwoot's bug #11034 was capacity being ignored: the check read the load without serialising concurrent
-- arrivals, so two tickets could both take a technician's last slot. Here the assignment locks the eligible
-- technicians' availability rows (in id order, so arrivals never deadlock) before counting their load; a second
-- arrival waits for the first to commit, and its count (a new statement under READ COMMITTED) sees the first's
-- ticket. Within one multi-row insert the count sees the rows already inserted by the statement.
--
-- A ticket's area is its conversation's; a ticket without one follows the rule whose solution_area is null.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.technician_availability (
  technician_id uuid primary key references public.profiles (id) on delete cascade,
  is_online boolean not null default false,
  capacity integer not null default 5 check (capacity between 0 and 200),
  solution_areas text[],
  last_assigned_at timestamptz,
  updated_at timestamptz not null default now()
);
comment on table public.technician_availability is
  'Whether a technician takes automatically assigned tickets now, how many open ones at most, and for which areas. Technicians switch themselves online or away; admins set capacity and areas.';
comment on column public.technician_availability.technician_id is 'The technician.';
comment on column public.technician_availability.is_online is 'Takes automatically assigned tickets now (the desk''s online/away switch).';
comment on column public.technician_availability.capacity is 'At most this many open tickets (assigned, in progress, waiting on the customer) before automatic assignment skips them.';
comment on column public.technician_availability.solution_areas is 'Areas they take tickets of; null for every area.';
comment on column public.technician_availability.last_assigned_at is 'When automatic assignment last gave them a ticket: the round-robin order (longest waiting first).';
comment on column public.technician_availability.updated_at is 'Last change, maintained by trigger.';

create table public.auto_assignment_rules (
  id uuid primary key default gen_random_uuid(),
  solution_area text references public.solution_areas (slug) on update cascade on delete cascade,
  is_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  constraint auto_assignment_rules_one_per_area unique nulls not distinct (solution_area)
);
comment on table public.auto_assignment_rules is
  'Solution areas whose new tickets are assigned automatically (round-robin among online technicians under capacity). Admins manage them.';
comment on column public.auto_assignment_rules.id is 'Rule id.';
comment on column public.auto_assignment_rules.solution_area is 'The area; null for tickets without one.';
comment on column public.auto_assignment_rules.is_enabled is 'Whether the rule assigns now.';
comment on column public.auto_assignment_rules.created_at is 'When the rule was created.';

create trigger touch_updated_at before update on public.technician_availability
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Before-write trigger on technician_availability: only admins set capacity, areas and the round-robin time. */
create function private.protect_availability_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if tg_op = 'INSERT' then
      new.capacity := 5;
      new.solution_areas := null;
      new.last_assigned_at := null;
    elsif new.capacity is distinct from old.capacity or new.solution_areas is distinct from old.solution_areas
          or new.last_assigned_at is distinct from old.last_assigned_at then
      raise exception 'capacity and areas are set by an admin' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.protect_availability_fields() is 'Before-write trigger on technician_availability: technicians switch only is_online.';
create trigger protect_availability_fields before insert or update on public.technician_availability
  for each row execute function private.protect_availability_fields();

/**
 * Before-insert trigger on tickets (b_, after a_prepare_new_ticket has reset what a customer may not set): gives an
 * unassigned ticket of an area with an enabled rule to the next technician by round-robin under capacity.
 */
create function private.assign_new_ticket()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  area text;
  chosen uuid;
begin
  if new.status <> 'unassigned' or new.assigned_to is not null then
    return new;
  end if;
  area := private.solution_area_of_conversation(new.conversation_id);
  if not exists (select 1 from public.auto_assignment_rules rule where rule.solution_area is not distinct from area and rule.is_enabled) then
    return new;
  end if;

  -- Serialise arrivals on the eligible technicians (bug #11034: an unlocked count let two arrivals share a last slot).
  perform 1 from public.technician_availability availability
  join public.profiles person on person.id = availability.technician_id and person.role = 'technician'
  where availability.is_online and (availability.solution_areas is null or area = any (availability.solution_areas))
  order by availability.technician_id
  for update of availability;

  select availability.technician_id into chosen
  from public.technician_availability availability
  join public.profiles person on person.id = availability.technician_id and person.role = 'technician'
  where availability.is_online and (availability.solution_areas is null or area = any (availability.solution_areas))
    and (select count(*) from public.tickets ticket
         where ticket.assigned_to = availability.technician_id
           and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')) < availability.capacity
  order by availability.last_assigned_at nulls first, availability.technician_id
  limit 1;
  if chosen is null then
    return new;
  end if;

  update public.technician_availability set last_assigned_at = clock_timestamp() where technician_id = chosen;
  new.assigned_to := chosen;
  new.status := 'assigned';
  return new;
end;
$$;
comment on function private.assign_new_ticket() is
  'Before-insert trigger on tickets: automatic round-robin assignment per auto_assignment_rules, skipping technicians at capacity (rows locked).';
create trigger b_assign_new_ticket before insert on public.tickets
  for each row execute function private.assign_new_ticket();

/** After-insert statement trigger on tickets: a ticket born assigned has its assignment on the timeline and in the chat. */
create function private.record_assignment_of_new_tickets()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select inserted.id, auth.uid(), 'assigned', jsonb_build_object('assigned_to', inserted.assigned_to, 'previously_assigned_to', null)
  from inserted_tickets inserted where inserted.assigned_to is not null;
  -- The technician now answers in the thread; the assistant steps back (as on a claim).
  update public.conversations conversation set assigned_technician_id = inserted.assigned_to
  from inserted_tickets inserted
  where conversation.id = inserted.conversation_id and inserted.assigned_to is not null
    and conversation.assigned_technician_id is distinct from inserted.assigned_to;
  return null;
end;
$$;
comment on function private.record_assignment_of_new_tickets() is
  'After-insert statement trigger on tickets: an assigned row for each ticket born assigned (automatic assignment), and the conversation handed to its technician.';
create trigger record_assignment_of_new_tickets after insert on public.tickets
  referencing new table as inserted_tickets
  for each statement execute function private.record_assignment_of_new_tickets();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.technician_availability enable row level security;
alter table public.auto_assignment_rules enable row level security;

create policy "Staff can read who is available" on public.technician_availability
  for select to authenticated using ((select private.is_staff()));
create policy "Technicians can add their own availability, admins any" on public.technician_availability
  for insert to authenticated with check ((select private.is_admin()) or (technician_id = (select auth.uid()) and (select private.is_technician())));
create policy "Technicians can change their own availability, admins any" on public.technician_availability
  for update to authenticated
  using ((select private.is_admin()) or technician_id = (select auth.uid()))
  with check ((select private.is_admin()) or technician_id = (select auth.uid()));
create policy "Admins can delete availability" on public.technician_availability
  for delete to authenticated using ((select private.is_admin()));

create policy "Staff can read the assignment rules" on public.auto_assignment_rules
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can create assignment rules" on public.auto_assignment_rules
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change assignment rules" on public.auto_assignment_rules
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete assignment rules" on public.auto_assignment_rules
  for delete to authenticated using ((select private.is_admin()));
