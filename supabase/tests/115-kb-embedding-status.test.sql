-- Embedding status per article (20261201140000): kept by a deferred trigger on the embed queue, readable by staff
-- only, published for Realtime. Deferred triggers fire at commit, and these tests roll back, so each step ends with
-- `set constraints all immediate` (fires the pending ones as a commit would) and `deferred` again (so the next step
-- is deferred like a real transaction).
begin;
select plan(22);

select tests.create_support_fixtures();
set constraints all immediate; set constraints all deferred;

-- ---------------------------------------------------------------------------------------------------------------
-- Schema
-- ---------------------------------------------------------------------------------------------------------------
select has_table('public', 'kb_embedding_status', 'kb_embedding_status exists');
select ok((select relrowsecurity from pg_class where oid = 'public.kb_embedding_status'::regclass), 'RLS is on');
select ok(
  exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'kb_embedding_status'),
  'kb_embedding_status is in the supabase_realtime publication');

-- ---------------------------------------------------------------------------------------------------------------
-- The state follows the article's embed job
-- ---------------------------------------------------------------------------------------------------------------
select is(
  (select state::text from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001'),
  'pending', 'a new article is pending: its embed job is queued');

update private.jobs set status = 'running', attempts = 1, locked_by = 'test', locked_at = now()
where kind = 'embed' and payload = '{"article_id": "00000000-0000-4000-c000-000000000001"}';
set constraints all immediate; set constraints all deferred;
select is(
  (select state::text from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001'),
  'embedding', 'a claimed job shows as embedding');

-- The worker completes the job first and then swaps the chunks, in one transaction: the count is read at commit.
select private.complete_job(id) from private.jobs
where kind = 'embed' and payload = '{"article_id": "00000000-0000-4000-c000-000000000001"}';
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000001', n, 'chunk ' || n, array_fill((1 / sqrt(384))::real, array[384])::extensions.vector, 'local-test-model'
from generate_series(0, 2) n;
set constraints all immediate; set constraints all deferred;
select results_eq(
  $$ select state::text, chunk_count, embedding_model, last_error from public.kb_embedding_status
     where article_id = '00000000-0000-4000-c000-000000000001' $$,
  $$ values ('embedded', 3, 'local-test-model', null::text) $$,
  'a completed job shows as embedded with the chunks written in the same transaction and their model');

-- Retry, then failure for good.
select private.fail_job(id, 'provider timed out') from private.jobs
where kind = 'embed' and payload = '{"article_id": "00000000-0000-4000-c000-000000000002"}';
set constraints all immediate; set constraints all deferred;
select results_eq(
  $$ select state::text, last_error from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000002' $$,
  $$ values ('pending', 'provider timed out') $$,
  'a failed attempt that will be retried is pending and keeps the error');

update private.jobs set attempts = max_attempts where kind = 'embed' and payload = '{"article_id": "00000000-0000-4000-c000-000000000002"}';
select private.fail_job(id, 'provider refused the input') from private.jobs
where kind = 'embed' and payload = '{"article_id": "00000000-0000-4000-c000-000000000002"}';
set constraints all immediate; set constraints all deferred;
select results_eq(
  $$ select state::text, last_error from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000002' $$,
  $$ values ('failed', 'provider refused the input') $$,
  'a job out of attempts shows as failed with its error');

-- An edit queues a new job: pending again; a late event of the older job does not overwrite it.
update public.kb_articles set content = 'Edited body' where id = '00000000-0000-4000-c000-000000000001';
set constraints all immediate; set constraints all deferred;
select is(
  (select state::text from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001'),
  'pending', 'editing an embedded article queues it again');
select private.record_kb_embedding_status(job) from private.jobs job
where job.kind = 'embed' and job.payload = '{"article_id": "00000000-0000-4000-c000-000000000001"}' and job.status = 'completed';
select is(
  (select state::text from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001'),
  'pending', 'an older job''s state never overwrites a newer job''s');

-- Other job kinds and deleted articles.
select is(
  (select count(*)::integer from public.kb_embedding_status status
   where not exists (select 1 from public.kb_articles article where article.id = status.article_id)),
  0, 'no status row without an article');
insert into public.kb_articles (id, slug, title, content, category) values
  ('00000000-0000-4000-c000-000000000003', 'test-gone', 'Gone soon', 'Body', 'automotive');
set constraints all immediate; set constraints all deferred;
delete from public.kb_articles where id = '00000000-0000-4000-c000-000000000003';
select is_empty(
  $$ select 1 from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000003' $$,
  'deleting an article deletes its status');
select lives_ok(
  $$ insert into private.jobs (kind, payload) values ('triage', '{"ticket_id": "00000000-0000-4000-b000-00000000000a"}') on conflict do nothing $$,
  'jobs of other kinds do not involve the status trigger');
select lives_ok(
  $$ insert into private.jobs (kind, payload) values ('embed', '{"article_id": "not-a-uuid"}'); set constraints all immediate; set constraints all deferred $$,
  'an embed job with a malformed payload is left to the worker to fail');

-- ---------------------------------------------------------------------------------------------------------------
-- Policies: "Staff can read embedding status" (allow: admin, technician; deny: customer, anon); nobody writes
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin');
select isnt_empty(
  $$ select 1 from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000002' $$,
  'admins read embedding status');
select throws_ok(
  $$ update public.kb_embedding_status set state = 'embedded' where article_id = '00000000-0000-4000-c000-000000000002' $$,
  '42501', 'permission denied for table kb_embedding_status', 'not even admins write embedding status');
reset role;

select tests.authenticate_as('technician');
select isnt_empty(
  $$ select 1 from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001' $$,
  'technicians (staff) read embedding status');
reset role;

select tests.authenticate_as('customer_a');
select is_empty($$ select 1 from public.kb_embedding_status $$, 'customers read no embedding status, not even of published articles');
select throws_ok(
  $$ insert into public.kb_embedding_status (article_id, state) values ('00000000-0000-4000-c000-000000000001', 'embedded') $$,
  '42501', 'permission denied for table kb_embedding_status', 'customers cannot write embedding status');
reset role;

select tests.authenticate_as_anon();
select is_empty($$ select 1 from public.kb_embedding_status $$, 'anonymous visitors read no embedding status');
select throws_ok(
  $$ delete from public.kb_embedding_status $$,
  '42501', 'permission denied for table kb_embedding_status', 'anonymous visitors cannot delete embedding status');
reset role;
select tests.clear_authentication();

select is(
  (select count(*)::integer from public.kb_embedding_status where article_id = '00000000-0000-4000-c000-000000000001'),
  1, 'the status row survived every refused write');

select * from finish();
rollback;
