// Issue 20, point 5: the sign-up page does not tell anyone whether an email already has an account. With email
// confirmations on (Supabase's default on a hosted project), Auth answers a sign-up with a confirmed account's
// email exactly as it answers a new one (a user, no session, no mail: GoTrue's behaviour, which the local Auth now
// shares), and the page shows the same notice for both. Runs the app's real sign-up action against an Auth with
// confirmations on.
import type { ActionFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectConfig } from '../../local/config.ts';
import { authSettings } from '../../local/services/auth/settings.ts';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';
import { anonClient, newEmail, PASSWORD, startSeparateAuth } from '../local/auth/clients.ts';

let auth: Awaited<ReturnType<typeof startSeparateAuth>>;
let signup: typeof import('../../app/routes/signup.tsx');
beforeAll(async () => {
  const email = authSettings(readProjectConfig()).email;
  auth = await startSeparateAuth({ autoconfirm: false, email: { ...email, maxFrequencyMs: 0, sentPerHour: 1000, smtp: { ...email.smtp, port: testStack.SMTP_PORT } } });
  process.env.SUPABASE_URL = auth.url;
  process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
  process.env.SUPABASE_SECRET_KEY = testStack.SUPABASE_SECRET_KEY;
  process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
  process.env.SESSION_COOKIE_SECURE = 'false';
  signup = await import('../../app/routes/signup.tsx');
});
afterAll(() => auth?.stop());

/** Submits the sign-up form; what the page would show (status, field errors, notice), with the address blanked. */
async function signUpThroughThePage(email: string) {
  const request = new Request('http://app.test/signup', {
    method: 'POST',
    body: new URLSearchParams({ fullName: 'Robin Reuse', email, password: 'a-good-password-1' }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const result = (await signup.action({ request, params: {}, context: {} } as unknown as ActionFunctionArgs)) as unknown as {
    data: { fieldErrors: Record<string, string>; formError?: string; notice?: string };
    init: { status?: number } | null;
  };
  return { status: result.init?.status ?? 200, ...result.data, notice: result.data.notice?.replace(email, '<email>') };
}

describe('sign-up with email confirmations on', () => {
  it("answers a confirmed account's email exactly as a new one: the same notice, no field error", async () => {
    const taken = newEmail('taken');
    await anonClient(auth.url).auth.signUp({ email: taken, password: PASSWORD });
    await sql`update auth.users set email_confirmed_at = now() where email = ${taken}`;

    const forTaken = await signUpThroughThePage(taken);
    const forNew = await signUpThroughThePage(newEmail('new'));
    expect(forNew).toEqual({ status: 200, fieldErrors: {}, notice: 'Almost done: we sent a confirmation link to <email>.' });
    expect(forTaken).toEqual(forNew);
  });
});
