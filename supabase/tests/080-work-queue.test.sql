-- Work queue: claim with SKIP LOCKED semantics, retries with backoff, service role only.
begin;
select plan(8);
-- start from an empty queue (seeded articles queue embed jobs)
delete from private.jobs;
insert into private.jobs (kind, payload) values ('embed', '{"article_id":"a"}'), ('embed', '{"article_id":"b"}'), ('triage', '{"ticket_id":"t"}');

select is((select count(*)::int from private.claim_jobs('embed', 'worker-1', 1)), 1, 'a worker claims up to its batch size');
select results_eq($$select status::text, attempts, locked_by from private.jobs where payload = '{"article_id":"a"}'$$, $$values ('running', 1, 'worker-1')$$, 'a claimed job is running, counted and locked');
select is((select count(*)::int from private.claim_jobs('embed', 'worker-2', 10)), 1, 'a second worker gets only the unclaimed job');
select is((select count(*)::int from private.claim_jobs('embed', 'worker-3', 10)), 0, 'nothing is claimed twice while the lease holds');
select private.fail_job(id, 'boom') from private.jobs where payload = '{"article_id":"a"}';
select results_eq($$select status::text, last_error, next_attempt_at > now() from private.jobs where payload = '{"article_id":"a"}'$$, $$values ('queued', 'boom', true)$$, 'a failed attempt is requeued with backoff');
select private.complete_job(id) from private.jobs where payload = '{"article_id":"b"}';
select is((select status::text from private.jobs where payload = '{"article_id":"b"}'), 'completed', 'a finished job is completed');
select ok(has_function_privilege('service_role', 'public.claim_jobs(text, text, integer)', 'execute'), 'the service role may claim jobs');
select ok(not has_function_privilege('authenticated', 'public.claim_jobs(text, text, integer)', 'execute'), 'signed-in users may not claim jobs');

select * from finish();
rollback;
