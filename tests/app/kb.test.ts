// The help centre's loaders (run as anon: a Request without a session) and the admin KB's model functions (run
// through withRls as an admin or a customer) against the test stack; the markdown renderer and the article form's
// schema without it.
import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
process.env.SESSION_COOKIE_SECURE = 'false';
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const { renderMarkdown, markdownExcerpt } = await import('../../app/lib/server/markdown.server.ts');
const { articleFormSchema, slugFromTitle } = await import('../../app/lib/shared/kb-article-schema.ts');
const kb = await import('../../app/models/kb.server.ts');
const helpFeedback = await import('../../app/models/help-feedback.server.ts');
const helpIndex = await import('../../app/routes/help._index.tsx');
const helpArticle = await import('../../app/routes/help.$slug.tsx');
const adminKb = await import('../../app/routes/admin.kb._index.tsx');

const APP = 'http://app.test';
const loaderArgs = (path: string, params: Record<string, string> = {}) =>
  ({ request: new Request(new URL(path, APP)), params, context: {} }) as unknown as LoaderFunctionArgs;

/** What a Remix `data(...)` result carries. */
const payloadOf = <T>(result: unknown) => (result as { data: T }).data;

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error('expected a thrown Response');
}

const word = `quillwort${randomUUID().replace(/[^a-z]/g, '').slice(0, 8)}`;
const publishedSlug = `kb-app-test-${randomUUID().slice(0, 8)}`;
const draftSlug = `kb-app-test-draft-${randomUUID().slice(0, 8)}`;
const adminId = randomUUID();
const customerId = randomUUID();
const adminClaims = { sub: adminId, role: 'authenticated' as const, user_role: 'admin' };
const customerClaims = { sub: customerId, role: 'authenticated' as const, user_role: 'customer' };
const createdIds: string[] = [];

