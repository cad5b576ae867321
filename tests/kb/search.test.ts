// kb-search through the gateway with supabase-js: published articles only for visitors and customers (in search
// results too, though the unpublished article's chunks exist), staff see drafts, an exact title ranks its article
// first, and every search is logged.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../support/db.ts';
import { anonClient, createArticle, embedUntilDone, localEmbeddingModel, serviceClient, uniqueWord, userWithRole, type TestUser } from './support.ts';

const searchResponse = z.object({
  model: z.string(),
  retrieval_log_id: z.number(),
  results: z.array(z.object({ article_id: z.string(), slug: z.string(), title: z.string(), url: z.string(), excerpt: z.string(), scores: z.object({ fused: z.number() }) })),
});

async function search(client: ReturnType<typeof anonClient>, body: Record<string, unknown>) {
  const { data, error } = await client.functions.invoke('kb-search', { body });
  if (error) throw new Error(`kb-search failed: ${error.message}`);
  return searchResponse.parse(data);
}

describe('kb-search', () => {
  const word = uniqueWord('gizmo');
  let publishedId: string;
  let draftId: string;
  let customer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    publishedId = await createArticle({ title: `Resetting the ${word} module`, content: `Hold the ${word} reset button for ten seconds until the light blinks twice.` });
    draftId = await createArticle({ title: `Recalling the ${word} module (draft)`, content: `Unreleased: the ${word} recall procedure for dealers only.`, isPublished: false });
    await embedUntilDone(publishedId);
    await embedUntilDone(draftId);
    [customer, admin] = await Promise.all([userWithRole('customer'), userWithRole('admin')]);
  });

  it('visitors and customers find the published article but never the draft, whose chunks exist', async () => {
    expect((await sql`select count(*)::int as n from public.kb_chunks where article_id = ${draftId}`)[0]!.n).toBeGreaterThan(0);
    for (const client of [anonClient(), customer.client]) {
      const { results } = await search(client, { query: `${word} module` });
      const ids = results.map((result) => result.article_id);
      expect(ids).toContain(publishedId);
      expect(ids).not.toContain(draftId);
    }
  });

  it('search_kb itself hides the draft from anon and customers, and shows it to staff', async () => {
    const zeroVector = `[${new Array(384).fill(0).join(',')}]`;
    const found = async (role: string, claims: Record<string, unknown>) => sql.begin(async (tx) => {
      await tx`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify({ role, ...claims })}, true)`;
      const rows = await tx`select article_id::text from public.search_kb(${`${word} recall`}, ${zeroVector}::extensions.vector, ${localEmbeddingModel}, 20)`;
      return rows.map((row) => String(row.article_id));
    });
    expect(await found('anon', {})).not.toContain(draftId);
    expect(await found('authenticated', { sub: customer.id, user_role: 'customer' })).not.toContain(draftId);
    expect(await found('authenticated', { sub: admin.id, user_role: 'admin' })).toContain(draftId);
  });

  it('staff searching through the function see drafts too', async () => {
    const { results } = await search(admin.client, { query: `${word} recall` });
    expect(results.map((result) => result.article_id)).toContain(draftId);
  });

  it('an exact article title ranks that article first, for every published seeded article', async () => {
    const articles = await sql`select id::text, title from public.kb_articles where is_published and slug not like 'kb-test-%' order by slug`;
    expect(articles.length).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    for (const article of articles) {
      const { results } = await search(anonClient(), { query: article.title, match_count: 3 });
      if (results[0]?.article_id !== article.id) misses.push(`${article.title} → ${results[0]?.title}`);
    }
    expect(misses).toEqual([]);
    // One search per seeded article in a row: generous on a loaded box, as every test here must be.
  }, 180_000);

  it('logs every search: query, source type, article ids and scores, and the signed-in user', async () => {
    const query = `${word} reset button`;
    const response = await search(customer.client, { query, match_count: 5 });
    const [log] = await sql`select * from public.retrieval_logs where id = ${response.retrieval_log_id}`;
    expect(log).toMatchObject({ query_text: query, source_type: 'kb_article', user_id: customer.id });
    expect(log!.result_ids).toEqual(response.results.map((result) => result.article_id));
    expect(log!.scores).toHaveLength(response.results.length);
  });

  it("logs a conversation id only for the caller's own conversation", async () => {
    const other = await userWithRole('customer');
    const [own] = await sql`insert into public.conversations (customer_id, title) values (${customer.id}, 'Mine') returning id`;
    const [foreign] = await sql`insert into public.conversations (customer_id, title) values (${other.id}, 'Not mine') returning id`;
    const mine = await search(customer.client, { query: `${word} reset`, conversation_id: own!.id });
    const theirs = await search(customer.client, { query: `${word} reset`, conversation_id: foreign!.id });
    const logs = await sql`select id, conversation_id from public.retrieval_logs where id in (${mine.retrieval_log_id}, ${theirs.retrieval_log_id}) order by id`;
    expect(logs.map((log) => log.conversation_id)).toEqual([own!.id, null]);
  });

  it('filters by solution area keep generic articles and drop other areas', async () => {
    const areaWord = uniqueWord('area');
    const maintenance = await createArticle({ title: `${areaWord} maintenance note`, content: `${areaWord} torque values.`, solutionArea: 'maintenance' });
    const manufacturing = await createArticle({ title: `${areaWord} manufacturing note`, content: `${areaWord} line settings.`, solutionArea: 'manufacturing' });
    await embedUntilDone(maintenance);
    await embedUntilDone(manufacturing);
    const { results } = await search(anonClient(), { query: `${areaWord} note`, solution_area: 'maintenance' });
    const ids = results.map((result) => result.article_id);
    expect(ids).toContain(maintenance);
    expect(ids).not.toContain(manufacturing);
  });

  it('answers bad input with a 400 that names the field, and refuses the service role (RLS must apply)', async () => {
    const empty = await anonClient().functions.invoke('kb-search', { body: { query: '   ' } });
    expect((empty.error as { context?: Response }).context?.status).toBe(400);
    expect(await (empty.error as { context: Response }).context.json()).toMatchObject({ error: { message: 'query: Type something to search for.' } });
    const service = await serviceClient().functions.invoke('kb-search', { body: { query: 'battery' } });
    expect((service.error as { context?: Response }).context?.status).toBe(403);
  });
});
