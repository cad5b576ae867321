// Knowledge-base retrieval at scale: 100,000 chunks embedded by the local embedder (kb-corpus.mts, run by Deno
// because the embedder is edge-function code), then
//   - public.search_kb latency as an anonymous visitor (RLS on), hybrid text + vector, p50 / p95;
//   - recall@10 of the HNSW index (rebuilt after the load with the definition the migrations give it) against exact
//     search, at the ef_search search_kb sets (read from the function) and at 40 (pgvector's default), 100 and 200;
//   - local embedding throughput (chunks per second).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { z } from 'zod';
import { startStack } from '../stack.ts';
import type { Benchmark } from './index.ts';
import { runDenoBenchScript } from './deno-script.ts';
import { median, memoryLatencyNs, percentile, reportFigure, table } from './report.ts';

const CHUNKS = 100_000;
const LATENCY_QUERIES = 300;
const WARMUP_QUERIES = 30;
const RECALL_QUERIES = 100;
/** For comparison with the value search_kb sets: pgvector's default, then wider searches. */
const COMPARED_EF_SEARCH = [40, 100, 200, 250];

const corpusFigure = z.discriminatedUnion('figure', [
  z.object({ figure: z.literal('embed'), chunks: z.number(), seconds: z.number(), chunksPerSecond: z.number() }),
  z.object({ figure: z.literal('load'), loadSeconds: z.number(), indexSeconds: z.number(), indexDefinition: z.string() }),
]);
const queriesFile = z.object({ model: z.string(), queries: z.array(z.object({ text: z.string(), vector: z.string() })) });

function runCorpus(dbUrl: string, file: string): Promise<Array<z.infer<typeof corpusFigure>>> {
  return runDenoBenchScript('kb-corpus.mts', [dbUrl, String(CHUNKS), file], corpusFigure);
}