describe('help centre loaders (anonymous)', () => {
  beforeAll(async () => {
    const rows = await sql<{ id: string }[]>`
      insert into public.kb_articles (slug, title, content, category, is_published) values
        (${publishedSlug}, ${`Replacing the ${word} filter`}, ${`Intro about the ${word}.\n\n## Steps\n\n1. Open it\n2. Swap it`}, 'product', true),
        (${draftSlug}, ${`Draft about the ${word} valve`}, ${`Secret ${word} text.`}, 'product', false)
      returning id`;
    createdIds.push(...rows.map((row) => row.id));
    // Search reads chunks, which the embed worker writes; give these two articles chunks the way it would.
    await sql`
      insert into public.kb_chunks (article_id, chunk_index, content, article_title)
      select article.id, 0, article.content, article.title from public.kb_articles article where article.id = any(${createdIds})`;
  });

  afterAll(async () => {
    await sql`delete from public.kb_articles where id = any(${createdIds})`;
    await closeDatabasePool();
  });

  it('shows published articles as topic cards per area and category, each a filtered list, never drafts', async () => {
    const { view, topics } = payloadOf<{ view: string; topics: Array<{ areaSlug: string | null; areaName: string; category: string; articleCount: number }> }>(
      await helpIndex.loader(loaderArgs('/help')),
    );
    expect(view).toBe('topics');
    const general = topics.find((topic) => topic.areaSlug === null && topic.category === 'product');
    expect(general?.areaName).toBe('General');
    const [{ count }] = await sql<[{ count: number }]>`
      select count(*)::int as count from public.kb_articles where is_published and solution_area is null and category = 'product'`;
    expect(general?.articleCount).toBe(count);

    const topic = payloadOf<{ view: string; results: Array<{ slug: string; solutionArea: string | null; category: string }> }>(
      await helpIndex.loader(loaderArgs('/help?area=general&category=product')),
    );
    expect(topic.view).toBe('topic');
    expect(topic.results.map((article) => article.slug)).toContain(publishedSlug);
    expect(topic.results.map((article) => article.slug)).not.toContain(draftSlug);
    expect(topic.results.every((article) => article.solutionArea === null && article.category === 'product')).toBe(true);

    const unknown = await thrownBy(helpIndex.loader(loaderArgs('/help?area=no-such-area&category=product')));
    expect(unknown.status).toBe(404);
  });

  it('refuses a malformed "Was this helpful?" vote with a 400 and an unknown article with a 404, storing nothing', async () => {
    const vote = (slug: string, form: Record<string, string>) =>
      helpArticle.action({
        request: new Request(new URL(`/help/${slug}`, APP), { method: 'POST', body: new URLSearchParams(form) }),
        params: { slug },
        context: {},
      } as never);
    const votes = async () => (await sql<[{ n: number }]>`
      select count(*)::int as n from public.kb_article_votes where article_id = any(${createdIds})`)[0].n;
    const before = await votes();
    const malformed = (await vote(publishedSlug, { intent: 'vote', helpful: 'maybe' })) as unknown as { init: { status: number }; data: { formError: string } };
    expect(malformed.init.status).toBe(400);
    expect(malformed.data.formError).toBe('Choose yes or no.');
    const draft = (await vote(draftSlug, { intent: 'vote', helpful: 'yes' })) as unknown as { init: { status: number }; data: { formError: string } };
    expect(draft.init.status).toBeGreaterThanOrEqual(400);
    expect(draft.init.status).toBeLessThan(500);
    expect((await thrownBy(vote('../etc', { intent: 'vote', helpful: 'yes' }) as Promise<unknown>)).status).toBe(404);
    expect(await votes()).toBe(before);
  });

  it('searches published articles only, and answers no results with an empty list', async () => {
    const found = payloadOf<{ query: string; results: Array<{ slug: string; excerpt: string }> }>(await helpIndex.loader(loaderArgs(`/help?q=${word}`)));
    expect(found.query).toBe(word);
    expect(found.results.map((result) => result.slug)).toEqual([publishedSlug]);
    expect(found.results[0]?.excerpt).toContain(word);
    const none = payloadOf<{ results: unknown[] }>(await helpIndex.loader(loaderArgs('/help?q=zzqxwvnothing')));
    expect(none.results).toEqual([]);
  });

  it('renders a published article and answers a draft, an unknown or a malformed slug with 404', async () => {
    const shown = payloadOf<{ article: { title: string; html: string } }>(await helpArticle.loader(loaderArgs(`/help/${publishedSlug}`, { slug: publishedSlug })));
    expect(shown.article.title).toContain(word);
    expect(shown.article.html).toContain('<h2>Steps</h2>');
    expect(shown.article.html).toContain('<ol>');
    for (const slug of [draftSlug, 'no-such-article', '../etc']) {
      const response = await thrownBy(helpArticle.loader(loaderArgs(`/help/${slug}`, { slug })));
      expect(response.status).toBe(404);
    }
  });

  it('sends a visitor who opens /admin/kb to sign in', async () => {
    const response = await thrownBy(adminKb.loader(loaderArgs('/admin/kb')));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Fkb');
  });
});

describe('admin knowledge-base model (through withRls)', () => {
  const input = (overrides: Partial<Parameters<typeof kb.createArticle>[0]['input']> = {}) => ({
    title: `Admin ${word}`,
    slug: `kb-app-admin-${randomUUID().slice(0, 8)}`,
    category: 'product',
    solutionArea: null,
    vehicleContext: null,
    tags: ['one'],
    content: 'First body.',
    isPublished: false,
    ...overrides,
  });
  const openJobs = async (articleId: string) =>
    (await sql<{ count: number }[]>`select count(*)::int as count from private.jobs where kind = 'embed' and payload = ${sql.json({ article_id: articleId })}`)[0]!.count;

  beforeAll(async () => {
    await sql`insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at) values
      (${adminId}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`kb-app-admin-${adminId}@example.com`}, '{}', '{}', now(), now()),
      (${customerId}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`kb-app-customer-${customerId}@example.com`}, '{}', '{}', now(), now())`;
    await sql`update public.profiles set role = 'admin' where id = ${adminId}`;
  });

  afterAll(async () => {
    await sql`delete from public.kb_articles where id = any(${createdIds})`;
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${adminId}, ${customerId})`);
  });

  it('shows the admin "Was this helpful?" figures and the searches that found nothing, and refuses them to a customer', async () => {
    const article = input({ isPublished: true });
    const id = await kb.createArticle({ claims: adminClaims, input: article });
    createdIds.push(id);
    await helpFeedback.voteOnArticle({ claims: customerClaims, slug: article.slug, helpful: false, comment: 'Missing a step', visitor: 'kb-app-test' });
    const gapWord = `qqgap${randomUUID().replace(/[^a-z]/g, '').slice(0, 10)}`;
    expect(await kb.searchPublishedArticles({ claims: customerClaims, query: gapWord })).toEqual([]);

    const { articles, gaps } = await helpFeedback.getHelpCentreFeedback({ claims: adminClaims, gapCount: 500 });
    expect(articles.find((figures) => figures.articleId === id)).toMatchObject({
      helpfulVotes: 0, unhelpfulVotes: 1, helpfulShare: 0, commentCount: 1, recentComments: ['Missing a step'],
    });
    expect(gaps.map((gap) => gap.query)).toContain(gapWord);
    await expect(helpFeedback.getHelpCentreFeedback({ claims: customerClaims })).rejects.toThrow(/Only admins/);
  });

  it('creates an article as the admin (author set), queued for embedding, and lists it with its status', async () => {
    const article = input();
    const id = await kb.createArticle({ claims: adminClaims, input: article });
    createdIds.push(id);
    const [row] = await sql<{ author_id: string }[]>`select author_id from public.kb_articles where id = ${id}`;
    expect(row).toEqual({ author_id: adminId });
    expect(await openJobs(id), 'an embed job was queued by the trigger').toBe(1);
    // The embed worker is live on the test stack, so "pending" may already be over: list by the state it settles in.
    const embeddingState = async () =>
      (await sql<{ state: string }[]>`select state::text from public.kb_embedding_status where article_id = ${id}`)[0]?.state;
    for (const deadline = Date.now() + 45_000; (await embeddingState()) !== 'embedded' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await embeddingState()).toBe('embedded');
    const listed = await kb.listArticlesForAdmin({ claims: adminClaims, filters: { query: article.slug, published: false, state: 'embedded' } });
    expect(listed.map((summary) => [summary.id, summary.embedding.state])).toEqual([[id, 'embedded']]);
    expect(await kb.listArticlesForAdmin({ claims: adminClaims, filters: { query: article.slug, state: 'pending' } })).toEqual([]);
    const filteredOut = await kb.listArticlesForAdmin({ claims: adminClaims, filters: { query: article.slug, published: true } });
    expect(filteredOut).toEqual([]);
  }, 60_000);

  it('re-queues embedding only when the title or body changed, and publishes / unpublishes', async () => {
    const article = input();
    const id = await kb.createArticle({ claims: adminClaims, input: article });
    createdIds.push(id);
    await sql`update private.jobs set status = 'completed' where kind = 'embed' and payload = ${sql.json({ article_id: id })}`;
    expect(await kb.updateArticle({ claims: adminClaims, id, input: { ...article, tags: ['two'], isPublished: true } })).toBe(true);
    expect(await openJobs(id)).toBe(1);
    expect(await kb.updateArticle({ claims: adminClaims, id, input: { ...article, content: 'Second body.' } })).toBe(true);
    expect(await openJobs(id)).toBe(2);
    expect(await kb.setArticlePublished({ claims: adminClaims, id, isPublished: true })).toBe(true);
    expect((await kb.getArticleForAdmin({ claims: adminClaims, id }))?.isPublished).toBe(true);
  });

  it('turns a taken slug and an unknown solution area into field errors', async () => {
    const article = input();
    createdIds.push(await kb.createArticle({ claims: adminClaims, input: article }));
    await expect(kb.createArticle({ claims: adminClaims, input: input({ slug: article.slug }) })).rejects.toMatchObject({ field: 'slug' });
    await expect(kb.createArticle({ claims: adminClaims, input: input({ solutionArea: 'no-such-area' }) })).rejects.toMatchObject({ field: 'solutionArea' });
  });

  it('refuses a customer every write (RLS), and deletes as the admin', async () => {
    const id = await kb.createArticle({ claims: adminClaims, input: input() });
    createdIds.push(id);
    await expect(kb.createArticle({ claims: customerClaims, input: input() })).rejects.toThrow(/row-level security/);
    expect(await kb.setArticlePublished({ claims: customerClaims, id, isPublished: true })).toBe(false);
    expect(await kb.deleteArticle({ claims: customerClaims, id })).toBe(false);
    expect(await kb.listArticlesForAdmin({ claims: customerClaims, filters: { state: 'pending' } })).toEqual([]);
    expect(await kb.deleteArticle({ claims: adminClaims, id })).toBe(true);
    expect(await kb.getArticleForAdmin({ claims: adminClaims, id })).toBeNull();
  });
});

