// Automatic embeddings end to end: an article written in SQL (as Studio would) is queued by trigger, the embed
// edge function (invoked through the gateway with supabase-js, as pg_net does) chunks and embeds it, edits keep
// unchanged chunks and replace the rest, deletes remove chunks and the queued job.
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { anonClient, chunksOf, createArticle, embedUntilDone, localEmbeddingModel, serviceClient, uniqueWord } from './support.ts';

const section = (heading: string, word: string) =>
  `## ${heading}\n\n${`The ${word} procedure covers ${heading.toLowerCase()} in detail. `.repeat(12)}\n`;

describe('embedding pipeline', () => {
  it('queues an inserted article by trigger and the embed function writes its chunks with vectors and model', async () => {
    const word = uniqueWord('pipeline');
    const articleId = await createArticle({ title: `Replacing the ${word} filter`, content: [section('Before you start', word), section('Steps', word), section('Afterwards', word)].join('\n') });

    const jobs = await sql`select status from private.jobs where kind = 'embed' and payload = ${sql.json({ article_id: articleId })}`;
    expect(jobs).toHaveLength(1);

    const runs = await embedUntilDone(articleId);
    expect(runs[0]!.model).toBe(localEmbeddingModel);
    const chunks = await chunksOf(articleId);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.map((chunk) => chunk.chunk_index)).toEqual(chunks.map((_, index) => index));
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ embedding_model: localEmbeddingModel, has_embedding: true, article_title: `Replacing the ${word} filter` });
      expect(chunk.content_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const [job] = await sql`select status from private.jobs where kind = 'embed' and payload = ${sql.json({ article_id: articleId })}`;
    expect(job!.status).toBe('completed');
  });

  it('re-embeds only changed chunks on edit: unchanged chunks keep their rows, the changed one is replaced', async () => {
    const word = uniqueWord('edit');
    const sections = [section('Before you start', word), section('Steps', word), section('Afterwards', word)];
    const articleId = await createArticle({ title: `Adjusting the ${word} valve`, content: sections.join('\n') });
    await embedUntilDone(articleId);
    const before = await chunksOf(articleId);

    const changed = section('Steps', uniqueWord('changed'));
    await sql`update public.kb_articles set content = ${[sections[0], changed, sections[2]].join('\n')} where id = ${articleId}`;
    const runs = await embedUntilDone(articleId);
    const after = await chunksOf(articleId);

    const beforeByHash = new Map(before.map((chunk) => [chunk.content_hash, chunk.id]));
    const kept = after.filter((chunk) => beforeByHash.get(chunk.content_hash) === chunk.id);
    const replaced = after.filter((chunk) => !beforeByHash.has(chunk.content_hash));
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(replaced.length).toBeGreaterThanOrEqual(1);
    expect(replaced.every((chunk) => chunk.has_embedding && chunk.content.includes('changed'))).toBe(true);
    expect(after.some((chunk) => chunk.content.includes('covers steps in detail') && chunk.content.includes(word) && !chunk.content.includes('changed'))).toBe(false);
    // When our invocation was the one that drained the job, its result says how little was embedded.
    const ours = runs.flatMap((run) => run.results).find((result) => result.articleId === articleId);
    if (ours) expect(ours).toMatchObject({ status: 'completed', reused: kept.length, embedded: replaced.length });
  });

  it('an unchanged save embeds nothing and keeps every chunk row', async () => {
    const word = uniqueWord('resave');
    const articleId = await createArticle({ title: `Cleaning the ${word} sensor`, content: section('Steps', word) });
    await embedUntilDone(articleId);
    const before = await chunksOf(articleId);
    await sql`update public.kb_articles set content = content where id = ${articleId}`;
    await embedUntilDone(articleId);
    expect((await chunksOf(articleId)).map((chunk) => chunk.id)).toEqual(before.map((chunk) => chunk.id));
  });

  it('deleting an article removes its chunks and its queued embed job', async () => {
    const word = uniqueWord('delete');
    const embedded = await createArticle({ title: `Draining the ${word} tank`, content: section('Steps', word) });
    await embedUntilDone(embedded);
    expect((await chunksOf(embedded)).length).toBeGreaterThan(0);
    await sql`delete from public.kb_articles where id = ${embedded}`;
    expect(await chunksOf(embedded)).toHaveLength(0);

    const [queued] = await sql.begin(async (tx) => {
      const [row] = await tx`
        insert into public.kb_articles (slug, title, content, category) values (${`kb-test-${word}`}, ${`Queued ${word}`}, 'text', 'product')
        returning id`;
      await tx`delete from public.kb_articles where id = ${row!.id}`;
      return [row];
    });
    expect(await sql`select 1 from private.jobs where payload = ${sql.json({ article_id: String(queued!.id) })}`).toHaveLength(0);
  });

  it('re-embeds articles stored under a previous model when the worker reports a new one (an upgrade)', async () => {
    const word = uniqueWord('upgrade');
    const articleId = await createArticle({ title: `Bleeding the ${word} line`, content: [section('Steps', word), section('Afterwards', word)].join('\n') });
    await embedUntilDone(articleId);
    // The database as the previous release left it: chunks and the recorded model are the hashed embedder's.
    const previousModel = 'local-hash-ngram-v1';
    await sql`update public.kb_chunks set embedding_model = ${previousModel} where article_id = ${articleId}`;
    await sql`update private.kb_settings set embedding_model = ${previousModel}`;

    // No job is queued for the article; only private.sync_embedding_model, run by the worker, can queue it.
    await embedUntilDone(articleId);
    const chunks = await chunksOf(articleId);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (const chunk of chunks) expect(chunk).toMatchObject({ embedding_model: localEmbeddingModel, has_embedding: true });
    const [settings] = await sql`select embedding_model from private.kb_settings`;
    expect(settings!.embedding_model).toBe(localEmbeddingModel);
  });

  it('refuses callers other than the service role', async () => {
    const { error } = await anonClient().functions.invoke('embed', { body: {} });
    expect(error).toBeTruthy();
    expect((error as { context?: Response }).context?.status).toBe(403);
    const bad = await serviceClient().functions.invoke('embed', { body: { batch_size: 0 } });
    expect((bad.error as { context?: Response }).context?.status).toBe(400);
  });
});
