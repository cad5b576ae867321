-- search_kb's HNSW walk at ef_search 200 instead of 220.
-- After 20261204000100 the walk is 95 % of a search's buffer accesses (on a kept 100,000-chunk bench database, as
-- anon, 100 queries: 11,223 buffer accesses per search_kb call, 214 of them without a query vector), and its cost
-- is proportional to ef_search: 10,695 accesses per walk at 220, 9,852 at 200. Recall@10 against exact
-- full-precision search at 200 was 0.955-0.964 over four builds of the index (its levels are random), 0.962 on
-- the kept database; the target is 0.95.
alter function public.search_kb(text, extensions.vector, text, integer, text, text, text) set hnsw.ef_search = 200;
comment on function public.search_kb(text, extensions.vector, text, integer, text, text, text) is
  'Hybrid KB search (HNSW inner product at ef_search 200 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
