// The embedder's dev questions (supabase/tools/embedder-training/dev-questions.json: paraphrases written for choosing
// settings, see its PROVENANCE.md) asked through the real chat function in the default area, as the held-out test
// asks its set. Unlike the held-out set, these may be looked at while tuning; the figures are printed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { scoreQuestionsThroughChat } from './chat-client.ts';
import { userWithRole, type TestUser } from './support.ts';

const devQuestions = z.object({ questions: z.array(z.object({ question: z.string(), slug: z.string() })) })
  .parse(JSON.parse(readFileSync(new URL('../../supabase/tools/embedder-training/dev-questions.json', import.meta.url), 'utf8')));

describe('dev questions through chat (default area)', () => {
  let customer: TestUser;
  beforeAll(async () => {
    customer = await userWithRole('customer');
    await waitForEmbeddedKnowledgeBase();
  });

  it('answers every dev question and reports how often the right article is cited, and first', async () => {
    const questions = devQuestions.questions.map((item) => ({ question: item.question, accepted: [item.slug] }));
    const { answered, cited, first } = await scoreQuestionsThroughChat(customer, questions, (item, slugs) => {
      if (process.env.DEV_ASSISTANT_MISSES && !item.accepted.includes(slugs[0] ?? '')) console.log(`DEV miss: ${item.question} | expected ${item.accepted[0]} | cited ${slugs.join(', ')}`);
    });
    const total = devQuestions.questions.length;
    console.log(`DEV assistant cited ${(cited / total).toFixed(2)} (${cited}/${total}) first ${(first / total).toFixed(2)} (${first}/${total})`);
    expect(answered).toBe(total);
  }, 600_000);
});
