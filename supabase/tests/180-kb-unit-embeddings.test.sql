-- Embeddings are unit length (20261203100000): the HNSW index and search_kb compare by inner product, which is the
-- cosine only on unit vectors, so kb_chunks refuses any other vector. search_kb reports the cosine as vector_score.
begin;
select plan(7);

select tests.create_support_fixtures();
create function pg_temp.unit_vector(variadic axes integer[]) returns extensions.vector
language sql immutable
as $$
  select array_agg(case when axis = any (axes) then 1 / sqrt(cardinality(axes)) else 0 end order by axis)::real[]::extensions.vector
  from generate_series(1, 384) axis
$$;
grant execute on function pg_temp.unit_vector(integer[]) to anon;

select lives_ok(
  $$ insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
     values ('00000000-0000-4000-c000-000000000001', 0, 'unit', pg_temp.unit_vector(1, 2), 'local-test-model') $$,
  'a unit-length embedding is stored');
select lives_ok(
  $$ insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000001', 1, 'not embedded yet') $$,
  'a chunk without an embedding is stored');
select throws_ok(
  $$ insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
     values ('00000000-0000-4000-c000-000000000001', 2, 'short', array_fill(0.05::real, array[384])::extensions.vector, 'local-test-model') $$,
  '23514', null, 'an embedding of length 0.98 is refused');
select throws_ok(
  $$ insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
     values ('00000000-0000-4000-c000-000000000001', 2, 'zero', array_fill(0::real, array[384])::extensions.vector, 'local-test-model') $$,
  '23514', null, 'a zero embedding is refused');
select throws_ok(
  $$ update public.kb_chunks set embedding = array_fill(0.1::real, array[384])::extensions.vector where chunk_index = 0 $$,
  '23514', null, 'an edit cannot make a stored embedding non-unit');

-- A published chunk at 45 degrees from the query and five draft chunks at the query itself.
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
values ('00000000-0000-4000-c000-000000000001', 3, 'published near', pg_temp.unit_vector(3, 4), 'local-test-model');
insert into public.kb_chunks (article_id, chunk_index, content, embedding, embedding_model)
select '00000000-0000-4000-c000-000000000002', n, 'draft ' || n, pg_temp.unit_vector(3), 'local-test-model'
from generate_series(0, 4) n;
-- An exact scan: the HNSW walk is approximate, and a graph this small and this regular (one vector repeated) is not
-- reliably walkable; the index's recall is the kb benchmark's business.
set local enable_indexscan = off;
select tests.authenticate_as_anon();
select results_eq(
  $$ select chunk_content, round(vector_score::numeric, 3) from public.search_kb('', pg_temp.unit_vector(3), 'local-test-model', 1) $$,
  $$ values ('published near', 0.707) $$,
  'anon finds the published chunk, not the nearer drafts, scored by cosine similarity');
select tests.clear_authentication();
reset role;
select results_eq(
  $$ select chunk_content, round(vector_score::numeric, 3) from public.search_kb('', pg_temp.unit_vector(3), 'local-test-model', 6) $$,
  $$ values ('draft 0', 1.000), ('draft 1', 1.000), ('draft 2', 1.000), ('draft 3', 1.000), ('draft 4', 1.000), ('published near', 0.707) $$,
  'without RLS (the test owner) the drafts at the query come first, similarity 1');

select * from finish();
rollback;
