// Knowledge-base search for edge functions: embeds the query with the configured provider and runs
// public.search_kb as the caller (anon or a signed-in user), so RLS decides which articles can be found,
// then writes the retrieval log with the service connection (callers have no insert policy on it).
import { z } from 'npm:zod@4';
import type { EmbeddingProvider } from '../ai/embeddings.ts';
import { database, type Transaction } from '../db/postgres.ts';
import { HttpError } from '../http/responses.ts';

/** Who is asking, from the (already verified) JWT: RLS runs as this role with these claims. */
export type SearchCaller =
  | { role: 'anon'; claims: Record<string, unknown> }
  | { role: 'authenticated'; userId: string; claims: Record<string, unknown> };

const jwtPayloadSchema = z.object({ role: z.string(), sub: z.string().optional() }).passthrough();

function decodeJwtPayload(token: string): unknown {
  const payload = token.split('.')[1];
  if (!payload) throw new HttpError(401, 'The access token is malformed.', 'bad_jwt');
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0))));
  } catch {
    throw new HttpError(401, 'The access token is malformed.', 'bad_jwt');
  }
}

/** The JWT's role claim; the signature was verified by the gateway (verify_jwt = true). */
export function callerRole(request: Request): { role: string; claims: Record<string, unknown>; sub?: string } {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (!token) throw new HttpError(401, 'The request has no access token.', 'no_authorization');
  const parsed = jwtPayloadSchema.safeParse(decodeJwtPayload(token));
  if (!parsed.success) throw new HttpError(401, 'The access token has no role.', 'bad_jwt');
  return { role: parsed.data.role, claims: parsed.data, sub: parsed.data.sub };
}

/** anon key or a user's token; anything else (service role included) is refused so RLS always applies. */
export function searchCaller(request: Request): SearchCaller {
  const { role, claims, sub } = callerRole(request);
  if (role === 'anon') return { role: 'anon', claims };
  if (role === 'authenticated' && sub && z.string().uuid().safeParse(sub).success) return { role: 'authenticated', userId: sub, claims };
  throw new HttpError(403, 'Search as a visitor (anon key) or a signed-in user.', 'wrong_role');
}

/** Only the service role may run workers. */
export function requireServiceRole(request: Request): void {
  if (callerRole(request).role !== 'service_role') {
    throw new HttpError(403, 'This worker runs with the service role key only.', 'service_role_only');
  }
}

/** Runs `work` in a transaction as the caller's database role with its claims, as PostgREST would. */
export function asSearchCaller<T>(caller: SearchCaller, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return database().begin(async (tx) => {
    await tx`select set_config('role', ${caller.role}, true), set_config('request.jwt.claims', ${JSON.stringify(caller.claims)}, true)`;
    return work(tx);
  }) as Promise<T>;
}

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
