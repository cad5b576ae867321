// In-memory retrieval quality measurement: chunk the articles, rank chunks by the local embedder (cosine) and by
// full text, fuse with RRF, and count how often the expected article is first (hit@1) or in the top five (hit@5).
// The SQL function ranks chunks the same way; articles are judged by their best chunk.
import { cosineSimilarity, type EmbeddingProvider } from '../ai/embeddings.ts';
import { chunkMarkdown } from './chunking.ts';
import { InMemoryFullTextIndex } from './in-memory-full-text.ts';
import { reciprocalRankFusion } from './rank.ts';

export interface EvaluationArticle {
  slug: string;
  title: string;
  body: string;
}

export interface EvaluationQuestion {
  question: string;
  /** Slugs that count as a correct answer (usually one). */
  expectedSlugs: string[];
}

export interface HitRates {
  hitAt1: number;
  hitAt5: number;
}

export interface RetrievalEvaluation {
  questions: number;
  chunks: number;
  vector: HitRates;
  fullText: HitRates;
  hybrid: HitRates;
  /** Questions whose expected article the hybrid ranking missed from its top five, for tuning. */
  hybridMisses: Array<{ question: string; expected: string[]; got: string[] }>;
}

/** How many ranked chunks each side hands to the fusion, like the SQL function's match_count. */
const candidatesPerSide = 50;

function distinctArticles(chunkRanking: ReadonlyArray<{ slug: string }>): string[] {
  return [...new Set(chunkRanking.map((chunk) => chunk.slug))];
}

export async function evaluateRetrieval(
  articles: readonly EvaluationArticle[],
  questions: readonly EvaluationQuestion[],
  embedder: EmbeddingProvider,
): Promise<RetrievalEvaluation> {
  const chunks = (await Promise.all(articles.map(async (article) => {
    const articleChunks = await chunkMarkdown(article.body, { title: article.title });
    return articleChunks.map((chunk) => ({ ...chunk, slug: article.slug, title: article.title }));
  }))).flat();
  const chunkVectors = await embedder.embed(chunks.map((chunk) => chunk.embeddingInput));
  const fullText = new InMemoryFullTextIndex(chunks.map((chunk, index) => ({
    id: index,
    title: chunk.title,
    body: `${chunk.headingPath.slice(1).join(' ')}\n${chunk.content}`,
  })));

  const tallies = { vector: [0, 0], fullText: [0, 0], hybrid: [0, 0] };
  const hybridMisses: RetrievalEvaluation['hybridMisses'] = [];
  const questionVectors = await embedder.embed(questions.map((question) => question.question));
  questions.forEach((question, questionIndex) => {
    const byVector = chunkVectors
      .map((vector, index) => ({ index, similarity: cosineSimilarity(questionVectors[questionIndex], vector) }))
      .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
      .slice(0, candidatesPerSide)
      .map((entry) => entry.index);
    const byFullText = fullText.search(question.question, candidatesPerSide).map((entry) => entry.id);
    const byHybrid = reciprocalRankFusion([byVector, byFullText]).map((entry) => entry.id);
    const rankings = {
      vector: distinctArticles(byVector.map((index) => chunks[index])),
      fullText: distinctArticles(byFullText.map((index) => chunks[index])),
      hybrid: distinctArticles(byHybrid.map((index) => chunks[index])),
    };
    for (const method of ['vector', 'fullText', 'hybrid'] as const) {
      const ranking = rankings[method];
      if (question.expectedSlugs.includes(ranking[0])) tallies[method][0]++;
      if (ranking.slice(0, 5).some((slug) => question.expectedSlugs.includes(slug))) tallies[method][1]++;
    }
    if (!rankings.hybrid.slice(0, 5).some((slug) => question.expectedSlugs.includes(slug))) {
      hybridMisses.push({ question: question.question, expected: question.expectedSlugs, got: rankings.hybrid.slice(0, 5) });
    }
  });
  const rates = ([at1, at5]: number[]): HitRates => ({ hitAt1: at1 / questions.length, hitAt5: at5 / questions.length });
  return {
    questions: questions.length,
    chunks: chunks.length,
    vector: rates(tallies.vector),
    fullText: rates(tallies.fullText),
    hybrid: rates(tallies.hybrid),
    hybridMisses,
  };
}
