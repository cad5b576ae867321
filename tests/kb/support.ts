// Clients and fixtures for the knowledge-base suites: supabase-js against the test stack's gateway, users with a
// role, articles written the way Studio would (superuser SQL), and the embed worker driven to completion.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

/** The local embedder's model name: the trained file's version, stored by the embed worker with every vector. */
export const localEmbeddingModel = z.object({ version: z.string() }).parse(
  JSON.parse(readFileSync(new URL('../../supabase/functions/_shared/ai/local-embedder-model.json', import.meta.url), 'utf8')),
).version;

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } } as const;

export const anonClient = () => createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, clientOptions);
export const serviceClient = () => createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, clientOptions);

export interface TestUser {
  id: string;
  client: SupabaseClient;
  accessToken: string;
}

/** A confirmed user with the given role, signed in after the role was set so the token carries user_role. */
export async function userWithRole(role: 'customer' | 'technician' | 'admin'): Promise<TestUser> {
  const email = `kb-${role}-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct-horse-battery';
  // Through the admin API, confirmed: with email confirmations on (the project's setting) a sign-up has no session.
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error || !data.user) throw error ?? new Error('createUser returned no user');
  if (role !== 'customer') await sql`update public.profiles set role = ${role} where id = ${data.user.id}`;
  const client = anonClient();
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error('sign-in returned no session');
  return { id: data.user.id, client, accessToken: signedIn.data.session.access_token };
}

/** A unique made-up word: searches for it can only find the article a test wrote. */
export const uniqueWord = (prefix: string) => `${prefix}${randomUUID().replace(/[^a-z]/g, '').slice(0, 10)}`;

export async function createArticle(fields: { title: string; content: string; isPublished?: boolean; solutionArea?: string | null; category?: string }): Promise<string> {
  const [row] = await sql`
    insert into public.kb_articles (slug, title, content, category, solution_area, is_published)
    values (${`kb-test-${randomUUID().slice(0, 12)}`}, ${fields.title}, ${fields.content}, ${fields.category ?? 'product'},
      ${fields.solutionArea ?? null}, ${fields.isPublished ?? true})
    returning id`;
  return String(row!.id);
}

const embedRun = z.object({
  model: z.string(),
  results: z.array(z.object({ jobId: z.number(), articleId: z.string().nullable(), status: z.enum(['completed', 'failed']), chunks: z.number(), embedded: z.number(), reused: z.number() })),
});
export type EmbedRun = z.infer<typeof embedRun>;

/**
 * Invokes the embed worker (as pg_net would, with the service role) until the article's embed job is done.
 * The stack's own pg_net wake-ups may drain the job first; either way the job must end completed.
 */
export async function embedUntilDone(articleId: string): Promise<EmbedRun[]> {
  const runs: EmbedRun[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const { data, error } = await serviceClient().functions.invoke('embed', { body: { batch_size: 50 } });
    if (error) throw new Error(`embed failed: ${error.message}`);
    runs.push(embedRun.parse(data));
    const open = await sql`
      select status from private.jobs
      where kind = 'embed' and payload = ${sql.json({ article_id: articleId })} and status in ('queued', 'running')`;
    if (open.length === 0) return runs;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the embed job of ${articleId} did not finish`);
}

export async function chunksOf(articleId: string) {
  return await sql<Array<{ id: string; chunk_index: number; content: string; content_hash: string; embedding_model: string | null; has_embedding: boolean; article_title: string }>>`
    select id::text, chunk_index, content, content_hash, embedding_model, embedding is not null as has_embedding, article_title
    from public.kb_chunks where article_id = ${articleId} order by chunk_index`;
}
