-- Automatic assignment (issue 16): round-robin per area among online technicians, never beyond capacity — also with
-- 20 tickets arriving at once (Chatwoot bug #11034 was capacity being ignored) — and who may change availability.
begin;
select plan(12);
select tests.create_support_fixtures();
select tests.create_user('technician_c', 'technician');
select tests.create_user('technician_away', 'technician');

insert into public.auto_assignment_rules (solution_area) values ('test-area');
insert into public.technician_availability (technician_id, is_online, capacity) values
  (tests.user_id('technician'), true, 3),
  (tests.user_id('technician_b'), true, 2),
  (tests.user_id('technician_c'), true, 1),
  (tests.user_id('technician_away'), false, 50);
-- technician_b already works one ticket (the fixture's): one slot left.
update public.tickets set assigned_to = tests.user_id('technician_b'), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000b';

create function tests.open_load(persona text) returns integer language sql as $$
  select count(*)::int from public.tickets where assigned_to = tests.user_id(persona) and status in ('assigned', 'in_progress', 'waiting_on_customer')
$$;

-- 20 conversations in the area, and their 20 tickets in one statement, as the customer (through the API's role).
insert into public.conversations (id, customer_id, title, solution_area)
select ('00000000-0000-4000-a200-' || lpad(n::text, 12, '0'))::uuid, tests.user_id('customer_a'), 'Burst ' || n, 'test-area' from generate_series(1, 20) n;
select tests.authenticate_as('customer_a');
insert into public.tickets (customer_id, subject, conversation_id)
select (select auth.uid()), 'Burst ' || n, ('00000000-0000-4000-a200-' || lpad(n::text, 12, '0'))::uuid from generate_series(1, 20) n;
reset role;

select is(tests.open_load('technician'), 3, 'the first technician gets up to their capacity (3)');
select is(tests.open_load('technician_b'), 2, 'a technician with one open ticket gets only their last slot (capacity 2)');
select is(tests.open_load('technician_c'), 1, 'capacity 1: one ticket');
select is(tests.open_load('technician_away'), 0, 'an away technician gets none, whatever their capacity');
select is((select count(*)::int from public.tickets where subject like 'Burst %' and status = 'unassigned'), 15, 'the rest (20 - 3 - 1 - 1) waits in the queue');
select ok(not exists (select 1 from public.technician_availability availability
  where tests.open_load((select username from public.profiles where id = availability.technician_id)) > availability.capacity), 'nobody is above capacity');
select is((select count(distinct assigned_to)::int from (select assigned_to from public.tickets where subject like 'Burst %' order by number limit 3) first_three), 3,
  'round-robin: the first three arrivals go to three different technicians');
select is((select count(*)::int from public.ticket_events where kind = 'assigned' and ticket_id in (select id from public.tickets where subject like 'Burst %')), 5,
  'each automatic assignment is on the timeline');
select is((select assigned_technician_id from public.conversations where id = (select conversation_id from public.tickets where subject = 'Burst 1')),
  (select assigned_to from public.tickets where subject = 'Burst 1'), 'the conversation goes to the assigned technician');

-- A ticket outside the area (no conversation) has no rule: it waits in the queue.
select tests.authenticate_as('customer_a');
insert into public.tickets (customer_id, subject) values ((select auth.uid()), 'No area');
reset role;
select is((select status::text from public.tickets where subject = 'No area'), 'unassigned', 'no rule for tickets without an area: no automatic assignment');

-- Availability: a technician switches themselves, an admin sets capacity.
select tests.authenticate_as('technician_c');
select throws_ok($$update public.technician_availability set capacity = 99 where technician_id = (select auth.uid())$$, '42501', 'capacity and areas are set by an admin',
  'a technician cannot raise their own capacity');
select is(tests.affected_rows($$update public.technician_availability set is_online = false where technician_id = tests.user_id('technician')$$), 0,
  'nor switch another technician away');
reset role;

select * from finish();
rollback;
