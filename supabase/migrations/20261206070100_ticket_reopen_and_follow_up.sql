-- Reopen, follow-up, auto-close and status that follows the work (issue 16).
--
-- A customer writing "still spongy after the repair" on a resolved ticket used to leave it resolved and out of every
-- lane, although the chat had just told them "Reply here if anything is still wrong". Now, for any writer (the app,
-- the chat function, Studio):
--   * a customer message on a resolved ticket reopens it to its technician (resolved -> in_progress, a `reopened`
--     timeline row with the customer as actor) — a technician's or a system message does not;
--   * a resolved ticket closes by itself once it has been quiet for public.desk_settings.close_resolved_after
--     (pg_cron, every 10 minutes, private.close_quiet_resolved_tickets);
--   * a customer message on a closed ticket opens a follow-up ticket (tickets.follow_up_of) that takes over the
--     conversation, so the thread and the technician's replies continue there; the closed ticket gets a
--     `follow_up_opened` row;
--   * starting a work order moves an assigned (or waiting) ticket to in_progress. "Every work order finished, resolve?"
--     is a hint the desk derives from the work orders; resolving stays the technician's decision.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.desk_settings (
  id boolean primary key default true check (id),
  close_resolved_after interval not null default interval '7 days'
    check (close_resolved_after >= interval '1 minute'),
  updated_at timestamptz not null default now()
);
comment on table public.desk_settings is
  'Settings of the technician desk: one row (id = true), read by staff, changed by admins (in the app or Studio).';
comment on column public.desk_settings.id is 'Always true: the table has exactly one row.';
comment on column public.desk_settings.close_resolved_after is
  'How long a resolved ticket stays quiet (no message) before pg_cron closes it; a customer message before then reopens it.';
comment on column public.desk_settings.updated_at is 'Last change, maintained by trigger.';
insert into public.desk_settings default values;

alter table public.tickets add column follow_up_of uuid references public.tickets (id) on delete set null;
comment on column public.tickets.follow_up_of is
  'The closed ticket this one follows up: set when the customer wrote again after closing (trigger on messages).';
create index tickets_follow_up_of_idx on public.tickets (follow_up_of) where follow_up_of is not null;

create trigger touch_updated_at before update on public.desk_settings
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * After-insert statement trigger on messages. Named with `a_` so it runs before record_message_events: a follow-up
 * takes the conversation over first, and the customer's message is then recorded on the follow-up's timeline.
 * Security definer: the customer may not update tickets, yet their message must move one.
 */
create function private.reopen_or_follow_up_on_customer_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  finished record;
  follow_up_id uuid;
begin
  -- Resolved: back to the technician who resolved it (the reopened row is written by record_ticket_change_events).
  update public.tickets ticket set status = 'in_progress'
  where ticket.status = 'resolved' and ticket.assigned_to is not null
    and ticket.id in (
      select conversation.ticket_id from inserted_messages inserted
      join public.conversations conversation on conversation.id = inserted.conversation_id
      where inserted.role = 'user' and not inserted.is_internal_note and conversation.ticket_id is not null);

  -- Closed: a follow-up ticket with the customer's words, linked to the closed one, owning the thread from now on.
  for finished in
    select distinct on (ticket.id) ticket.*, inserted.content as message_content
    from inserted_messages inserted
    join public.conversations conversation on conversation.id = inserted.conversation_id
    join public.tickets ticket on ticket.id = conversation.ticket_id
    where inserted.role = 'user' and not inserted.is_internal_note and ticket.status = 'closed'
    order by ticket.id, inserted.created_at, inserted.id
  loop
    update public.tickets set conversation_id = null where id = finished.id;
    -- Through public.open_ticket, the one way to open a ticket (decision 0012); it runs as this function's owner.
    select opened.id into follow_up_id
    from public.open_ticket(
      subject => left('Follow-up: ' || finished.subject, 200), content => finished.message_content,
      channel => finished.channel, priority => finished.priority, contact_email => finished.contact_email,
      contact_phone => finished.contact_phone, customer_vehicle_id => finished.customer_vehicle_id,
      vehicle_year => finished.vehicle_year, vehicle_make => finished.vehicle_make,
      vehicle_model => finished.vehicle_model, vin => finished.vin, conversation_id => finished.conversation_id,
      customer_id => finished.customer_id) opened;
    update public.tickets set follow_up_of = finished.id where id = follow_up_id;
    insert into public.ticket_events (ticket_id, actor_id, kind, details)
    values (finished.id, auth.uid(), 'follow_up_opened', jsonb_build_object('follow_up_id', follow_up_id,
      'follow_up_number', (select number from public.tickets where id = follow_up_id)));
  end loop;
  return null;
