-- Support: troubleshooting sessions, conversations and messages, tickets and their AI results, work orders.
--
-- Tickets carry two statuses that answer different questions:
--   triage_status (pending -> processing -> processed | ai_failed -> resolved) is the AI pipeline's progress;
--   status (unassigned -> assigned / in_progress -> waiting_on_customer -> resolved -> closed) is the human workflow.
-- They meet at the end: when the workflow reaches resolved/closed the triage status becomes resolved too.
-- Both transition graphs are enforced by private.enforce_ticket_lifecycle, so Studio edits cannot skip states.
--
-- AI internals (draft reply, sentiment, reasoning) live in ticket_ai_results, a table customers have no policy on;
-- the customer-safe outcome of triage (category, urgency) is copied onto tickets by trigger.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.conversation_channel as enum ('chat', 'voice', 'email');
create type public.conversation_status as enum ('active', 'resolved', 'archived');
create type public.message_role as enum ('user', 'assistant', 'technician', 'system');
create type public.message_type as enum ('text', 'voice', 'image', 'file');
create type public.ticket_channel as enum ('web', 'chat', 'voice', 'email', 'phone', 'troubleshooting');
create type public.ticket_priority as enum ('low', 'normal', 'high', 'urgent');
create type public.ticket_triage_status as enum ('pending', 'processing', 'processed', 'resolved', 'ai_failed');
create type public.ticket_status as enum ('unassigned', 'assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed');
create type public.ticket_category as enum ('billing', 'technical', 'feature_request');
create type public.ticket_urgency as enum ('high', 'medium', 'low');
create type public.work_order_status as enum ('open', 'in_progress', 'completed', 'cancelled');
comment on type public.ticket_category is 'AI triage category; extend with alter type ... add value.';
comment on type public.ticket_triage_status is 'AI pipeline progress: pending -> processing -> processed | ai_failed -> resolved.';
comment on type public.ticket_status is 'Technician workflow: unassigned -> assigned / in_progress -> waiting_on_customer -> resolved -> closed.';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.troubleshooting_sessions (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.profiles (id) on delete cascade,
  issue_description text not null check (length(trim(issue_description)) > 0),
  guide_id uuid references public.guides (id) on delete set null,
  guide_title text,
  resolved boolean not null default false,
  early_exit boolean not null default false,
  misclassified boolean not null default false,
  abandoned boolean not null default false,
  started_at timestamptz not null default now(),
  completed_at timestamptz
);
comment on table public.troubleshooting_sessions is 'A customer walking through a guide. The outcome columns are set only by public.complete_troubleshooting_session.';
comment on column public.troubleshooting_sessions.id is 'Session id.';
comment on column public.troubleshooting_sessions.customer_id is 'Customer troubleshooting.';
comment on column public.troubleshooting_sessions.issue_description is 'The problem in the customer''s words.';
comment on column public.troubleshooting_sessions.guide_id is 'Guide matched to the description.';
comment on column public.troubleshooting_sessions.guide_title is 'Title of the guide at match time (guides may be renamed later).';
comment on column public.troubleshooting_sessions.resolved is 'The guide fixed the issue.';
comment on column public.troubleshooting_sessions.early_exit is 'The session ended before every step of the guide was shown.';
comment on column public.troubleshooting_sessions.misclassified is 'The customer said the guide did not match the issue.';
comment on column public.troubleshooting_sessions.abandoned is 'The customer left the flow (another issue).';
comment on column public.troubleshooting_sessions.started_at is 'When the session began.';
comment on column public.troubleshooting_sessions.completed_at is 'When an outcome was recorded; null while in progress.';

create table public.troubleshooting_session_steps (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.troubleshooting_sessions (id) on delete cascade,
  step_number integer not null check (step_number > 0),
  step_text text not null,
  attempted boolean not null default false,
  resolved_issue boolean not null default false,
  responded_at timestamptz,
  unique (session_id, step_number)
);
comment on table public.troubleshooting_session_steps is 'Steps shown in a session and the customer''s response to each.';
comment on column public.troubleshooting_session_steps.id is 'Row id.';
comment on column public.troubleshooting_session_steps.session_id is 'Session the step was shown in.';
comment on column public.troubleshooting_session_steps.step_number is 'Position in the guide, from 1.';
comment on column public.troubleshooting_session_steps.step_text is 'Instruction exactly as shown.';
comment on column public.troubleshooting_session_steps.attempted is 'The customer tried the step.';
comment on column public.troubleshooting_session_steps.resolved_issue is 'Set on attempted steps when the session ends resolved.';
comment on column public.troubleshooting_session_steps.responded_at is 'When the customer answered.';

