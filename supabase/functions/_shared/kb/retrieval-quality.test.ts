// Issue 7's retrieval quality check, in memory: the seeded KB articles and the labelled questions, ranked by the
// local embedder, by full text, and by their RRF fusion. Prints hit@1 / hit@5 for each; hybrid hit@5 must be
// at least 0.85. The SQL function is measured the same way once it exists.
import assert from 'node:assert/strict';
import { z } from 'npm:zod@4';
import { LocalEmbedder } from '../ai/embeddings.ts';
import { evaluateRetrieval, type HitRates } from './retrieval-evaluation.ts';
import { parseSeedArticles } from './testing/seed-sql-articles.ts';

const repositoryRoot = new URL('../../../../', import.meta.url);
const seedUrl = new URL('supabase/seeds/10-content.sql', repositoryRoot);
const questionsUrl = new URL('tests/fixtures/retrieval-questions.json', repositoryRoot);

const slugOrSlugs = z.union([z.string(), z.array(z.string()).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));
const LabelledQuestion = z.union([
  z.object({ question: z.string().min(1), expected_slug: slugOrSlugs }).transform((item) => ({ question: item.question, expectedSlugs: item.expected_slug })),
  z.object({ question: z.string().min(1), expected_slugs: slugOrSlugs }).transform((item) => ({ question: item.question, expectedSlugs: item.expected_slugs })),
  z.object({ question: z.string().min(1), slug: slugOrSlugs }).transform((item) => ({ question: item.question, expectedSlugs: item.slug })),
  z.object({ question: z.string().min(1), article_slug: slugOrSlugs }).transform((item) => ({ question: item.question, expectedSlugs: item.article_slug })),
]);
const QuestionsFile = z.union([z.array(LabelledQuestion), z.object({ questions: z.array(LabelledQuestion) }).transform((file) => file.questions)]);

const format = (rates: HitRates) => `hit@1 ${rates.hitAt1.toFixed(2)}  hit@5 ${rates.hitAt5.toFixed(2)}`;

Deno.test('retrieval quality on the seeded KB: local embedder, full text and RRF hybrid (hybrid hit@5 ≥ 0.85)', async () => {
  // Customers search published articles only, and the questions are about those.
  const articles = parseSeedArticles(await Deno.readTextFile(seedUrl)).filter((article) => article.isPublished);
  const questions = QuestionsFile.parse(JSON.parse(await Deno.readTextFile(questionsUrl)));
  assert.ok(articles.length >= 10, `expected the seeded KB articles, parsed ${articles.length}`);
  assert.ok(questions.length >= 60, `expected ≥ 60 labelled questions, got ${questions.length}`);
  const knownSlugs = new Set(articles.map((article) => article.slug));
  const unknown = questions.flatMap((question) => question.expectedSlugs).filter((slug) => !knownSlugs.has(slug));
  assert.deepEqual(unknown, [], 'every expected article exists in the seed');

  const result = await evaluateRetrieval(articles, questions, new LocalEmbedder());
  console.log(`retrieval quality (${result.questions} questions, ${articles.length} articles, ${result.chunks} chunks):`);
  console.log(`  local embedder  ${format(result.vector)}`);
  console.log(`  full text       ${format(result.fullText)}`);
  console.log(`  hybrid (RRF)    ${format(result.hybrid)}`);
  for (const miss of result.hybridMisses) console.log(`  hybrid miss: "${miss.question}" expected ${miss.expected.join('|')}, got ${miss.got.join(', ')}`);
  assert.ok(result.hybrid.hitAt5 >= 0.85, `hybrid hit@5 ${result.hybrid.hitAt5.toFixed(3)} < 0.85`);
});

Deno.test('hybrid ranking puts the article first when its exact title is the query', async () => {
  const articles = parseSeedArticles(await Deno.readTextFile(seedUrl)).filter((article) => article.isPublished);
  const titleQuestions = articles.map((article) => ({ question: article.title, expectedSlugs: [article.slug] }));
  const result = await evaluateRetrieval(articles, titleQuestions, new LocalEmbedder());
  console.log(`exact-title queries: hybrid hit@1 ${result.hybrid.hitAt1.toFixed(2)} (n=${titleQuestions.length})`);
  assert.equal(result.hybrid.hitAt1, 1, `titles not ranked first: ${JSON.stringify(result.hybridMisses)}`);
});
