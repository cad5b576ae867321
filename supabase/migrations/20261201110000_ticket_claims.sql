-- Ticket claims: how a technician takes a ticket off the queue, atomically.
--
-- Two technicians clicking "Claim" at once must never both get the ticket, and the one who loses must be told who
-- won. public.claim_ticket does it in one conditional UPDATE (status still unassigned, nobody assigned): under READ
-- COMMITTED the second UPDATE waits for the first one's row lock, re-checks the condition on the committed row,
-- matches nothing, and the function then reads who holds the ticket. No advisory locks, no retries.
-- public.claim_next_ticket hands out the most urgent, oldest unassigned ticket with FOR UPDATE SKIP LOCKED, so
-- concurrent callers never queue behind each other. public.release_ticket puts a claimed ticket back.
--
-- The queue order (urgency high -> medium -> low -> not yet triaged, then oldest first) is
-- private.urgency_rank(urgency), created_at, id, served by a partial index on the unassigned tickets.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.urgency_rank(urgency text)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case urgency when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end
$$;
comment on function private.urgency_rank(text) is
  'Queue order of an urgency: high 0, medium 1, low 2, not yet triaged (null) 3. Immutable, so tickets_unassigned_queue_idx can index it.';
grant execute on function private.urgency_rank(text) to authenticated, service_role;

create or replace function private.display_name_of(person_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(nullif(trim(profile.full_name), ''), profile.email, 'another technician')
  from public.profiles profile where profile.id = person_id
$$;
comment on function private.display_name_of(uuid) is
  'The name a technician is shown as (full name, else e-mail). Used by the claim functions to say who holds a ticket.';
grant execute on function private.display_name_of(uuid) to authenticated, service_role;

/** The answer every claim function gives: who holds the ticket now, and whether the caller just got it. */
create or replace function private.claim_outcome(ticket public.tickets, claimed boolean)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'claimed', claimed,
    'ticket_id', ticket.id,
    'number', ticket.number,
    'status', ticket.status,
    'assigned_to', ticket.assigned_to,
    'assigned_to_name', case when ticket.assigned_to is not null then private.display_name_of(ticket.assigned_to) end
  )
$$;
comment on function private.claim_outcome(public.tickets, boolean) is
  'jsonb {claimed, ticket_id, number, status, assigned_to, assigned_to_name} describing a ticket after a claim attempt.';
grant execute on function private.claim_outcome(public.tickets, boolean) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index tickets_unassigned_queue_idx on public.tickets (private.urgency_rank(urgency), created_at, id)
  where status = 'unassigned';
comment on index public.tickets_unassigned_queue_idx is
  'The technician queue and claim_next_ticket: unassigned tickets by urgency (private.urgency_rank), then oldest first.';

