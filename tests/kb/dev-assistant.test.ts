// The embedder's dev questions (supabase/tools/embedder-training/dev-questions.json: paraphrases written for choosing
// settings, see its PROVENANCE.md) asked through the real chat function in the default area, as the held-out test
// asks its set. Unlike the held-out set, these may be looked at while tuning; the figures are printed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../support/db.ts';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { chat } from './chat-client.ts';
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
    let answered = 0;
    let cited = 0;
    let first = 0;
    for (const item of devQuestions.questions) {
      const [row] = await sql`insert into public.conversations (customer_id, solution_area) values (${customer.id}, 'support') returning id`;
      const { events } = await chat(customer, { conversation_id: String(row!.id), message: item.question });
      const done = events.find((event) => event.event === 'done')?.data as { citations: Array<{ slug: string }> } | undefined;
      if (!done) continue;
      answered++;
      const slugs = done.citations.map((citation) => citation.slug);
      if (slugs.includes(item.slug)) cited++;
      if (slugs[0] === item.slug) first++;
      if (process.env.DEV_ASSISTANT_MISSES && slugs[0] !== item.slug) console.log(`DEV miss: ${item.question} | expected ${item.slug} | cited ${slugs.join(', ')}`);
    }
    const total = devQuestions.questions.length;
    console.log(`DEV assistant cited ${(cited / total).toFixed(2)} (${cited}/${total}) first ${(first / total).toFixed(2)} (${first}/${total})`);
    expect(answered).toBe(total);
  }, 600_000);
});
