-- search_kb plans its queries once per session (plan_cache_mode = force_generic_plan).
-- PL/pgSQL keeps a function's prepared statements, but the plan cache still makes a fresh custom plan for each
-- call while it judges that cheaper than the generic one, and search_kb's statements (the HNSW walk, the fusion
-- of three candidate lists, the helpers' GIN lookups) are planned again on every search that way. Their best plan
-- does not depend on the values: the walk is always the HNSW index in order of distance, and since 20261204000100
-- the full-text match never ORs more than the ranking cap, so the GIN index is always the way in.
-- Kept 100,000-chunk bench database, as anon, 150 searches per mode, interleaved, five rounds: mean per search
-- 13.0-19.1 ms generic against 14.2-20.1 ms auto (0.4-1.4 ms less in each round); the top 10 of all 150 queries
-- identical in both modes.
alter function public.search_kb(text, extensions.vector, text, integer, text, text, text) set plan_cache_mode = force_generic_plan;
