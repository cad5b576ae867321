// The embed worker: claims 'embed' jobs, chunks each article, embeds only the chunks whose hash is not already
// stored for the configured model, and swaps the article's chunks in one transaction. Every job gets its own
// result (completed / failed), so one bad article never fails the batch.
import { z } from 'npm:zod@4';
import type { EmbeddingProvider } from '../_shared/ai/embeddings.ts';
import { chunkMarkdown, type MarkdownChunk } from '../_shared/kb/chunking.ts';
import { vectorLiteral } from '../_shared/kb/search.ts';
import type { Sql } from '../_shared/db/postgres.ts';

export interface EmbedJobResult {
  jobId: number;
  articleId: string | null;
  status: 'completed' | 'failed';
  /** Chunks the article has now. */
  chunks: number;
  /** Chunks sent to the embedding provider. */
  embedded: number;
  /** Chunks whose stored row and vector (same hash, same model) were kept. */
  reused: number;
  error?: string;
}

export interface EmbedRunResult {
  worker: string;
  model: string;
  /** Articles re-queued because the configured model changed since the last run. */
  requeuedForModelChange: number;
  results: EmbedJobResult[];
}

const claimedJob = z.object({
  id: z.coerce.number(),
  payload: z.object({ article_id: z.string().uuid() }).passthrough(),
});
const articleRow = z.object({ id: z.string(), title: z.string(), content: z.string() });
const storedChunkRow = z.object({ id: z.coerce.number(), content_hash: z.string(), embedding: z.string() });

/** Texts per provider call: big enough to amortise a request, small enough that a failure costs little. */
const embeddingBatchSize = 64;
/** An article edited while it was being embedded is re-read and re-chunked this many times before failing. */
const maxAttemptsPerArticle = 3;

class ArticleChangedError extends Error {}

async function embedInBatches(embedder: EmbeddingProvider, texts: string[]): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += embeddingBatchSize) {
    vectors.push(...await embedder.embed(texts.slice(start, start + embeddingBatchSize)));
  }
  return vectors;
}

/** Embeds one article; returns null when the article no longer exists (deleted after the job was queued). */
async function embedArticle(sql: Sql, embedder: EmbeddingProvider, jobId: number, articleId: string): Promise<Omit<EmbedJobResult, 'jobId' | 'status'> | null> {
  const [found] = await sql`select id, title, content from public.kb_articles where id = ${articleId}`;
  if (!found) {
    await sql`select private.complete_job(${jobId})`;
    return null;
  }
  const article = articleRow.parse(found);
  const chunks: MarkdownChunk[] = await chunkMarkdown(article.content, { title: article.title });

  // Chunks already stored for this article under the same model, by content hash: unchanged text keeps its row
  // (and vector); only new text is embedded.
  const stored = await sql`
    select id, content_hash, embedding::text as embedding from public.kb_chunks
    where article_id = ${article.id} and embedding_model = ${embedder.model}
    order by chunk_index`;
  const storedByHash = new Map<string, Array<{ id: number; embedding: string }>>();
  for (const row of stored.map((raw) => storedChunkRow.parse(raw))) {
    storedByHash.set(row.content_hash, [...(storedByHash.get(row.content_hash) ?? []), { id: row.id, embedding: row.embedding }]);
  }
  const kept: Array<{ id: number; chunk: MarkdownChunk }> = [];
  const added: MarkdownChunk[] = [];
  for (const chunk of chunks) {
    const reusable = storedByHash.get(chunk.contentHash)?.shift();
    if (reusable) kept.push({ id: reusable.id, chunk });
    else added.push(chunk);
  }
  const knownVectors = new Map(stored.map((raw) => storedChunkRow.parse(raw)).map((row) => [row.content_hash, row.embedding]));
  const toEmbed = [...new Map(added.filter((chunk) => !knownVectors.has(chunk.contentHash)).map((chunk) => [chunk.contentHash, chunk])).values()];
  const fresh = await embedInBatches(embedder, toEmbed.map((chunk) => chunk.embeddingInput));
  toEmbed.forEach((chunk, index) => knownVectors.set(chunk.contentHash, vectorLiteral(fresh[index]!)));

  await sql.begin(async (tx) => {
    // Locks the article so an edit waits for the swap; if it changed since we read it, start over with the new text.
    // The job completes in the same transaction: an edit that waited on the lock finds no open job and queues a
    // new one (while a job is open, the queue's unique index drops duplicates).
    const [current] = await tx`select title, content from public.kb_articles where id = ${article.id} for update`;
    await tx`select private.complete_job(${jobId})`;
    if (!current) return;
    if (current.title !== article.title || current.content !== article.content) throw new ArticleChangedError();
    const keptIds = kept.map((entry) => entry.id);
    await tx`delete from public.kb_chunks where article_id = ${article.id} and id <> all(${keptIds}::bigint[])`;
    if (kept.length > 0) {
      // Kept rows move to their new positions; shifting them out of the way first keeps (article_id, chunk_index) unique.
      await tx`update public.kb_chunks set chunk_index = chunk_index + 1000000 where article_id = ${article.id}`;
      await tx`
        update public.kb_chunks chunk set chunk_index = moved.chunk_index
        from (select unnest(${keptIds}::bigint[]) as id, unnest(${kept.map((entry) => entry.chunk.index)}::int[]) as chunk_index) moved
        where chunk.id = moved.id`;
    }
    if (added.length === 0) return;
    const rows = added.map((chunk) => ({
      article_id: article.id,
      chunk_index: chunk.index,
      content: chunk.content,
      content_hash: chunk.contentHash,
      embedding: knownVectors.get(chunk.contentHash)!,
      embedding_model: embedder.model,
      article_title: article.title,
      heading: chunk.headingPath.slice(1).join(' › '),
    }));
    await tx`insert into public.kb_chunks ${tx(rows)}`;
  });
  return { articleId: article.id, chunks: chunks.length, embedded: toEmbed.length, reused: kept.length };
}

