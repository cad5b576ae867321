-- Triage pipeline: the enqueue and wake triggers, claiming, retry and give-up, the stuck reset, requeue, access.
-- (Two workers racing for the same tickets needs two sessions: tests/triage/pipeline.test.ts.)
begin;
select plan(38);
select tests.create_support_fixtures();

-- ---------------------------------------------------------------------------------------------------------------
-- Enqueue and wake
-- ---------------------------------------------------------------------------------------------------------------
create temporary table last_request as select coalesce(max(id), 0) as id from net.http_request_queue;
-- Wake-ups are debounced to one a second; earlier files inserted tickets moments ago.
update private.edge_function_wakeups set last_requested_at = '-infinity' where function_name = 'triage';
insert into public.tickets (id, customer_id, subject, content) values
  ('00000000-0000-4000-b000-000000000101', tests.user_id('customer_a'), 'Charged twice', 'Two charges for one invoice'),
  ('00000000-0000-4000-b000-000000000102', tests.user_id('customer_a'), 'Brakes squeal', 'Squealing when stopping'),
  ('00000000-0000-4000-b000-000000000103', tests.user_id('customer_b'), 'Dark mode', 'Please add dark mode');

select is((select count(*)::int from private.jobs where kind = 'triage' and status = 'queued'
           and payload ->> 'ticket_id' like '00000000-0000-4000-b000-0000000001%'), 3,
  'each inserted ticket gets one queued triage job');
select is((select count(*)::int from net.http_request_queue where id > (select id from last_request) and url like '%/functions/v1/triage'), 1,
  'an insert of three tickets wakes the triage function once (statement trigger)');
select is((select headers ->> 'Authorization' from net.http_request_queue where id > (select id from last_request) and url like '%/functions/v1/triage'),
  'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key'),
  'the wake-up carries the service-role key from Vault');
select is((select url from net.http_request_queue where id > (select id from last_request) and url like '%/functions/v1/triage'),
  rtrim((select decrypted_secret from vault.decrypted_secrets where name = 'project_url'), '/') || '/functions/v1/triage',
  'the wake-up goes to the project URL from Vault');

update last_request set id = (select coalesce(max(id), 0) from net.http_request_queue);
insert into public.tickets (customer_id, subject, content) values (tests.user_id('customer_b'), 'Right after', 'Within the same second');
select is((select count(*)::int from net.http_request_queue where id > (select id from last_request)), 0,
  'a second insert within a second of the last wake-up is debounced (the worker lingers past the window)');

update private.edge_function_wakeups set last_requested_at = '-infinity' where function_name = 'triage';
insert into public.tickets (customer_id, subject, status, assigned_to)
values (tests.user_id('customer_a'), 'Imported, already closed', 'closed', tests.user_id('technician'));
select is((select count(*)::int from net.http_request_queue where id > (select id from last_request)), 0,
  'inserting only finished tickets wakes nobody');

-- ---------------------------------------------------------------------------------------------------------------
-- Claiming
-- ---------------------------------------------------------------------------------------------------------------
-- Only this file's three tickets are due (the fixture's two are parked).
update private.jobs set next_attempt_at = now() + interval '1 hour'
where kind = 'triage' and payload ->> 'ticket_id' not like '00000000-0000-4000-b000-0000000001%';

create temporary table claimed as select * from private.claim_triage_jobs('worker-1', 2);
select is((select count(*)::int from claimed), 2, 'a worker claims up to its batch size');
select is((select count(*)::int from public.tickets where id in (select ticket_id from claimed) and triage_status = 'processing'), 2,
  'claimed tickets are processing');
select is((select array_agg(distinct attempts) from claimed), array[1], 'a claim counts an attempt');
select is((select count(*)::int from private.claim_triage_jobs('worker-2', 10) job where job.ticket_id in (select ticket_id from claimed)), 0,
  'a second worker never gets a ticket the first one holds');
select is((select count(*)::int from private.claim_triage_jobs('worker-3', 10)), 0, 'nothing is left to claim');

-- A job whose ticket no longer waits for triage is completed, not returned.
insert into private.jobs (kind, payload) values ('triage', '{"ticket_id": "00000000-0000-4000-b000-00000000dead"}');
select is((select count(*)::int from private.claim_triage_jobs('worker-4', 10)), 0, 'a job of a missing ticket is not returned');
select is((select status::text from private.jobs where payload = '{"ticket_id": "00000000-0000-4000-b000-00000000dead"}'), 'completed',
  'a job of a missing ticket is completed (skipped)');

