-- Customer satisfaction and canned replies (issue 16).
--
-- Satisfaction: once a ticket is resolved its customer may rate it 1-5 with an optional comment — once (the ticket
-- is the key), only their own, only when resolved or closed. The rating keeps the technician who had the ticket,
-- so /admin can show CSAT per technician even after a reassignment. A rating adds a `rated` timeline row and a
-- `ticket_rated` analytics event.
--
-- Canned replies: text a technician inserts from the reply box (type `/` and its shortcut). Shared ones
-- (owner_id null) are managed by admins and read by all staff; personal ones belong to one member of staff and
-- nobody else sees them. public.render_canned_reply fills the variables ({{customer.first_name}},
-- {{ticket.number}}, ...) from the ticket as the caller may read it. A canned reply can also be a macro: it may
-- set the ticket's status and add an internal note (public.apply_canned_reply_actions, security invoker, so the
-- caller's own rights on the ticket apply).

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.ticket_ratings (
  ticket_id uuid primary key references public.tickets (id) on delete cascade,
  customer_id uuid not null references public.profiles (id) on delete cascade,
  technician_id uuid references public.profiles (id) on delete set null,
  rating smallint not null check (rating between 1 and 5),
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null default now()
);
comment on table public.ticket_ratings is
  'Customer satisfaction: one rating per resolved ticket, by its customer. CSAT = share of ratings 4 or 5.';
comment on column public.ticket_ratings.ticket_id is 'The rated ticket; one rating each.';
comment on column public.ticket_ratings.customer_id is 'The ticket''s customer, who rated it.';
comment on column public.ticket_ratings.technician_id is 'The technician who had the ticket when it was rated (trigger), for CSAT per technician.';
comment on column public.ticket_ratings.rating is '1 (very unhappy) to 5 (very happy).';
comment on column public.ticket_ratings.comment is 'What the customer added, if anything.';
comment on column public.ticket_ratings.created_at is 'When it was rated.';
create index ticket_ratings_technician_idx on public.ticket_ratings (technician_id, created_at);
create index ticket_ratings_created_idx on public.ticket_ratings (created_at);
create index ticket_ratings_customer_idx on public.ticket_ratings (customer_id);

