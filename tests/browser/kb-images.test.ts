// Issue 17: an admin adds an image to a help article from the editor; the article's markdown links it by its public
// URL and a visitor of /help sees it. A file that is not an image is refused before any upload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, signIn } from '../support/journeys.ts';

// A 2×2 PNG the browser decodes (tests/browser/chat-attachments.test.ts has the same one).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=', 'base64');

describe('images in help articles', () => {
  let browser: Browser;
  let admin: Page;
  let article: { id: string; slug: string; content: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const [row] = await sql<Array<{ id: string; slug: string; content: string }>>`
      insert into public.kb_articles (slug, title, content, category, is_published)
      values (${`brake-pad-wear-${Date.now()}`}, 'How to see brake pad wear', 'Look through the wheel spokes at the pad.', 'maintenance', true)
      returning id, slug, content`;
    article = row!;
    admin = await (await browser.newContext()).newPage();
    await signIn(admin, demoLogins.admin.email, demoLogins.admin.password);
    await admin.waitForURL((url) => url.pathname !== '/login');
  });
  afterAll(async () => {
    await sql`delete from public.kb_articles where id = ${article.id}`;
    await browser?.close();
  });

  it('uploads an image into the article, and the help centre shows it', async () => {
    await admin.goto(appUrl(`/admin/kb/${article.id}`));
    await admin.getByText('Photos, up to 5 MB').waitFor();
    await admin.getByTestId('kb-image-input').setInputFiles({ name: 'pad wear.png', mimeType: 'image/png', buffer: PNG });
    const content = admin.getByLabel('Article (markdown)');
    await expect.poll(() => content.inputValue()).toMatch(/!\[pad wear\]\(http[^)]+\/storage\/v1\/object\/public\/kb-images\/articles\/[^)]+\/pad-wear\.png\)/);
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await sql<{ content: string }[]>`select content from public.kb_articles where id = ${article.id}`)[0]!.content).toContain('![pad wear](');

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(appUrl(`/help/${article.slug}`));
    const image = visitor.locator('.markdown img[alt="pad wear"]');
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth)).toBe(2);
    await visitor.context().close();
  });

  it('refuses a file that is not an image before uploading it', async () => {
    await admin.goto(appUrl(`/admin/kb/${article.id}`));
    await admin.getByTestId('kb-image-input').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => admin.getByTestId('kb-image-error').textContent()).toContain('notes.pdf is not a kind of file we accept');
  });
});
