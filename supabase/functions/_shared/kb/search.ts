// Knowledge-base search for edge functions: embeds the query with the configured provider and runs
// public.search_kb inside a transaction the function opened as its caller (../auth/caller.ts: asCaller, anon or a
// signed-in user), so RLS decides which articles can be found, then writes the retrieval log with the service
// connection (callers have no insert policy on it). Who may search is the calling function's rule, not this module's.
import { z } from 'npm:zod@4';
import type { EmbeddingProvider } from '../ai/embeddings.ts';
import { database, type Transaction } from '../db/postgres.ts';
import { reciprocalRankFusion } from './rank.ts';

export interface SearchFilters {
  solutionArea?: string | null;
  category?: string | null;
  vehicleContext?: string | null;
}

export interface ChunkHit {
  articleId: string;
  slug: string;
  title: string;
  chunkId: number;
  chunkContent: string;
  vectorScore: number | null;
  textScore: number | null;
  fusedScore: number;
}

const chunkHitRow = z.object({
  article_id: z.string(),
  slug: z.string(),
  title: z.string(),
  chunk_id: z.coerce.number(),
  chunk_content: z.string(),
  vector_score: z.number().nullable(),
  text_score: z.number().nullable(),
  fused_score: z.number(),
});

/** pgvector's text form of a vector; postgres.js sends it as text and Postgres casts it to vector(384). */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.join(',')}]`;
}

/** Calls public.search_kb inside `tx` (already running as the caller). Chunk-level results, best first. */
export async function searchChunks(
  tx: Transaction,
  embedder: EmbeddingProvider,
  query: string,
  options: SearchFilters & { matchCount: number },
): Promise<ChunkHit[]> {
  const [queryVector] = await embedder.embed([query]);
  const rows = await tx`
    select * from public.search_kb(
      ${query}, ${vectorLiteral(queryVector ?? [])}::extensions.vector, ${embedder.model}, ${options.matchCount},
      ${options.solutionArea ?? null}, ${options.category ?? null}, ${options.vehicleContext ?? null}
    )`;
  return rows.map((row) => {
    const hit = chunkHitRow.parse(row);
    return {
      articleId: hit.article_id,
      slug: hit.slug,
      title: hit.title,
      chunkId: hit.chunk_id,
      chunkContent: hit.chunk_content,
      vectorScore: hit.vector_score,
      textScore: hit.text_score,
      fusedScore: hit.fused_score,
    };
  });
}

/**
 * How much a chunk's fused score grows when its article belongs to the conversation's solution area, or names the
 * customer's vehicle. A boost, never a filter: customers do not know our areas, so an article of another area that
 * matches the question clearly still wins. Chosen from the reciprocal-rank scale (one side's rank 1 is 1/61, rank 10
 * 1/70): +15 % lifts an in-area chunk a few ranks, not from the bottom of the list to the top.
 */
export const areaRankingBoost = { solutionArea: 0.15, vehicle: 0.1 } as const;

/** Candidates fetched per requested hit before the boost reorders them, so boosted chunks from further down count. */
const boostCandidateFactor = 4;

export interface AreaRankedHit extends ChunkHit {
  /** The article's solution area (null for generic articles that belong to every area). */
  solutionArea: string | null;
}

export interface AreaRankedResult {
  hits: AreaRankedHit[];
  /** The solution area of the best hit's article: where the question was routed (null: generic or no hit). */
  routedArea: string | null;
}

const lexicalArticleRow = z.object({ article_id: z.string() });
const articleContextRow = z.object({ id: z.string(), solution_area: z.string().nullable(), vehicle_context: z.string().nullable() });

/**
 * Searches every area the caller may read (RLS still applies) and ranks the conversation's area and vehicle higher,
 * instead of hiding the other areas' articles as the search_kb filters would.
 */
export async function searchAcrossAreas(
  tx: Transaction,
  embedder: EmbeddingProvider,
  query: string,
  options: { matchCount: number; preferredArea?: string | null; vehicleContext?: string | null },
): Promise<AreaRankedResult> {
  const candidates = await searchChunks(tx, embedder, query, { matchCount: options.matchCount * boostCandidateFactor });
  const articleIds = [...new Set(candidates.map((hit) => hit.articleId))];
  const contexts = articleIds.length === 0 ? [] : await tx`
    select id::text, solution_area, vehicle_context from public.kb_articles where id = any(${articleIds}::uuid[])`;
  const contextById = new Map(contexts.map((row) => {
    const context = articleContextRow.parse(row);
    return [context.id, context] as const;
  }));
  const vehicle = options.vehicleContext?.trim().toLowerCase() || null;
  const ranked = candidates.map((hit, position) => {
    const context = contextById.get(hit.articleId);
    let boost = 1;
    if (options.preferredArea && context?.solution_area === options.preferredArea) boost += areaRankingBoost.solutionArea;
    if (vehicle && context?.vehicle_context?.toLowerCase().includes(vehicle)) boost += areaRankingBoost.vehicle;
    return { hit: { ...hit, fusedScore: hit.fusedScore * boost, solutionArea: context?.solution_area ?? null }, position };
  });
  // Stable: equal boosted scores keep search_kb's order.
  ranked.sort((a, b) => b.hit.fusedScore - a.hit.fusedScore || a.position - b.position);

  // A second opinion on which article is meant: the help centre's lexical ranking (field-weighted words, misspellings
  // matched by trigram; decision 0017) over the same question. Its order of the articles already found is fused with
  // the boosted order by reciprocal rank (./rank.ts, k = 60, equal weights), so an article both rankers put first
  // leads; it only reorders what search_kb returned under RLS, and records nothing (search_help would log a miss).
  const lexical = await tx`
    select article_id::text from private.help_search_candidates(${query}, ${lexicalCandidates}, ${lexicalRelativeCutoff})
    order by score desc, article_id`;
  const lexicalRank = new Map(lexical.map((row, index) => [lexicalArticleRow.parse(row).article_id, index] as const));
  const byChunk = new Map(ranked.map((entry) => [entry.hit.chunkId, entry.hit]));
  const lexicalOrder = ranked
    .map((entry, index) => ({ entry, index, rank: lexicalRank.get(entry.hit.articleId) }))
    .filter((item): item is { entry: typeof ranked[number]; index: number; rank: number } => item.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((item) => item.entry.hit.chunkId);
  // A third vote for meaning: the same chunks by vector similarity alone. search_kb's fused order already mixes
  // vector and full text, and the help centre's ranking is lexical too, so without it words would outvote meaning
  // two to one — which suited the hashed embedder, not the trained one (decision 0021).
  const vectorOrder = ranked
    .filter((entry) => entry.hit.vectorScore !== null)
    .sort((a, b) => b.hit.vectorScore! - a.hit.vectorScore! || a.position - b.position)
    .map((entry) => entry.hit.chunkId);
  const hits = reciprocalRankFusion([ranked.map((entry) => entry.hit.chunkId), lexicalOrder, vectorOrder])
    .slice(0, options.matchCount)
    .map((fused) => ({ ...byChunk.get(fused.id)!, fusedScore: fused.score }));
  return { hits, routedArea: hits[0]?.solutionArea ?? null };
}

/** How many articles the lexical ranking is asked for, and its cut-off relative to the best (as the help centre). */
const lexicalCandidates = 10;
const lexicalRelativeCutoff = 0.4;

/** One hit per article (its best chunk), best first: what a person wants to see in a result list. */
export function bestChunkPerArticle(hits: readonly ChunkHit[], limit: number): ChunkHit[] {
  const seen = new Set<string>();
  const best: ChunkHit[] = [];
  for (const hit of hits) {
    if (seen.has(hit.articleId)) continue;
    seen.add(hit.articleId);
    best.push(hit);
    if (best.length === limit) break;
  }
  return best;
}

/** Writes a retrieval_logs row (service connection) and returns its id. */
export async function logRetrieval(entry: {
  query: string;
  userId: string | null;
  conversationId: string | null;
  results: ReadonlyArray<{ id: string; score: number }>;
}): Promise<number> {
  const [row] = await database()`
    insert into public.retrieval_logs (conversation_id, user_id, query_text, source_type, result_ids, scores)
    values (${entry.conversationId}, ${entry.userId}, ${entry.query}, 'kb_article',
      ${entry.results.map((result) => result.id)}::text[], ${entry.results.map((result) => result.score)}::real[])
    returning id`;
  return Number(row!.id);
}