create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.profiles (id) on delete cascade,
  title text not null default 'New conversation',
  solution_area text references public.solution_areas (slug) on update cascade on delete set null,
  channel public.conversation_channel not null default 'chat',
  status public.conversation_status not null default 'active',
  is_pinned boolean not null default false,
  is_shared boolean not null default false,
  ai_model text,
  assigned_technician_id uuid references public.profiles (id) on delete set null,
  ticket_id uuid,
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.conversations is 'Chat / voice / email threads between a customer, the assistant and technicians.';
comment on column public.conversations.id is 'Conversation id.';
comment on column public.conversations.customer_id is 'Customer who owns the thread.';
comment on column public.conversations.title is 'Thread title.';
comment on column public.conversations.solution_area is 'Solution area (manufacturing, maintenance, support) choosing the assistant instructions.';
comment on column public.conversations.channel is 'chat, voice or email.';
comment on column public.conversations.status is 'active, resolved or archived.';
comment on column public.conversations.is_pinned is 'Pinned in the customer''s list.';
comment on column public.conversations.is_shared is 'Shared by link.';
comment on column public.conversations.ai_model is 'Assistant model answering in the thread.';
comment on column public.conversations.assigned_technician_id is 'Technician who took over the thread.';
comment on column public.conversations.ticket_id is 'Ticket raised from the thread; kept in sync with tickets.conversation_id by trigger.';
comment on column public.conversations.last_message_at is 'Time of the newest message, maintained by trigger.';
comment on column public.conversations.created_at is 'When the thread was opened.';
comment on column public.conversations.updated_at is 'Last change, maintained by trigger.';

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  sender_id uuid references public.profiles (id) on delete set null,
  role public.message_role not null,
  content text not null,
  type public.message_type not null default 'text',
  metadata jsonb not null default '{}',
  ai_confidence numeric(4, 3) check (ai_confidence between 0 and 1),
  is_internal_note boolean not null default false,
  created_at timestamptz not null default now(),
  check (not is_internal_note or role in ('technician', 'system'))
);
comment on table public.messages is 'Messages of a conversation. Internal notes are for staff only; customers never see them (RLS).';
comment on column public.messages.id is 'Message id.';
comment on column public.messages.conversation_id is 'Thread.';
comment on column public.messages.sender_id is 'Person who sent it; null for assistant and system messages.';
comment on column public.messages.role is 'user, assistant, technician or system.';
comment on column public.messages.content is 'Message text (or transcript for voice).';
comment on column public.messages.type is 'text, voice, image or file.';
comment on column public.messages.metadata is 'Attachments (storage paths, mime types, sizes) and AI details such as cited sources.';
comment on column public.messages.ai_confidence is 'Assistant confidence 0-1, for assistant messages.';
comment on column public.messages.is_internal_note is 'Staff-only note; hidden from the customer.';
comment on column public.messages.created_at is 'When the message was sent.';

create sequence public.ticket_number_seq;
comment on sequence public.ticket_number_seq is 'Source of human-readable ticket numbers (TCK-000123).';

