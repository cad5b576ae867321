-- public.open_ticket (20261205000500): the one way a ticket is opened — the customer's form, the chat hand-off
-- (one ticket per conversation) and a "still broken" guided fix. Security invoker, so the tickets policies and the
-- insert triggers decide, as they did for the callers' own inserts.
begin;
select plan(17);
select tests.create_support_fixtures();
insert into public.conversations (id, customer_id, title, solution_area)
values ('00000000-0000-4000-a000-0000000000a2', tests.user_id('customer_a'), 'A second thread', 'test-area');

select has_function('public', 'open_ticket',
  array['text', 'text', 'ticket_channel', 'ticket_priority', 'text', 'text', 'uuid', 'integer', 'text', 'text', 'text', 'uuid', 'uuid', 'uuid'],
  'public.open_ticket exists');
select is((select prosecdef from pg_proc where oid = 'public.open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer, text, text, text, uuid, uuid, uuid)'::regprocedure),
  false, 'open_ticket is security invoker: the caller''s policies apply');
select ok(has_function_privilege('authenticated', 'public.open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer, text, text, text, uuid, uuid, uuid)', 'execute'),
  'signed-in people can call open_ticket');
select ok(not has_function_privilege('anon', 'public.open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer, text, text, text, uuid, uuid, uuid)', 'execute'),
  'anon cannot call open_ticket');
-- One home: no other function of the project's schemas inserts into public.tickets.
select is_empty(
  $$select proc.oid::regprocedure::text from pg_proc proc
    where proc.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
      and proc.prosrc ~* 'insert\s+into\s+public\.tickets' and proc.proname <> 'open_ticket'$$,
  'no other function inserts tickets itself');

-- The customer's form: a ticket for the caller, numbered, with what they entered.
select tests.authenticate_as('customer_a');
create temporary table opened on commit drop as
select * from public.open_ticket(subject => 'Open ticket web', content => 'The brakes squeal', channel => 'web', priority => 'high',
  contact_email => 'customer_a@tests.local', contact_phone => '555-0100', vehicle_year => 2019, vehicle_make => 'Volvo',
  vehicle_model => 'V60', vin => '1HGCM82633A004352');
select results_eq($$select number ~ '^TCK-[0-9]{6,}$', already_open from opened$$, $$values (true, false)$$,
  'a customer opens a ticket and gets its number');
select results_eq(
  $$select customer_id, channel::text, priority::text, status::text, triage_status::text, contact_email, contact_phone,
      concat_ws(' ', vehicle_year, vehicle_make, vehicle_model), vin
    from public.tickets where id = (select id from opened)$$,
  $$values (tests.user_id('customer_a'), 'web', 'high', 'unassigned', 'pending', 'customer_a@tests.local', '555-0100', '2019 Volvo V60', '1HGCM82633A004352')$$,
  'the ticket is the caller''s, with what they entered, unassigned and waiting for triage');
select throws_ok(
  $$select * from public.open_ticket(subject => 'Not mine', content => 'x', channel => 'web', customer_id => tests.user_id('customer_b'))$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a customer cannot open a ticket for another customer');

-- The chat hand-off: one ticket per conversation, the second call finds the first.
create temporary table handed_off on commit drop as
select * from public.open_ticket(subject => 'Open ticket chat', content => 'Customer: help', channel => 'chat',
  conversation_id => '00000000-0000-4000-a000-0000000000a2', customer_id => tests.user_id('customer_a'));
select results_eq($$select already_open from handed_off$$, $$values (false)$$, 'a hand-off opens the conversation''s ticket');
select results_eq(
  $$select id, number, already_open from public.open_ticket(subject => 'Again', content => 'Customer: help again', channel => 'chat',
      conversation_id => '00000000-0000-4000-a000-0000000000a2')$$,
  $$select id, number, true from handed_off$$,
  'a second hand-off returns the ticket already open');
select results_eq(
  $$select ticket.channel::text, ticket.conversation_id, conversation.ticket_id = ticket.id
    from public.tickets ticket join public.conversations conversation on conversation.id = ticket.conversation_id
    where ticket.id = (select id from handed_off)$$,
  $$values ('chat', '00000000-0000-4000-a000-0000000000a2'::uuid, true)$$,
  'the hand-off ticket is a chat ticket and the conversation links back to it');
select results_eq(
  $$select count(*)::int from public.tickets where conversation_id = '00000000-0000-4000-a000-0000000000a2'$$,
  $$values (1)$$, 'and there is still exactly one');
select throws_ok(
  $$select * from public.open_ticket(subject => 'Theirs', content => 'x', channel => 'chat', conversation_id => '00000000-0000-4000-a000-00000000000b')$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a hand-off on another customer''s conversation is refused by the insert policy and reveals nothing of its ticket');

select tests.authenticate_as('customer_b');
select is_empty($$select 1 from public.tickets where id in (select id from opened union all select id from handed_off)$$,
  'another customer cannot read the tickets opened');

select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.open_ticket(subject => 'Anonymous', content => 'x', channel => 'web')$$,
  '42501', null, 'an anonymous visitor cannot open a ticket');

-- The insert triggers ran, as for a plain insert: one queued triage job and one ticket_created event per ticket.
select tests.clear_authentication();
reset role;
select results_eq(
  $$select count(*)::int from private.jobs job
    where job.kind = 'triage' and job.status = 'queued' and job.subject in (select id::text from opened union all select id::text from handed_off)$$,
  $$values (2)$$, 'each new ticket has its triage job queued');
select results_eq(
  $$select event.metadata ->> 'channel' from public.analytics_events event
    where event.event_type = 'ticket_created' and event.ticket_id in (select id from opened union all select id from handed_off)
    order by event.metadata ->> 'channel'$$,
  $$values ('chat'), ('web')$$, 'and one ticket_created analytics event with its channel');

select * from finish();
rollback;
