-- The timeline leaves out system messages. Since 20261201150000_customer_chat, a trigger announces a claim and a
-- resolution to the customer with a system message in the ticket's conversation; recording those as message_sent
-- put each of them on the timeline next to (and, by trigger order, before) the claimed / resolved row it repeats.
-- People's messages (customer, assistant, technician replies, internal notes) are still recorded.

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
  where conversation.ticket_id is not null and inserted.role <> 'system'
  order by inserted.created_at, inserted.id;
  return null;
end;
$$;
comment on function private.record_message_events() is 'After-insert statement trigger on messages: message sent / reply sent / internal note added on the conversation''s ticket; system messages are left out (they announce changes the timeline already records).';
