-- The technician's day (issue 8): a ticket timeline kept by triggers, work orders whose labour cost the database
-- derives, the resolve rule, internal work-order notes, work-order visibility per role, and the one RPC the desk
-- needs to reply on a ticket that has no conversation yet.
--
-- Timeline triggers are statement-level with transition tables: a bulk ticket import or a triage batch writes its
-- timeline rows in one insert ... select, instead of one trigger call per row on the ticket insert path.
--
-- Work orders: labor_cost = hours x labor_rate, where hours are the actual hours once logged and the estimate
-- before. labor_cost and total_cost are generated columns, so neither Studio nor the app can type them. The
-- lifecycle is open -> in_progress -> completed | cancelled (open -> cancelled too); a finished work order is frozen.
-- A ticket cannot be resolved while any of its work orders is open or in progress.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.ticket_event_kind as enum (
  'created', 'triage_finished', 'triage_failed', 'claimed', 'assigned', 'unassigned', 'status_changed',
  'message_sent', 'reply_sent', 'internal_note_added',
  'work_order_created', 'work_order_started', 'work_order_completed', 'work_order_cancelled', 'resolved'
);
comment on type public.ticket_event_kind is 'What happened to a ticket, one timeline row each; extend with alter type ... add value.';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.ticket_events (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  kind public.ticket_event_kind not null,
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.ticket_events is 'Timeline of a ticket (who, what, when). Written only by triggers; staff read it, nobody writes it through the API.';
comment on column public.ticket_events.id is 'Row id; increases with insertion order, so it breaks ties between events of one transaction.';
comment on column public.ticket_events.ticket_id is 'Ticket the event belongs to.';
comment on column public.ticket_events.actor_id is 'Person whose request caused the event (auth.uid()); null for workers, jobs and Studio.';
comment on column public.ticket_events.kind is 'What happened.';
comment on column public.ticket_events.details is 'Facts of the event: from/to statuses, message id and role, work order number and total, triage category.';
comment on column public.ticket_events.created_at is 'When it happened (transaction time).';

alter table public.work_orders add column labor_rate numeric(10, 2) not null default 0 check (labor_rate >= 0);
comment on column public.work_orders.labor_rate is 'Labour rate per hour; labor_cost = hours x labor_rate.';

-- Existing rows keep their labour cost as a rate over their hours (rows with a cost but no hours cannot be
-- expressed as hours x rate; there are none outside demo data, which the seed recreates).
update public.work_orders
set labor_rate = round(labor_cost / coalesce(actual_hours, estimated_hours), 2)
where labor_cost > 0 and coalesce(actual_hours, estimated_hours) > 0;

alter table public.work_orders drop column total_cost, drop column labor_cost;
alter table public.work_orders
  add column labor_cost numeric(12, 2) generated always as (round(coalesce(actual_hours, estimated_hours, 0) * labor_rate, 2)) stored,
  add column total_cost numeric(12, 2) generated always as (round(coalesce(actual_hours, estimated_hours, 0) * labor_rate, 2) + parts_cost) stored;
comment on column public.work_orders.labor_cost is 'Hours (actual once logged, else estimated) x labor_rate (generated).';
comment on column public.work_orders.total_cost is 'labor_cost + parts_cost (generated).';
comment on column public.work_orders.actual_hours is 'Hours actually worked; logged while the work order is open or in progress, or when completing it.';
comment on column public.work_orders.status is 'open -> in_progress -> completed | cancelled (open -> cancelled too); enforced by trigger, finished work orders are frozen.';

create table public.work_order_notes (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references public.work_orders (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  content text not null check (length(trim(content)) > 0),
  created_at timestamptz not null default now()
);
comment on table public.work_order_notes is 'Technician-internal notes on a work order. Staff only: customers have no policy here, so they see a work order''s status and total but never these.';
comment on column public.work_order_notes.id is 'Note id.';
comment on column public.work_order_notes.work_order_id is 'Work order the note is about.';
comment on column public.work_order_notes.author_id is 'Staff member who wrote it.';
comment on column public.work_order_notes.content is 'The note.';
comment on column public.work_order_notes.created_at is 'When it was written.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index ticket_events_ticket_idx on public.ticket_events (ticket_id, created_at, id);
create index ticket_events_actor_id_idx on public.ticket_events (actor_id);
create index work_order_notes_work_order_idx on public.work_order_notes (work_order_id, created_at);
create index work_order_notes_author_id_idx on public.work_order_notes (author_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.owns_ticket(ticket_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.tickets ticket where ticket.id = ticket_id and ticket.customer_id = auth.uid())
$$;
comment on function private.owns_ticket(uuid) is 'True when the caller is the ticket''s customer.';
grant execute on function private.owns_ticket(uuid) to authenticated, service_role;

create or replace function private.is_assigned_to_or_unassigned_ticket(ticket_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.id = ticket_id and (ticket.assigned_to = auth.uid() or ticket.assigned_to is null)
  )
$$;
comment on function private.is_assigned_to_or_unassigned_ticket(uuid) is 'True when the ticket is assigned to the caller or to nobody.';
grant execute on function private.is_assigned_to_or_unassigned_ticket(uuid) to authenticated, service_role;

create or replace function private.staff_can_read_work_order(work_order_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_admin() or (private.is_technician() and exists (
    select 1 from public.work_orders work_order
    join public.tickets ticket on ticket.id = work_order.ticket_id
    where work_order.id = work_order_id and (ticket.assigned_to = auth.uid() or ticket.assigned_to is null)
  ))
$$;
comment on function private.staff_can_read_work_order(uuid) is 'Admins; technicians for work orders of their tickets and of unassigned tickets (the work order policies'' rule).';
grant execute on function private.staff_can_read_work_order(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers: work-order lifecycle and the resolve rule
-- ---------------------------------------------------------------------------------------------------------------
/** Replaces the support migration's version: stricter lifecycle (no way back to open), frozen finished orders. */
create or replace function private.protect_work_order_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.parts_cost := 0;
    if new.status <> 'open' then
      raise exception 'a work order starts open, not %', new.status using errcode = '23514';
    end if;
    -- API users only: imports and the seed (run as the owner) record past work on tickets already resolved.
    if current_user = 'authenticated'
       and exists (select 1 from public.tickets ticket where ticket.id = new.ticket_id and ticket.status in ('resolved', 'closed')) then
      raise exception 'ticket is % and takes no new work orders: reopen it first',
        (select ticket.status from public.tickets ticket where ticket.id = new.ticket_id) using errcode = '23514';
    end if;
  else
    if new.parts_cost is distinct from old.parts_cost and pg_trigger_depth() < 2 then
      raise exception 'parts_cost is derived from the parts lines and cannot be typed' using errcode = '42501';
    end if;
    if old.status in ('completed', 'cancelled') then
      raise exception 'work order % is % and can no longer change', old.number, old.status using errcode = '23514';
    end if;
    if new.ticket_id is distinct from old.ticket_id or new.number is distinct from old.number then
      raise exception 'the ticket and number of a work order never change' using errcode = '42501';
    end if;
    if new.status is distinct from old.status and not (
      (old.status = 'open' and new.status in ('in_progress', 'cancelled'))
      or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))
    ) then
      raise exception 'illegal work order status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  if new.status = 'completed' then
    new.completed_at := now();
  else
    new.completed_at := null;
  end if;
  return new;
end;
$$;
comment on function private.protect_work_order_fields() is 'Before-write trigger on work_orders: starts open, open -> in_progress -> completed | cancelled, finished orders frozen, parts_cost only from lines, completed_at.';

/** A ticket is resolved only when none of its work orders is still open or in progress. */
create or replace function private.require_finished_work_orders()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  unfinished text;
begin
  select string_agg(work_order.number || ' (' || work_order.status || ')', ', ' order by work_order.number) into unfinished
  from public.work_orders work_order
  where work_order.ticket_id = new.id and work_order.status in ('open', 'in_progress');
  if unfinished is not null then
    raise exception 'ticket % cannot be resolved while work orders are unfinished: %', new.number, unfinished
      using errcode = '23514', hint = 'Complete or cancel the work orders first.';
  end if;
  return new;
end;
$$;
comment on function private.require_finished_work_orders() is 'Before-update trigger on tickets: refuses to resolve a ticket with open or in-progress work orders (security definer: counts work orders RLS would hide).';

create trigger c_require_finished_work_orders before update of status on public.tickets
  for each row when (new.status = 'resolved' and old.status is distinct from 'resolved')
  execute function private.require_finished_work_orders();

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers: the timeline
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.record_ticket_created_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select inserted.id, auth.uid(), 'created', jsonb_build_object('number', inserted.number, 'channel', inserted.channel, 'status', inserted.status)
  from inserted_tickets inserted;
  return null;
end;
$$;
comment on function private.record_ticket_created_events() is 'After-insert statement trigger on tickets: a created event per new ticket.';

create or replace function private.record_ticket_change_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select change.ticket_id, auth.uid(), change.kind, change.details
  from old_tickets before_row
  join new_tickets after_row on after_row.id = before_row.id
  cross join lateral (values
    (after_row.id,
     case after_row.triage_status when 'processed' then 'triage_finished'::public.ticket_event_kind else 'triage_failed' end,
     jsonb_build_object('category', after_row.category, 'urgency', after_row.urgency), 1,
     after_row.triage_status is distinct from before_row.triage_status and after_row.triage_status in ('processed', 'ai_failed')
       and before_row.triage_status = 'processing'),
    (after_row.id,
     case when after_row.assigned_to is null then 'unassigned'::public.ticket_event_kind
          when after_row.assigned_to = auth.uid() then 'claimed' else 'assigned' end,
     jsonb_build_object('assigned_to', after_row.assigned_to, 'previously_assigned_to', before_row.assigned_to), 2,
     after_row.assigned_to is distinct from before_row.assigned_to),
    (after_row.id,
     case after_row.status when 'resolved' then 'resolved'::public.ticket_event_kind else 'status_changed' end,
     jsonb_build_object('from', before_row.status, 'to', after_row.status), 3,
     after_row.status is distinct from before_row.status
       -- A claim moves unassigned -> assigned; its claimed/assigned row already says so.
       and not (before_row.status = 'unassigned' and after_row.status = 'assigned' and after_row.assigned_to is distinct from before_row.assigned_to))
  ) as change (ticket_id, kind, details, position, happened)
  where change.happened
  order by before_row.id, change.position;
  return null;
end;
$$;
comment on function private.record_ticket_change_events() is 'After-update statement trigger on tickets: triage finished/failed, claimed/assigned/unassigned, status changed, resolved.';

create or replace function private.record_message_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select conversation.ticket_id, auth.uid(),
    case when inserted.is_internal_note then 'internal_note_added'::public.ticket_event_kind
         when inserted.role = 'technician' then 'reply_sent'
         else 'message_sent' end,
    jsonb_build_object('message_id', inserted.id, 'role', inserted.role, 'conversation_id', inserted.conversation_id)
  from inserted_messages inserted
  join public.conversations conversation on conversation.id = inserted.conversation_id
  -- System messages announce changes the timeline already records (a claim, a resolution): left out.
  where conversation.ticket_id is not null and inserted.role <> 'system'
  order by inserted.created_at, inserted.id;
  return null;
end;
$$;
comment on function private.record_message_events() is 'After-insert statement trigger on messages: message sent / reply sent / internal note added on the conversation''s ticket; system messages are left out (they announce changes the timeline already records).';

create or replace function private.record_work_order_created_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select inserted.ticket_id, auth.uid(), 'work_order_created',
    jsonb_build_object('work_order_id', inserted.id, 'number', inserted.number, 'description', inserted.description)
  from inserted_work_orders inserted;
  return null;
end;
$$;
comment on function private.record_work_order_created_events() is 'After-insert statement trigger on work_orders: work order created on its ticket.';

create or replace function private.record_work_order_status_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select after_row.ticket_id, auth.uid(),
    case after_row.status
      when 'in_progress' then 'work_order_started'::public.ticket_event_kind
      when 'completed' then 'work_order_completed'
      else 'work_order_cancelled' end,
    jsonb_build_object('work_order_id', after_row.id, 'number', after_row.number, 'actual_hours', after_row.actual_hours,
      'total_cost', after_row.total_cost)
  from old_work_orders before_row
  join new_work_orders after_row on after_row.id = before_row.id
  where after_row.status is distinct from before_row.status and after_row.status <> 'open';
  return null;
end;
$$;
comment on function private.record_work_order_status_events() is 'After-update statement trigger on work_orders: started / completed / cancelled on its ticket.';

create trigger record_ticket_created_events after insert on public.tickets
  referencing new table as inserted_tickets
  for each statement execute function private.record_ticket_created_events();
create trigger record_ticket_change_events after update on public.tickets
  referencing old table as old_tickets new table as new_tickets
  for each statement execute function private.record_ticket_change_events();
create trigger record_message_events after insert on public.messages
  referencing new table as inserted_messages
  for each statement execute function private.record_message_events();
create trigger record_work_order_created_events after insert on public.work_orders
  referencing new table as inserted_work_orders
  for each statement execute function private.record_work_order_created_events();
create trigger record_work_order_status_events after update on public.work_orders
  referencing old table as old_work_orders new table as new_work_orders
  for each statement execute function private.record_work_order_status_events();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.ticket_events enable row level security;
alter table public.work_order_notes enable row level security;

-- Only triggers write the timeline: no write policy, and no write privilege either.
revoke insert, update, delete, truncate on public.ticket_events from anon, authenticated;

create policy "Staff can read ticket timelines" on public.ticket_events
  for select to authenticated using ((select private.is_staff()));

-- Work orders: the support migration's policies are replaced by one per command and role (no `for all`), and
-- customers and technicians gain what issue 8 asks: own tickets' work orders, unassigned tickets' work orders.
drop policy "Technicians can read work orders of their tickets" on public.work_orders;
drop policy "Technicians can create work orders for their tickets" on public.work_orders;
drop policy "Technicians can update work orders of their tickets" on public.work_orders;
drop policy "Admins can manage work orders" on public.work_orders;

create policy "Customers can read the work orders of their own tickets" on public.work_orders
  for select to authenticated using (private.owns_ticket(ticket_id));
create policy "Technicians can read work orders of their tickets and of unassigned tickets" on public.work_orders
  for select to authenticated using ((select private.is_technician()) and private.is_assigned_to_or_unassigned_ticket(ticket_id));
create policy "Admins can read all work orders" on public.work_orders
  for select to authenticated using ((select private.is_admin()));
create policy "Technicians can create work orders for their tickets" on public.work_orders
  for insert to authenticated with check ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id));
create policy "Admins can create work orders for any ticket" on public.work_orders
  for insert to authenticated with check ((select private.is_admin()));
create policy "Technicians can update work orders of their tickets" on public.work_orders
  for update to authenticated using ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id))
  with check ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id));
