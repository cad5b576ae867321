// Accounts end to end in Chromium: sign-up, sign-out, sign-in per role, role guards, and a
// session that survives a reload (issue 3, "Remix app shell").
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { appUrl, demoLogins, pathOf, signIn, signUpCustomer } from '../support/journeys.ts';

const TECHNICIAN = demoLogins.technician;

describe('accounts in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up a customer, signs out, then signs in as the technician and lands on /desk', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    await signUpCustomer(page);
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('Casey Customer');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Customer');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(appUrl('/app'));
    expect(pathOf(page)).toBe('/login');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/app');

    await signIn(page, TECHNICIAN.email, TECHNICIAN.password);
    await page.waitForURL((url) => url.pathname === '/desk');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Technician');
    await context.close();
  });

  it('sends a customer who opens /desk to /app, and keeps the session across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page);

    await page.goto(appUrl('/desk'));
    expect(pathOf(page)).toBe('/app');

    await page.reload();
    expect(pathOf(page)).toBe('/app');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('Casey Customer');
    await context.close();
  });

  it('shows a wrong password as a form error, and a missing field next to the field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, TECHNICIAN.email, 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('do not match');
    expect(pathOf(page)).toBe('/login');

    // Without the browser's own checks, the server's validation answers next to the field.
    await page.goto(appUrl('/signup'));
    await page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByLabel('Full name').fill('Short Password');
    await page.getByLabel('Email').fill(`short-${randomUUID()}@example.com`);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator('#field-password-error').textContent()).resolves.toContain('at least 8');
    await expect.poll(() => password.evaluate((input) => input === document.activeElement)).toBe(true);
    await context.close();
  });

  it('after five wrong passwords for one account, the login page says that account is paused (decision 0013)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { email, password } = await signUpCustomer(page, 'Paused Person');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, email, `wrong-${attempt}`);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('do not match');
    }
    await signIn(page, email, password);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Too many wrong passwords for this account');
    expect(pathOf(page)).toBe('/login');
    await context.close();
  });

  it('lets a customer change their name and password on /account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { email } = await signUpCustomer(page);

    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByLabel('Full name').fill('Casey Renamed');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe('Casey Renamed');

    await page.getByLabel('New password', { exact: true }).fill('another-password-2');
    await page.getByLabel('Repeat new password').fill('does-not-match');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByLabel('Repeat new password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('New password', { exact: true }).fill('another-password-2');
    await page.getByLabel('Repeat new password').fill('another-password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('password was changed');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, email, 'another-password-2');
    await page.waitForURL((url) => url.pathname === '/app');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('Casey Renamed');
    await context.close();
  });
});
