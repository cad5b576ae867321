-- Live updates: the tables the app subscribes to over Supabase Realtime, and who may use the private
-- broadcast / presence channels the chat and the desk use.
--
-- Replica identity: every table here keeps the default (its primary key). The UI needs the new row on
-- INSERT / UPDATE and only the id on DELETE, which is what Supabase sends for RLS-protected tables anyway
-- (old values of a DELETE are never filtered by RLS, so Supabase sends only the primary key); `full`
-- would cost WAL volume on the busiest tables for nothing the app reads.

alter publication supabase_realtime add table
  public.conversations,
  public.messages,
  public.tickets,
  public.ticket_ai_results,
  public.work_orders,
  public.kb_articles;

-- ---------------------------------------------------------------------------------------------------------------
-- Private channels (realtime.messages policies, checked by Realtime with realtime.topic() on join and send)
-- Topics: `conversation:<uuid>` — typing indicator and presence inside one conversation;
--         `desk` — which technicians are online.
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.conversation_id_of_topic(topic text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when topic ~ '^conversation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then substr(topic, length('conversation:') + 1)::uuid
  end
$$;
comment on function private.conversation_id_of_topic(text) is
  'The conversation a `conversation:<uuid>` Realtime topic names, or null for any other topic (never an error on a malformed topic).';
grant execute on function private.conversation_id_of_topic(text) to authenticated, service_role;

create or replace function private.can_use_conversation_channel(topic text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    private.owns_conversation(private.conversation_id_of_topic(topic))
      or private.staff_can_see_conversation(private.conversation_id_of_topic(topic)),
    false)
$$;
comment on function private.can_use_conversation_channel(text) is
  'True when the caller may join a conversation''s live channel: its customer, or staff who can see the conversation.';
grant execute on function private.can_use_conversation_channel(text) to authenticated, service_role;

create policy "People in a conversation can join its live channel" on realtime.messages
  for select to authenticated
  using ((select private.can_use_conversation_channel((select realtime.topic()))));

create policy "People in a conversation can broadcast on its live channel" on realtime.messages
  for insert to authenticated
  with check ((select private.can_use_conversation_channel((select realtime.topic()))));

create policy "Staff can join the desk channel" on realtime.messages
  for select to authenticated
  using ((select realtime.topic()) = 'desk' and (select private.is_staff()));

create policy "Staff can broadcast on the desk channel" on realtime.messages
  for insert to authenticated
  with check ((select realtime.topic()) = 'desk' and (select private.is_staff()));
