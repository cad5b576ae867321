// `embed` edge function: the worker behind automatic embeddings. Woken by the kb_articles trigger and by
// pg_cron through net.http_post (service role key from Vault); drains up to `batch_size` embed jobs per call.
import { z } from 'npm:zod@4';
import { embeddingProviderFromEnv } from '../_shared/ai/embeddings.ts';
import { requireServiceRole } from '../_shared/auth/caller.ts';
import { database } from '../_shared/db/postgres.ts';
import { handleRequests, jsonResponse, parseJsonBody } from '../_shared/http/responses.ts';
import { runEmbedWorker } from './worker.ts';

const embedRequest = z.object({ batch_size: z.number().int().min(1).max(100).default(20) }).strict();

export const handler = handleRequests(['POST'], async (request) => {
  requireServiceRole(request);
  const body = request.headers.get('content-length') === '0' ? { batch_size: 20 } : await parseJsonBody(request, embedRequest);
  const run = await runEmbedWorker(database(), embeddingProviderFromEnv(), {
    batchSize: body.batch_size,
    timeBudgetMs: 20_000,
    worker: `embed:${Deno.env.get('SB_EXECUTION_ID') ?? 'local'}:${crypto.randomUUID().slice(0, 8)}`,
  });
  return jsonResponse(run);
});

if (import.meta.main) Deno.serve(handler);
