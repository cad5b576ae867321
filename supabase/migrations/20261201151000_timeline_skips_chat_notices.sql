-- The ticket timeline already records claims and resolutions from the tickets table; the system messages that tell
-- the customer about them in the chat (20261201150000_customer_chat) would appear a second time as "message sent".
-- System messages are the product talking, not a person acting on the ticket: the timeline leaves them out.
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
  where conversation.ticket_id is not null
    and inserted.role <> 'system'
  order by inserted.created_at, inserted.id;
  return null;
end;
$$;
comment on function private.record_message_events() is 'After-insert statement trigger on messages: message sent / reply sent / internal note added on the conversation''s ticket (system notices are left out).';