create table public.canned_replies (
  id uuid primary key default gen_random_uuid(),
  shortcut text not null check (shortcut ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  title text not null check (length(trim(title)) between 1 and 120),
  body text not null check (length(body) <= 10000),
  owner_id uuid references public.profiles (id) on delete cascade,
  set_status public.ticket_status,
  internal_note text check (length(internal_note) <= 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint canned_replies_one_shortcut_per_owner unique nulls not distinct (owner_id, shortcut)
);
comment on table public.canned_replies is
  'Canned replies and macros for the reply box (type / and the shortcut). Shared (owner_id null, admins manage) or personal (one member of staff).';
comment on column public.canned_replies.id is 'Canned reply id.';
comment on column public.canned_replies.shortcut is 'What the technician types after /: lower-case letters, digits and dashes.';
comment on column public.canned_replies.title is 'Name shown in the picker.';
comment on column public.canned_replies.body is 'Reply text with variables: {{customer.first_name}}, {{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{technician.first_name}}, {{technician.name}}.';
comment on column public.canned_replies.owner_id is 'The member of staff a personal reply belongs to; null for a shared one.';
comment on column public.canned_replies.set_status is 'Macro: the status to move the ticket to when the reply is sent; null leaves it.';
comment on column public.canned_replies.internal_note is 'Macro: an internal note to add when the reply is sent (same variables); null adds none.';
comment on column public.canned_replies.created_at is 'When it was created.';
comment on column public.canned_replies.updated_at is 'Last change, maintained by trigger.';
create index canned_replies_owner_idx on public.canned_replies (owner_id);

create trigger touch_updated_at before update on public.canned_replies
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers and triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Whether the caller is the customer of this resolved or closed ticket (who may rate it). */
create function private.can_rate_ticket(ticket_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.id = can_rate_ticket.ticket_id and ticket.customer_id = auth.uid() and ticket.status in ('resolved', 'closed'))
$$;
comment on function private.can_rate_ticket(uuid) is 'The caller is the customer of the ticket and it is resolved or closed: they may rate it.';
grant execute on function private.can_rate_ticket(uuid) to authenticated, service_role;

/** Before-insert trigger on ticket_ratings: the technician is the ticket's, whatever the writer says. */
create function private.prepare_ticket_rating()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.technician_id := (select ticket.assigned_to from public.tickets ticket where ticket.id = new.ticket_id);
  new.created_at := now();
  return new;
end;
$$;
comment on function private.prepare_ticket_rating() is 'Before-insert trigger on ticket_ratings: records the ticket''s technician and the time.';
create trigger prepare_ticket_rating before insert on public.ticket_ratings
  for each row execute function private.prepare_ticket_rating();

/** After-insert trigger on ticket_ratings: the timeline row and the analytics event. */
create function private.record_ticket_rating()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  values (new.ticket_id, new.customer_id, 'rated', jsonb_build_object('rating', new.rating, 'comment', new.comment));
  insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
  values ('ticket_rated', new.customer_id, new.ticket_id, jsonb_build_object('rating', new.rating, 'technician_id', new.technician_id));
  return null;
end;
$$;
comment on function private.record_ticket_rating() is 'After-insert trigger on ticket_ratings: a rated timeline row and a ticket_rated analytics event.';
create trigger record_ticket_rating after insert on public.ticket_ratings
  for each row execute function private.record_ticket_rating();

/** The first word of a name, for {{...first_name}}. */
create function private.first_name_of(full_name text)
returns text
language sql
immutable
set search_path = ''
as $$ select split_part(trim(coalesce(full_name, '')), ' ', 1) $$;
comment on function private.first_name_of(text) is 'The first word of a full name ({{customer.first_name}}, {{technician.first_name}}).';
grant execute on function private.first_name_of(text) to authenticated, service_role;

/** Fills the canned-reply variables of a text from a ticket, its customer and the calling technician. */
create function private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text,
  customer_name text, technician_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select replace(replace(replace(replace(replace(replace(template,
    '{{customer.first_name}}', private.first_name_of(customer_name)),
    '{{customer.name}}', coalesce(customer_name, '')),
    '{{ticket.number}}', coalesce(ticket_number, '')),
    '{{ticket.subject}}', coalesce(ticket_subject, '')),
    '{{technician.first_name}}', private.first_name_of(technician_name)),
    '{{technician.name}}', coalesce(technician_name, ''))
$$;
comment on function private.fill_canned_reply_variables(text, text, text, text, text) is
  'The one place canned-reply variables are filled; unknown {{...}} stay as typed so the technician sees them.';
grant execute on function private.fill_canned_reply_variables(text, text, text, text, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.ticket_ratings enable row level security;
alter table public.canned_replies enable row level security;
revoke update, truncate on public.ticket_ratings from anon, authenticated;

create policy "Customers can read their own ratings, staff all" on public.ticket_ratings
  for select to authenticated using (customer_id = (select auth.uid()) or (select private.is_staff()));
create policy "Customers can rate their own resolved tickets once" on public.ticket_ratings
  for insert to authenticated with check (customer_id = (select auth.uid()) and private.can_rate_ticket(ticket_id));
create policy "Admins can delete ratings" on public.ticket_ratings
  for delete to authenticated using ((select private.is_admin()));

create policy "Staff can read shared canned replies and their own" on public.canned_replies
  for select to authenticated using (
    (owner_id is null and (select private.is_staff())) or (owner_id = (select auth.uid()) and (select private.is_staff())));
create policy "Admins can add shared canned replies, staff their own" on public.canned_replies
  for insert to authenticated with check (
    (owner_id is null and (select private.is_admin())) or (owner_id = (select auth.uid()) and (select private.is_staff())));
create policy "Admins can change shared canned replies, staff their own" on public.canned_replies
  for update to authenticated
  using ((owner_id is null and (select private.is_admin())) or (owner_id = (select auth.uid()) and (select private.is_staff())))
  with check ((owner_id is null and (select private.is_admin())) or (owner_id = (select auth.uid()) and (select private.is_staff())));
create policy "Admins can delete shared canned replies, staff their own" on public.canned_replies
  for delete to authenticated using (
    (owner_id is null and (select private.is_admin())) or (owner_id = (select auth.uid()) and (select private.is_staff())));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * A canned reply filled in for a ticket: its body and internal note with the variables replaced, and the status it
 * sets. Security invoker: a reply the caller may not see (another's personal one) or a ticket they may not read is
 * "not found".
 */
create function public.render_canned_reply(canned_reply_id uuid, ticket_id uuid)
returns table (body text, set_status text, internal_note text)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  reply public.canned_replies;
  ticket public.tickets;
  customer_name text;
  technician_name text;
begin
  select * into reply from public.canned_replies canned where canned.id = render_canned_reply.canned_reply_id;
  if not found then
    raise exception 'canned reply % not found', canned_reply_id using errcode = 'P0002';
  end if;
  select * into ticket from public.tickets t where t.id = render_canned_reply.ticket_id;
  if not found then
    raise exception 'ticket % not found', ticket_id using errcode = 'P0002';
  end if;
  select nullif(trim(profile.full_name), '') into customer_name from public.profiles profile where profile.id = ticket.customer_id;
  select nullif(trim(profile.full_name), '') into technician_name from public.profiles profile where profile.id = auth.uid();
  body := private.fill_canned_reply_variables(reply.body, ticket.number, ticket.subject, customer_name, technician_name);
  internal_note := private.fill_canned_reply_variables(reply.internal_note, ticket.number, ticket.subject, customer_name, technician_name);
  set_status := reply.set_status;
  return next;
end;
$$;
comment on function public.render_canned_reply(uuid, uuid) is
  'A canned reply filled in for a ticket (variables replaced), with the status it sets and its internal note; runs as the caller.';
grant execute on function public.render_canned_reply(uuid, uuid) to authenticated;

/**
 * The macro part of a canned reply, after its text was sent: moves the ticket to the reply's status and adds its
 * internal note. Security invoker: the caller's policies and the lifecycle triggers decide, as for a click.
 */
create function public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  rendered record;
  thread_id uuid;
begin
  select * into rendered from public.render_canned_reply(canned_reply_id, ticket_id);
  if rendered.internal_note is not null and length(trim(rendered.internal_note)) > 0 then
    select coalesce(ticket.conversation_id, public.open_ticket_conversation(ticket.id)) into thread_id
    from public.tickets ticket where ticket.id = apply_canned_reply_actions.ticket_id;
    insert into public.messages (conversation_id, sender_id, role, content, is_internal_note)
    values (thread_id, auth.uid(), 'technician', rendered.internal_note, true);
  end if;
  if rendered.set_status is not null then
    update public.tickets ticket set status = rendered.set_status
    where ticket.id = apply_canned_reply_actions.ticket_id and ticket.status is distinct from rendered.set_status;
  end if;
end;
$$;
comment on function public.apply_canned_reply_actions(uuid, uuid) is
  'Macro actions of a canned reply on a ticket: its internal note, then its status (as the caller, under their policies).';
grant execute on function public.apply_canned_reply_actions(uuid, uuid) to authenticated;

-- Shared replies to start from; admins edit them in /admin or Studio.
insert into public.canned_replies (shortcut, title, body) values
  ('greeting', 'Greeting', 'Hi {{customer.first_name}}, thanks for getting in touch about {{ticket.number}}. I am looking into it now.'),
  ('more-info', 'Ask for details', 'Hi {{customer.first_name}}, could you tell me a bit more about when it happens (speed, temperature, noises)? That helps me narrow {{ticket.number}} down.'),
  ('resolved', 'Resolved', 'Hi {{customer.first_name}}, the work on {{ticket.number}} is done. If anything is still wrong, just reply here. — {{technician.first_name}}');
update public.canned_replies set set_status = 'waiting_on_customer' where shortcut = 'more-info' and owner_id is null;