describe('markdown rendering', () => {
  it('keeps markdown structure, GFM tables and safe links', () => {
    const html = renderMarkdown('## Title\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[site](/help/x) [out](https://example.com)');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="/help/x">site</a>');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">out</a>');
  });

  it('removes scripts, event handlers, styles and javascript: links', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script><img src="https://e.com/x.png" onerror="alert(2)"> <span style="color:red">s</span>\n\n[x](javascript:alert(3))');
    expect(html).not.toMatch(/script|onerror|style=|javascript:/i);
    expect(html).toContain('<img src="https://e.com/x.png" />');
  });

  it('makes plain-text excerpts', () => {
    expect(markdownExcerpt('# Heading\n\nSome **bold** & <b>html</b>.')).toBe('Heading Some bold & html.');
    expect(markdownExcerpt('word '.repeat(100), 20)).toBe('word word word word…');
  });
});

describe('article form schema', () => {
  const form = (fields: Record<string, string>) => articleFormSchema.safeParse({ title: 'Reset your Password!', category: 'account', content: 'Body', ...fields });

  it('derives the slug from the title when none is given, and parses tags and the checkbox', () => {
    const parsed = form({ tags: 'Login, login ,password', isPublished: 'on' });
    expect(parsed.success && parsed.data).toEqual({
      title: 'Reset your Password!', slug: 'reset-your-password', category: 'account', solutionArea: null, vehicleContext: null,
      tags: ['login', 'password'], content: 'Body', isPublished: true,
    });
    expect(slugFromTitle('Crème brûlée — 2 ways')).toBe('creme-brulee-2-ways');
  });

  it('reports each bad field', () => {
    const parsed = form({ title: ' ', slug: 'Bad Slug', content: '' });
    expect(parsed.success).toBe(false);
    const fields = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['title', 'slug', 'content']));
    const noSlug = form({ title: '???' });
    expect(noSlug.success ? null : noSlug.error.issues.map((issue) => [issue.path[0], issue.message])).toEqual([['slug', 'Enter a slug: the title has no letters or digits to make one from.']]);
  });
});
