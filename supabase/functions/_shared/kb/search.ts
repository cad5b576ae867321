// Knowledge-base search for edge functions: embeds the query with the configured provider and runs
// public.search_kb inside a transaction the function opened as its caller (../auth/caller.ts: asCaller, anon or a
// signed-in user), so RLS decides which articles can be found, then writes the retrieval log with the service
// connection (callers have no insert policy on it). Who may search is the calling function's rule, not this module's.
import { z } from 'npm:zod@4';
import type { EmbeddingProvider } from '../ai/embeddings.ts';
import { database, type Transaction } from '../db/postgres.ts';

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
