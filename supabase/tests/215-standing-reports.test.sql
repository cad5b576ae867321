-- Standing reports (issue 18, seeds 000 and 001): admins only, and the figures of a small fixed data set equal
-- hand-computed values. The data set (relative to now(); the window is 30 days):
--   S1 customer_a, resolved 10 days ago, 2 steps tried          → settled, held (nothing followed)
--   S2 customer_b, resolved 9 days ago, 4 steps tried           → settled, did not hold (a ticket 8 days ago)
--   S3 customer_b, wrong guide 3 days ago                       → follow-up (no ticket since)
--   S4 customer_a, still broken 2 days ago                      → not self-service (that ending opens a ticket)
--   S5 customer_a, left midway 1 day ago                        → follow-up
--   S6 customer_a, resolved 1 day ago, 1 step tried             → assumed resolved, too recent to judge
--   C1 customer_a chat in test-area, answered by the assistant, quiet for 12 days → self-served, settled, held
-- Hand-computed: guide "Test guide" ended 6, resolved 3 (rate 0.5); average steps to resolution (2 + 4 + 1) / 3;
-- self-service ended 6 (S1, S2, S3, S5, S6, C1), assumed 4 (S1, S2, S6, C1), settled 3 (S1, S2, C1), durable 2 (S1,
-- C1): assumed rate 0.6667, durable rate 0.6667 of the settled.
begin;
select plan(14);
select tests.create_support_fixtures();

-- Only this file's rows count (the rollback restores everything).
set local client_min_messages = warning;
truncate public.troubleshooting_sessions, public.tickets, public.conversations, public.analytics_events cascade;
update public.guides set solution_area = 'test-area' where id = '00000000-0000-4000-d000-000000000001';

insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id, resolved, misclassified, abandoned, started_at, completed_at) values
  ('00000000-0000-4000-e000-000000000001', tests.user_id('customer_a'), 'Car will not start', '00000000-0000-4000-d000-000000000001', true, false, false, now() - interval '10 days 1 hour', now() - interval '10 days'),
  ('00000000-0000-4000-e000-000000000002', tests.user_id('customer_b'), 'Car will not start', '00000000-0000-4000-d000-000000000001', true, false, false, now() - interval '9 days 1 hour', now() - interval '9 days'),
  ('00000000-0000-4000-e000-000000000003', tests.user_id('customer_b'), 'Radio is silent', '00000000-0000-4000-d000-000000000001', false, true, true, now() - interval '3 days 1 hour', now() - interval '3 days'),
  ('00000000-0000-4000-e000-000000000004', tests.user_id('customer_a'), 'Clicking noise', '00000000-0000-4000-d000-000000000001', false, false, false, now() - interval '2 days 1 hour', now() - interval '2 days'),
  ('00000000-0000-4000-e000-000000000005', tests.user_id('customer_a'), 'Dim lights', '00000000-0000-4000-d000-000000000001', false, false, true, now() - interval '2 days', now() - interval '1 day'),
  ('00000000-0000-4000-e000-000000000006', tests.user_id('customer_a'), 'Car will not start', '00000000-0000-4000-d000-000000000001', true, false, false, now() - interval '1 day 1 hour', now() - interval '1 day');
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted)
select session_id::uuid, step_number, 'Step ' || step_number, true
from (values ('00000000-0000-4000-e000-000000000001', 1), ('00000000-0000-4000-e000-000000000001', 2),
             ('00000000-0000-4000-e000-000000000002', 1), ('00000000-0000-4000-e000-000000000002', 2),
             ('00000000-0000-4000-e000-000000000002', 3), ('00000000-0000-4000-e000-000000000002', 4),
             ('00000000-0000-4000-e000-000000000006', 1)) as tried (session_id, step_number);
insert into public.tickets (customer_id, subject, content, created_at)
values (tests.user_id('customer_b'), 'Still not starting', 'It stopped again', now() - interval '8 days');
insert into public.conversations (id, customer_id, title, solution_area, created_at)
values ('00000000-0000-4000-a000-0000000000c1', tests.user_id('customer_a'), 'Tyre pressure', 'test-area', now() - interval '12 days 1 hour');
insert into public.messages (conversation_id, sender_id, role, content, created_at) values
  ('00000000-0000-4000-a000-0000000000c1', tests.user_id('customer_a'), 'user', 'What pressure for my tyres?', now() - interval '12 days 1 hour'),
  ('00000000-0000-4000-a000-0000000000c1', null, 'assistant', 'The label in the door frame says.', now() - interval '12 days');
