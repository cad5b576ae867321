-- The HNSW index on kb_chunks.embedding gets a denser graph than pgvector's defaults (m = 16, ef_construction = 64).
-- The local embedder's hashed word and n-gram vectors have weak neighbourhood structure: on 100,000 chunks
-- (local/bench/kb.ts) the default graph reached recall@10 0.93 only at ef_search 400 (0.73 at 100), and that wide a
-- search was most of search_kb's time. With m = 32 and ef_construction = 256, recall@10 is 0.95 at ef_search 200
-- and 0.96 at 250 (m = 24, ef_construction = 128 gave 0.93 at 200 and 0.97 at 400). The build takes longer, once:
-- 16 min for 100,000 chunks on the shared 2-core machine (load average 5–8), against 4 min for m = 24,
-- ef_construction = 128.
-- Seed data is small, so the index is simply rebuilt here; a large knowledge base would build the new index
-- concurrently under another name first.
drop index public.kb_chunks_embedding_idx;
-- Cosine distance: embeddings are compared by direction, the models we use emit normalised vectors.
create index kb_chunks_embedding_idx on public.kb_chunks
  using hnsw (embedding extensions.vector_cosine_ops) with (m = 32, ef_construction = 256);
comment on index public.kb_chunks_embedding_idx is
  'HNSW (cosine) over chunk embeddings, search_kb''s vector side: m = 32, ef_construction = 256 (see 20261202100000).';