end;
$$;
comment on function private.reopen_or_follow_up_on_customer_message() is
  'After-insert statement trigger on messages: a customer message reopens its resolved ticket (to its technician) or opens a follow-up of its closed ticket.';

create trigger a_reopen_or_follow_up_on_customer_message after insert on public.messages
  referencing new table as inserted_messages
  for each statement execute function private.reopen_or_follow_up_on_customer_message();

/** After-update statement trigger on work_orders: a started work order puts its ticket in progress. */
create function private.start_ticket_with_its_work()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.tickets ticket set status = 'in_progress'
  where ticket.status in ('assigned', 'waiting_on_customer')
    and ticket.id in (
      select after_row.ticket_id from old_work_orders before_row
      join new_work_orders after_row on after_row.id = before_row.id
      where after_row.status = 'in_progress' and before_row.status is distinct from 'in_progress');
  return null;
end;
$$;
comment on function private.start_ticket_with_its_work() is
  'After-update statement trigger on work_orders: starting a work order moves its assigned or waiting ticket to in_progress.';

create trigger start_ticket_with_its_work after update on public.work_orders
  referencing old table as old_work_orders new table as new_work_orders
  for each statement execute function private.start_ticket_with_its_work();

/** The timeline says `reopened` (not a bare status change) when a finished ticket comes back. */
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
     case when after_row.status = 'resolved' then 'resolved'::public.ticket_event_kind
          when before_row.status in ('resolved', 'closed') and after_row.status not in ('resolved', 'closed') then 'reopened'
          else 'status_changed' end,
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
comment on function private.record_ticket_change_events() is
  'After-update statement trigger on tickets: triage finished/failed, claimed/assigned/unassigned, status changed, resolved, reopened.';

-- ---------------------------------------------------------------------------------------------------------------
-- Scheduled work
-- ---------------------------------------------------------------------------------------------------------------
/** Closes resolved tickets quiet for desk_settings.close_resolved_after; returns how many. pg_cron calls it. */
create function private.close_quiet_resolved_tickets()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  quiet_for interval := (select settings.close_resolved_after from public.desk_settings settings);
  closed_count integer;
begin
  update public.tickets ticket set status = 'closed'
  where ticket.status = 'resolved'
    and ticket.resolved_at < now() - quiet_for
    and not exists (
      select 1 from public.conversations conversation
      where conversation.id = ticket.conversation_id and conversation.last_message_at >= now() - quiet_for);
  get diagnostics closed_count = row_count;
  return closed_count;
end;
$$;
comment on function private.close_quiet_resolved_tickets() is
  'pg_cron job close-quiet-resolved-tickets: closes resolved tickets without a message for desk_settings.close_resolved_after.';
grant execute on function private.close_quiet_resolved_tickets() to service_role;

select cron.schedule('close-quiet-resolved-tickets', '*/10 * * * *', 'select private.close_quiet_resolved_tickets()');

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.desk_settings enable row level security;
revoke insert, delete, truncate on public.desk_settings from anon, authenticated;

create policy "Staff can read the desk settings" on public.desk_settings
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can change the desk settings" on public.desk_settings
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