insert into public.analytics_events (event_type, solution_area, metadata, occurred_at) values
  ('api_call', 'test-area', '{"function": "chat", "latency_ms": 100, "cost_usd": 0.01}', now() - interval '12 days'),
  ('api_call', 'test-area', '{"function": "chat", "latency_ms": 300, "cost_usd": 0.03}', now() - interval '2 days'),
  ('error', 'test-area', '{"function": "chat"}', now() - interval '2 days'),
  ('api_call', null, '{"source": "triage", "latency_ms": 20, "cost_estimate_usd": 0}', now() - interval '8 days');

select tests.authenticate_as('technician');
select throws_ok($$select public.standing_reports(30)$$, '42501', 'only admins can read the standing reports', 'technicians do not read the standing reports');
select throws_ok($$select public.open_follow_up_ticket('00000000-0000-4000-e000-000000000003')$$, '42501', 'only admins can open follow-up tickets',
  'technicians do not open follow-up tickets from the reports');
reset role;

select tests.authenticate_as('admin');
create temporary table report on commit drop as select public.standing_reports(30) as figures;
select throws_ok($$select public.standing_reports(0)$$, '22023', 'days must be between 1 and 366, not 0', 'a window of 0 days is refused');

select is((select (figures -> 'worst_guides' -> 0) - 'guide_id' from report),
  '{"guide_title": "Test guide", "ended": 6, "resolved": 3, "still_broken": 1, "wrong_guide": 1, "left_midway": 1, "resolution_rate": 0.5000}'::jsonb,
  'the guide''s six endings: 3 resolved, 1 still broken, 1 wrong guide, 1 left midway');
select is((select sum((week ->> 'ended')::int) from report, jsonb_array_elements(figures -> 'troubleshooting_by_week') week), 6::bigint,
  'every ended session falls in one week of the trend');
select is((select round(sum((week ->> 'average_steps_to_resolution')::numeric * (week ->> 'resolved')::int) / sum((week ->> 'resolved')::int), 2)
           from report, jsonb_array_elements(figures -> 'troubleshooting_by_week') week where (week ->> 'resolved')::int > 0),
  round((2 + 4 + 1) / 3.0, 2), 'average steps to resolution over the resolved sessions: (2 + 4 + 1) / 3');
select is((select array_agg(follow_up ->> 'session_id' order by follow_up ->> 'session_id') from report, jsonb_array_elements(figures -> 'follow_ups') follow_up),
  array['00000000-0000-4000-e000-000000000003', '00000000-0000-4000-e000-000000000005'],
  'the wrong-guide and the left-midway sessions need a follow-up; still broken already has its ticket');
select is((select (figures -> 'self_service') - 'by_kind' from report),
  '{"ended": 6, "assumed_resolved": 4, "settled": 3, "durable_resolved": 2, "too_recent": 3, "assumed_rate": 0.6667, "durable_rate": 0.6667}'::jsonb,
  'self-service: 4 of 6 assumed resolved; of the 3 old enough to judge, 2 held (S2 was followed by a ticket)');
select is((select figures -> 'self_service' -> 'by_kind' -> 'chat' from report),
  '{"ended": 1, "assumed_resolved": 1, "settled": 1, "durable_resolved": 1}'::jsonb, 'the answered, quiet chat counts as self-served and held');
select is((select area - 'name' from report, jsonb_array_elements(figures -> 'areas') area where area ->> 'area' = 'test-area'),
  '{"area": "test-area", "conversations": 1, "guided_fixes": 6, "ai_calls": 2, "ai_cost_usd": 0.0400, "resolutions": 2, "ai_cost_per_resolution_usd": 0.0200}'::jsonb,
  'the area: 1 chat, 6 guided fixes, 2 AI calls costing $0.04, 2 durable resolutions, $0.02 each');
select is((select fn - 'function' from report, jsonb_array_elements(figures -> 'functions') fn where fn ->> 'function' = 'chat'),
  '{"calls": 2, "errors": 1, "error_rate": 0.3333, "latency_p50_ms": 200.0, "latency_p95_ms": 290.0}'::jsonb,
  'the chat function: 2 calls and 1 error, latency p50 200 ms and p95 290 ms');

-- The follow-up action opens one ticket per session, and the report stops listing it.
select is((select already_open from public.open_follow_up_ticket('00000000-0000-4000-e000-000000000003')), false, 'an admin opens a follow-up ticket');
select is((select already_open from public.open_follow_up_ticket('00000000-0000-4000-e000-000000000003')), true, 'asking again returns the same ticket');
select throws_ok($$select public.open_follow_up_ticket('00000000-0000-4000-e000-000000000001')$$, '23514',
  'only a guided fix that ended unresolved without a ticket needs a follow-up (this one is resolved)', 'a resolved session needs no follow-up');
reset role;

select * from finish();
rollback;
