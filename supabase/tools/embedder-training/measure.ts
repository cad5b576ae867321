// The embedder's dev measurement, in memory: the seeded published articles ranked for the dev questions
// (dev-questions.json, written for this purpose) and for the retrieval set (tests/fixtures/retrieval-questions.json)
// by the vector side alone and by its RRF fusion with full text (kb/retrieval-evaluation.ts). Used to choose the
// training settings; the held-out questions are measured only through the chat function, never here.
import { z } from 'npm:zod@4';
import { type EmbeddingProvider } from '../../functions/_shared/ai/embeddings.ts';
import { evaluateRetrieval, type EvaluationQuestion, type RetrievalEvaluation } from '../../functions/_shared/kb/retrieval-evaluation.ts';
import { parseSeedArticles } from '../../functions/_shared/kb/testing/seed-sql-articles.ts';
import { seedUrl } from './train.ts';

const devQuestionsUrl = new URL('./dev-questions.json', import.meta.url);
const retrievalQuestionsUrl = new URL('../../../tests/fixtures/retrieval-questions.json', import.meta.url);

const DevQuestions = z.object({ questions: z.array(z.object({ question: z.string(), slug: z.string() })) });
const RetrievalQuestions = z.array(z.object({ question: z.string(), article_slug: z.string() }));

export async function devQuestionSets(): Promise<{ dev: EvaluationQuestion[]; retrieval: EvaluationQuestion[] }> {
  const dev = DevQuestions.parse(JSON.parse(await Deno.readTextFile(devQuestionsUrl))).questions;
  const retrieval = RetrievalQuestions.parse(JSON.parse(await Deno.readTextFile(retrievalQuestionsUrl)));
  return {
    dev: dev.map((item) => ({ question: item.question, expectedSlugs: [item.slug] })),
    retrieval: retrieval.map((item) => ({ question: item.question, expectedSlugs: [item.article_slug] })),
  };
}

export interface DevMeasurement {
  dev: RetrievalEvaluation;
  retrieval: RetrievalEvaluation;
}

export async function measureEmbedder(embedder: EmbeddingProvider): Promise<DevMeasurement> {
  const articles = parseSeedArticles(await Deno.readTextFile(seedUrl)).filter((article) => article.isPublished);
  const sets = await devQuestionSets();
  return { dev: await evaluateRetrieval(articles, sets.dev, embedder), retrieval: await evaluateRetrieval(articles, sets.retrieval, embedder) };
}

export function formatDevMeasurement(label: string, measurement: DevMeasurement): string {
  const rates = (evaluation: RetrievalEvaluation) =>
    `vector ${evaluation.vector.hitAt1.toFixed(2)}/${evaluation.vector.hitAt5.toFixed(2)} hybrid ${evaluation.hybrid.hitAt1.toFixed(2)}/${evaluation.hybrid.hitAt5.toFixed(2)}`;
  return `${label}: dev (${measurement.dev.questions}) ${rates(measurement.dev)} | retrieval (${measurement.retrieval.questions}) ${rates(measurement.retrieval)}  [hit@1/hit@5]`;
}
