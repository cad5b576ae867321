// Issue 20 point 5 in Chromium against the built app: every document carries a nonce-based CSP that the page's own
// scripts satisfy (the page hydrates and no script is refused), cannot be framed, is not sniffed and sends no
// referrer off-site; a signed-in person's pages and data are never cached; an injected inline script is refused.
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { appUrl, demoLogins, signIn } from '../support/journeys.ts';

describe('security headers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the help centre with a nonce CSP its own scripts satisfy, and refuses an injected script', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(appUrl('/help'));
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    // Served over http here: HSTS would be meaningless and is not sent.
    expect(headers['strict-transport-security']).toBeUndefined();
    // A visitor's public page may be cached.
    expect(headers['cache-control'] ?? '').not.toContain('no-store');

    // Hydrated: client-side navigation works (a link click does not reload the document).
    await page.evaluate(() => Object.assign(window, { cspTestMark: 'same document' }));
    await page.getByRole('searchbox').first().fill('battery');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'battery');
    expect(await page.evaluate(() => (window as unknown as { cspTestMark?: string }).cspTestMark)).toBe('same document');

    // Every inline script Remix wrote carries this response's nonce.
    const inlineWithoutNonce = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].filter((script) => !(script as HTMLScriptElement).nonce).length);
    expect(inlineWithoutNonce).toBe(0);

    expect(refused).toEqual([]); // nothing of the app's own was refused
    // An injected inline script without the nonce does not run.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.cspInjected = true';
      document.body.appendChild(script);
    });
    expect(await page.evaluate(() => (window as unknown as { cspInjected?: boolean }).cspInjected)).toBeUndefined();
    await expect.poll(() => refused.length).toBeGreaterThan(0); // Chromium reports the refusal of the injected one
    await page.close();
  });

  it('marks signed-in pages and their data private, no-store', async () => {
    const page = await browser.newPage();
    await signIn(page, demoLogins.customer.email, demoLogins.customer.password);
    await page.waitForURL((url) => url.pathname === '/app');
    const documentResponse = await page.goto(appUrl('/app'));
    expect(documentResponse!.headers()['cache-control']).toBe('private, no-store');
    const dataResponse = await page.request.get(appUrl('/app.data'));
    expect(dataResponse.status()).toBe(200);
    expect(dataResponse.headers()['cache-control']).toBe('private, no-store');
    expect(dataResponse.headers()['x-content-type-options']).toBe('nosniff');
    await page.close();
  });

  // The app's server (server.ts) refuses both before Remix runs: the script's submission (single fetch, `.data`) and
  // the document POST a form without script makes, which Remix's own check answered with a bare 500.
  it('answers a form posted from another site with a 403 and a plain reason, not a 500, with or without script', async () => {
    for (const path of ['/app/tickets/new.data', '/app/tickets/new', '/login']) {
      const response = await fetch(appUrl(path), {
        method: 'POST',
        headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'subject=x&content=y&email=a%40example.com&password=x',
        redirect: 'manual',
      });
      expect(response.status, path).toBe(403);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(await response.text(), path).toMatch(/sent from another website/);
    }
    // The same form from the app's own origin is not refused: signed out, it is sent to sign in.
    const own = await fetch(appUrl('/app/tickets/new'), {
      method: 'POST',
      headers: { Origin: new URL(appUrl('/')).origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'subject=x&content=y',
      redirect: 'manual',
    });
    expect(own.status).toBe(302);
    expect(own.headers.get('location')).toMatch(/^\/login/);
  });
});