-- ---------------------------------------------------------------------------------------------------------------
-- Implementations (security definer: they check the caller themselves)
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.claim_ticket(ticket_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can claim tickets' using errcode = '42501';
  end if;

  -- The whole race is decided here: a concurrent claimer blocks on the row lock, then finds the condition false.
  update public.tickets target
  set assigned_to = caller, status = 'assigned'
  where target.id = claim_ticket.ticket_id and target.status = 'unassigned' and target.assigned_to is null
  returning target.* into ticket;
  if found then
    return private.claim_outcome(ticket, true);
  end if;

  select * into ticket from public.tickets target where target.id = claim_ticket.ticket_id;
  if not found then
    raise exception 'ticket % not found', claim_ticket.ticket_id using errcode = 'P0002';
  end if;
  return private.claim_outcome(ticket, false);
end;
$$;
comment on function private.claim_ticket(uuid) is 'Implementation of public.claim_ticket (runs as owner, checks the caller is staff).';
grant execute on function private.claim_ticket(uuid) to authenticated, service_role;

create or replace function private.claim_next_ticket()
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  next_id uuid;
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can claim tickets' using errcode = '42501';
  end if;

  -- SKIP LOCKED: a ticket another technician is claiming right now is passed over, not waited for. The row
  -- returned is locked and re-checked against the condition, so the update below cannot miss.
  select target.id into next_id
  from public.tickets target
  where target.status = 'unassigned' and target.assigned_to is null
  order by private.urgency_rank(target.urgency), target.created_at, target.id
  limit 1
  for update skip locked;
  if next_id is null then
    return jsonb_build_object('claimed', false, 'ticket_id', null, 'number', null, 'status', null, 'assigned_to', null, 'assigned_to_name', null);
  end if;

  update public.tickets target
  set assigned_to = caller, status = 'assigned'
  where target.id = next_id
  returning target.* into ticket;
  return private.claim_outcome(ticket, true);
end;
$$;
comment on function private.claim_next_ticket() is 'Implementation of public.claim_next_ticket (runs as owner, checks the caller is staff).';
grant execute on function private.claim_next_ticket() to authenticated, service_role;

create or replace function private.release_ticket(ticket_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can release tickets' using errcode = '42501';
  end if;

  select * into ticket from public.tickets target where target.id = release_ticket.ticket_id for update;
  if not found then
    raise exception 'ticket % not found', release_ticket.ticket_id using errcode = 'P0002';
  end if;
  if ticket.assigned_to is distinct from caller and not private.is_admin() then
    raise exception 'ticket % is claimed by %, not by you', ticket.number, coalesce(private.display_name_of(ticket.assigned_to), 'nobody')
      using errcode = '42501';
  end if;
  if ticket.status not in ('assigned', 'in_progress') then
    raise exception 'only an assigned or in-progress ticket can be released; % is %', ticket.number, ticket.status using errcode = '22023';
  end if;

  -- The lifecycle allows in_progress -> assigned -> unassigned, not a jump: take both steps.
  if ticket.status = 'in_progress' then
    update public.tickets target set status = 'assigned' where target.id = ticket.id;
  end if;
  update public.tickets target
  set status = 'unassigned', assigned_to = null
  where target.id = ticket.id
  returning target.* into ticket;
  return private.claim_outcome(ticket, false);
end;
$$;
comment on function private.release_ticket(uuid) is 'Implementation of public.release_ticket (runs as owner; the assignee or an admin only).';
grant execute on function private.release_ticket(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The desk's "Claim" button. Exactly one of any number of concurrent callers gets the ticket.
 * Returns {claimed, ticket_id, number, status, assigned_to, assigned_to_name}: claimed = false with the holder's
 * name when someone else (or the caller, earlier) already has it. Raises 42501 for non-staff, P0002 for no ticket.
 */
create or replace function public.claim_ticket(ticket_id uuid)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.claim_ticket(ticket_id) $$;
comment on function public.claim_ticket(uuid) is
  'Staff: atomically assigns an unassigned ticket to the caller. Returns {claimed, ticket_id, number, status, assigned_to, assigned_to_name}; claimed=false names who holds it.';
grant execute on function public.claim_ticket(uuid) to authenticated, service_role;

/** "Take the next ticket": the most urgent, oldest unassigned ticket; {claimed: false, ticket_id: null} when none is left. */
create or replace function public.claim_next_ticket()
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.claim_next_ticket() $$;
comment on function public.claim_next_ticket() is
  'Staff: claims the most urgent, oldest unassigned ticket (skipping ones being claimed concurrently). Same result shape as claim_ticket; ticket_id null when the queue is empty.';
grant execute on function public.claim_next_ticket() to authenticated, service_role;

/** Puts a claimed ticket back on the queue (its assignee, or an admin). */
create or replace function public.release_ticket(ticket_id uuid)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.release_ticket(ticket_id) $$;
comment on function public.release_ticket(uuid) is
  'Staff: the assignee (or an admin) returns an assigned or in-progress ticket to the unassigned queue. Same result shape as claim_ticket.';
grant execute on function public.release_ticket(uuid) to authenticated, service_role;
