-- A customer's new ticket may only refer to their own conversation, vehicle and troubleshooting session
-- (migration 20261205000200): each foreign key the customer supplies is checked by the insert policy.
begin;
select plan(8);
select tests.create_support_fixtures();

insert into public.customer_vehicles (id, customer_id, make, model) values
  ('00000000-0000-4000-e000-00000000000a', tests.user_id('customer_a'), 'Volvo', 'V60'),
  ('00000000-0000-4000-e000-00000000000b', tests.user_id('customer_b'), 'Skoda', 'Octavia');
insert into public.troubleshooting_sessions (id, customer_id, issue_description) values
  ('00000000-0000-4000-f000-00000000000a', tests.user_id('customer_a'), 'A problem'),
  ('00000000-0000-4000-f000-00000000000b', tests.user_id('customer_b'), 'B problem');
insert into public.conversations (id, customer_id, title) values
  ('00000000-0000-4000-a000-0000000000a2', tests.user_id('customer_a'), 'A second thread'),
  ('00000000-0000-4000-a000-0000000000b2', tests.user_id('customer_b'), 'B second thread');

select tests.authenticate_as('customer_a');
select throws_ok(
  $$insert into public.tickets (customer_id, subject, conversation_id) values (tests.user_id('customer_a'), 'Sneaky', '00000000-0000-4000-a000-0000000000b2')$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a customer cannot link a ticket to another customer''s conversation');
select throws_ok(
  $$insert into public.tickets (customer_id, subject, customer_vehicle_id) values (tests.user_id('customer_a'), 'Sneaky', '00000000-0000-4000-e000-00000000000b')$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a customer cannot link a ticket to another customer''s vehicle');
select throws_ok(
  $$insert into public.tickets (customer_id, subject, troubleshooting_session_id) values (tests.user_id('customer_a'), 'Sneaky', '00000000-0000-4000-f000-00000000000b')$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a customer cannot link a ticket to another customer''s troubleshooting session');
select throws_ok(
  $$insert into public.tickets (customer_id, subject) values (tests.user_id('customer_b'), 'In B''s name')$$,
  '42501', 'new row violates row-level security policy for table "tickets"',
  'a customer cannot open a ticket in another customer''s name');
select lives_ok(
  $$insert into public.tickets (customer_id, subject, conversation_id, customer_vehicle_id, troubleshooting_session_id)
    values (tests.user_id('customer_a'), 'Mine', '00000000-0000-4000-a000-0000000000a2', '00000000-0000-4000-e000-00000000000a', '00000000-0000-4000-f000-00000000000a')$$,
  'a customer can open a ticket about their own conversation, vehicle and session');
select lives_ok(
  $$insert into public.tickets (customer_id, subject) values (tests.user_id('customer_a'), 'Plain')$$,
  'a ticket that names nothing else needs nothing else');
select is((select count(*)::int from public.tickets where customer_id = tests.user_id('customer_a') and subject in ('Mine', 'Plain')), 2, 'both of the customer''s tickets were stored');
select tests.clear_authentication();
reset role;
select is((select count(*)::int from public.tickets where subject = 'Sneaky' or subject = 'In B''s name'), 0, 'none of the refused tickets was stored');

select * from finish();
rollback;
