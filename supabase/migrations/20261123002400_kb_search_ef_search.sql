-- Knowledge-base search: hnsw.ef_search 100 -> 400 for search_kb.
-- local/bench/kb.ts (100,000 chunks embedded by the local embedder, exact search as the reference) measured
-- HNSW recall@10 of 0.59 at pgvector's default 40, 0.78 at 100 and 0.95 at 400. Hashed lexical vectors have weak
-- neighbourhood structure, so the graph needs a wider search; 400 costs a few milliseconds per query and is what
-- the function now uses (the comment on 20261123002000's search_kb said 100 before it was measured).

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
alter function public.search_kb(text, extensions.vector, text, integer, text, text, text) set hnsw.ef_search = 400;
comment on function public.search_kb(text, extensions.vector, text, integer, text, text, text) is
  'Hybrid KB search (HNSW cosine at ef_search 400 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
