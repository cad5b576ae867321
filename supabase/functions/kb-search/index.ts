// `kb-search` edge function: text in, ranked articles out. Runs public.search_kb as the caller (anon key or a
// signed-in user), so unpublished articles never appear for customers or visitors, and logs every retrieval.
import { z } from 'npm:zod@4';
import { embeddingProviderFromEnv } from '../_shared/ai/embeddings.ts';
import { asCaller, requireAnonOrUser } from '../_shared/auth/caller.ts';
import { handleRequests, jsonResponse, parseJsonBody } from '../_shared/http/responses.ts';
import { bestChunkPerArticle, logRetrieval, searchChunks } from '../_shared/kb/search.ts';

const searchRequest = z.object({
  query: z.string().trim().min(1, 'Type something to search for.').max(500, 'Keep the search under 500 characters.'),
  match_count: z.number().int().min(1).max(50).default(10),
  solution_area: z.string().min(1).max(100).nullish(),
  category: z.string().min(1).max(100).nullish(),
  vehicle_context: z.string().min(1).max(200).nullish(),
  conversation_id: z.string().uuid().nullish(),
}).strict();

/** Excerpts stay short: the full article is one click away. */
const excerptLength = 300;

export const handler = handleRequests(['POST'], async (request) => {
  const caller = requireAnonOrUser(request);
  const body = await parseJsonBody(request, searchRequest);
  const embedder = embeddingProviderFromEnv();
  const started = performance.now();
  // Several chunks of one article may rank high; ask for more and keep each article's best chunk.
  const { hits, conversationId } = await asCaller(caller, async (tx) => {
    const hits = await searchChunks(tx, embedder, body.query, {
      matchCount: body.match_count * 4,
      solutionArea: body.solution_area,
      category: body.category,
      vehicleContext: body.vehicle_context,
    });
    // A conversation id is logged only when RLS lets the caller see that conversation; anyone else's is dropped.
    const visible = caller.role === 'authenticated' && body.conversation_id
      ? (await tx`select 1 from public.conversations where id = ${body.conversation_id}`).length > 0
      : false;
    return { hits, conversationId: visible ? body.conversation_id ?? null : null };
  });
  const results = bestChunkPerArticle(hits, body.match_count);
  const retrievalLogId = await logRetrieval({
    query: body.query,
    userId: caller.role === 'authenticated' ? caller.sub : null,
    conversationId,
    results: results.map((hit) => ({ id: hit.articleId, score: hit.fusedScore })),
  });
  return jsonResponse({
    query: body.query,
    model: embedder.model,
    took_ms: Math.round(performance.now() - started),
    retrieval_log_id: retrievalLogId,
    results: results.map((hit) => ({
      article_id: hit.articleId,
      slug: hit.slug,
      title: hit.title,
      url: `/help/${hit.slug}`,
      chunk_id: hit.chunkId,
      excerpt: hit.chunkContent.length > excerptLength ? `${hit.chunkContent.slice(0, excerptLength).trimEnd()}…` : hit.chunkContent,
      scores: { vector: hit.vectorScore, text: hit.textScore, fused: hit.fusedScore },
    })),
  });
});

if (import.meta.main) Deno.serve(handler);
