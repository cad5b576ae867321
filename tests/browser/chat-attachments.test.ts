// Issue 17 "Done when" (attachments, first part): a customer attaches a photo in the chat; the technician on the
// ticket sees its thumbnail live, without a reload, and opens it; another customer can neither download it nor get
// a link to it; a file over the bucket's limit is refused in the browser before anything is uploaded; a technician
// sends the customer a file and keeps another among the internal notes, which the customer never sees; a voice
// message is recorded (Chromium's fake microphone, tests/support/browser.ts), sent with its length and played back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, demoLogins, hydrated, signIn, signUpCustomer } from '../support/journeys.ts';
import { testStack } from '../support/stack.ts';

// A 2×2 PNG (red, green / blue, white): small, but a real image the browser decodes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=',
  'base64',
);

/** Whether the page shows a decoded thumbnail (an <img> whose image actually loaded). */
const loadedThumbnails = (page: Page) =>
  page.locator('[data-testid="attachment-thumbnail"]').evaluateAll((images) => images.filter((image) => (image as HTMLImageElement).naturalWidth > 0).length);

describe('attachments in the chat', () => {
  let browser: Browser;
  let customer: Page;
  let technician: Page;
  let conversationId: string;
  let ticketId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    customer = await (await browser.newContext()).newPage();
    const { email } = await signUpCustomer(customer, 'Attaching Customer');
    const [conversation] = await sql<{ id: string }[]>`
      insert into public.conversations (customer_id, title, solution_area)
      select id, 'A warning light on the dash', 'maintenance' from public.profiles where email = ${email}
      returning id`;
    conversationId = conversation!.id;
    const [ticket] = await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, content, conversation_id)
      select customer_id, title, 'An orange light came on after the service.', id from public.conversations where id = ${conversationId}
      returning id`;
    ticketId = ticket!.id;
    await sql`update public.conversations set ticket_id = ${ticketId} where id = ${conversationId}`;

    technician = await (await browser.newContext()).newPage();
    await signIn(technician, demoLogins.technician.email, demoLogins.technician.password);
    await technician.waitForURL((url) => url.pathname !== '/login');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a photo with its caption, and the technician sees the thumbnail live and opens it', async () => {
    await technician.goto(appUrl(`/desk/tickets/${ticketId}`));
    await expect.poll(() => technician.getByTestId('live-state').textContent()).toMatch(/live/i);

    await customer.goto(appUrl(`/app/conversations/${conversationId}`));
    await expect.poll(() => customer.getByTestId('live-status').textContent()).toBe('Live');
    await expect.poll(() => customer.getByText('up to 25 MB').count()).toBe(1);
    await customer.getByLabel('Your message').fill('This light came on this morning');
    await customer.getByTestId('attach-input').setInputFiles({ name: 'warning light.png', mimeType: 'image/png', buffer: PNG });

    await expect.poll(() => loadedThumbnails(customer)).toBe(1);
    await expect.poll(() => customer.getByText('This light came on this morning').count()).toBe(1);
    expect(await customer.getByLabel('Your message').inputValue()).toBe('');

    // The technician's page was open all along: the photo arrives live.
    await expect.poll(() => loadedThumbnails(technician)).toBe(1);
    const link = await technician.getByTestId('attachment').getAttribute('href');
    expect(link).toBeTruthy();
    const opened = await technician.request.get(link!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await opened.body()).equals(PNG)).toBe(true);

    const [stored] = await sql<{ type: string; attachment: { path: string; size: number; mime: string; name: string } }[]>`
      select type::text, metadata -> 'attachment' as attachment from public.messages where conversation_id = ${conversationId} and type = 'image'`;
    expect(stored).toMatchObject({ type: 'image', attachment: { name: 'warning light.png', size: PNG.length, mime: 'image/png' } });
    expect(stored!.attachment.path.startsWith(`${conversationId}/`)).toBe(true);

    // Another customer can neither download the file nor get a link to it.
    const intruderPage = await (await browser.newContext()).newPage();
    const intruder = await signUpCustomer(intruderPage, 'Curious Customer');
    await intruderPage.context().close();
    const intruderClient = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    expect((await intruderClient.auth.signInWithPassword(intruder)).error).toBeNull();
    const download = await intruderClient.storage.from('attachments').download(stored!.attachment.path);
    expect(download.data).toBeNull();
    expect(download.error).not.toBeNull();
    const signed = await intruderClient.storage.from('attachments').createSignedUrl(stored!.attachment.path, 60);
    expect(signed.data).toBeNull();
    expect(signed.error).not.toBeNull();
  });

  it('refuses a file over the limit before uploading anything', async () => {
    await customer.goto(appUrl(`/app/conversations/${conversationId}`));
    await customer.getByTestId('attach-input').waitFor({ state: 'attached' });
    const [before] = await sql<{ count: number }[]>`select count(*)::int as count from storage.objects where name like ${`${conversationId}/%`}`;
    await customer.getByTestId('attach-input').setInputFiles({ name: 'dashcam.png', mimeType: 'image/png', buffer: Buffer.alloc(26 * 1024 * 1024, 1) });
    await expect.poll(() => customer.getByTestId('attachment-error').textContent()).toContain('dashcam.png is 26 MB; files can be up to 25 MB');
    const [after] = await sql<{ count: number }[]>`select count(*)::int as count from storage.objects where name like ${`${conversationId}/%`}`;
    expect(after!.count).toBe(before!.count);
  });

  it('lets the technician send the customer a file and keep a staff-only one with the internal notes', async () => {
    const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n%%EOF\n`);
    await technician.goto(appUrl(`/desk/tickets/${ticketId}`));
    await technician.getByRole('button', { name: 'Claim ticket' }).click();
    await technician.getByTestId('attach-reply-input').waitFor({ state: 'attached' });
    await technician.getByTestId('attach-reply-input').setInputFiles({ name: 'quote.pdf', mimeType: 'application/pdf', buffer: pdf('quote') });
    await expect.poll(() => technician.getByTestId('attachment').filter({ hasText: 'quote.pdf' }).count()).toBe(1);
    await technician.getByTestId('attach-note-input').setInputFiles({ name: 'wiring.pdf', mimeType: 'application/pdf', buffer: pdf('wiring') });
    await expect.poll(() => technician.getByTestId('internal-note').filter({ hasText: 'wiring.pdf' }).count()).toBe(1);

    const stored = await sql<{ name: string; internal: boolean; path: string }[]>`
      select metadata -> 'attachment' ->> 'name' as name, is_internal_note as internal, metadata -> 'attachment' ->> 'path' as path
      from public.messages where conversation_id = ${conversationId} and role = 'technician' order by created_at`;
    expect(stored.map(({ name, internal }) => ({ name, internal }))).toEqual([{ name: 'quote.pdf', internal: false }, { name: 'wiring.pdf', internal: true }]);
    expect(stored[1]!.path.startsWith(`${conversationId}/internal/`)).toBe(true);

    await customer.goto(appUrl(`/app/conversations/${conversationId}`));
    await expect.poll(() => customer.getByTestId('attachment').filter({ hasText: 'quote.pdf' }).count()).toBe(1);
    expect(await customer.getByText('wiring.pdf').count()).toBe(0);

    // The work-order sheet lists the customer's photo and draws its thumbnail (read from Storage as the technician).
    const [workOrder] = await sql<{ id: string }[]>`
      insert into public.work_orders (ticket_id, description) values (${ticketId}, 'Check the warning light') returning id`;
    const sheet = await technician.request.get(appUrl(`/desk/work-orders/${workOrder!.id}.pdf`));
    expect(sheet.status()).toBe(200);
    const folder = mkdtempSync(join(tmpdir(), 'sheet-'));
    try {
      const pdfPath = join(folder, 'sheet.pdf');
      writeFileSync(pdfPath, await sheet.body());
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain('Photos');
      expect(text).toContain('warning light.png');
      const images = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(images.some((line) => /\s2\s+2\s/.test(line))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('records a voice message, sends it with its length, and plays it back', async () => {
    await customer.goto(appUrl(`/app/conversations/${conversationId}`));
    await hydrated(customer);
    await customer.getByRole('button', { name: 'Record a voice message' }).click();
    // Recording for at least a second of the recorder's own clock, whatever the machine's load.
    await expect.poll(() => customer.getByTestId('voice-elapsed').textContent()).toMatch(/Recording 0:0[1-9]/);
    await customer.getByRole('button', { name: 'Stop and send' }).click();

    const audio = customer.getByTestId('attachment-audio');
    await expect.poll(() => audio.count()).toBe(1);
    const [stored] = await sql<{ type: string; mime: string; duration: number; size: number }[]>`
      select type::text, metadata -> 'attachment' ->> 'mime' as mime, (metadata -> 'attachment' ->> 'duration_seconds')::float as duration,
        (metadata -> 'attachment' ->> 'size')::int as size
      from public.messages where conversation_id = ${conversationId} and type = 'voice'`;
    expect(stored).toMatchObject({ type: 'voice', mime: 'audio/webm' });
    expect(stored!.duration).toBeGreaterThanOrEqual(1);
    expect(stored!.size).toBeGreaterThan(0);
    expect(await customer.getByText(/Voice message · 0:0[1-9]/).count()).toBe(1);

    // Played back: the browser decodes the stored recording and its clock moves.
    await audio.evaluate((element) => (element as HTMLAudioElement).play());
    await expect.poll(() => audio.evaluate((element) => (element as HTMLAudioElement).currentTime)).toBeGreaterThan(0);
    expect(await audio.evaluate((element) => (element as HTMLAudioElement).error)).toBeNull();
  });
});
