-- The technician's day in the database (issue 8): a timeline row per action, kept by triggers only; the resolve
-- rule; the desk's reply path for a ticket without a conversation.
begin;
select plan(26);
select tests.create_support_fixtures();

create function tests.timeline(ticket uuid) returns text[] language sql as $$
  select coalesce(array_agg(kind::text order by created_at, event_id nulls first), '{}') from public.ticket_timeline where ticket_id = ticket
$$;

-- ---------------------------------------------------------------- created and triage
select is(tests.timeline('00000000-0000-4000-b000-00000000000a'), array['created', 'internal_note_added'], 'a new ticket has a created row; a note on its conversation adds a row');
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set triage_status = 'processed' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000b';
update public.tickets set triage_status = 'ai_failed' where id = '00000000-0000-4000-b000-00000000000b';
select is((tests.timeline('00000000-0000-4000-b000-00000000000a'))[3:], array['triage_finished'], 'triage finishing is on the timeline (processing is not)');
select is((tests.timeline('00000000-0000-4000-b000-00000000000b'))[2:], array['triage_failed'], 'triage failing is on the timeline');

-- ---------------------------------------------------------------- claim, messages, work orders, resolve
select tests.authenticate_as('technician');
update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000a';
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'We will test the relay.');
insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'Relay in stock', true);
insert into public.work_orders (id, ticket_id, description, estimated_hours, labor_rate) values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a', 'Replace relay', 1, 90);
insert into public.work_orders (id, ticket_id, description) values ('00000000-0000-4000-f000-000000000002', '00000000-0000-4000-b000-00000000000a', 'Spare');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000001';
select throws_ok($$update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514',
  'ticket ' || (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000a') || ' cannot be resolved while work orders are unfinished: '
  || (select string_agg(number || ' (' || status || ')', ', ' order by number) from public.work_orders where ticket_id = '00000000-0000-4000-b000-00000000000a'),
  'a ticket with open or in-progress work orders cannot be resolved, and the error names them');
update public.work_orders set actual_hours = 1.5, status = 'completed' where id = '00000000-0000-4000-f000-000000000001';
select throws_ok($$update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514', null, 'one open work order is enough to refuse resolving');
update public.work_orders set status = 'cancelled' where id = '00000000-0000-4000-f000-000000000002';
select lives_ok($$update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a'$$, 'with every work order completed or cancelled the ticket resolves');
reset role;
select tests.authenticate_as('customer_a');
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'user', 'Thanks!');
reset role;

select is((tests.timeline('00000000-0000-4000-b000-00000000000a'))[4:],
  array['claimed', 'status_changed', 'reply_sent', 'internal_note_added', 'work_order_created', 'work_order_created', 'work_order_started',
        'work_order_completed', 'work_order_cancelled', 'resolved', 'reopened', 'message_sent'],
  'every action on the ticket adds its timeline row, in order (the customer writing after the resolution reopens it)');
select is((select count(*)::int from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind in ('claimed', 'status_changed', 'reply_sent', 'work_order_created', 'resolved')
  and actor_id = tests.user_id('technician')), 6, 'the technician is the actor of their actions');
select is((select details from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'resolved'), '{"from": "in_progress", "to": "resolved"}'::jsonb, 'a resolved row says where from');
select is((select (details ->> 'total_cost')::numeric from public.ticket_events where kind = 'work_order_completed'), 135.00, 'a completed row carries the derived total (1.5 h x 90)');

-- An admin assigning is an assignment, not a claim; the ticket going back to the queue is an unassignment.
select tests.authenticate_as('admin');
update public.tickets set assigned_to = tests.user_id('technician_b'), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000b';
update public.tickets set assigned_to = null, status = 'unassigned' where id = '00000000-0000-4000-b000-00000000000b';
reset role;
select is((tests.timeline('00000000-0000-4000-b000-00000000000b'))[3:], array['assigned', 'unassigned', 'status_changed'], 'assigning and unassigning are on the timeline');

insert into public.messages (conversation_id, role, content) values ('00000000-0000-4000-a000-00000000000a', 'system', 'Ticket resolved.');
select is((select count(*)::int from public.ticket_events where details ->> 'role' = 'system'), 0, 'system messages (announcements of changes already on the timeline) add no row');

-- ---------------------------------------------------------------- ticket_events: staff read, nobody writes
select tests.authenticate_as('technician_b');
select isnt_empty($$select 1 from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a'$$, 'staff read every ticket''s timeline (policy: Staff can read ticket timelines)');
select throws_ok($$insert into public.ticket_events (ticket_id, kind) values ('00000000-0000-4000-b000-00000000000a', 'resolved')$$, '42501', 'permission denied for table ticket_events', 'staff cannot write timeline rows');
reset role;
select tests.authenticate_as('customer_a');
select is_empty($$select 1 from public.ticket_events$$, 'customers do not read timelines, not even of their own tickets');
select throws_ok($$delete from public.ticket_events$$, '42501', 'permission denied for table ticket_events', 'customers cannot delete timeline rows');
reset role;

-- ---------------------------------------------------------------- the reply path: a conversation for a ticket without one
insert into public.tickets (id, customer_id, subject, channel, status, assigned_to)
values ('00000000-0000-4000-b000-00000000000c', tests.user_id('customer_b'), 'Email ticket', 'email', 'assigned', tests.user_id('technician'));
select tests.authenticate_as('technician_b');
select throws_ok($$select public.open_ticket_conversation('00000000-0000-4000-b000-00000000000c')$$, '42501', null, 'another technician cannot open the conversation of a ticket not theirs');
reset role;
select tests.authenticate_as('customer_b');
select throws_ok($$select public.open_ticket_conversation('00000000-0000-4000-b000-00000000000c')$$, 'P0002', null, 'a customer cannot use the desk''s reply path');
reset role;
select tests.authenticate_as('technician');
select ok(public.open_ticket_conversation('00000000-0000-4000-b000-00000000000c') = public.open_ticket_conversation('00000000-0000-4000-b000-00000000000c'), 'the assigned technician gets one conversation for the ticket, however often they ask');
insert into public.messages (conversation_id, sender_id, role, content)
values ((select conversation_id from public.tickets where id = '00000000-0000-4000-b000-00000000000c'), (select auth.uid()), 'technician', 'Hello from the desk');
reset role;
select tests.authenticate_as('customer_b');
select results_eq($$select c.channel::text, m.content, (select t.conversation_id from public.tickets t where t.id = '00000000-0000-4000-b000-00000000000c') = c.id
  from public.conversations c join public.messages m on m.conversation_id = c.id where c.ticket_id = '00000000-0000-4000-b000-00000000000c'$$,
  $$values ('email', 'Hello from the desk', true)$$, 'the customer owns the new conversation, linked both ways, and reads the reply');
reset role;

-- ---------------------------------------------------------------- the timeline view (20261203000200)
select throws_ok($$insert into public.ticket_events (ticket_id, kind) values ('00000000-0000-4000-b000-00000000000a', 'created')$$,
  '23514', null, 'a creation row cannot be written next to the one the ticket itself gives');
select lives_ok($$insert into public.ticket_events (ticket_id, kind) values ('00000000-0000-4000-b000-00000000000a', 'status_changed')$$,
  'other events are written as before');
select tests.authenticate_as('technician');
select ok((select array_agg(kind::text order by created_at, event_id nulls first) from public.ticket_timeline
           where ticket_id = '00000000-0000-4000-b000-00000000000a') @> array['created', 'internal_note_added', 'status_changed'],
  'staff read the whole timeline: the creation and the events');
reset role;
select tests.authenticate_as('customer_a');
select results_eq($$select kind::text, details ->> 'number' from public.ticket_timeline where ticket_id = '00000000-0000-4000-b000-00000000000a'$$,
  $$select 'created', number from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  'a customer sees only the creation of their own ticket, not its events');
reset role;
select tests.authenticate_as('customer_b');
select is_empty($$select 1 from public.ticket_timeline where ticket_id = '00000000-0000-4000-b000-00000000000a'$$,
  'another customer sees nothing of the ticket''s timeline');
reset role;
select tests.authenticate_as_anon();
select is_empty($$select 1 from public.ticket_timeline$$, 'visitors read no timeline (the tables'' policies give anon nothing)');
reset role;

select * from finish();
rollback;
