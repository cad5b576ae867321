-- The customer's ticket page shows the conversation and lets the customer reply there (issue 16). A ticket from
-- the web form has no conversation, and customers may not update tickets to link one, so the reply goes through
-- public.reply_to_my_ticket: it opens the ticket's conversation when there is none (as
-- public.open_ticket_conversation does for staff) and inserts the message as the customer. The message then
-- meets every rule of a customer message: a resolved ticket reopens, a closed one opens a follow-up.

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/** Writes the caller's message on their ticket; returns the ticket that owns the thread afterwards (a follow-up when it was closed). */
create function public.reply_to_my_ticket(ticket_id uuid, content text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  ticket public.tickets;
  thread_id uuid;
  owner_ticket_id uuid;
begin
  if content is null or length(trim(content)) = 0 or length(content) > 10000 then
    raise exception 'a reply needs between 1 and 10000 characters' using errcode = '22023';
  end if;
  select * into ticket from public.tickets t where t.id = reply_to_my_ticket.ticket_id and t.customer_id = auth.uid() for update;
  if not found then
    raise exception 'ticket % not found', reply_to_my_ticket.ticket_id using errcode = 'P0002';
  end if;
  thread_id := ticket.conversation_id;
  if thread_id is null then
    insert into public.conversations (customer_id, title, channel, assigned_technician_id, ticket_id)
    values (ticket.customer_id, left(ticket.number || ': ' || ticket.subject, 200), 'chat', ticket.assigned_to, ticket.id)
    returning id into thread_id;
    update public.tickets t set conversation_id = thread_id where t.id = ticket.id;
  end if;
  insert into public.messages (conversation_id, sender_id, role, content)
  values (thread_id, auth.uid(), 'user', reply_to_my_ticket.content);
  select c.ticket_id into owner_ticket_id from public.conversations c where c.id = thread_id;
  return coalesce(owner_ticket_id, ticket.id);
end;
$$;
comment on function public.reply_to_my_ticket(uuid, text) is
  'A customer''s reply on their ticket page: opens the ticket''s conversation if needed, writes the message as the customer; returns the ticket owning the thread (a follow-up when the ticket was closed).';
grant execute on function public.reply_to_my_ticket(uuid, text) to authenticated;
