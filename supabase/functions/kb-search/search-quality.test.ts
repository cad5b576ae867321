// Issue 7's retrieval quality check through the database: the seeded articles embedded by the embed worker,
// the labelled questions searched with public.search_kb as an anonymous visitor (RLS on), three ways:
// vector only (no query text), full text only (no query vector) and hybrid. Prints hit@1 / hit@5; hybrid hit@5
// must be at least 0.85. Needs the test stack's database (npm test -- deno).
import assert from 'node:assert/strict';
import { z } from 'npm:zod@4';
import { LocalEmbedder } from '../_shared/ai/embeddings.ts';
import { asCaller } from '../_shared/auth/caller.ts';
import { databaseTest } from '../_shared/db/testing/test-database.ts';
import { vectorLiteral } from '../_shared/kb/search.ts';
import { runEmbedWorker } from '../embed/worker.ts';

const questionsUrl = new URL('../../../tests/fixtures/retrieval-questions.json', import.meta.url);
const labelledQuestions = z.array(z.object({ question: z.string().min(1), article_slug: z.string().min(1) })).min(60);

type Mode = 'vector' | 'fullText' | 'hybrid';

databaseTest('search_kb quality on the seeded KB as anon: vector, full text and hybrid (hybrid hit@5 ≥ 0.85)', async (sql) => {
  const embedder = new LocalEmbedder();
  // Seeding queued every article; drain the queue so each one has chunks.
  for (let round = 0; round < 10; round++) {
    const run = await runEmbedWorker(sql, embedder, { batchSize: 100, worker: 'search-quality-test', timeBudgetMs: 60_000 });
    assert.deepEqual(run.results.filter((result) => result.status === 'failed'), []);
    if (run.results.length === 0) break;
  }
  const [{ unembedded }] = await sql`
    select count(*)::int as unembedded from public.kb_articles article
    where not exists (select 1 from public.kb_chunks chunk where chunk.article_id = article.id and chunk.embedding_model = ${embedder.model})`;
  assert.equal(unembedded, 0, 'every article has chunks of the local model');

  const questions = labelledQuestions.parse(JSON.parse(await Deno.readTextFile(questionsUrl)));
  const vectors = await embedder.embed(questions.map((question) => question.question));
  const hits: Record<Mode, [number, number]> = { vector: [0, 0], fullText: [0, 0], hybrid: [0, 0] };
  const misses: string[] = [];
  await asCaller({ role: 'anon' }, async (tx) => {
    for (const [index, question] of questions.entries()) {
      for (const mode of ['vector', 'fullText', 'hybrid'] as const) {
        const text = mode === 'vector' ? null : question.question;
        const vector = mode === 'fullText' ? null : vectorLiteral(vectors[index]!);
        const rows = await tx`
          select slug from public.search_kb(${text}, ${vector}::extensions.vector, ${embedder.model}, 50)`;
        const articles = [...new Set(rows.map((row) => String(row.slug)))];
        if (articles[0] === question.article_slug) hits[mode][0]++;
        if (articles.slice(0, 5).includes(question.article_slug)) hits[mode][1]++;
        else if (mode === 'hybrid') misses.push(`"${question.question}" expected ${question.article_slug}, got ${articles.slice(0, 5).join(', ')}`);
      }
    }
  });
  const rate = (count: number) => (count / questions.length).toFixed(2);
  console.log(`search_kb quality (${questions.length} questions, as anon):`);
  console.log(`  local embedder  hit@1 ${rate(hits.vector[0])}  hit@5 ${rate(hits.vector[1])}`);
  console.log(`  full text       hit@1 ${rate(hits.fullText[0])}  hit@5 ${rate(hits.fullText[1])}`);
  console.log(`  hybrid (RRF)    hit@1 ${rate(hits.hybrid[0])}  hit@5 ${rate(hits.hybrid[1])}`);
  for (const miss of misses) console.log(`  hybrid miss: ${miss}`);
  assert.ok(hits.hybrid[1] / questions.length >= 0.85, `hybrid hit@5 ${rate(hits.hybrid[1])} < 0.85`);
});
