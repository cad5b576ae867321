// Steps every browser journey shares: where the app is, signing in, signing up a fresh customer.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { linkIn, waitForMail } from './mail.ts';
import { testStack } from './stack.ts';

export const appUrl = (path: string) => new URL(path, testStack.APP_URL).toString();
export const pathOf = (page: Page) => new URL(page.url()).pathname;

/**
 * The page has hydrated (the root marks <html data-hydrated> in an effect): buttons that work by script answer a
 * click now. A click before it is lost, which a loaded machine makes likely.
 */
export const hydrated = (page: Page) => page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });

/** Demo accounts from supabase/seed.sql (local passwords only). */
export const demoLogins = {
  customer: { email: 'customer@example.com', password: 'supporthub-demo', name: 'Casey Customer' },
  technician: { email: 'tech@example.com', password: 'supporthub-demo', name: 'Taylor Technician' },
  admin: { email: 'admin@example.com', password: 'supporthub-demo', name: 'Alex Admin' },
} as const;

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(appUrl('/login'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs up a new customer (so tests never share one) as a person does: the form, then the confirmation link in the
 * mail (the project confirms addresses), which signs them in; waits for their home page.
 */
export async function signUpCustomer(page: Page, fullName = 'Casey Customer'): Promise<{ email: string; password: string }> {
  const email = `customer-${randomUUID()}@example.com`;
  const password = 'a-good-password-1';
  await page.goto(appUrl('/signup'));
  await page.getByLabel('Full name').fill(fullName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(`we sent a confirmation link to ${email}`).waitFor();
  await page.goto(linkIn(await waitForMail(email), '/auth/confirm').toString());
  await page.waitForURL((url) => url.pathname === '/app');
  return { email, password };
}
