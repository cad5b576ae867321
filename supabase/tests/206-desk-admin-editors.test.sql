-- The /admin editors' writes (issue 16): SLA policies (create with business hours, change, delete), shared canned
-- replies, automatic-assignment rules and technicians' capacity. Each is an admin's in the database: one allow and one
-- deny per command, as the editors send them. A policy an admin creates with business hours times a new ticket of its
-- area in those hours (trigger e_keep_ticket_sla, private.add_business_seconds); deleting it stops its tickets' clocks.
begin;
select plan(22);
select tests.create_support_fixtures();

-- ---------------------------------------------------------------- SLA policies
select tests.authenticate_as('admin');
select lives_ok($$insert into public.sla_policies (id, name, urgency, solution_area, first_response_minutes, resolution_minutes, time_zone,
    business_days, business_day_starts, business_day_ends)
  values ('00000000-0000-4000-e600-000000000001', 'Test area, Mon-Sat', null, 'test-area', 15, 600, 'Europe/Berlin', array[1, 2, 3, 4, 5, 6]::smallint[], '08:00', '16:30')$$,
  'an admin creates a policy with business hours');
reset role;
insert into public.conversations (id, customer_id, title, solution_area)
values ('00000000-0000-4000-a600-000000000001', tests.user_id('customer_a'), 'Sunday thread', 'test-area');
insert into public.tickets (id, customer_id, subject, conversation_id, created_at)
values ('00000000-0000-4000-b600-000000000001', tests.user_id('customer_a'), 'Sunday noon', '00000000-0000-4000-a600-000000000001', '2026-12-06 12:00 Europe/Berlin');
select is((select to_char(first_response_due_at at time zone 'Europe/Berlin', 'Dy YYYY-MM-DD HH24:MI') from public.tickets where id = '00000000-0000-4000-b600-000000000001'),
  'Mon 2026-12-07 08:15', 'a ticket arriving on Sunday noon is due 15 business minutes after Monday opens');
select is((select sla_policy_id from public.tickets where id = '00000000-0000-4000-b600-000000000001'), '00000000-0000-4000-e600-000000000001'::uuid,
  'it follows the area''s new policy');

select tests.authenticate_as('technician');
select is(tests.affected_rows($$update public.sla_policies set business_days = null where id = '00000000-0000-4000-e600-000000000001'$$), 0,
  'a technician cannot change a policy''s business hours');
select is(tests.affected_rows($$delete from public.sla_policies where id = '00000000-0000-4000-e600-000000000001'$$), 0, 'nor delete a policy');
reset role;
select tests.authenticate_as('admin');
select is(tests.affected_rows($$update public.sla_policies set business_days = null, time_zone = 'UTC' where id = '00000000-0000-4000-e600-000000000001'$$), 1,
  'an admin changes a policy''s business hours');
select throws_ok($$update public.sla_policies set time_zone = 'Mars/Olympus' where id = '00000000-0000-4000-e600-000000000001'$$, '23514', null,
  'a time zone Postgres does not know is refused');
select is(tests.affected_rows($$delete from public.sla_policies where id = '00000000-0000-4000-e600-000000000001'$$), 1, 'an admin deletes a policy');
reset role;
select results_eq($$ select sla_policy_id = (private.sla_policy_for(urgency::text, null)).id, first_response_due_at is not null from public.tickets where id = '00000000-0000-4000-b600-000000000001' $$,
  $$ values (true, true) $$, 'its tickets move to the policy that fits next and keep their clocks (/admin/sla says so at the button)');

-- ---------------------------------------------------------------- shared canned replies
delete from public.canned_replies;
select tests.authenticate_as('admin');
select lives_ok($$insert into public.canned_replies (id, shortcut, title, body) values ('00000000-0000-4000-c600-000000000001', 'thanks', 'Thanks', 'Thanks {{customer.first_name}}')$$,
  'an admin adds a shared canned reply');
reset role;
select tests.authenticate_as('technician');
select is(tests.affected_rows($$delete from public.canned_replies where id = '00000000-0000-4000-c600-000000000001'$$), 0, 'a technician cannot delete a shared canned reply');
reset role;
select tests.authenticate_as('admin');
select is(tests.affected_rows($$update public.canned_replies set title = 'Thank you' where id = '00000000-0000-4000-c600-000000000001'$$), 1, 'an admin edits a shared canned reply');
select is(tests.affected_rows($$delete from public.canned_replies where id = '00000000-0000-4000-c600-000000000001'$$), 1, 'an admin deletes a shared canned reply');
reset role;

-- ---------------------------------------------------------------- automatic-assignment rules
select tests.authenticate_as('technician');
select throws_ok($$insert into public.auto_assignment_rules (solution_area) values ('test-area')$$, '42501',
  'new row violates row-level security policy for table "auto_assignment_rules"', 'a technician cannot add an assignment rule');
reset role;
select tests.authenticate_as('admin');
select lives_ok($$insert into public.auto_assignment_rules (solution_area, is_enabled) values ('test-area', true)$$, 'an admin adds an assignment rule');
reset role;
select tests.authenticate_as('technician');
select is(tests.affected_rows($$update public.auto_assignment_rules set is_enabled = false where solution_area = 'test-area'$$), 0, 'a technician cannot pause a rule');
select is(tests.affected_rows($$delete from public.auto_assignment_rules where solution_area = 'test-area'$$), 0, 'nor remove it');
reset role;
select tests.authenticate_as('admin');
select is(tests.affected_rows($$update public.auto_assignment_rules set is_enabled = false where solution_area = 'test-area'$$), 1, 'an admin pauses a rule');
select is(tests.affected_rows($$delete from public.auto_assignment_rules where solution_area = 'test-area'$$), 1, 'an admin removes a rule');

-- ---------------------------------------------------------------- technicians' capacity
select lives_ok($$insert into public.technician_availability (technician_id, capacity, solution_areas) values (tests.user_id('technician_b'), 2, array['test-area'])
  on conflict (technician_id) do update set capacity = excluded.capacity, solution_areas = excluded.solution_areas$$, 'an admin sets a technician''s capacity and areas');
reset role;
select is((select capacity from public.technician_availability where technician_id = tests.user_id('technician_b')), 2, 'the capacity an admin set is kept');
select tests.authenticate_as('technician');
select throws_ok($$insert into public.technician_availability (technician_id, capacity) values (tests.user_id('technician_b'), 9)
  on conflict (technician_id) do update set capacity = excluded.capacity$$, '42501', null, 'a technician cannot set a colleague''s capacity');
reset role;

select * from finish();
rollback;
