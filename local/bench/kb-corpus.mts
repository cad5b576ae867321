// Deno half of the `kb` benchmark (run by local/bench/kb.ts with `deno run`; .mts keeps it out of the Node
// type-check): generates a synthetic knowledge base of N chunks, embeds it with the production LocalEmbedder
// (timing throughput), loads articles and chunks into the bench database, and writes query vectors for the
// Node side. Usage: deno run --allow-all local/bench/kb-corpus.mts <db-url> <chunks> <queries-file>
import postgres from 'npm:postgres@3.4.9';
import { LocalEmbedder } from '../../supabase/functions/_shared/ai/embeddings.ts';
import { sha256Hex } from '../../supabase/functions/_shared/kb/chunking.ts';

const [dbUrl, chunkArg, queriesFile] = Deno.args;
if (!dbUrl || !chunkArg || !queriesFile) throw new Error('usage: kb-corpus.mts <db-url> <chunks> <queries-file>');
const totalChunks = Number(chunkArg);
const chunksPerArticle = 50;
const wordsPerChunk = 110;
const queryCount = 300;

// A deterministic generator (mulberry32), so every run benchmarks the same corpus.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// The vocabulary of the real seeded articles, so the text looks like ours (word lengths, stems, n-grams).
const seedText = await Deno.readTextFile(new URL('../../supabase/seeds/10-content.sql', import.meta.url));
const vocabulary = [...new Set(seedText.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
// Zipf-like draw: common words are common, as in real text.
const zipfWord = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)]!;

interface GeneratedChunk {
  articleIndex: number;
  chunkIndex: number;
  title: string;
  content: string;
}

const articleCount = Math.ceil(totalChunks / chunksPerArticle);
const chunks: GeneratedChunk[] = [];
const titles: string[] = [];
for (let article = 0; article < articleCount; article++) {
  // Each article has its own topic words that recur through its chunks, as a real article's subject does.
  const topic = Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
  titles.push(`${topic.slice(0, 5).join(' ')} ${article}`);
  for (let index = 0; index < chunksPerArticle && chunks.length < totalChunks; index++) {
    const words = Array.from({ length: wordsPerChunk }, () => (random() < 0.3 ? topic[Math.floor(random() * topic.length)]! : zipfWord()));
    chunks.push({ articleIndex: article, chunkIndex: index, title: titles[article]!, content: words.join(' ') });
  }
}

const embedder = new LocalEmbedder();
const started = performance.now();
const vectors = await embedder.embed(chunks.map((chunk) => `${chunk.title}\n\n${chunk.content}`));
const embedSeconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ figure: 'embed', chunks: chunks.length, seconds: embedSeconds, chunksPerSecond: chunks.length / embedSeconds }));

const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
// The HNSW index is dropped for the load and rebuilt afterwards with the definition the migrations gave it
// (operator class and build parameters), so the bench measures the index that ships.
const [shipped] = await sql`
  select pg_get_indexdef('public.kb_chunks_embedding_idx'::regclass) as definition`;
const indexDefinition = String(shipped?.definition ?? '');
if (!/ USING hnsw /i.test(indexDefinition)) throw new Error(`unexpected kb_chunks_embedding_idx: ${indexDefinition}`);
const loadStarted = performance.now();
await sql.begin(async (tx) => {
  // Replica mode skips the enqueue and wake triggers: the bench measures retrieval, not the embed worker.
  await tx`set local session_replication_role = replica`;
  await tx`drop index public.kb_chunks_embedding_idx`;
  const articleIds = titles.map(() => crypto.randomUUID());
  await tx`
    insert into public.kb_articles (id, slug, title, content, category, is_published)
    select id, 'bench-' || ordinality, title, '', 'bench', true
    from unnest(${articleIds}::uuid[], ${titles}::text[]) with ordinality as article(id, title, ordinality)`;
  const batchSize = 2000;
  for (let start = 0; start < chunks.length; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize);
    const hashes = await Promise.all(batch.map((chunk) => sha256Hex(`${chunk.title}\n\n${chunk.content}`)));
    await tx`
      insert into public.kb_chunks (article_id, chunk_index, content, content_hash, embedding, embedding_model, article_title)
      select * from unnest(
        ${batch.map((chunk) => articleIds[chunk.articleIndex]!)}::uuid[],
        ${batch.map((chunk) => chunk.chunkIndex)}::int[],
        ${batch.map((chunk) => chunk.content)}::text[],
        ${hashes}::text[],
        ${batch.map((_, index) => `[${vectors[start + index]!.map((value) => value.toFixed(5)).join(',')}]`)}::text[]::extensions.vector[],
        ${batch.map(() => embedder.model)}::text[],
        ${batch.map((chunk) => chunk.title)}::text[]
      )`;
  }
});
const loadSeconds = (performance.now() - loadStarted) / 1000;
const indexStarted = performance.now();
// Built after the load, as one would for a bulk import: far faster than growing the graph row by row.
await sql`set maintenance_work_mem = '1GB'`;
await sql`set max_parallel_maintenance_workers = 1`;
await sql.unsafe(indexDefinition);
const indexSeconds = (performance.now() - indexStarted) / 1000;
// Vacuumed as well as analysed: otherwise autovacuum picks up the 100,000 fresh rows right after the build and runs
// through the latency measurement (a live knowledge base was vacuumed long ago).
await sql`vacuum (analyze) public.kb_chunks`;
await sql`vacuum (analyze) public.kb_articles`;
console.log(JSON.stringify({ figure: 'load', loadSeconds, indexSeconds, indexDefinition }));
await sql.end();

// Queries: a handful of words from a random chunk, phrased as a customer might search.
const queries = Array.from({ length: queryCount }, () => {
  const chunk = chunks[Math.floor(random() * chunks.length)]!;
  const words = chunk.content.split(' ');
  const start = Math.floor(random() * (words.length - 6));
  return words.slice(start, start + 6).join(' ');
});
const queryVectors = await embedder.embed(queries);
await Deno.writeTextFile(queriesFile, JSON.stringify({
  model: embedder.model,
  queries: queries.map((text, index) => ({ text, vector: `[${queryVectors[index]!.join(',')}]` })),
}));
