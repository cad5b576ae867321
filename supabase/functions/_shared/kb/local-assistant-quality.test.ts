// How the local extractive assistant does on the seeded KB: for each labelled question, the three best chunks by
// full text are its passages. Prints how often it answers with confidence (instead of handing off) and how often
// those confident answers cite the expected article; off-topic questions must hand off.
import assert from 'node:assert/strict';
import { collectAnswer, handOffConfidenceThreshold, LocalExtractiveChatProvider } from '../ai/chat.ts';
import { chunkMarkdown } from './chunking.ts';
import { InMemoryFullTextIndex } from './in-memory-full-text.ts';
import { parseSeedArticles } from './testing/seed-sql-articles.ts';

const repositoryRoot = new URL('../../../../', import.meta.url);

Deno.test('local assistant on the seeded KB: confident answers cite the right article; off-topic questions hand off', async () => {
  const articles = parseSeedArticles(await Deno.readTextFile(new URL('supabase/seeds/10-content.sql', repositoryRoot))).filter((article) => article.isPublished);
  const questions: Array<{ question: string; article_slug: string }> = JSON.parse(await Deno.readTextFile(new URL('tests/fixtures/retrieval-questions.json', repositoryRoot)));
  const chunks = (await Promise.all(articles.map(async (article) =>
    (await chunkMarkdown(article.body, { title: article.title })).map((chunk) => ({ ...chunk, slug: article.slug, title: article.title }))
  ))).flat();
  const index = new InMemoryFullTextIndex(chunks.map((chunk, id) => ({ id, title: chunk.title, body: chunk.content })));
  const assistant = new LocalExtractiveChatProvider();
  const answer = async (question: string) => {
    const passages = index.search(question, 3).map(({ id }) => ({ slug: chunks[id].slug, title: chunks[id].title, text: chunks[id].content }));
    return (await collectAnswer(assistant.streamAnswer({ instructions: '', question, passages }))).summary;
  };

  let confident = 0;
  let confidentAndCorrect = 0;
  for (const { question, article_slug } of questions) {
    const summary = await answer(question);
    if (summary.confidence < handOffConfidenceThreshold) continue;
    confident++;
    if (summary.citations.some((citation) => citation.slug === article_slug)) confidentAndCorrect++;
  }
  const answeredRate = confident / questions.length;
  const precision = confident === 0 ? 0 : confidentAndCorrect / confident;
  console.log(`local assistant: answers ${confident}/${questions.length} (${answeredRate.toFixed(2)}) confidently, ${precision.toFixed(2)} of them cite the expected article; the rest are offered a technician`);
  assert.ok(answeredRate >= 0.35, `answers only ${answeredRate.toFixed(2)} of questions`);
  assert.ok(precision >= 0.9, `only ${precision.toFixed(2)} of confident answers cite the expected article`);

  for (const offTopic of ['what is the meaning of life', 'can you recommend a good restaurant nearby', 'who won the football match yesterday']) {
    assert.ok((await answer(offTopic)).confidence < handOffConfidenceThreshold, `"${offTopic}" should hand off`);
  }
});
