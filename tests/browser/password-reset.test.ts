// A customer who forgot their password resets it from the login page, following the link in the mail (read from
// the catcher's Mailpit API), and signs in with the new one.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, newEmail } from '../local/auth/clients.ts';
import { launchBrowser } from '../support/browser.ts';
import { appUrl, pathOf, signIn } from '../support/journeys.ts';
import { linkIn, waitForMail } from '../support/mail.ts';

describe('forgotten password', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a customer asks for a link on the login page, follows it, chooses a new password and signs in with it', async () => {
    const email = newEmail('forgetful');
    const { error } = await adminClient().auth.admin.createUser({ email, password: 'the-old-password', email_confirm: true, user_metadata: { full_name: 'Fran Forgetful' } });
    expect(error).toBeNull();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl('/login'));
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL((url) => url.pathname === '/forgot-password');

    // A malformed address is refused next to the field.
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByLabel('Email').evaluate((input: HTMLInputElement) => input.form?.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.locator('#field-email-error').textContent()).resolves.toContain('valid email address');

    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('we have sent it a link');

    const link = linkIn(await waitForMail(email), '/auth/confirm');
    await page.goto(link.toString());
    await page.waitForURL((url) => url.pathname === '/reset-password');

    // Two different passwords are refused with the reason next to the second field.
    await page.getByLabel('New password', { exact: true }).fill('a-new-password-2');
    await page.getByLabel('Repeat new password').fill('a-new-password-3');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.locator('#field-confirmPassword-error').textContent()).resolves.toContain('do not match');

    await page.getByLabel('New password', { exact: true }).fill('a-new-password-2');
    await page.getByLabel('Repeat new password').fill('a-new-password-2');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL((url) => url.pathname === '/app');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, email, 'a-new-password-2');
    await page.waitForURL((url) => url.pathname === '/app');

    // The link worked once: opening it again asks for a new one.
    await page.goto(link.toString());
    await page.waitForURL((url) => url.pathname === '/forgot-password');
    expect(pathOf(page)).toBe('/forgot-password');
    await expect(page.locator('.form-error').textContent()).resolves.toContain('expired or was already used');
    await context.close();
  });
});