export const kbBenchmark: Benchmark = {
  name: 'kb',
  description: `KB retrieval over ${CHUNKS.toLocaleString('en')} chunks: search_kb p50/p95 as anon, HNSW recall@10 vs exact, local embedding throughput`,
  async run({ runs }) {
    const stack = await startStack('bench', { seed: false });
    const folder = mkdtempSync(join(tmpdir(), 'support-hub-kb-bench-'));
    const sql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    try {
      const file = join(folder, 'queries.json');
      const corpus = await runCorpus(stack.dbUrl, file);
      const embed = corpus.find((figure) => figure.figure === 'embed');
      const load = corpus.find((figure) => figure.figure === 'load');
      if (embed?.figure !== 'embed' || load?.figure !== 'load') throw new Error('kb-corpus.mts reported no figures');
      const { model, queries } = queriesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
      // The ef_search search_kb runs with: its `set hnsw.ef_search` clause, so the recall reported is the one it gets.
      const [configured] = await sql`
        select setting from pg_catalog.pg_proc, unnest(proconfig) setting
        where oid = 'public.search_kb(text, extensions.vector, text, integer, text, text, text)'::regprocedure
          and setting like 'hnsw.ef_search=%'`;
      const searchEfSearch = Number(String(configured?.setting ?? '').split('=')[1]);
      if (!Number.isInteger(searchEfSearch) || searchEfSearch <= 0) throw new Error('search_kb sets no hnsw.ef_search');

      // Latency through the SQL function as an anonymous visitor: RLS policies, both sides of the fusion.
      const searchOnce = (query: { text: string; vector: string }) =>
        sql.begin(async (tx) => {
          await tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`;
          const started = performance.now();
          const rows = await tx`select chunk_id from public.search_kb(${query.text}, ${query.vector}::extensions.vector, ${model}, 10)`;
          const elapsed = performance.now() - started;
          if (rows.length === 0) throw new Error(`no results for "${query.text}"`);
          return elapsed;
        });
      for (const query of queries.slice(0, WARMUP_QUERIES)) await searchOnce(query);
      const p50s: number[] = [];
      const p95s: number[] = [];
      // Measured around the latency runs: the walk is bound by memory latency, which varies on a shared machine.
      const memoryNs = [memoryLatencyNs()];
      for (let run = 0; run < runs; run++) {
        const latencies: number[] = [];
        for (let index = 0; index < LATENCY_QUERIES; index++) latencies.push(await searchOnce(queries[index % queries.length]!));
        p50s.push(median(latencies));
        p95s.push(percentile(latencies, 95));
      }
      memoryNs.push(memoryLatencyNs());

      // Recall of the index itself: the same vector query with the HNSW index and with an exact scan.
      // Different SQL texts on purpose: postgres.js prepares statements, and a cached plan ignores later setting
      // changes, so one text for both would let the exact plan answer the HNSW question (or the reverse).
      const exactTopTen = async (vector: string) => {
        // "+ 0" makes the ordering an expression the HNSW index cannot serve: a full scan with exact distances, in
        // full precision (the index holds half-precision copies, so its recall includes what half precision costs).
        const rows = await sql`
          select id from public.kb_chunks where embedding_model = ${model}
          order by (embedding operator(extensions.<#>) ${vector}::extensions.vector) + 0 limit 10`;
        return rows.map((row) => String(row.id));
      };
      const hnswTopTen = (vector: string, efSearch: number) =>
        sql.begin(async (tx) => {
          await tx`select set_config('hnsw.ef_search', ${String(efSearch)}, true)`;
          // search_kb's ordering: inner product of half-precision copies, the expression the index is built on.
          const rows = await tx`
            select id from public.kb_chunks where embedding_model = ${model}
            order by embedding::extensions.halfvec(384) operator(extensions.<#>) ${vector}::extensions.halfvec(384) limit 10`;
          return rows.map((row) => String(row.id));
        });
      const exactByQuery = new Map<string, string[]>();
      const recallAt = async (efSearch: number) => {
        let found = 0;
        for (const query of queries.slice(0, RECALL_QUERIES)) {
          const exact = new Set(exactByQuery.get(query.vector) ?? await exactTopTen(query.vector));
          exactByQuery.set(query.vector, [...exact]);
          found += (await hnswTopTen(query.vector, efSearch)).filter((id) => exact.has(id)).length;
        }
        return found / (RECALL_QUERIES * 10);
      };
      const recall = await recallAt(searchEfSearch);
      const compared: Array<[number, number]> = [];
      for (const efSearch of COMPARED_EF_SEARCH.filter((value) => value !== searchEfSearch)) compared.push([efSearch, await recallAt(efSearch)]);
      const [counted] = await sql`select count(*)::int as chunks from public.kb_chunks`;
      const chunks = Number(counted?.chunks ?? 0);

      table([
        { figure: 'chunks', value: chunks, target: CHUNKS },
        { figure: 'search_kb p50 (ms, anon, hybrid)', value: median(p50s).toFixed(2), target: '' },
        { figure: 'search_kb p95 (ms, anon, hybrid)', value: median(p95s).toFixed(2), target: '≤ 20' },
        { figure: `HNSW recall@10 (ef_search ${searchEfSearch}, search_kb's)`, value: recall.toFixed(3), target: '≥ 0.95' },
        ...compared.map(([efSearch, value]) => ({ figure: `HNSW recall@10 (ef_search ${efSearch})`, value: value.toFixed(3), target: '' })),
        { figure: 'local embedding (chunks/s)', value: Math.round(embed.chunksPerSecond), target: '≥ 1000' },
        { figure: 'memory latency before / after the search runs (ns per dependent read)', value: memoryNs.map((ns) => Math.round(ns)).join(' / '), target: '' },
        { figure: 'load (s) / HNSW build (s)', value: `${load.loadSeconds.toFixed(1)} / ${load.indexSeconds.toFixed(1)}`, target: '' },
      ]);
      console.log(`HNSW index as the migrations define it: ${load.indexDefinition}`);
      reportFigure('kb.chunks', chunks, 'chunks');
      reportFigure('kb.search_p50', median(p50s), 'ms');
      reportFigure('kb.search_p95', median(p95s), 'ms');
      reportFigure('kb.hnsw_recall_at_10', recall, 'ratio');
      reportFigure(`kb.hnsw_recall_at_10.ef${searchEfSearch}`, recall, 'ratio');
      for (const [efSearch, value] of compared) reportFigure(`kb.hnsw_recall_at_10.ef${efSearch}`, value, 'ratio');
      reportFigure('kb.embed_throughput', embed.chunksPerSecond, 'chunks/s');
      reportFigure('kb.memory_latency', median(memoryNs), 'ns');
      reportFigure('kb.hnsw_build', load.indexSeconds, 's');
    } finally {
      await sql.end({ timeout: 5 });
      rmSync(folder, { recursive: true, force: true });
      await stack.stop();
    }
  },
};