create policy "Admins can update all work orders" on public.work_orders
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete work orders" on public.work_orders
  for delete to authenticated using ((select private.is_admin()));

-- Parts lines: readable by every staff member who can read the work order (not only the assigned technician).
drop policy "Technicians and admins can read parts of work orders they manage" on public.work_order_parts;
create policy "Staff can read parts of work orders they can read" on public.work_order_parts
  for select to authenticated using (private.staff_can_read_work_order(work_order_id));

create policy "Staff can read notes of work orders they can read" on public.work_order_notes
  for select to authenticated using (private.staff_can_read_work_order(work_order_id));
create policy "Technicians and admins can write notes on work orders they manage" on public.work_order_notes
  for insert to authenticated with check (author_id = (select auth.uid()) and private.can_manage_work_order(work_order_id));
create policy "Admins can delete work order notes" on public.work_order_notes
  for delete to authenticated using ((select private.is_admin()));

-- Live timeline on the ticket page.
alter publication supabase_realtime add table public.ticket_events;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The conversation a technician replies in. Customers own conversations and only they may insert one, so when a
 * ticket has none (an e-mail or troubleshooting ticket) this creates it for the ticket's customer, linked both ways.
 */
create or replace function private.open_ticket_conversation(ticket_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  ticket public.tickets;
  new_conversation_id uuid;
begin
  select * into ticket from public.tickets t where t.id = ticket_id for update;
  if not found or not private.is_staff() then
    raise exception 'ticket % not found', ticket_id using errcode = 'P0002';
  end if;
  if not (private.is_admin() or ticket.assigned_to = auth.uid()) then
    raise exception 'only the technician assigned to ticket % can write to its customer', ticket.number using errcode = '42501';
  end if;
  if ticket.conversation_id is not null then
    return ticket.conversation_id;
  end if;
  insert into public.conversations (customer_id, title, channel, assigned_technician_id, ticket_id)
  values (ticket.customer_id, left(ticket.number || ': ' || ticket.subject, 200),
    case when ticket.channel = 'email' then 'email'::public.conversation_channel else 'chat' end, auth.uid(), ticket.id)
  returning id into new_conversation_id;
  update public.tickets t set conversation_id = new_conversation_id where t.id = ticket.id;
  return new_conversation_id;
end;
$$;
comment on function private.open_ticket_conversation(uuid) is 'Implementation of public.open_ticket_conversation (runs as owner, checks the caller itself).';
grant execute on function private.open_ticket_conversation(uuid) to authenticated, service_role;

create or replace function public.open_ticket_conversation(ticket_id uuid)
returns uuid
language sql
security invoker
set search_path = ''
as $$ select private.open_ticket_conversation(ticket_id) $$;
comment on function public.open_ticket_conversation(uuid) is 'The ticket''s conversation, created for its customer when it has none; for the assigned technician or an admin.';
grant execute on function public.open_ticket_conversation(uuid) to authenticated, service_role;
