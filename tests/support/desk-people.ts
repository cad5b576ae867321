// People of the browser tests: signing in through the login form (as a person would) and a customer of one run
// only (no sign-in), so a board can be narrowed to their tickets by searching their name.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sql } from './db.ts';
import { testStack } from './stack.ts';

export const DEMO_PASSWORD = 'supporthub-demo';
export const appUrl = (path: string) => new URL(path, testStack.APP_URL).toString();

/** Signs in with the demo password and waits for the page `path` leads to. */
export async function signIn(page: Page, email: string, path: string) {
  await page.goto(appUrl(`/login?redirectTo=${encodeURIComponent(path)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === new URL(path, 'http://x').pathname);
}

/** A customer of this run only, named `name`, with an address `<emailPrefix>-<id>@tests.local`. */
export async function createRunCustomer(name: string, emailPrefix: string): Promise<string> {
  const id = randomUUID();
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (${id}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${`${emailPrefix}-${id.slice(0, 8)}@tests.local`},
      '{"provider":"email","providers":["email"]}', ${sql.json({ full_name: name })}, now(), now())`;
  return id;
}
