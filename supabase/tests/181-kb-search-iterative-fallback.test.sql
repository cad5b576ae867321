-- search_kb's vector side walks the HNSW index once with a plain scan (ef_search nearest, then RLS and filters) and
-- only when that leaves fewer candidates than it hands the fusion walks again with pgvector's iterative scan
-- (20261203100000). Here the 900 nearest chunks belong to a draft, which anon cannot read, and 80 a little farther
-- to a published article: the plain walk comes back with none anon may see, so only the second walk can find them.
begin;
select plan(4);

select tests.create_support_fixtures();
-- The index path, as on a knowledge base of real size: on a table this small the planner would otherwise sort every
-- chunk by exact distance, which needs no fallback.
set local enable_seqscan = off;

create function pg_temp.embedding(weights jsonb) returns extensions.vector
language sql immutable
as $$
  select array_agg(coalesce((weights ->> axis::text)::real, 0) order by axis)::extensions.vector
  from generate_series(1, 384) axis
$$;
grant execute on function pg_temp.embedding(jsonb) to anon;

-- Drafts at cosine 0.9 from the query (axis 1), each leaning towards its own pair of axes among 2-301.
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000002', n, 'draft ' || n,
  pg_temp.embedding(jsonb_build_object(
    '1', 0.9,
    (2 + n % 300)::text, sqrt(0.19) * 0.8,
    (2 + (n % 300 + n / 300 + 1) % 300)::text, sqrt(0.19) * 0.6)),
  'fallback-test-model'
from generate_series(0, 899) n;
-- Published chunks at cosine 0.8, each leaning the way one draft does (cosine 0.98 with it). A chunk that no
-- nearer chunk resembles would not be linked from them in the graph, and no walk from the query would reach it.
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000001', 1000 + n, 'published ' || n,
  pg_temp.embedding(jsonb_build_object('1', 0.8, (2 + n)::text, 0.6 * 0.8, (3 + n)::text, 0.6 * 0.6)),
  'fallback-test-model'
from generate_series(0, 79) n;

select tests.authenticate_as_anon();
-- search_kb's first walk, as it runs it: ef_search 220, no iterative scan.
set local hnsw.ef_search = 220;
set local hnsw.iterative_scan = off;
select is(
  (select count(*)::integer from (
     select chunk.id from public.kb_chunks chunk
     where chunk.embedding_model = 'fallback-test-model'
     order by chunk.embedding::extensions.halfvec(384) operator(extensions.<#>) pg_temp.embedding('{"1": 1}')::extensions.halfvec(384)
     limit 200) nearest),
  0, 'the plain walk finds only drafts: anon may read none of its nearest chunks');
reset hnsw.ef_search;
reset hnsw.iterative_scan;

-- 40 results ask the vector side for 180 candidates; only the iterative walk reaches the published chunks.
select is(
  (select count(*)::integer from public.search_kb(null, pg_temp.embedding('{"1": 1}'), 'fallback-test-model', 40)),
  40, 'search_kb still returns 40 chunks to anon');
select is(
  (select count(*)::integer from public.search_kb(null, pg_temp.embedding('{"1": 1}'), 'fallback-test-model', 40)
   where chunk_content like 'published %' and round(vector_score::numeric, 2) = 0.8),
  40, 'all of them published, at their cosine similarity');
select tests.clear_authentication();
reset role;

-- The test owner reads the drafts: the first walk is then enough, and finds them first.
select results_eq(
  $$ select distinct round(vector_score::numeric, 2) from public.search_kb(null, pg_temp.embedding('{"1": 1}'), 'fallback-test-model', 10) $$,
  $$ values (0.90) $$,
  'without RLS the nearest chunks are the drafts');

select * from finish();
rollback;