create table public.tickets (
  id uuid primary key default gen_random_uuid(),
  number text not null unique default ('TCK-' || lpad(nextval('public.ticket_number_seq')::text, 6, '0')),
  customer_id uuid not null references public.profiles (id) on delete cascade,
  contact_email text,
  contact_phone text,
  subject text not null check (length(trim(subject)) > 0),
  content text not null default '',
  channel public.ticket_channel not null default 'web',
  priority public.ticket_priority not null default 'normal',
  customer_vehicle_id uuid references public.customer_vehicles (id) on delete set null,
  vehicle_year integer check (vehicle_year between 1900 and 2100),
  vehicle_make text,
  vehicle_model text,
  vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  call_transcript text,
  triage_status public.ticket_triage_status not null default 'pending',
  status public.ticket_status not null default 'unassigned',
  category public.ticket_category,
  urgency public.ticket_urgency,
  assigned_to uuid references public.profiles (id) on delete set null,
  conversation_id uuid unique references public.conversations (id) on delete set null,
  troubleshooting_session_id uuid unique references public.troubleshooting_sessions (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  assigned_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  check (status <> 'unassigned' or assigned_to is null),
  check (status not in ('assigned', 'in_progress', 'waiting_on_customer') or assigned_to is not null)
);
comment on table public.tickets is 'Support tickets. Two lifecycles (AI triage_status and technician status) enforced by trigger; see the migration header.';
comment on column public.tickets.id is 'Ticket id.';
comment on column public.tickets.number is 'Human-readable number TCK-000123 from ticket_number_seq; never changes.';
comment on column public.tickets.customer_id is 'Customer the ticket is for; never changes.';
comment on column public.tickets.contact_email is 'Email to reply to.';
comment on column public.tickets.contact_phone is 'Phone to call back.';
comment on column public.tickets.subject is 'One-line summary.';
comment on column public.tickets.content is 'Full description.';
comment on column public.tickets.channel is 'Where the ticket came from.';
comment on column public.tickets.priority is 'Priority chosen by the customer or staff.';
comment on column public.tickets.customer_vehicle_id is 'Customer vehicle concerned, if any.';
comment on column public.tickets.vehicle_year is 'Vehicle year as reported.';
comment on column public.tickets.vehicle_make is 'Vehicle make as reported.';
comment on column public.tickets.vehicle_model is 'Vehicle model as reported.';
comment on column public.tickets.vin is 'VIN as reported: 17 characters, no I, O or Q.';
comment on column public.tickets.call_transcript is 'Transcript when the ticket came from a call.';
comment on column public.tickets.triage_status is 'AI triage progress; set by the triage worker (service role), resolved when the workflow resolves.';
comment on column public.tickets.status is 'Technician workflow status.';
comment on column public.tickets.category is 'Triage category, copied from ticket_ai_results.';
comment on column public.tickets.urgency is 'Triage urgency, copied from ticket_ai_results; filters the technician queue.';
comment on column public.tickets.assigned_to is 'Technician working the ticket.';
comment on column public.tickets.conversation_id is 'Conversation the ticket was raised from.';
comment on column public.tickets.troubleshooting_session_id is 'Troubleshooting session that did not resolve the issue; one ticket per session.';
comment on column public.tickets.created_at is 'When the ticket was created.';
comment on column public.tickets.updated_at is 'Last change, maintained by trigger.';
comment on column public.tickets.assigned_at is 'When a technician was last assigned, maintained by trigger.';
comment on column public.tickets.resolved_at is 'When the ticket was resolved, maintained by trigger.';
comment on column public.tickets.closed_at is 'When the ticket was closed, maintained by trigger.';

alter table public.conversations
  add constraint conversations_ticket_id_fkey foreign key (ticket_id) references public.tickets (id) on delete set null;

create table public.ticket_ai_results (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null unique references public.tickets (id) on delete cascade,
  category public.ticket_category not null,
  sentiment_score integer not null check (sentiment_score between 1 and 10),
  urgency public.ticket_urgency not null,
  draft_reply text not null default '',
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  model text not null,
  reasoning text not null default '',
  processed_at timestamptz not null default now()
);
comment on table public.ticket_ai_results is 'AI triage result, one per ticket. Staff only: customers have no policy here, so they never see draft reply, sentiment or reasoning.';
comment on column public.ticket_ai_results.id is 'Row id.';
comment on column public.ticket_ai_results.ticket_id is 'Ticket triaged; unique.';
comment on column public.ticket_ai_results.category is 'billing, technical or feature_request.';
comment on column public.ticket_ai_results.sentiment_score is 'Customer sentiment 1 (angry) to 10 (delighted).';
comment on column public.ticket_ai_results.urgency is 'high, medium or low.';
comment on column public.ticket_ai_results.draft_reply is 'Suggested reply for the technician to edit.';
comment on column public.ticket_ai_results.confidence is 'Model confidence 0-1.';
comment on column public.ticket_ai_results.model is 'Model that produced the result.';
comment on column public.ticket_ai_results.reasoning is 'Why the model decided so.';
comment on column public.ticket_ai_results.processed_at is 'When triage finished.';

create sequence public.work_order_number_seq;
comment on sequence public.work_order_number_seq is 'Source of work order numbers (WO-000123).';

create table public.work_orders (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  number text not null unique default ('WO-' || lpad(nextval('public.work_order_number_seq')::text, 6, '0')),
  description text not null default '',
  estimated_hours numeric(8, 2) check (estimated_hours >= 0),
  actual_hours numeric(8, 2) check (actual_hours >= 0),
  labor_cost numeric(12, 2) not null default 0 check (labor_cost >= 0),
  parts_cost numeric(12, 2) not null default 0,
  total_cost numeric(12, 2) generated always as (labor_cost + parts_cost) stored,
  status public.work_order_status not null default 'open',
  assigned_technician_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
comment on table public.work_orders is 'Repair work for a ticket. parts_cost is the sum of the parts lines (trigger), total_cost is generated: neither is typed.';
comment on column public.work_orders.id is 'Work order id.';
comment on column public.work_orders.ticket_id is 'Ticket the work is for.';
comment on column public.work_orders.number is 'Human-readable number WO-000123.';
comment on column public.work_orders.description is 'Work to do.';
comment on column public.work_orders.estimated_hours is 'Estimated labour hours.';
comment on column public.work_orders.actual_hours is 'Hours actually worked.';
comment on column public.work_orders.labor_cost is 'Labour cost.';
comment on column public.work_orders.parts_cost is 'Sum of the parts lines, maintained by trigger; direct edits are refused.';
comment on column public.work_orders.total_cost is 'labor_cost + parts_cost (generated).';
comment on column public.work_orders.status is 'open -> in_progress -> completed / cancelled.';
comment on column public.work_orders.assigned_technician_id is 'Technician doing the work.';
comment on column public.work_orders.created_at is 'When the work order was created.';
comment on column public.work_orders.updated_at is 'Last change, maintained by trigger.';
comment on column public.work_orders.completed_at is 'When the work order was completed, maintained by trigger.';

create table public.work_order_parts (
  id uuid primary key default gen_random_uuid(),
  work_order_id uuid not null references public.work_orders (id) on delete cascade,
  part_name text not null,
  part_number text,
  quantity integer not null check (quantity > 0),
  unit_cost numeric(12, 2) not null check (unit_cost >= 0),
  line_total numeric(12, 2) generated always as (quantity * unit_cost) stored
);
comment on table public.work_order_parts is 'Parts needed by a work order, one line per part.';
comment on column public.work_order_parts.id is 'Line id.';
comment on column public.work_order_parts.work_order_id is 'Work order.';
comment on column public.work_order_parts.part_name is 'Part description.';
comment on column public.work_order_parts.part_number is 'Manufacturer or catalogue part number.';
comment on column public.work_order_parts.quantity is 'How many.';
comment on column public.work_order_parts.unit_cost is 'Cost of one.';
comment on column public.work_order_parts.line_total is 'quantity * unit_cost (generated).';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes (the technician queue and a customer's list are keyset-paginated on (created_at, id) under RLS)
-- ---------------------------------------------------------------------------------------------------------------
create index troubleshooting_sessions_customer_idx on public.troubleshooting_sessions (customer_id, started_at desc);
create index troubleshooting_sessions_guide_id_idx on public.troubleshooting_sessions (guide_id);
create index conversations_customer_idx on public.conversations (customer_id, updated_at desc);
create index conversations_assigned_technician_idx on public.conversations (assigned_technician_id) where assigned_technician_id is not null;
create index conversations_ticket_id_idx on public.conversations (ticket_id) where ticket_id is not null;
create index conversations_solution_area_idx on public.conversations (solution_area);
create index messages_conversation_idx on public.messages (conversation_id, created_at, id);
create index messages_sender_id_idx on public.messages (sender_id);
create index tickets_queue_idx on public.tickets (status, urgency, created_at desc, id desc);
create index tickets_queue_all_idx on public.tickets (created_at desc, id desc);
create index tickets_customer_idx on public.tickets (customer_id, created_at desc, id desc);
create index tickets_assigned_to_idx on public.tickets (assigned_to, status, created_at desc) where assigned_to is not null;
create index tickets_triage_idx on public.tickets (triage_status, created_at) where triage_status in ('pending', 'processing', 'ai_failed');
create index tickets_customer_vehicle_id_idx on public.tickets (customer_vehicle_id);
create index work_orders_ticket_id_idx on public.work_orders (ticket_id);
create index work_orders_assigned_technician_idx on public.work_orders (assigned_technician_id);
create index work_order_parts_work_order_id_idx on public.work_order_parts (work_order_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.owns_conversation(conversation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.conversations conversation
    where conversation.id = conversation_id and conversation.customer_id = auth.uid()
  )
$$;
comment on function private.owns_conversation(uuid) is 'True when the caller is the conversation''s customer.';
grant execute on function private.owns_conversation(uuid) to authenticated, service_role;

create or replace function private.staff_can_see_conversation(conversation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_admin() or (private.is_technician() and exists (
    select 1 from public.conversations conversation
    where conversation.id = conversation_id
      and (conversation.ticket_id is not null or conversation.assigned_technician_id = auth.uid())
  ))
$$;
comment on function private.staff_can_see_conversation(uuid) is 'Admins see every conversation; technicians those linked to a ticket or assigned to them.';
grant execute on function private.staff_can_see_conversation(uuid) to authenticated, service_role;

create or replace function private.owns_troubleshooting_session(session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.troubleshooting_sessions session
    where session.id = session_id and session.customer_id = auth.uid()
  )
$$;
comment on function private.owns_troubleshooting_session(uuid) is 'True when the caller owns the session.';
grant execute on function private.owns_troubleshooting_session(uuid) to authenticated, service_role;

create or replace function private.is_assigned_to_ticket(ticket_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.tickets ticket where ticket.id = ticket_id and ticket.assigned_to = auth.uid())
$$;
comment on function private.is_assigned_to_ticket(uuid) is 'True when the caller is the technician assigned to the ticket.';
grant execute on function private.is_assigned_to_ticket(uuid) to authenticated, service_role;

create or replace function private.can_manage_work_order(work_order_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.is_admin() or exists (
    select 1 from public.work_orders work_order
    join public.tickets ticket on ticket.id = work_order.ticket_id
    where work_order.id = work_order_id and ticket.assigned_to = auth.uid()
  )
$$;
comment on function private.can_manage_work_order(uuid) is 'Admins, or the technician assigned to the work order''s ticket.';
grant execute on function private.can_manage_work_order(uuid) to authenticated, service_role;

create or replace function private.is_technician_of_current_customer(technician_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.customer_id = auth.uid() and ticket.assigned_to = technician_id
  ) or exists (
    select 1 from public.conversations conversation
    where conversation.customer_id = auth.uid() and conversation.assigned_technician_id = technician_id
  )
$$;
comment on function private.is_technician_of_current_customer(uuid) is 'True when the technician is assigned to one of the caller''s tickets or conversations.';
grant execute on function private.is_technician_of_current_customer(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Customers create tickets in the initial state only; the fields staff and workers own are reset. */
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
comment on function private.prepare_new_ticket() is 'Before-insert trigger on tickets: initial state for customer inserts, lifecycle timestamps.';

/** Columns that never change after insert, and triage fields only the worker (service role) sets. */
create or replace function private.protect_ticket_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.number is distinct from old.number then
    raise exception 'a ticket number never changes' using errcode = '42501';
  end if;
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.created_at is distinct from old.created_at
       or new.troubleshooting_session_id is distinct from old.troubleshooting_session_id then
      raise exception 'customer, creation time and session of a ticket cannot change' using errcode = '42501';
    end if;
    if (new.triage_status is distinct from old.triage_status and new.triage_status <> 'resolved')
       or new.category is distinct from old.category or new.urgency is distinct from old.urgency then
      raise exception 'triage fields are set by the triage worker' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.protect_ticket_fields() is 'Before-update trigger on tickets: number, customer and triage fields are protected from API users.';

/** Refuses illegal transitions of both ticket lifecycles and keeps their timestamps and the join point in sync. */
create or replace function private.enforce_ticket_lifecycle()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if not (
      (old.status = 'unassigned' and new.status in ('assigned', 'in_progress'))
      or (old.status = 'assigned' and new.status in ('unassigned', 'in_progress', 'waiting_on_customer', 'resolved'))
      or (old.status = 'in_progress' and new.status in ('assigned', 'waiting_on_customer', 'resolved'))
      or (old.status = 'waiting_on_customer' and new.status in ('in_progress', 'resolved'))
      or (old.status = 'resolved' and new.status in ('in_progress', 'closed'))
    ) then
      raise exception 'illegal ticket status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;

  -- The workflow reaching resolved/closed resolves triage; a reopened ticket goes back to processed.
  if new.status in ('resolved', 'closed') then
    new.triage_status := 'resolved';
  elsif old.status in ('resolved', 'closed') and old.triage_status = 'resolved' then
    new.triage_status := 'processed';
  elsif new.triage_status = 'resolved' and old.triage_status <> 'resolved' then
    raise exception 'illegal triage status transition from % to resolved: resolve the ticket instead', old.triage_status using errcode = '23514';
  end if;

  if new.triage_status is distinct from old.triage_status
     and not (old.status in ('resolved', 'closed') or new.status in ('resolved', 'closed')) then
    if not (
      (old.triage_status = 'pending' and new.triage_status = 'processing')
      or (old.triage_status = 'processing' and new.triage_status in ('processed', 'ai_failed', 'pending'))
      or (old.triage_status = 'ai_failed' and new.triage_status in ('processing', 'pending'))
    ) then
      raise exception 'illegal triage status transition from % to %', old.triage_status, new.triage_status using errcode = '23514';
    end if;
  end if;

  if new.assigned_to is distinct from old.assigned_to and new.assigned_to is not null then
    new.assigned_at := now();
  end if;
  if new.status = 'resolved' and old.status <> 'resolved' then
    new.resolved_at := now();
  elsif new.status not in ('resolved', 'closed') then
    new.resolved_at := null;
  end if;
  if new.status = 'closed' and old.status <> 'closed' then
    new.closed_at := now();
  end if;
  return new;
end;
$$;
comment on function private.enforce_ticket_lifecycle() is 'Before-update trigger on tickets: legal status and triage transitions only; resolved_at / closed_at / assigned_at.';

/** Keeps conversations.ticket_id pointing at the ticket raised from the conversation. */
create or replace function private.link_ticket_conversation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.conversation_id is distinct from new.conversation_id and old.conversation_id is not null then
    update public.conversations set ticket_id = null where id = old.conversation_id and ticket_id = new.id;
  end if;
  if new.conversation_id is not null then
    update public.conversations set ticket_id = new.id where id = new.conversation_id and ticket_id is distinct from new.id;
  end if;
  return null;
end;
$$;
comment on function private.link_ticket_conversation() is 'After-write trigger on tickets: mirrors tickets.conversation_id into conversations.ticket_id.';

/** Copies the customer-safe part of the AI result (category, urgency) onto the ticket. */
create or replace function private.copy_ai_result_to_ticket()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.tickets set category = new.category, urgency = new.urgency where id = new.ticket_id;
  return null;
end;
$$;
comment on function private.copy_ai_result_to_ticket() is 'After-write trigger on ticket_ai_results: copies category and urgency to tickets.';

create or replace function private.protect_conversation_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.created_at is distinct from old.created_at then
      raise exception 'the owner of a conversation cannot change' using errcode = '42501';
    end if;
    if not private.is_staff() and (new.assigned_technician_id is distinct from old.assigned_technician_id
       or new.ticket_id is distinct from old.ticket_id) then
      raise exception 'only staff assign conversations and link tickets' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.protect_conversation_fields() is 'Before-update trigger on conversations: owner fixed; only staff assign or link tickets.';

create or replace function private.touch_conversation_on_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.conversations set last_message_at = new.created_at where id = new.conversation_id;
  return null;
end;
$$;
comment on function private.touch_conversation_on_message() is 'After-insert trigger on messages: sets conversations.last_message_at.';

/** Outcome columns are written only by complete_troubleshooting_session (which runs as the table owner). */
create or replace function private.protect_session_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.started_at is distinct from old.started_at
       or new.resolved is distinct from old.resolved or new.early_exit is distinct from old.early_exit
       or new.misclassified is distinct from old.misclassified or new.abandoned is distinct from old.abandoned
       or new.completed_at is distinct from old.completed_at then
      raise exception 'session outcomes are recorded by complete_troubleshooting_session' using errcode = '42501';
    end if;
    if old.completed_at is not null then
      raise exception 'a completed troubleshooting session cannot change' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.protect_session_fields() is 'Before-update trigger on troubleshooting_sessions: outcome columns only via the outcome function.';

create or replace function private.prepare_new_session()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    new.resolved := false;
    new.early_exit := false;
    new.misclassified := false;
    new.abandoned := false;
    new.completed_at := null;
    new.started_at := now();
  end if;
  if new.guide_id is not null and new.guide_title is null then
    new.guide_title := (select guide.title from public.guides guide where guide.id = new.guide_id);
  end if;
  return new;
end;
$$;
comment on function private.prepare_new_session() is 'Before-insert trigger on troubleshooting_sessions: fresh outcome columns, guide title at match time.';

create or replace function private.protect_work_order_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.parts_cost := 0;
  elsif new.parts_cost is distinct from old.parts_cost and pg_trigger_depth() < 2 then
    raise exception 'parts_cost is derived from the parts lines and cannot be typed' using errcode = '42501';
  end if;
  if tg_op = 'UPDATE' and new.status is distinct from old.status and not (
    (old.status = 'open' and new.status in ('in_progress', 'cancelled'))
    or (old.status = 'in_progress' and new.status in ('completed', 'cancelled', 'open'))
  ) then
    raise exception 'illegal work order status transition from % to %', old.status, new.status using errcode = '23514';
  end if;
  if new.status = 'completed' and (tg_op = 'INSERT' or old.status <> 'completed') then
    new.completed_at := now();
  elsif new.status <> 'completed' then
    new.completed_at := null;
  end if;
  return new;
end;
$$;
comment on function private.protect_work_order_fields() is 'Before-write trigger on work_orders: parts_cost only from lines, legal status transitions, completed_at.';

create or replace function private.sum_work_order_parts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  affected uuid;
begin
  foreach affected in array array_remove(array[
    case when tg_op <> 'DELETE' then new.work_order_id end,
    case when tg_op <> 'INSERT' then old.work_order_id end
  ], null) loop
    update public.work_orders work_order
    set parts_cost = coalesce((select sum(part.line_total) from public.work_order_parts part where part.work_order_id = affected), 0)
    where work_order.id = affected;
  end loop;
  return null;
end;
$$;
comment on function private.sum_work_order_parts() is 'After-write trigger on work_order_parts: recomputes work_orders.parts_cost.';

create trigger touch_updated_at before update on public.conversations for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.tickets for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.work_orders for each row execute function private.touch_updated_at();
create trigger a_prepare_new_ticket before insert on public.tickets for each row execute function private.prepare_new_ticket();
create trigger a_protect_ticket_fields before update on public.tickets for each row execute function private.protect_ticket_fields();
create trigger b_enforce_ticket_lifecycle before update on public.tickets for each row execute function private.enforce_ticket_lifecycle();
create trigger link_ticket_conversation after insert or update of conversation_id on public.tickets
  for each row execute function private.link_ticket_conversation();
create trigger copy_ai_result_to_ticket after insert or update on public.ticket_ai_results
  for each row execute function private.copy_ai_result_to_ticket();
create trigger protect_conversation_fields before update on public.conversations
  for each row execute function private.protect_conversation_fields();
create trigger touch_conversation_on_message after insert on public.messages
  for each row execute function private.touch_conversation_on_message();
create trigger protect_session_fields before update on public.troubleshooting_sessions
  for each row execute function private.protect_session_fields();
create trigger prepare_new_session before insert on public.troubleshooting_sessions
  for each row execute function private.prepare_new_session();
create trigger protect_work_order_fields before insert or update on public.work_orders
  for each row execute function private.protect_work_order_fields();
create trigger sum_work_order_parts after insert or update or delete on public.work_order_parts
  for each row execute function private.sum_work_order_parts();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.troubleshooting_sessions enable row level security;
alter table public.troubleshooting_session_steps enable row level security;
alter table public.conversations enable row level security;
alter table public.messages enable row level security;
alter table public.tickets enable row level security;
alter table public.ticket_ai_results enable row level security;
alter table public.work_orders enable row level security;
alter table public.work_order_parts enable row level security;

create policy "Customers can read the technicians assigned to their tickets" on public.profiles
  for select to authenticated using (private.is_technician_of_current_customer(id));

create policy "Customers can read their own sessions" on public.troubleshooting_sessions
  for select to authenticated using (customer_id = (select auth.uid()));
create policy "Staff can read all sessions" on public.troubleshooting_sessions
  for select to authenticated using ((select private.is_staff()));
create policy "Customers can start their own sessions" on public.troubleshooting_sessions
  for insert to authenticated with check (customer_id = (select auth.uid()));
create policy "Customers can update their open sessions" on public.troubleshooting_sessions
  for update to authenticated using (customer_id = (select auth.uid()) and completed_at is null)
  with check (customer_id = (select auth.uid()));

create policy "Customers can read steps of their sessions" on public.troubleshooting_session_steps
  for select to authenticated using (private.owns_troubleshooting_session(session_id));
create policy "Staff can read all session steps" on public.troubleshooting_session_steps
  for select to authenticated using ((select private.is_staff()));
create policy "Customers can record steps of their sessions" on public.troubleshooting_session_steps
  for insert to authenticated with check (private.owns_troubleshooting_session(session_id));
create policy "Customers can answer steps of their sessions" on public.troubleshooting_session_steps
  for update to authenticated using (private.owns_troubleshooting_session(session_id))
  with check (private.owns_troubleshooting_session(session_id));

create policy "Customers can read their own conversations" on public.conversations
  for select to authenticated using (customer_id = (select auth.uid()));
create policy "Technicians can read conversations linked to tickets or assigned to them" on public.conversations
  for select to authenticated using ((select private.is_technician()) and (ticket_id is not null or assigned_technician_id = (select auth.uid())));
create policy "Admins can read all conversations" on public.conversations
  for select to authenticated using ((select private.is_admin()));
create policy "Customers can start their own conversations" on public.conversations
  for insert to authenticated with check (customer_id = (select auth.uid()));
create policy "Customers can update their own conversations" on public.conversations
  for update to authenticated using (customer_id = (select auth.uid())) with check (customer_id = (select auth.uid()));
create policy "Technicians can update conversations assigned to them" on public.conversations
  for update to authenticated using ((select private.is_technician()) and assigned_technician_id = (select auth.uid()))
  with check ((select private.is_technician()));
create policy "Admins can update all conversations" on public.conversations
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete conversations" on public.conversations
  for delete to authenticated using ((select private.is_admin()));

create policy "Customers can read non-internal messages of their conversations" on public.messages
  for select to authenticated using (not is_internal_note and private.owns_conversation(conversation_id));
create policy "Staff can read messages of conversations they can see" on public.messages
  for select to authenticated using (private.staff_can_see_conversation(conversation_id));
create policy "Customers can write in their own conversations" on public.messages
  for insert to authenticated with check (
    role = 'user' and not is_internal_note and sender_id = (select auth.uid()) and private.owns_conversation(conversation_id)
  );
create policy "Staff can write in conversations they can see" on public.messages
  for insert to authenticated with check (
    role = 'technician' and sender_id = (select auth.uid()) and private.staff_can_see_conversation(conversation_id)
  );

create policy "Customers can read their own tickets" on public.tickets
  for select to authenticated using (customer_id = (select auth.uid()));
create policy "Staff can read all tickets" on public.tickets
  for select to authenticated using ((select private.is_staff()));
create policy "Customers can create their own tickets" on public.tickets
  for insert to authenticated with check (customer_id = (select auth.uid()));
create policy "Technicians can claim unassigned tickets" on public.tickets
  for update to authenticated using ((select private.is_technician()) and status = 'unassigned' and assigned_to is null)
  with check (assigned_to = (select auth.uid()));
create policy "Technicians can update tickets assigned to them" on public.tickets
  for update to authenticated using ((select private.is_technician()) and assigned_to = (select auth.uid()))
  with check ((select private.is_technician()) and (assigned_to = (select auth.uid()) or assigned_to is null));
create policy "Admins can update all tickets" on public.tickets
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete tickets" on public.tickets
  for delete to authenticated using ((select private.is_admin()));

create policy "Staff can read AI results" on public.ticket_ai_results
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage AI results" on public.ticket_ai_results
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Technicians can read work orders of their tickets" on public.work_orders
  for select to authenticated using ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id));
create policy "Technicians can create work orders for their tickets" on public.work_orders
  for insert to authenticated with check ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id));
create policy "Technicians can update work orders of their tickets" on public.work_orders
  for update to authenticated using ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id))
  with check ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id));
