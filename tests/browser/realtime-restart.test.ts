// Fault test (issue 20): Realtime restarts while a customer has their conversation open. Every socket drops at once
// and, for a few seconds, no client can connect; a message committed in that gap is never delivered live. The page
// must say it is reconnecting, resubscribe by itself, and fetch what it missed (the backfill on each join), and a
// message written after it is back must arrive live again. The restart is the local stack's own
// (`pg_notify('local_realtime_restart', <ms down>)`, local/services/realtime/index.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { appUrl, signUpCustomer } from '../support/journeys.ts';

// Long enough that realtime-js's first reconnect attempts (after 1 s, then 2 s more) meet a refusal.
const OUTAGE_MS = 4_000;

describe('a Realtime restart during a conversation', () => {
  let browser: Browser;
  let page: Page;
  let conversationId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    const { email } = await signUpCustomer(page, 'Restart Customer');
    const [conversation] = await sql<{ id: string }[]>`
      insert into public.conversations (customer_id, title, solution_area)
      select id, 'Noise from the front left wheel', 'maintenance' from public.profiles where email = ${email}
      returning id`;
    conversationId = conversation!.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const liveStatus = () => page.getByTestId('live-status').textContent();
  const shown = (text: string) => page.locator('[data-role="system"]').filter({ hasText: text }).count();
  const writeSystemMessage = (content: string) =>
    sql`insert into public.messages (conversation_id, role, content) values (${conversationId}, 'system', ${content})`;

  it('reconnects by itself, backfills what was written while it was down, and is live again', async () => {
    await page.goto(appUrl(`/app/conversations/${conversationId}`));
    await expect.poll(liveStatus).toBe('Live');

    await sql`select pg_notify('local_realtime_restart', ${String(OUTAGE_MS)})`;
    await expect.poll(liveStatus).toBe('Reconnecting…');
    // Committed while no socket is connected: only the backfill can bring it.
    await writeSystemMessage('Written while Realtime was restarting');

    await expect.poll(liveStatus).toBe('Live');
    await expect.poll(() => shown('Written while Realtime was restarting')).toBe(1);

    // Resubscribed, not just refetched: the next message arrives without a reload.
    await writeSystemMessage('Written after Realtime came back');
    await expect.poll(() => shown('Written after Realtime came back')).toBe(1);
    expect(await shown('Written while Realtime was restarting')).toBe(1);
  });
});