-- ---------------------------------------------------------------------------------------------------------------
-- Success, retry and give-up
-- ---------------------------------------------------------------------------------------------------------------
select private.record_triage_success(job_id, ticket_id,
  '{"category":"billing","sentiment_score":2,"urgency":"high","draft_reply":"Hello","confidence":0.9,"model":"m","provider":"local","reasoning":"r"}',
  '{"event_type":"api_call","model":"m","metadata":{"source":"triage","prompt_tokens":10}}')
from claimed where ticket_id = '00000000-0000-4000-b000-000000000101';
select private.record_triage_success(job_id, ticket_id,
  '{"category":"technical","sentiment_score":4,"urgency":"medium","draft_reply":"Hello again","confidence":0.7,"model":"m","provider":"openai","reasoning":"r","model_details":"Model m. P(high) 0.2."}')
from claimed where ticket_id = '00000000-0000-4000-b000-000000000101';
select results_eq($$select triage_status::text, category::text, urgency::text from public.tickets where id = '00000000-0000-4000-b000-000000000101'$$,
  $$values ('processed', 'technical', 'medium')$$, 'a success marks the ticket processed and copies category and urgency');
select is((select count(*)::int from public.ticket_ai_results where ticket_id = '00000000-0000-4000-b000-000000000101'), 1,
  'recording a result twice keeps one AI result row');
