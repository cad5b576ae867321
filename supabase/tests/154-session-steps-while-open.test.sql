-- Customers record and answer steps only while their troubleshooting session is open.
begin;
select plan(6);
select tests.create_support_fixtures();

insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id) values
  ('00000000-0000-4000-e000-000000000401', tests.user_id('customer_a'), 'Open session', '00000000-0000-4000-d000-000000000001'),
  ('00000000-0000-4000-e000-000000000402', tests.user_id('customer_a'), 'Finished session', '00000000-0000-4000-d000-000000000001');
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted) values
  ('00000000-0000-4000-e000-000000000402', 1, 'Check the battery', true);

select tests.authenticate_as('customer_a');
select public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000402', 'not_resolved');
select lives_ok($$insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, responded_at) values ('00000000-0000-4000-e000-000000000401', 1, 'Check the battery', true, now())$$,
  'a customer records a step of their open session');
select is(tests.affected_rows($$update public.troubleshooting_session_steps set attempted = false where session_id = '00000000-0000-4000-e000-000000000401'$$), 1,
  'a customer changes an answer while the session is open');
select throws_ok($$insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted) values ('00000000-0000-4000-e000-000000000402', 2, 'Check the fuse', true)$$,
  '42501', 'new row violates row-level security policy for table "troubleshooting_session_steps"', 'a customer cannot add steps to a finished session');
select is(tests.affected_rows($$update public.troubleshooting_session_steps set attempted = false where session_id = '00000000-0000-4000-e000-000000000402'$$), 0,
  'a customer cannot change the answers of a finished session');
select results_eq($$select attempted from public.troubleshooting_session_steps where session_id = '00000000-0000-4000-e000-000000000402'$$,
  $$values (true)$$, 'the finished session''s steps are unchanged');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('customer_b');
select throws_ok($$insert into public.troubleshooting_session_steps (session_id, step_number, step_text) values ('00000000-0000-4000-e000-000000000401', 2, 'Injected')$$,
  '42501', 'new row violates row-level security policy for table "troubleshooting_session_steps"', 'another customer cannot add steps to an open session');
select tests.clear_authentication();
reset role;

select * from finish();
rollback;
