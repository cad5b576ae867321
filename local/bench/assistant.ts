// The assistant's retrieval with the local embedder, on the seeded knowledge base: the chat's searchAcrossAreas
// (as an anonymous visitor, default area; assistant-retrieval.mts, run by Deno because it is edge-function code)
// asked the embedder's dev questions and the held-out customer questions. Figures: how often the expected article
// is first and among the five found, retrieval p50 / p95 per question, and local embedding throughput. The answers
// themselves (cited / first through the chat function) are printed by tests/kb/held-out-assistant.test.ts.
import { z } from 'zod';
import { startStack } from '../stack.ts';
import type { Benchmark } from './index.ts';
import { runDenoBenchScript } from './deno-script.ts';
import { percentile, reportFigure, table } from './report.ts';

const figure = z.discriminatedUnion('figure', [
  z.object({ figure: z.literal('embed'), chunks: z.number(), seconds: z.number(), model: z.string() }),
  z.object({ figure: z.literal('retrieval'), set: z.string(), questions: z.number(), first: z.number(), inFive: z.number(), latencies: z.array(z.number()) }),
]);

function runRetrieval(dbUrl: string): Promise<Array<z.infer<typeof figure>>> {
  return runDenoBenchScript('assistant-retrieval.mts', [], figure, { ...process.env, SUPABASE_DB_URL: dbUrl });
}

export const assistantBenchmark: Benchmark = {
  name: 'assistant',
  description: 'the chat retrieval with the local embedder on the seeded KB: dev and held-out questions, first / in five, p50 / p95, embedding throughput',
  async run() {
    const stack = await startStack('bench', { seed: true });
    try {
      const figures = await runRetrieval(stack.dbUrl);
      const rows: Array<Record<string, string | number>> = [];
      for (const result of figures) {
        if (result.figure === 'embed') {
          const perSecond = result.chunks / result.seconds;
          rows.push({ figure: `local embedding (${result.model})`, value: `${Math.round(perSecond)} chunks/s`, target: '≥ 1,000 /s' });
          reportFigure('assistant.embed_chunks_per_second', Math.round(perSecond), 'chunks/s');
          continue;
        }
        const p50 = percentile(result.latencies, 50);
        const p95 = percentile(result.latencies, 95);
        rows.push({ figure: `${result.set}: expected article first / in five (${result.questions})`, value: `${(result.first / result.questions).toFixed(2)} / ${(result.inFive / result.questions).toFixed(2)}`, target: '' });
        rows.push({ figure: `${result.set}: retrieval per question p50 / p95`, value: `${p50.toFixed(1)} / ${p95.toFixed(1)} ms`, target: '' });
        reportFigure(`assistant.${result.set}.retrieval_first`, Number((result.first / result.questions).toFixed(3)), 'share');
        reportFigure(`assistant.${result.set}.retrieval_in_five`, Number((result.inFive / result.questions).toFixed(3)), 'share');
        reportFigure(`assistant.${result.set}.retrieval_p50`, Number(p50.toFixed(2)), 'ms');
        reportFigure(`assistant.${result.set}.retrieval_p95`, Number(p95.toFixed(2)), 'ms');
      }
      table(rows);
    } finally {
      await stack.stop();
    }
  },
};
