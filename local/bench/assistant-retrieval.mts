// Deno half of the `assistant` benchmark (run by local/bench/assistant.ts; .mts keeps it out of the Node
// type-check): drains the seeded knowledge base's embed queue with the production local embedder, then asks the
// chat's retrieval (searchAcrossAreas as an anonymous visitor, default area) every question of the embedder's dev
// set and of the held-out customer questions (measured, never tuned on), timing each. Prints JSON lines.
// Usage: SUPABASE_DB_URL=… deno run --allow-all local/bench/assistant-retrieval.mts
import { z } from 'npm:zod@4';
import { LocalEmbedder } from '../../supabase/functions/_shared/ai/embeddings.ts';
import { asCaller } from '../../supabase/functions/_shared/auth/caller.ts';
import { database } from '../../supabase/functions/_shared/db/postgres.ts';
import { searchAcrossAreas } from '../../supabase/functions/_shared/kb/search.ts';
import { runEmbedWorker } from '../../supabase/functions/embed/worker.ts';

const devFile = z.object({ questions: z.array(z.object({ question: z.string(), slug: z.string() })) });
const heldOutFile = z.object({ questions: z.array(z.object({ question: z.string(), expected_article_slug: z.string(), also_acceptable_slugs: z.array(z.string()).optional() })) });
const sets = {
  dev: devFile.parse(JSON.parse(await Deno.readTextFile(new URL('../../supabase/tools/embedder-training/dev-questions.json', import.meta.url))))
    .questions.map((item) => ({ question: item.question, accepted: [item.slug] })),
  heldOut: heldOutFile.parse(JSON.parse(await Deno.readTextFile(new URL('../../tests/fixtures/held-out/customer-questions.json', import.meta.url))))
    .questions.map((item) => ({ question: item.question, accepted: [item.expected_article_slug, ...(item.also_acceptable_slugs ?? [])] })),
};

const embedder = new LocalEmbedder();
const sql = database();
// The stack's own worker (woken by pg_net) may be embedding too; either way the queue ends empty.
for (let round = 0; round < 20; round++) {
  const run = await runEmbedWorker(sql, embedder, { batchSize: 100, worker: 'assistant-bench', timeBudgetMs: 60_000 });
  const [{ open }] = await sql`select count(*)::int as open from private.jobs where kind = 'embed' and status in ('queued', 'running')`;
  if (run.results.length === 0 && open === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
// Throughput of the embedder alone, over the seeded chunks' texts repeated to 5,000.
const texts = (await sql`select article_title || E'\n\n' || content as text from public.kb_chunks`).map((row) => String(row.text));
const batch = Array.from({ length: 5000 }, (_, index) => texts[index % texts.length]!);
const embedStarted = performance.now();
await embedder.embed(batch);
console.log(JSON.stringify({ figure: 'embed', chunks: batch.length, seconds: (performance.now() - embedStarted) / 1000, model: embedder.model }));

for (const [name, questions] of Object.entries(sets)) {
  const latencies: number[] = [];
  let first = 0;
  let inFive = 0;
  for (const item of questions) {
    const started = performance.now();
    const { hits } = await asCaller({ role: 'anon' }, (tx) => searchAcrossAreas(tx, embedder, item.question, { matchCount: 5, preferredArea: 'support' }));
    latencies.push(performance.now() - started);
    const slugs = [...new Set(hits.map((hit) => hit.slug))];
    if (item.accepted.includes(slugs[0] ?? '')) first++;
    if (slugs.slice(0, 5).some((slug) => item.accepted.includes(slug))) inFive++;
  }
  console.log(JSON.stringify({ figure: 'retrieval', set: name, questions: questions.length, first, inFive, latencies }));
}
await sql.end();