export async function runEmbedWorker(sql: Sql, embedder: EmbeddingProvider, options: { batchSize: number; worker: string; timeBudgetMs: number }): Promise<EmbedRunResult> {
  const [synced] = await sql`select private.sync_embedding_model(${embedder.model}) as requeued`;
  const results: EmbedJobResult[] = [];
  const started = Date.now();
  // Batches until the queue is empty or the time budget is spent (pg_net waits up to a minute for the answer;
  // whatever is left is picked up by the next wake-up or the pg_cron drain).
  while (Date.now() - started < options.timeBudgetMs) {
    const claimed = await sql`select id, payload from private.claim_jobs('embed', ${options.worker}, ${options.batchSize})`;
    if (claimed.length === 0) break;
    results.push(...await processClaimedJobs(sql, embedder, claimed));
  }
  return { worker: options.worker, model: embedder.model, requeuedForModelChange: Number(synced?.requeued ?? 0), results };
}

async function processClaimedJobs(sql: Sql, embedder: EmbeddingProvider, claimed: readonly Record<string, unknown>[]): Promise<EmbedJobResult[]> {
  const results: EmbedJobResult[] = [];
  for (const row of claimed) {
    const job = claimedJob.safeParse(row);
    if (!job.success) {
      const jobId = Number(row.id);
      await sql`select private.fail_job(${jobId}, 'payload has no article_id uuid')`;
      results.push({ jobId, articleId: null, status: 'failed', chunks: 0, embedded: 0, reused: 0, error: 'payload has no article_id uuid' });
      continue;
    }
    const articleId = job.data.payload.article_id;
    try {
      let outcome: Awaited<ReturnType<typeof embedArticle>> | undefined;
      for (let attempt = 1; outcome === undefined; attempt++) {
        try {
          outcome = await embedArticle(sql, embedder, job.data.id, articleId);
        } catch (error) {
          if (!(error instanceof ArticleChangedError) || attempt >= maxAttemptsPerArticle) throw error;
        }
      }
      results.push({ jobId: job.data.id, status: 'completed', ...(outcome ?? { articleId, chunks: 0, embedded: 0, reused: 0 }) });
    } catch (error) {
      const message = error instanceof ArticleChangedError ? 'the article kept changing while it was embedded' : (error as Error).message;
      console.error(`embed job ${job.data.id} (article ${articleId}) failed:`, error);
      await sql`select private.fail_job(${job.data.id}, ${message.slice(0, 1000)})`;
      results.push({ jobId: job.data.id, articleId, status: 'failed', chunks: 0, embedded: 0, reused: 0, error: message });
    }
  }
  return results;
}
