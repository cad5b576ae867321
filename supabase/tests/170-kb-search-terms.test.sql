-- search_kb's full-text match (20261202100100, 20261204000100): terms match alone, rarest first, while their chunk
-- counts add up to at most the number of matches the full-text side ranks; the others match only all together.
-- The counts (private.kb_lexeme_chunk_counts) follow kb_chunks through statement triggers.
begin;
select plan(20);

select tests.create_support_fixtures();
-- Chunks of the fixtures hold none of the words below.
select is(
  (select count(*)::integer from private.kb_lexeme_chunk_counts where lexeme in ('gasket', 'torqu', 'flang', 'washer', 'bolt')),
  0, 'no chunk holds the test words yet');
-- 1,000 chunks of the published article: "gasket" in every one, "torque" in every other, "flange" in three,
-- "washer" and "bolt" in 250 each.
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000001', n,
  'gasket' || case when n % 2 = 0 then ' torque' else '' end || case when n < 3 then ' flange' else '' end
    || case n % 4 when 1 then ' washer' when 3 then ' bolt' else '' end,
  array_fill((1 / sqrt(384))::real, array[384])::extensions.vector, 'local-test-model'
from generate_series(0, 999) n;

select results_eq(
  $$ select lexeme::text, chunk_count from private.kb_lexeme_chunk_counts
     where lexeme in ('gasket', 'torqu', 'flang', 'washer', 'bolt') order by lexeme $$,
  $$ values ('bolt', 250), ('flang', 3), ('gasket', 1000), ('torqu', 500), ('washer', 250) $$,
  'an insert counts, per lexeme, the chunks holding it');

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
  'a term no chunk holds counts zero: it matches alone');
select is(
  private.kb_full_text_match_query(tsvector_to_array(to_tsvector('english', 'washer bolt flange')), 400)::text,
  $$'bolt' & 'flang' & 'washer' | 'bolt' | 'flang'$$,
  'terms rare on their own match alone only while their counts add up to the cap: 3 + 250 fit in 400, 250 more do not');
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
  $$ values ('gasket flange washer'), ('gasket torque flange'), ('gasket torque flange') $$,
  'search_kb''s full-text side returns the rare term''s chunks only');
select is(
  (select count(*)::integer from public.search_kb('gasket torque', null, 'local-test-model', 10)),
  10, 'common terms together still find chunks');
select tests.clear_authentication();
reset role;

-- Keeping the counts: an edit moves them, re-embedding alone does not, a delete takes them out.
update public.kb_chunks set content = 'gasket washer' where embedding_model = 'local-test-model' and content = 'gasket torque flange';
select results_eq(
  $$ select lexeme::text, chunk_count from private.kb_lexeme_chunk_counts where lexeme in ('flang', 'torqu', 'washer') order by lexeme $$,
  $$ values ('flang', 1), ('torqu', 498), ('washer', 252) $$,
  'an update moves the counts of the chunks whose text changed');
update public.kb_chunks set embedding = array_fill((-1 / sqrt(384))::real, array[384])::extensions.vector
where embedding_model = 'local-test-model';
select is(
  (select chunk_count from private.kb_lexeme_chunk_counts where lexeme = 'gasket'), 1000,
  'an update that leaves fts as it was leaves the counts as they were');
delete from public.kb_chunks where embedding_model = 'local-test-model' and content like '%flange%';
select is(
  (select count(*)::integer from private.kb_lexeme_chunk_counts where lexeme = 'flang'), 0,
  'a lexeme no chunk holds any more has no row');
select is(
  (select chunk_count from private.kb_lexeme_chunk_counts where lexeme = 'gasket'), 999,
  'a delete takes the chunk out of every count');

-- A bulk load in replica mode (as the bench and logical replication write rows) still counts.
set local session_replication_role = replica;
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
values ('00000000-0000-4000-c000-000000000001', 5000, 'gasket flange', array_fill((1 / sqrt(384))::real, array[384])::extensions.vector, 'local-test-model');
set local session_replication_role = origin;
select is(
  (select chunk_count from private.kb_lexeme_chunk_counts where lexeme = 'flang'), 1,
  'the triggers fire in replica mode too');

-- The repair rebuilds exactly what the triggers kept.
create temporary table counts_kept as select lexeme, chunk_count from private.kb_lexeme_chunk_counts;
update private.kb_lexeme_chunk_counts set chunk_count = 7 where lexeme = 'gasket';
select ok(private.recount_kb_lexemes() > 0, 'the recount returns the number of lexemes');
select bag_eq(
  $$ select lexeme, chunk_count from private.kb_lexeme_chunk_counts $$,
  $$ select lexeme, chunk_count from counts_kept $$,
  'the recount gives the counts the triggers kept');
-- A count an edit by hand made too small ends at zero instead of failing chunk writes.
update private.kb_lexeme_chunk_counts set chunk_count = 1 where lexeme = 'washer';
delete from public.kb_chunks where embedding_model = 'local-test-model' and content like '%washer%';
select is(
  (select count(*)::integer from private.kb_lexeme_chunk_counts where lexeme = 'washer'), 0,
  'a count that would go below zero is removed, and the delete goes through');

truncate public.kb_chunks cascade;
select is((select count(*)::integer from private.kb_lexeme_chunk_counts), 0, 'a truncate empties the counts');

select * from finish();
rollback;
