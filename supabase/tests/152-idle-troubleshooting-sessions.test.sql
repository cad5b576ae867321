-- private.abandon_idle_troubleshooting_sessions, the pg_cron job that ends sessions idle for 24 hours.
begin;
select plan(9);
select tests.create_support_fixtures();

-- The test guide has 3 steps.
insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id, started_at) values
  ('00000000-0000-4000-e000-000000000201', tests.user_id('customer_a'), 'Idle, nothing answered', '00000000-0000-4000-d000-000000000001', now() - interval '30 hours'),
  ('00000000-0000-4000-e000-000000000202', tests.user_id('customer_a'), 'Old but answered an hour ago', '00000000-0000-4000-d000-000000000001', now() - interval '30 hours'),
  ('00000000-0000-4000-e000-000000000203', tests.user_id('customer_b'), 'Started an hour ago', '00000000-0000-4000-d000-000000000001', now() - interval '1 hour'),
  ('00000000-0000-4000-e000-000000000204', tests.user_id('customer_b'), 'Every step answered, then left', '00000000-0000-4000-d000-000000000001', now() - interval '50 hours'),
  ('00000000-0000-4000-e000-000000000205', tests.user_id('customer_b'), 'Finished long ago', '00000000-0000-4000-d000-000000000001', now() - interval '50 hours');
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, responded_at) values
  ('00000000-0000-4000-e000-000000000202', 1, 'Check the battery', true, now() - interval '1 hour'),
  ('00000000-0000-4000-e000-000000000204', 1, 'Check the battery', true, now() - interval '49 hours'),
  ('00000000-0000-4000-e000-000000000204', 2, 'Check the fuse', true, now() - interval '49 hours'),
  ('00000000-0000-4000-e000-000000000204', 3, 'Call us', false, now() - interval '49 hours');
update public.troubleshooting_sessions set resolved = true, completed_at = now() - interval '49 hours' where id = '00000000-0000-4000-e000-000000000205';

select is(private.abandon_idle_troubleshooting_sessions(), 2, 'the job ends the two sessions idle for more than 24 hours');
select results_eq($$select abandoned, early_exit, misclassified, resolved, completed_at is not null from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000201'$$,
  $$values (true, true, false, false, true)$$, 'a session left before any step: abandoned, early exit, completed, never misclassified or resolved');
select results_eq($$select abandoned, early_exit, completed_at is not null from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000204'$$,
  $$values (true, false, true)$$, 'a session left after answering every step: abandoned without early exit');
select is_empty($$select 1 from public.troubleshooting_sessions where id in ('00000000-0000-4000-e000-000000000202', '00000000-0000-4000-e000-000000000203') and completed_at is not null$$,
  'sessions with activity in the last 24 hours stay open');
select results_eq($$select resolved, abandoned from public.troubleshooting_sessions where id = '00000000-0000-4000-e000-000000000205'$$,
  $$values (true, false)$$, 'a completed session is left alone');
select is(private.abandon_idle_troubleshooting_sessions(), 0, 'running the job again ends nothing more');
select results_eq($$select metadata ->> 'session_id', metadata ->> 'abandoned', metadata ->> 'misclassified' from public.analytics_events
  where event_type = 'troubleshooting_completed' and metadata ->> 'session_id' in ('00000000-0000-4000-e000-000000000201', '00000000-0000-4000-e000-000000000204') order by 1$$,
  $$values ('00000000-0000-4000-e000-000000000201', 'true', 'false'), ('00000000-0000-4000-e000-000000000204', 'true', 'false')$$,
  'analytics see each abandonment as a troubleshooting_completed event (abandoned, not misclassified)');

select is((select schedule from cron.job where jobname = 'abandon-idle-troubleshooting-sessions'), '*/15 * * * *', 'pg_cron runs the job every 15 minutes');
select ok(not has_function_privilege('authenticated', 'private.abandon_idle_troubleshooting_sessions(interval)', 'execute')
  and not has_function_privilege('anon', 'private.abandon_idle_troubleshooting_sessions(interval)', 'execute'), 'customers and visitors cannot run the job');

select * from finish();
rollback;
