import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { testStack } from '../support/stack.ts';

describe('home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the landing page with its way in', async () => {
    const page = await browser.newPage();
    const response = await page.goto(testStack.APP_URL);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toContain('Support Hub');
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
  });
});
