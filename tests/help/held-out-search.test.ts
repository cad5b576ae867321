// The help centre's search (public.search_help through the app's model, as a visitor) measured on the held-out
// customer questions (tests/fixtures/held-out/customer-questions.json: customer wording, written apart from the
// articles; for MEASURING only — nothing in search_help or its vocabulary was tuned by looking at them). Prints how
// often the right article is first and how often it is listed at all, so the figure is seen on every run, and holds
// it to issue 14's targets. The search is lexical and deterministic, so the figure does not vary from run to run.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const { anonClaims, closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const { searchPublishedArticles } = await import('../../app/models/kb.server.ts');

const heldOut = z
  .object({
    questions: z.array(z.object({ question: z.string().min(1), expected_article_slug: z.string(), also_acceptable_slugs: z.array(z.string()).optional() })).min(60),
  })
  .parse(JSON.parse(readFileSync(new URL('../fixtures/held-out/customer-questions.json', import.meta.url), 'utf8')));

afterAll(() => closeDatabasePool());

describe('help-centre search on the held-out customer questions', () => {
  it('prints how often the right article is first and listed, for every question', async () => {
    const expectedSlugs = [...new Set(heldOut.questions.flatMap((item) => [item.expected_article_slug, ...(item.also_acceptable_slugs ?? [])]))];
    const published = await sql<{ slug: string }[]>`select slug from public.kb_articles where is_published and slug = any(${expectedSlugs})`;
    // A question whose article is not published cannot be found: that would measure the seed, not the search.
    expect(published.map((row) => row.slug).sort()).toEqual([...expectedSlugs].sort());

    let first = 0;
    let listed = 0;
    for (const item of heldOut.questions) {
      const results = (await searchPublishedArticles({ claims: anonClaims, query: item.question })).map((article) => article.slug);
      const right = new Set([item.expected_article_slug, ...(item.also_acceptable_slugs ?? [])]);
      if (results[0] !== undefined && right.has(results[0])) first += 1;
      if (results.some((slug) => right.has(slug))) listed += 1;
    }
    const total = heldOut.questions.length;
    const share = (count: number) => (count / total).toFixed(3);
    console.log(`HELD-OUT help-search questions=${total} right-article-first=${share(first)} (${first}) right-article-listed=${share(listed)} (${listed})`);
    // Issue 14's targets for the assistant, held to the help-centre search as well: listed for 90 %, first for 75 %.
    expect(listed / total).toBeGreaterThanOrEqual(0.9);
    expect(first / total).toBeGreaterThanOrEqual(0.75);
  }, 300_000);
});
