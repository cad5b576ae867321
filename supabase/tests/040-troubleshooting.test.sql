-- public.complete_troubleshooting_session: the three outcome paths, one ticket per session.
begin;
select plan(18);
select tests.create_support_fixtures();

select tests.authenticate_as('customer_a');
insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id) values
  ('00000000-0000-4000-e000-000000000001', (select auth.uid()), 'Car will not start', '00000000-0000-4000-d000-000000000001'),
  ('00000000-0000-4000-e000-000000000002', (select auth.uid()), 'Car still will not start', '00000000-0000-4000-d000-000000000001'),
  ('00000000-0000-4000-e000-000000000003', (select auth.uid()), 'Actually it is the radio', '00000000-0000-4000-d000-000000000001');
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted) values
  ('00000000-0000-4000-e000-000000000001', 1, 'Check the battery', true),
  ('00000000-0000-4000-e000-000000000001', 2, 'Check the fuse', false),
  ('00000000-0000-4000-e000-000000000002', 1, 'Check the battery', true),
  ('00000000-0000-4000-e000-000000000002', 2, 'Check the fuse', true),
  ('00000000-0000-4000-e000-000000000002', 3, 'Call us', true);

select is((select guide_title from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000001'), 'Test guide', 'the guide title is captured at match time');

-- resolved
select is(public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000001', 'resolved'), null, 'resolved returns no ticket');
select results_eq($$select resolved, completed_at is not null, abandoned, misclassified, early_exit from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000001'$$,
  $$values (true, true, false, false, true)$$, 'resolved: session resolved and completed (early exit: 2 of 3 steps shown)');
select results_eq($$select step_number from public.troubleshooting_session_steps where session_id = '00000000-0000-4000-e000-000000000001' and resolved_issue order by 1$$,
  array[1], 'resolved: attempted steps are marked resolved_issue');
select is_empty($$select 1 from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000001'$$, 'resolved: no ticket');

-- not resolved
select isnt(public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000002', 'not_resolved'), null, 'not_resolved returns the ticket id');
select results_eq($$select resolved, completed_at is not null, abandoned, early_exit from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000002'$$,
  $$values (false, true, false, false)$$, 'not_resolved: session completed, not resolved');
select results_eq($$select channel::text, status::text, triage_status::text, customer_id = (select auth.uid()), contact_email from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000002'$$,
  $$values ('troubleshooting', 'unassigned', 'pending', true, 'customer_a@tests.local')$$, 'not_resolved: exactly one new ticket for the customer, unassigned and pending triage');
select ok((select content like '%3. Call us (tried)%' from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000002'), 'the ticket lists the steps tried');
select throws_ok($$select public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000002', 'not_resolved')$$, '23514', 'troubleshooting session 00000000-0000-4000-e000-000000000002 is already completed', 'a second outcome is refused');

-- another issue
select is(public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000003', 'another_issue'), null, 'another_issue returns no ticket');
select results_eq($$select resolved, completed_at is not null, abandoned, misclassified from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000003'$$,
  $$values (false, true, true, true)$$, 'another_issue: abandoned and misclassified, completed');
select is_empty($$select 1 from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000003'$$, 'another_issue: no ticket');

select throws_ok($$select public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000003', 'maybe')$$, '22023', 'outcome must be resolved, not_resolved or another_issue', 'an unknown outcome is refused');
reset role;

-- someone else's session
insert into public.troubleshooting_sessions (id, customer_id, issue_description) values ('00000000-0000-4000-e000-000000000004', tests.user_id('customer_a'), 'Squeak');
select tests.authenticate_as('customer_b');
select throws_ok($$select public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000004', 'not_resolved')$$, 'P0002', 'troubleshooting session 00000000-0000-4000-e000-000000000004 not found', 'another customer cannot complete the session');
reset role;

-- one ticket per session, even for direct inserts
select throws_ok($$insert into public.tickets (customer_id, subject, troubleshooting_session_id) values (tests.user_id('customer_a'), 'Dup', '00000000-0000-4000-e000-000000000002')$$, '23505', null, 'a second ticket for the same session is refused (unique)');
select is((select count(*)::int from public.analytics_events where event_type = 'troubleshooting_completed'), 3, 'each completion writes a troubleshooting_completed event');
select ok(not has_function_privilege('anon', 'public.complete_troubleshooting_session(uuid, text)', 'execute'), 'anon cannot call the outcome function');

select * from finish();
rollback;
