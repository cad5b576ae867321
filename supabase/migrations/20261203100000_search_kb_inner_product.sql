-- search_kb at 100,000 chunks (local/bench/kb.ts), cheaper on every side. Measured on a kept bench database as
-- backend CPU per search (from /proc, robust to the shared machine's load; 150 searches per figure, as anon):
-- - search_kb as a SQL function spent 50 ms, of which the HNSW walk alone was 20-22 ms: a SQL function with SET
--   clauses is not inlined and PostgreSQL 15 plans its query (and those of the SQL helpers it calls) on every call.
--   As PL/pgSQL (plans kept for the session) with the iterative scan run only when needed (below) and the title side
--   on its own index: 29 ms, same results on the bench's queries (50 of 50 identical top-10 lists).
-- - The iterative scan search_kb turned on (hnsw.iterative_scan = relaxed_order) costs the walk itself half as much
--   again: 19 ms without, 34 ms with relaxed_order, 38 ms with strict_order, at ef_search 250.
-- - Index: the same graph (m = 32, ef_construction = 256) over half-precision vectors by inner product: walk at
--   ef_search 220 20 ms against 25 ms for the cosine index over full-precision vectors (23 ms for inner product
--   over full precision), 130 MB against 203 MB, at the same recall against exact full-precision search.
-- - Title side: 1 ms instead of 7-8 ms on a GIN index of title words (below).

-- ---------------------------------------------------------------------------------------------------------------
-- Unit-length embeddings, as an invariant
-- ---------------------------------------------------------------------------------------------------------------
-- Both embedders emit unit vectors (LocalEmbedder normalises; OpenAI's shortened vectors are renormalised by the
-- API). On unit vectors the inner product is the cosine, so the index and search_kb compare by inner product and
-- skip the two norms in every distance. The constraint keeps that true for any writer (a Studio edit, a script):
-- a vector whose length is not 1 (within 1e-3, room for vectors written as text with five decimals) is refused.
alter table public.kb_chunks
  add constraint kb_chunks_embedding_unit_length
  check (embedding is null or abs(extensions.vector_norm(embedding) - 1) <= 1e-3);
comment on constraint kb_chunks_embedding_unit_length on public.kb_chunks is
  'Embeddings are unit length (within 1e-3), so inner product equals cosine similarity: the HNSW index and search_kb use inner product.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
drop index public.kb_chunks_embedding_idx;
create index kb_chunks_embedding_idx on public.kb_chunks
  using hnsw ((embedding::extensions.halfvec(384)) extensions.halfvec_ip_ops) with (m = 32, ef_construction = 256);
comment on index public.kb_chunks_embedding_idx is
  'HNSW over chunk embeddings as half-precision vectors, by inner product (unit vectors: the cosine), search_kb''s vector side: m = 32, ef_construction = 256 (see 20261203100000).';

-- The title side looked for "every query term with weight A" in fts, whose GIN posting lists hold every word of
-- every chunk: an AND over common words decoded lists of tens of thousands of chunks. The same question asked of
-- the article title alone (the A-weighted lexemes of fts are exactly to_tsvector('english', article_title)) reads
-- an index of title words only.
create index kb_chunks_title_fts_idx on public.kb_chunks using gin (to_tsvector('english'::regconfig, article_title));
comment on index public.kb_chunks_title_fts_idx is
  'Title words of each chunk''s article (the A-weighted part of fts), for search_kb''s title side (see 20261203100000).';

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
-- PL/pgSQL rather than SQL: a SQL function that cannot be inlined (security definer, SET clauses) is parsed and
-- planned again on every call, and search_kb called three of them per search; PL/pgSQL keeps its plans for the
-- session.

/** Full-text candidates: chunks matching `match_query` that the caller may read, ranked by `rank_query`, best first. */
create or replace function private.kb_full_text_candidates(
  match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text,
  vehicle_context text, ranked_row_cap integer
)
returns table (chunk_id bigint, text_rank real)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  with staff as (select private.is_staff() as is_staff),
  matching as (
    select chunk.id, chunk.fts
    from public.kb_chunks chunk
    join public.kb_articles article on article.id = chunk.article_id
    where chunk.fts @@ kb_full_text_candidates.match_query
      and (article.is_published or (select staff.is_staff from staff))
      and (kb_full_text_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_full_text_candidates.solution_area)
      and (kb_full_text_candidates.category is null or article.category = kb_full_text_candidates.category)
      and (kb_full_text_candidates.vehicle_context is null or article.vehicle_context is null
           or article.vehicle_context ilike '%' || kb_full_text_candidates.vehicle_context || '%')
    limit greatest(kb_full_text_candidates.ranked_row_cap, 1)
  )
  select matching.id, ts_rank_cd(matching.fts, kb_full_text_candidates.rank_query)
  from matching
  order by 2 desc, matching.id
  limit greatest(kb_full_text_candidates.max_results, 0);
end;
$$;
comment on function private.kb_full_text_candidates(tsquery, tsquery, integer, text, text, text, integer) is
  'search_kb''s full-text side: GIN-indexed matches of match_query the caller may read (same rule as the policies), ranked by ts_rank_cd against rank_query; ids and ranks only.';

/**
 * Title candidates: chunks whose article title holds every term of `title_query` (an AND of plain lexemes, matched
 * against the title words index), that the caller may read; shortest title first.
 */
create or replace function private.kb_title_word_candidates(
  title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text
)
returns table (chunk_id bigint, title_length integer, chunk_index integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select chunk.id, length(chunk.article_title), chunk.chunk_index
  from public.kb_chunks chunk
  join public.kb_articles article on article.id = chunk.article_id
  where to_tsvector('english'::regconfig, chunk.article_title) @@ kb_title_word_candidates.title_query
    and private.can_read_kb_article(article.is_published)
    and (kb_title_word_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_title_word_candidates.solution_area)
    and (kb_title_word_candidates.category is null or article.category = kb_title_word_candidates.category)
    and (kb_title_word_candidates.vehicle_context is null or article.vehicle_context is null
         or article.vehicle_context ilike '%' || kb_title_word_candidates.vehicle_context || '%')
  order by length(chunk.article_title), chunk.chunk_index, chunk.id
  limit greatest(kb_title_word_candidates.max_results, 0);
end;
$$;
comment on function private.kb_title_word_candidates(tsquery, integer, text, text, text) is
  'search_kb''s title side: chunks whose article title holds every query term (title words GIN index) that the caller may read; ids only.';
grant execute on function private.kb_title_word_candidates(tsquery, integer, text, text, text) to anon, authenticated, service_role;

-- The previous title helper (the A-weighted lexemes of fts); search_kb below no longer calls it.
drop function private.kb_title_candidates(tsquery, integer, text, text, text);

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Hybrid search over KB chunks: nearest neighbours by inner product (HNSW) among chunks embedded with
 * `embedding_model`, full-text matches and whole-title matches, fused by reciprocal rank (k = 60, as in Supabase's
 * hybrid-search example; it needs no calibration between vector and ts_rank scales).
 *
 * The vector side orders by `<#>` (pgvector's negated inner product) between half-precision copies of the chunk's
 * and the query's embeddings: the expression the HNSW index on kb_chunks was built on (halfvec_ip_ops), the only
 * ordering that can use it. Embeddings are unit length (a check constraint), so the inner product is the cosine
 * similarity, reported as vector_score; half precision changes the 100,000-chunk bench's top 10 by less than the
 * HNSW walk itself (recall@10 against exact full-precision search: see below).
 *
 * hnsw.ef_search = 220 (pgvector's default is 40): on 100,000 locally embedded chunks (local/bench/kb.ts), with the
 * index above, recall@10 against exact full-precision inner-product search was 0.90 at 100, 0.94 at 150, 0.954 at
 * 175, 0.958 at 200, 0.964 at 220 and 0.966 at 250 (220 leaves a margin: the graph's levels are random, so a rebuild
 * moves it a little).
 *
 * Full-text and title candidates come from private helpers that use GIN indexes; the rows returned are read back
 * from kb_chunks by id, so RLS still decides what is returned. The full-text side ranks with ts_rank_cd over the
 * weighted fts column and the query's stemmed terms OR'ed, so a title hit counts ten times a body hit; its
 * candidates match any term except terms the statistics put in more chunks than it ranks (400): those match only
 * all together (private.kb_full_text_match_query, 20261202100100). Title matches are chunks whose article title
 * holds every stemmed query term (private.kb_title_word_candidates), shortest title first.
 *
 * PL/pgSQL, not SQL: with its SET clauses a SQL function is never inlined, and PostgreSQL 15 parses and plans a
 * non-inlined SQL function's query on every call; PL/pgSQL keeps the plan for the session.
 *
 * security invoker: kb_chunks and kb_articles policies apply, so customers and anon find published articles only.
 * An iterative scan refills the HNSW side only when RLS or the filters discarded too many of the nearest chunks.
 */
create or replace function public.search_kb(
  query_text text,
  query_embedding extensions.vector(384),
  embedding_model text,
  match_count integer default 10,
  solution_area text default null,
  category text default null,
  vehicle_context text default null
)
returns table (
  article_id uuid,
  slug text,
  title text,
  chunk_id bigint,
  chunk_content text,
  vector_score real,
  text_score real,
  fused_score double precision
)
language plpgsql
stable
security invoker
set search_path = ''
set hnsw.ef_search = 220
set hnsw.iterative_scan = off
as $$
#variable_conflict use_column
declare
  -- Candidates each side hands the fusion: more than asked for, so an item strong on one side only survives.
  candidate_count integer := least(greatest(least(coalesce(search_kb.match_count, 10), 200), 1) * 4 + 20, 200);
  nearest_ids bigint[] := '{}';
  nearest_distances double precision[] := '{}';
begin
  -- The vector side first, into arrays. An iterative HNSW scan (pgvector 0.8) keeps walking when RLS or the filters
  -- discard rows, but it costs every search half as much again as the plain walk (19 against 34 ms of backend CPU
  -- at ef_search 250 on 100,000 chunks), and ef_search already yields enough rows unless most of the nearest are
  -- discarded. So the plain walk runs first, and the iterative one only when the plain one came back short.
  if search_kb.query_embedding is not null then
    for attempt in 1..2 loop
      if attempt = 2 then
        -- Local to this call: the function's own SET clauses are restored when it returns.
        perform pg_catalog.set_config('hnsw.iterative_scan', 'relaxed_order', true);
      end if;
      select coalesce(array_agg(ranked.id order by ranked.rank), '{}'), coalesce(array_agg(ranked.distance order by ranked.rank), '{}')
      into nearest_ids, nearest_distances
      from (
        select nearest.id, nearest.distance, row_number() over (order by nearest.distance, nearest.id) as rank
        from (
          select chunk.id, chunk.embedding::extensions.halfvec(384) operator(extensions.<#>) search_kb.query_embedding::extensions.halfvec(384) as distance
          from public.kb_chunks chunk
          where chunk.embedding_model = search_kb.embedding_model
            -- Without filters (most searches) the per-chunk filter function is not called at all.
            and ((search_kb.solution_area is null and search_kb.category is null and search_kb.vehicle_context is null)
                 or private.kb_article_matches_filters(chunk.article_id, search_kb.solution_area, search_kb.category, search_kb.vehicle_context))
          order by chunk.embedding::extensions.halfvec(384) operator(extensions.<#>) search_kb.query_embedding::extensions.halfvec(384)
          -- A constant limit (the most candidates any call uses): with a parameter here the planner cannot tell a
          -- small top-k from a large one and may sort every chunk by exact distance instead of walking the index.
          limit 200
        ) nearest
      ) ranked
      -- The window's run condition stops the scan once enough candidates came through.
      where ranked.rank <= candidate_count;
      exit when cardinality(nearest_ids) >= candidate_count;
    end loop;
  end if;

  return query
  with terms as (
    select array(
      select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
      from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(search_kb.query_text, '')))) lexeme
    ) as quoted,
    tsvector_to_array(to_tsvector('english'::regconfig, coalesce(search_kb.query_text, ''))) as lexemes
  ),
  settings as (
    select
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) as match_count,
      nullif(array_to_string(terms.quoted, ' | '), '') as or_query,
      -- The full-text side ranks at most 400 matches; a term the statistics put in more chunks than that matches
      -- only together with the others.
      private.kb_full_text_match_query(terms.lexemes, 400) as match_query,
      nullif(array_to_string(terms.quoted, ' & '), '') as title_query
    from terms
  ),
  vector_matches as (
    select nearest.id, nearest.distance, nearest.rank
    from unnest(nearest_ids, nearest_distances) with ordinality as nearest(id, distance, rank)
  ),
  text_matches as (
    select candidate.chunk_id as id, candidate.text_rank, row_number() over (order by candidate.text_rank desc, candidate.chunk_id) as rank
    -- At most 400 matches are ranked: ranking is linear in the matches.
    from settings, private.kb_full_text_candidates(settings.match_query, settings.or_query::tsquery, candidate_count,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context, 400) candidate
    where settings.match_query is not null
  ),
  title_matches as (
    select candidate.chunk_id as id, row_number() over (order by candidate.title_length, candidate.chunk_index, candidate.chunk_id) as rank
    from settings, private.kb_title_word_candidates(settings.title_query::tsquery, candidate_count,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context) candidate
    where settings.title_query is not null
  ),
  fused as (
    select
      coalesce(vector_matches.id, text_matches.id, title_matches.id) as id,
      vector_matches.distance,
      text_matches.text_rank,
      coalesce(1.0 / (60 + vector_matches.rank), 0) + coalesce(1.0 / (60 + text_matches.rank), 0)
        + coalesce(1.0 / (60 + title_matches.rank), 0) as score,
      least(vector_matches.rank, text_matches.rank, title_matches.rank) as best_rank
    from vector_matches
    full outer join text_matches on text_matches.id = vector_matches.id
    full outer join title_matches on title_matches.id = coalesce(vector_matches.id, text_matches.id)
  ),
  -- A constant bound again (match_count is at most 200): the read-back below then looks chunks up by primary key
  -- instead of hashing the whole table.
  best as (
    select fused.* from fused order by fused.score desc, fused.best_rank, fused.id limit 200
  )
  select
    chunk.article_id,
    article.slug,
    article.title,
    chunk.id,
    chunk.content,
    -- Inner product distance is the negated dot product: the cosine similarity of unit vectors.
    (-fused.distance)::real,
    fused.text_rank::real,
    fused.score::double precision
  from best fused
  join public.kb_chunks chunk on chunk.id = fused.id
  join public.kb_articles article on article.id = chunk.article_id
  order by fused.score desc, fused.best_rank, fused.id
  limit (select settings.match_count from settings);
end;
$$;
comment on function public.search_kb(text, extensions.vector, text, integer, text, text, text) is
  'Hybrid KB search (HNSW inner product at ef_search 220 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