select is((select status::text from private.jobs where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000101"}'), 'completed',
  'a success completes the job');
select is((select model_details from public.ticket_ai_results where ticket_id = '00000000-0000-4000-b000-000000000101'), 'Model m. P(high) 0.2.',
  'the model''s own account is stored beside the plain reasoning');
select is((select count(*)::int from public.analytics_events where ticket_id = '00000000-0000-4000-b000-000000000101' and event_type = 'api_call'), 1,
  'a success records the api_call event it was given');

select is(private.record_triage_failure(job_id, ticket_id, 'the AI provider did not answer within 20000 ms', true), 'pending'::public.ticket_triage_status,
  'a retryable failure puts the ticket back to pending')
from claimed where ticket_id = '00000000-0000-4000-b000-000000000102';
select ok((select next_attempt_at between now() + interval '15 seconds' and now() + interval '30 seconds'
           from private.jobs where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000102"}'),
  'the first retry waits 15-30 s (30 s backoff with jitter)');

update private.jobs set next_attempt_at = now(), max_attempts = 2 where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000102"}';
select is((select attempts from private.claim_triage_jobs('worker-1', 10)), 2, 'the retry is claimed as the second attempt');
select is(private.record_triage_failure(job.id, '00000000-0000-4000-b000-000000000102', 'the model did not return valid JSON', true),
  'ai_failed'::public.ticket_triage_status, 'the last allowed attempt failing makes the ticket ai_failed')
from private.jobs job where job.payload = '{"ticket_id": "00000000-0000-4000-b000-000000000102"}';
select results_eq($$select error, attempts from public.ticket_triage_failures where ticket_id = '00000000-0000-4000-b000-000000000102'$$,
  $$values ('the model did not return valid JSON', 2)$$, 'the error and the attempts are kept for technicians');

-- ---------------------------------------------------------------------------------------------------------------
-- Stuck reset
-- ---------------------------------------------------------------------------------------------------------------
insert into public.tickets (id, customer_id, subject, triage_status, created_at, updated_at) values
  ('00000000-0000-4000-b000-000000000201', tests.user_id('customer_b'), 'Stuck six minutes', 'processing', now() - interval '10 minutes', now() - interval '6 minutes'),
  ('00000000-0000-4000-b000-000000000202', tests.user_id('customer_b'), 'Stuck, attempts spent', 'processing', now() - interval '10 minutes', now() - interval '6 minutes'),
  -- Four minutes ago, or since the server started if that is later (a test server is young, and a claim older than
  -- the server is stuck by definition: see the restart check below).
  ('00000000-0000-4000-b000-000000000203', tests.user_id('customer_b'), 'Working for four minutes', 'processing', now() - interval '10 minutes', greatest(now() - interval '4 minutes', pg_postmaster_start_time())),
  ('00000000-0000-4000-b000-000000000204', tests.user_id('customer_b'), 'Processing without a job', 'processing', now() - interval '10 minutes', now() - interval '6 minutes');
update private.jobs set status = 'running', attempts = 1, locked_by = 'crashed', locked_at = now() - interval '6 minutes'
where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000201"}';
update private.jobs set status = 'running', attempts = 5, max_attempts = 5, locked_by = 'crashed', locked_at = now() - interval '6 minutes'
where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000202"}';
update private.jobs set status = 'running', attempts = 1, locked_by = 'busy', locked_at = greatest(now() - interval '4 minutes', pg_postmaster_start_time())
where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000203"}';
delete from private.jobs where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000204"}';

select is(private.reset_stuck_triage(), 2, 'two tickets stuck for more than 5 minutes go back to pending');
select results_eq($$select triage_status::text from public.tickets where id = '00000000-0000-4000-b000-000000000201'$$, $$values ('pending')$$,
  'a ticket whose worker stopped is pending again');
select results_eq($$select status::text, next_attempt_at <= now() from private.jobs where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000201"}'$$,
  $$values ('queued', true)$$, 'its job is queued and due at once');
select results_eq($$select triage_status::text from public.tickets where id = '00000000-0000-4000-b000-000000000202'$$, $$values ('ai_failed')$$,
  'a stuck ticket whose attempts are spent becomes ai_failed');
select results_eq($$select triage_status::text from public.tickets where id = '00000000-0000-4000-b000-000000000203'$$, $$values ('processing')$$,
  'a ticket processing for less than 5 minutes is left alone');
select results_eq($$select t.triage_status::text, j.status::text from public.tickets t join private.jobs j on j.payload = jsonb_build_object('ticket_id', t.id)
  where t.id = '00000000-0000-4000-b000-000000000204'$$, $$values ('pending', 'queued')$$,
  'a ticket processing without a job is pending again with a fresh job');
-- A claim made before the server (re)started cannot be held by a live transaction: the next sweep resets it, without
-- the five minutes (20261207000100). Here the test server started moments ago, so the claim is recent as well.
insert into public.tickets (id, customer_id, subject, triage_status, created_at, updated_at) values
  ('00000000-0000-4000-b000-000000000205', tests.user_id('customer_b'), 'In flight at a restart', 'processing', now() - interval '10 minutes', pg_postmaster_start_time() - interval '1 second');
update private.jobs set status = 'running', attempts = 1, locked_by = 'before-restart', locked_at = pg_postmaster_start_time() - interval '1 second'
where payload = '{"ticket_id": "00000000-0000-4000-b000-000000000205"}';
select is(private.reset_stuck_triage(), 1, 'a ticket whose job was claimed before the server started goes back to pending at the next sweep');
select results_eq($$select triage_status::text from public.tickets where id = '00000000-0000-4000-b000-000000000203'$$, $$values ('processing')$$,
  'a ticket claimed since the server started and for less than 5 minutes is still left alone');

select is((select count(*)::int from cron.job where jobname = 'triage-drain' and schedule = '* * * * *' and command like '%private.drain_triage_queue()%'), 1,
  'pg_cron drains the triage queue every minute');

-- ---------------------------------------------------------------------------------------------------------------
-- Requeue and access
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('customer_a');
select throws_ok($$select public.requeue_ticket_triage('00000000-0000-4000-b000-000000000102')$$, '42501',
  'only technicians and admins can requeue triage', 'customers cannot requeue triage');
select is_empty($$select * from public.ticket_triage_failures$$, 'customers never see triage failures');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('technician');
select isnt_empty($$select * from public.ticket_triage_failures where ticket_id = '00000000-0000-4000-b000-000000000102'$$,
  'technicians see why triage failed');
select lives_ok($$select public.requeue_ticket_triage('00000000-0000-4000-b000-000000000102')$$, 'a technician requeues an ai_failed ticket');
select throws_ok($$select public.requeue_ticket_triage('00000000-0000-4000-b000-000000000101')$$, '22023',
  'only a ticket whose triage failed can be requeued; this one is processed', 'a processed ticket cannot be requeued');
select tests.clear_authentication();
reset role;
select results_eq($$select t.triage_status::text, j.status::text, j.attempts from public.tickets t
  join private.jobs j on j.payload = jsonb_build_object('ticket_id', t.id) and j.status = 'queued'
  where t.id = '00000000-0000-4000-b000-000000000102'$$, $$values ('pending', 'queued', 0)$$,
  'a requeued ticket is pending with a fresh job (attempts from zero)');

select * from finish();
rollback;
