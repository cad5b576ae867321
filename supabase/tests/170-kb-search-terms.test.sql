-- search_kb's full-text match (20261202100100): a term the statistics put in more chunks than the full-text side
-- ranks matches only together with the other terms; rarer terms, and terms the statistics do not list, match alone.
-- ANALYZE runs inside the test's transaction, so the statistics it writes roll back with everything else.
begin;
select plan(8);

select tests.create_support_fixtures();
-- ANALYZE's lock, held to the end: an autovacuum ANALYZE of the committed table (it writes pg_class.reltuples in
-- place, outside any transaction) cannot then overwrite the chunk count this test's statistics are read with.
lock table public.kb_chunks in share update exclusive mode;
-- 1,000 chunks of the published article: "gasket" in every one, "torque" in every other, "flange" in three.
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000001', n,
  'gasket' || case when n % 2 = 0 then ' torque' else '' end || case when n < 3 then ' flange' else '' end,
  array_fill((1 / sqrt(384))::real, array[384])::extensions.vector, 'local-test-model'
from generate_series(0, 999) n;
analyze public.kb_chunks;

-- search_kb passes stemmed lexemes (flang, gasket, torqu), as to_tsvector gives them.
select is(
  private.kb_full_text_match_query(tsvector_to_array(to_tsvector('english', 'flange gasket torque')), 400)::text,
  $$'flang' & 'gasket' & 'torqu' | 'flang'$$,
  'terms in more chunks than the cap match only together with the others; a rare term matches alone');
select is(
  private.kb_full_text_match_query(tsvector_to_array(to_tsvector('english', 'gasket torque')), 400)::text,
  $$'gasket' & 'torqu'$$,
  'when every term is common, only chunks holding all of them match');
select is(
  private.kb_full_text_match_query(tsvector_to_array(to_tsvector('english', 'flange gasket torque')), 100000)::text,
  $$'flang' | 'gasket' | 'torqu'$$,
  'below the cap every term matches alone (a small knowledge base keeps the plain OR query)');
select is(
  private.kb_full_text_match_query(array['zzyzx', 'gasket'], 400)::text,
  $$'zzyzx' & 'gasket' | 'zzyzx'$$,
  'a term the statistics do not list is not known to be common: it matches alone');
select is(
  private.kb_full_text_match_query(array['it''s', 'a\b'], 400)::text,
  $$'it''s' | 'a\\b'$$,
  'quotes and backslashes in terms are escaped');
select is(private.kb_full_text_match_query(array[]::text[], 400), null, 'no terms, no query');

-- Through search_kb as an anonymous visitor, full text only (no query vector): the three chunks holding the rare
-- term, not 10 of the 1,000 holding the common one.
select tests.authenticate_as_anon();
select bag_eq(
  $$ select chunk_content from public.search_kb('flange gasket', null, 'local-test-model', 10) $$,
  $$ values ('gasket flange'), ('gasket torque flange'), ('gasket torque flange') $$,
  'search_kb''s full-text side returns the rare term''s chunks only');
select is(
  (select count(*)::integer from public.search_kb('gasket torque', null, 'local-test-model', 10)),
  10, 'common terms together still find chunks');
select tests.clear_authentication();

select * from finish();
rollback;
