-- One way to open a ticket (issue 13). Three places inserted into public.tickets, each with its own column list:
-- the customer's new-ticket form (app/models/customer-tickets.server.ts), the chat hand-off
-- (supabase/functions/chat/conversation.ts, one ticket per conversation) and a "still broken" guided fix
-- (private.complete_troubleshooting_session). All three now call public.open_ticket.
--
-- It adds no rule of its own: it is security invoker, so the caller's policies ("Customers can create their own
-- tickets") and every insert trigger (a_prepare_new_ticket, record_new_tickets, link_ticket_conversation,
-- wake_triage_worker) apply exactly as they did to the caller's own insert. Called from the security definer
-- complete_troubleshooting_session it runs as that function's owner, as that insert did.
--
-- The insert path stays as lean as decision 0010 left it: without a conversation the insert is a plain one, and
-- only a chat hand-off pays for `on conflict`. PL/pgSQL keeps the statements' plans for the session.

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Opens a ticket for customer_id (the caller when null) and returns its id and number.
 * With a conversation_id the ticket is that conversation's hand-off: tickets.conversation_id is unique, so a second
 * request (or a race) opens nothing and returns the ticket already open, with already_open = true.
 */
create function public.open_ticket(
  subject text,
  content text,
  channel public.ticket_channel,
  priority public.ticket_priority default 'normal',
  contact_email text default null,
  contact_phone text default null,
  customer_vehicle_id uuid default null,
  vehicle_year integer default null,
  vehicle_make text default null,
  vehicle_model text default null,
  vin text default null,
  conversation_id uuid default null,
  troubleshooting_session_id uuid default null,
  customer_id uuid default null
)
returns table (id uuid, number text, already_open boolean)
language plpgsql
security invoker
set search_path = ''
as $$
declare
  ticket_customer_id uuid := coalesce(open_ticket.customer_id, auth.uid());
begin
  already_open := false;
  if open_ticket.conversation_id is null then
    -- A plain insert: a speculative one (`on conflict`) costs a second pass over the unique index.
    insert into public.tickets as ticket (customer_id, contact_email, contact_phone, subject, content, channel, priority,
      customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin, troubleshooting_session_id)
    values (ticket_customer_id, open_ticket.contact_email, open_ticket.contact_phone, open_ticket.subject,
      open_ticket.content, open_ticket.channel, open_ticket.priority, open_ticket.customer_vehicle_id,
      open_ticket.vehicle_year, open_ticket.vehicle_make, open_ticket.vehicle_model, open_ticket.vin,
      open_ticket.troubleshooting_session_id)
    returning ticket.id, ticket.number into open_ticket.id, open_ticket.number;
    return next;
    return;
  end if;

  insert into public.tickets as ticket (customer_id, contact_email, contact_phone, subject, content, channel, priority,
    customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin, troubleshooting_session_id, conversation_id)
  values (ticket_customer_id, open_ticket.contact_email, open_ticket.contact_phone, open_ticket.subject,
    open_ticket.content, open_ticket.channel, open_ticket.priority, open_ticket.customer_vehicle_id,
    open_ticket.vehicle_year, open_ticket.vehicle_make, open_ticket.vehicle_model, open_ticket.vin,
    open_ticket.troubleshooting_session_id, open_ticket.conversation_id)
  on conflict on constraint tickets_conversation_id_key do nothing
  returning ticket.id, ticket.number into open_ticket.id, open_ticket.number;
  if not found then
    select ticket.id, ticket.number into open_ticket.id, open_ticket.number
    from public.tickets ticket where ticket.conversation_id = open_ticket.conversation_id;
    if not found then
      raise exception 'the conversation has a ticket the customer cannot read';
    end if;
    already_open := true;
  end if;
  return next;
end;
$$;
comment on function public.open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer,
  text, text, text, uuid, uuid, uuid) is
  'Opens a ticket (security invoker: the caller''s policies and the insert triggers apply) and returns its id and number; with a conversation_id, at most one per conversation (already_open when it existed).';
grant execute on function public.open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer,
  text, text, text, uuid, uuid, uuid) to authenticated, service_role;

/**
 * As in 20261201130500_troubleshooting_flow.sql, with the ticket opened through public.open_ticket (same columns,
 * same values; this function still runs as its owner and checks ownership itself).
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
  vehicle record;
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
  select owned.id, coalesce(owned.year, model.year) as year, coalesce(owned.make, model.make) as make,
    coalesce(owned.model, model.model) as model, owned.vin
  into vehicle
  from public.customer_vehicles owned
  left join public.vehicle_models model on model.id = owned.vehicle_model_id
  where owned.id = session.customer_vehicle_id and owned.customer_id = session.customer_id;

  select opened.id into ticket_id
  from public.open_ticket(
    customer_id => session.customer_id,
    contact_email => customer.email,
    contact_phone => customer.phone,
    subject => left(coalesce('Troubleshooting: ' || session.guide_title, session.issue_description), 200),
    content => session.issue_description
      || coalesce(E'\n\nGuide: ' || session.guide_title, '')
      || coalesce(E'\nVehicle: ' || nullif(concat_ws(' ', vehicle.year, vehicle.make, vehicle.model, case when vehicle.vin is not null then '(VIN ' || vehicle.vin || ')' end), ''), '')
      || coalesce(E'\n\nSteps tried:\n' || (
        select string_agg(step.step_number || '. ' || step.step_text || case when step.attempted then ' (tried)' else ' (not tried)' end, E'\n' order by step.step_number)
        from public.troubleshooting_session_steps step where step.session_id = session.id
      ), ''),
    channel => 'troubleshooting',
    troubleshooting_session_id => session.id,
    customer_vehicle_id => vehicle.id,
    vehicle_year => vehicle.year,
    vehicle_make => vehicle.make,
    vehicle_model => vehicle.model,
    vin => vehicle.vin
  ) opened;
  return ticket_id;
end;
$$;
