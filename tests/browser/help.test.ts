// The public help centre and the admin knowledge base in Chromium (issues 7 and 14): a visitor without an account
// browses a topic, searches /help (misspelt too), reads an article, votes on it and hands a question to the
// assistant; drafts are a friendly 404; an admin writes and publishes an article on /admin/kb and watches its embedding status turn to embedded without reloading; customers cannot open /admin/kb.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, pathOf, signIn } from '../support/journeys.ts';

/** The embed worker is woken by pg_net right after a save, and by pg_cron every minute as a fallback. */
const EMBEDDED_WITHIN_MS = 75_000;

/** Signs in as one of the demo accounts and waits to leave the login page. */
async function signInAsDemo(page: Page, email: string) {
  await signIn(page, email, demoLogins.admin.password);
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function waitUntilEmbedded(slug: string) {
  for (const started = Date.now(); Date.now() - started < EMBEDDED_WITHIN_MS; ) {
    const [row] = await sql<[{ state: string }?]>`
      select status.state from public.kb_embedding_status status join public.kb_articles article on article.id = status.article_id
      where article.slug = ${slug}`;
    if (row?.state === 'embedded') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${slug} was not embedded within ${EMBEDDED_WITHIN_MS} ms`);
}

/** Marks the document; a reload or a full navigation would lose the mark. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { helpTestMark: 'still the same document' }));
}
const documentMark = (page: Page) => page.evaluate(() => (window as unknown as { helpTestMark?: string }).helpTestMark);

describe('help centre and admin knowledge base', () => {
  let browser: Browser;

  /**
   * Opens an article as a visitor never seen before (a browser of its own: the database counts visitors by address
   * and browser, and limits each to 20 articles a day) and answers "Was this helpful?", waiting for the thanks.
   */
  async function voteAsNewVisitor(slug: string, answer: 'Yes' | 'No') {
    const context = await browser.newContext({ userAgent: `help-test-visitor-${randomUUID()}` });
    const page = await context.newPage();
    await page.goto(appUrl(`/help/${slug}`));
    const vote = page.getByRole('region', { name: 'Was this helpful?' });
    await vote.getByRole('button', { name: answer }).click();
    await vote.getByTestId('helpful-thanks').waitFor({ timeout: 20_000 });
    return { context, page, vote };
  }
  const createdSlugs: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (createdSlugs.length > 0) await sql`delete from public.kb_articles where slug = any(${createdSlugs})`;
  });

  it('lets a visitor without an account browse a topic, search /help (typos too) and open an article with related ones', async () => {
    // Related articles read embedded chunks; on a fresh stack the worker may still be embedding the seeded articles.
    await waitUntilEmbedded('battery-drains-overnight');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl('/'));
    await page.getByRole('link', { name: 'Help centre' }).click();
    await page.waitForURL((url) => url.pathname === '/help');
    await page.getByRole('heading', { level: 1, name: 'Help centre' }).waitFor();

    // Browsing: one card per solution area and category; a card leads to that topic's articles only.
    const topics = page.getByRole('list', { name: 'Topics' });
    await topics.waitFor();
    expect(await page.getByTestId('help-topic-card').count()).toBeGreaterThan(1);
    await topics.locator('a[href="/help?area=maintenance&category=automotive"]').click();
    await page.waitForURL((url) => url.searchParams.get('area') === 'maintenance' && url.searchParams.get('category') === 'automotive');
    const topic = page.getByRole('region', { name: 'Maintenance: Automotive' });
    await topic.waitFor();
    const [{ inTopic }] = await sql<[{ inTopic: number }]>`
      select count(*)::int as "inTopic" from public.kb_articles
      where is_published and solution_area = 'maintenance' and category = 'automotive'`;
    await expect(topic.getByRole('listitem').count()).resolves.toBe(inTopic);
    expect(await topic.getByRole('link', { name: /going flat overnight/i }).count()).toBe(1);
    await topic.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Help centre' }).click();
    await page.waitForURL((url) => url.pathname === '/help' && url.search === '');
    await topics.waitFor();

    // A misspelt word still finds the article, first.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('batery');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'batery');
    const typoResults = page.getByRole('region', { name: /articles? for “batery”/ });
    await typoResults.waitFor();
    await expect(typoResults.getByRole('listitem').first().getByRole('link').textContent()).resolves.toMatch(/going flat overnight/i);

    await page.getByRole('searchbox', { name: 'Search articles' }).fill('battery dies overnight');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'battery dies overnight');
    const results = page.getByRole('region', { name: /articles? for “battery dies overnight”/ });
    await results.waitFor();
    await results.getByRole('link', { name: /going flat overnight/i }).first().click();
    await page.waitForURL((url) => url.pathname === '/help/battery-drains-overnight');
    await page.getByRole('heading', { level: 1, name: /going flat overnight/i }).waitFor();
    expect(await page.locator('.markdown h2, .markdown p').count()).toBeGreaterThan(0);
    const related = page.getByRole('complementary', { name: 'Related articles' });
    expect(await related.getByRole('link').count()).toBeGreaterThan(1);

    // No results: a message, a way back and "Still need help?".
    await page.goto(appUrl('/help?q=zzqxwv'));
    await expect(page.getByRole('heading', { name: /No articles match/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('region', { name: 'Still need help?' }).waitFor();
    await context.close();
  });

  it('records a visitor\'s "Was this helpful?" vote and comment on an article', async () => {
    const slug = 'battery-drains-overnight';
    const votesOnArticle = async () => {
      const [row] = await sql<[{ votes: number; helpful: boolean | null; comment: string | null }]>`
        select count(*)::int as votes, bool_and(vote.helpful) as helpful, max(vote.comment) as comment
        from public.kb_article_votes vote join public.kb_articles article on article.id = vote.article_id
        where article.slug = ${slug} and vote.visitor_hash is not null`;
      return row;
    };
    const before = await votesOnArticle();
    const { context, vote } = await voteAsNewVisitor(slug, 'Yes');
    await expect(vote.getByTestId('helpful-thanks').textContent()).resolves.toMatch(/glad it helped/);
    await expect(votesOnArticle().then((row) => row.votes)).resolves.toBe(before.votes + 1);

    // The same visitor adds a comment: the vote is changed, not counted twice.
    const comment = `Clear steps ${randomUUID().slice(0, 8)}`;
    await vote.getByLabel(/Anything we could add/).fill(comment);
    await vote.getByRole('button', { name: 'Send comment' }).click();
    for (let tries = 0; tries < 300 && (await votesOnArticle()).comment !== comment; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await votesOnArticle();
    expect(after.votes).toBe(before.votes + 1);
    expect(after.comment).toBe(comment);
    await context.close();
  });

  it('shows the admin each article\'s helpful share and votes, and the searches that found nothing, on /admin/kb', async () => {
    const slug = 'battery-drains-overnight';
    const gapWord = `qqgap${randomUUID().replace(/[^a-z]/g, '').slice(0, 10)}`;
    const { context: visitor, page: visitorPage } = await voteAsNewVisitor(slug, 'No');
    await visitorPage.goto(appUrl(`/help?q=${gapWord}`));
    await visitorPage.getByRole('heading', { name: /No articles match/ }).waitFor();
    await visitor.close();

    const [figures] = await sql<[{ votes: number; helpful: number }]>`
      select count(*)::int as votes, count(*) filter (where vote.helpful)::int as helpful
      from public.kb_article_votes vote join public.kb_articles article on article.id = vote.article_id where article.slug = ${slug}`;
    expect(figures.votes).toBeGreaterThan(0);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, 'admin@example.com');
    await page.goto(appUrl('/admin/kb'));
    const helpful = page.locator(`[data-testid="kb-article-row"][data-slug="${slug}"] [data-testid="kb-helpful"]`);
    await helpful.waitFor();
    const shown = await helpful.textContent();
    expect(shown).toContain(`${Math.round((figures.helpful / figures.votes) * 100)} % helpful`);
    expect(shown).toContain(figures.votes === 1 ? '1 vote' : `${figures.votes} votes`);
    const gaps = page.getByRole('region', { name: 'Searches that found nothing' });
    await gaps.locator(`[data-testid="kb-search-gap"][data-query="${gapWord}"]`).waitFor();
    await context.close();
  });

  it('hands "Still need help?" to the assistant with the question filled in, through the login', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl('/help?q=battery%20flat%20every%20morning'));
    await page.getByRole('region', { name: 'Still need help?' }).getByRole('link', { name: 'Ask the assistant' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Email').fill(demoLogins.customer.email);
    await page.getByLabel('Password').fill(demoLogins.customer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/app');
    await expect(page.getByLabel('Your question').inputValue()).resolves.toBe('battery flat every morning');
    await context.close();
  });

  it('answers a draft or unknown article with a friendly 404, even for a visitor who guesses its slug', async () => {
    const slug = `help-test-draft-${randomUUID().slice(0, 8)}`;
    createdSlugs.push(slug);
    await sql`insert into public.kb_articles (slug, title, content, category) values (${slug}, 'Secret draft', 'Not yet.', 'product')`;
    const page = await browser.newPage();
    const response = await page.goto(appUrl(`/help/${slug}`));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We couldn’t find that article');
    expect(await page.getByText('Secret draft').count()).toBe(0);
    await page.close();
  });

  it('lets the admin create and publish an article and watch it become embedded without a reload', async () => {
    const word = `zephyrine${randomUUID().replace(/[^a-z]/g, '').slice(0, 8)}`;
    const title = `How to reset the ${word} module`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, 'admin@example.com');
    await page.goto(appUrl('/admin/kb'));
    await page.getByRole('link', { name: 'New article' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/kb/new');

    // A field error first: no title.
    await page.getByLabel('New category (optional)').fill('product');
    await page.getByRole('button', { name: 'Save article' }).click();
    await expect(page.locator('#field-title-error').textContent()).resolves.toBe('Enter a title.');

    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Article (markdown)').fill(`# Resetting\n\nHold the **${word}** button for ten seconds.\n\n## Afterwards\n\n- Check the light\n- Try again`);
    await page.getByRole('button', { name: 'Show preview' }).click();
    await expect(page.getByTestId('preview').locator('strong').textContent()).resolves.toBe(word);
    await page.getByRole('checkbox', { name: /Published/ }).check();
    await page.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL((url) => /^\/admin\/kb\/[0-9a-f-]{36}$/.test(url.pathname));
    const slug = `how-to-reset-the-${word}-module`;
    createdSlugs.push(slug);

    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await markDocument(page);
    await page.locator('[data-testid="embedding-status"][data-state="embedded"]').waitFor({ timeout: EMBEDDED_WITHIN_MS });
    await expect(page.getByTestId('embedding-status').textContent()).resolves.toMatch(/Embedded\d+ chunks? · /);
    await expect(documentMark(page)).resolves.toBe('still the same document');

    // Published: a visitor finds it by search.
    const visitor = await browser.newPage();
    await visitor.goto(appUrl(`/help?q=${word}`));
    await visitor.getByRole('link', { name: title }).click();
    await visitor.waitForURL((url) => url.pathname === `/help/${slug}`);
    await visitor.close();
    await context.close();
  });

  it('shows an article written elsewhere (Studio) appear on /admin/kb and turn embedded, live', async () => {
    const slug = `help-test-studio-${randomUUID().slice(0, 8)}`;
    createdSlugs.push(slug);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, 'admin@example.com');
    await page.goto(appUrl('/admin/kb'));
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await markDocument(page);

    await sql`insert into public.kb_articles (slug, title, content, category, is_published)
      values (${slug}, 'Written in Studio', '# Studio\n\nAn article written straight into the table.', 'product', true)`;
    const row = page.locator(`[data-testid="kb-article-row"][data-slug="${slug}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('[data-testid="embedding-status"][data-state="embedded"]').waitFor({ timeout: EMBEDDED_WITHIN_MS });
    await expect(documentMark(page)).resolves.toBe('still the same document');

    // Unpublish and delete (with confirmation) from the list.
    await row.getByRole('button', { name: 'Unpublish Written in Studio' }).click();
    await row.getByRole('button', { name: 'Publish Written in Studio' }).waitFor();
    await row.getByRole('button', { name: 'Delete Written in Studio' }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await row.waitFor({ state: 'detached' });
    const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from public.kb_articles where slug = ${slug}`;
    expect(count).toBe(0);
    await context.close();
  });

  it('sends a customer who opens /admin/kb back to their own area', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, 'customer@example.com');
    await page.goto(appUrl('/admin/kb'));
    expect(pathOf(page)).toBe('/app');
    expect(await page.getByRole('heading', { name: 'Knowledge base' }).count()).toBe(0);
    await context.close();
  });
});
