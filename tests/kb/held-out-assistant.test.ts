// The held-out customer questions (tests/fixtures/held-out: customer wording, for MEASURING only — never tune
// synonyms, weights or rules on its items) asked through the real chat function in the default area, as a new
// customer would. Prints how often the expected article is cited, and cited first. The targets are not asserted
// until they are met; the test asserts that every question was answered and that the figures stay above floors set
// a little under the last measurements.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../support/db.ts';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { chat, scoreQuestionsThroughChat } from './chat-client.ts';
import { userWithRole, type TestUser } from './support.ts';

/** Issue 14's targets: share of questions whose expected article is cited, and cited first. */
export const heldOutAssistantTargets = { cited: 0.9, first: 0.75 } as const;
/**
 * Under what was measured with the trained local embedder (decision 0021: 49 and 51 of 82 cited, and first, in two
 * runs). Runs differ by a question or two — approximate (HNSW) search over an index built in the order the worker
 * happened to insert chunks — so the floor leaves three questions of room below the lower run.
 */
export const heldOutAssistantFloors = { cited: 0.55, first: 0.55 } as const;

const heldOut = z.object({
  questions: z.array(z.object({ question: z.string(), expected_article_slug: z.string(), also_acceptable_slugs: z.array(z.string()).optional() })),
  follow_ups: z.array(z.object({ turns: z.array(z.string()).min(2), expected_article_slug: z.string() })),
}).parse(JSON.parse(readFileSync(new URL('../fixtures/held-out/customer-questions.json', import.meta.url), 'utf8')));

describe('held-out customer questions through chat (default area)', () => {
  let customer: TestUser;
  beforeAll(async () => {
    customer = await userWithRole('customer');
    await waitForEmbeddedKnowledgeBase();
  });

  it('answers every question and reports how often the right article is cited, and first', async () => {
    const { answered, cited, first } = await scoreQuestionsThroughChat(customer, heldOut.questions.map((item) => ({
      question: item.question,
      accepted: [item.expected_article_slug, ...(item.also_acceptable_slugs ?? [])],
    })));
    const total = heldOut.questions.length;
    console.log(`HELD-OUT assistant cited ${(cited / total).toFixed(2)} (${cited}/${total}) first ${(first / total).toFixed(2)} (${first}/${total}); targets ${heldOutAssistantTargets.cited} / ${heldOutAssistantTargets.first}`);
    expect(answered).toBe(total);
    expect(cited / total).toBeGreaterThanOrEqual(heldOutAssistantFloors.cited);
    expect(first / total).toBeGreaterThanOrEqual(heldOutAssistantFloors.first);
  }, 600_000);

  it('answers every follow-up in the light of the turn before and reports how often its article is cited', async () => {
    let answered = 0;
    let cited = 0;
    for (const item of heldOut.follow_ups) {
      const [row] = await sql`insert into public.conversations (customer_id, solution_area) values (${customer.id}, 'support') returning id`;
      let done: { citations: Array<{ slug: string }> } | undefined;
      for (const turn of item.turns) {
        const { events } = await chat(customer, { conversation_id: String(row!.id), message: turn });
        done = events.find((event) => event.event === 'done')?.data as typeof done;
      }
      if (!done) continue;
      answered++;
      if (done.citations.some((citation) => citation.slug === item.expected_article_slug)) cited++;
    }
    const total = heldOut.follow_ups.length;
    console.log(`HELD-OUT assistant follow-ups: last turn cites the right article ${(cited / total).toFixed(2)} (${cited}/${total})`);
    expect(answered).toBe(total);
  }, 600_000);
});