create policy "Admins can manage work orders" on public.work_orders
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "Technicians and admins can read parts of work orders they manage" on public.work_order_parts
  for select to authenticated using (private.can_manage_work_order(work_order_id));
create policy "Technicians and admins can add parts to work orders they manage" on public.work_order_parts
  for insert to authenticated with check (private.can_manage_work_order(work_order_id));
create policy "Technicians and admins can change parts of work orders they manage" on public.work_order_parts
  for update to authenticated using (private.can_manage_work_order(work_order_id)) with check (private.can_manage_work_order(work_order_id));
create policy "Technicians and admins can remove parts of work orders they manage" on public.work_order_parts
  for delete to authenticated using (private.can_manage_work_order(work_order_id));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Records a troubleshooting outcome. Runs as the owner so it may write the protected outcome columns; it checks
 * itself that the caller owns the session (or is an admin) and that the session is still open.
 */
create or replace function private.complete_troubleshooting_session(session_id uuid, outcome text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  session public.troubleshooting_sessions;
  steps_shown integer;
  steps_in_guide integer;
  customer public.profiles;
  ticket_id uuid;
begin
  if outcome is null or outcome not in ('resolved', 'not_resolved', 'another_issue') then
    raise exception 'outcome must be resolved, not_resolved or another_issue' using errcode = '22023';
  end if;

  select * into session from public.troubleshooting_sessions s where s.id = session_id for update;
  if not found or (session.customer_id is distinct from auth.uid() and not private.is_admin() and auth.uid() is not null) then
    raise exception 'troubleshooting session % not found', session_id using errcode = 'P0002';
  end if;
  if session.completed_at is not null then
    raise exception 'troubleshooting session % is already completed', session_id using errcode = '23514';
  end if;

  select count(*) into steps_shown from public.troubleshooting_session_steps step where step.session_id = session.id;
  select count(*) into steps_in_guide from public.guide_steps step where step.guide_id = session.guide_id;

  if outcome = 'resolved' then
    update public.troubleshooting_sessions s
    set resolved = true, early_exit = steps_shown < steps_in_guide, completed_at = now()
    where s.id = session.id;
    update public.troubleshooting_session_steps step set resolved_issue = true
    where step.session_id = session.id and step.attempted;
    return null;
  elsif outcome = 'another_issue' then
    update public.troubleshooting_sessions s
    set abandoned = true, misclassified = true, completed_at = now()
    where s.id = session.id;
    return null;
  end if;

  update public.troubleshooting_sessions s
  set early_exit = steps_shown < steps_in_guide, completed_at = now()
  where s.id = session.id;

  select * into customer from public.profiles profile where profile.id = session.customer_id;
  insert into public.tickets (customer_id, contact_email, contact_phone, subject, content, channel, troubleshooting_session_id)
  values (
    session.customer_id,
    customer.email,
    customer.phone,
    left(coalesce('Troubleshooting: ' || session.guide_title, session.issue_description), 200),
    session.issue_description || coalesce(E'\n\nSteps tried:\n' || (
      select string_agg(step.step_number || '. ' || step.step_text || case when step.attempted then ' (tried)' else ' (not tried)' end, E'\n' order by step.step_number)
      from public.troubleshooting_session_steps step where step.session_id = session.id
    ), ''),
    'troubleshooting',
    session.id
  )
  returning id into ticket_id;
  return ticket_id;
end;
$$;
comment on function private.complete_troubleshooting_session(uuid, text) is 'Implementation of public.complete_troubleshooting_session (runs as owner, checks ownership itself).';
grant execute on function private.complete_troubleshooting_session(uuid, text) to authenticated, service_role;

/**
 * The one function the app calls when a troubleshooting session ends.
 * outcome: 'resolved' | 'not_resolved' | 'another_issue'. Returns the new ticket's id for not_resolved, else null.
 * Security invoker: the privileged work happens in private.complete_troubleshooting_session.
 */
create or replace function public.complete_troubleshooting_session(session_id uuid, outcome text)
returns uuid
language sql
security invoker
set search_path = ''
as $$ select private.complete_troubleshooting_session(session_id, outcome) $$;
comment on function public.complete_troubleshooting_session(uuid, text) is 'Records a troubleshooting outcome (resolved / not_resolved / another_issue); returns the ticket id created for not_resolved.';
grant execute on function public.complete_troubleshooting_session(uuid, text) to authenticated, service_role;
