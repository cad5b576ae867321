-- Customer chat: what the live chat needs beyond messages themselves.
--  * Read markers, so every participant sees unread counts per conversation. One row per person and conversation,
--    written only by that person, and only for conversations they can see.
--  * The customer is told in their chat when the technician's work changes their ticket: a system message when the
--    ticket is claimed and when it is resolved. Written by trigger so a change made in Studio tells them too.

create table public.conversation_read_markers (
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  last_read_at timestamptz not null default now(),
  primary key (conversation_id, user_id)
);
comment on table public.conversation_read_markers is 'How far each participant has read a conversation; unread counts are messages after last_read_at that someone else sent.';
comment on column public.conversation_read_markers.conversation_id is 'Conversation read.';
comment on column public.conversation_read_markers.user_id is 'Person who read it; always the signed-in user (RLS).';
comment on column public.conversation_read_markers.last_read_at is 'Messages created up to this time count as read.';

create index conversation_read_markers_user_id_idx on public.conversation_read_markers (user_id);

alter table public.conversation_read_markers enable row level security;

/** True when the caller takes part in the conversation: its customer, or staff who may see it. */
create or replace function private.takes_part_in_conversation(conversation_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.owns_conversation(conversation_id) or private.staff_can_see_conversation(conversation_id)
$$;
comment on function private.takes_part_in_conversation(uuid) is 'True for the conversation''s customer and for staff who can see the conversation.';
grant execute on function private.takes_part_in_conversation(uuid) to authenticated, service_role;

create policy "People can read their own read markers" on public.conversation_read_markers
  for select to authenticated using (user_id = (select auth.uid()));
create policy "People can mark conversations they take part in as read" on public.conversation_read_markers
  for insert to authenticated with check (user_id = (select auth.uid()) and private.takes_part_in_conversation(conversation_id));
create policy "People can move their own read markers" on public.conversation_read_markers
  for update to authenticated using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()) and private.takes_part_in_conversation(conversation_id));

grant select, insert, update on public.conversation_read_markers to authenticated;
grant all on public.conversation_read_markers to service_role;

/**
 * Marks the conversation read up to now for the caller. Markers only move forward, so a slow request from an older
 * tab cannot make messages unread again.
 */
create or replace function public.mark_conversation_read(conversation_id uuid)
returns timestamptz
language sql
security invoker
set search_path = ''
as $$
  insert into public.conversation_read_markers as marker (conversation_id, user_id, last_read_at)
  values (mark_conversation_read.conversation_id, auth.uid(), now())
  on conflict (conversation_id, user_id) do update
    set last_read_at = greatest(marker.last_read_at, excluded.last_read_at)
  returning last_read_at
$$;
comment on function public.mark_conversation_read(uuid) is 'Marks a conversation read up to now for the signed-in user (RLS applies); returns the marker.';
revoke execute on function public.mark_conversation_read(uuid) from public, anon;
grant execute on function public.mark_conversation_read(uuid) to authenticated;

/** Tells the customer in their chat when a technician takes their ticket and when it is resolved. */
create or replace function private.announce_ticket_progress_in_chat()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  technician_name text;
  announcement text;
begin
  if new.conversation_id is null then
    return null;
  end if;
  select coalesce(nullif(trim(profile.full_name), ''), 'A technician') into technician_name
  from public.profiles profile where profile.id = new.assigned_to;
  technician_name := coalesce(technician_name, 'A technician');

  if old.assigned_to is null and new.assigned_to is not null then
    announcement := format('%s has joined and is looking at ticket %s.', technician_name, new.number);
    -- The technician now answers in this thread; the assistant steps back (the app reads this column).
    update public.conversations set assigned_technician_id = new.assigned_to
    where id = new.conversation_id and assigned_technician_id is distinct from new.assigned_to;
  elsif new.status = 'resolved' and old.status is distinct from 'resolved' then
    announcement := format('Ticket %s has been resolved by %s. Reply here if anything is still wrong.', new.number, technician_name);
  else
    return null;
  end if;

  insert into public.messages (conversation_id, role, content, metadata)
  values (new.conversation_id, 'system', announcement,
    jsonb_build_object('ticket_id', new.id, 'ticket_number', new.number, 'ticket_status', new.status));
  return null;
end;
$$;
comment on function private.announce_ticket_progress_in_chat() is 'After-update trigger on tickets: a system message in the linked conversation when a technician takes the ticket or resolves it.';

create trigger announce_ticket_progress_in_chat
  after update of status, assigned_to on public.tickets
  for each row execute function private.announce_ticket_progress_in_chat();
