// Issue 20 point 3, through the app's own sign-in action (decision 0013): the action passes the client's address,
// taken from X-Forwarded-For as the trusted proxy left it, to Auth with the secret key; and after repeated wrong
// passwords for one account the page shows the password verification hook's refusal, while another account from
// the same address still signs in.
import type { ActionFunctionArgs } from '@remix-run/node';
import { createClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.SUPABASE_SECRET_KEY = testStack.SUPABASE_SECRET_KEY;
// One proxy in front of the app, as on a typical host: it appends the address it saw to X-Forwarded-For.
process.env.TRUSTED_PROXY_HOPS = '1';
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
process.env.SESSION_COOKIE_SECURE = 'false';
const login = await import('../../app/routes/login.tsx');
const { clientAddress } = await import('../../app/lib/server/supabase.server.ts');

const PASSWORD = `pw-${randomUUID()}`;

async function account(label: string) {
  const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  const email = `limits-${label}-${randomUUID().slice(0, 8)}@example.com`;
  const { data, error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
  return { email, id: data.user.id };
}

/** Submits the sign-in form as a browser behind the proxy would: { status, formError } or the redirect. */
async function signIn(email: string, password: string, forwardedFor: string) {
  const request = new Request('http://app.test/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password, redirectTo: '' }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': forwardedFor },
  });
  try {
    const result = (await login.action({ request, params: {}, context: {} } as unknown as ActionFunctionArgs)) as unknown as {
      data: { formError?: string };
      init: { status: number };
    };
    return { status: result.init.status, formError: result.data.formError, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, formError: undefined, location: thrown.headers.get('Location') };
    throw thrown;
  }
}

const sessionAddresses = (userId: string) => sql<{ ip: string }[]>`select host(ip) as ip from auth.sessions where user_id = ${userId} order by created_at`;

describe('the client address the app passes to Auth', () => {
  it('is the entry the trusted proxy appended, not what the client wrote before it', () => {
    const request = (forwardedFor?: string) => new Request('http://app.test/login', { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
    expect(clientAddress(request('6.6.6.6, 198.51.100.23'), 1)).toBe('198.51.100.23');
    expect(clientAddress(request('198.51.100.23, 10.0.0.2'), 2)).toBe('198.51.100.23');
    expect(clientAddress(request('2001:db8::7'), 1)).toBe('2001:db8::7');
    expect(clientAddress(request('198.51.100.23'), 0)).toBeUndefined();
    // Reached directly, the client is the connection's peer, whatever it wrote into the header.
    expect(clientAddress(request('6.6.6.6'), 0, { clientAddress: '198.51.100.9' })).toBe('198.51.100.9');
    expect(clientAddress(request(), 0, { clientAddress: '::ffff:198.51.100.9' })).toBe('198.51.100.9');
    expect(clientAddress(request(), 0, { clientAddress: '2001:db8::9' })).toBe('2001:db8::9');
    expect(clientAddress(request(), 1, { clientAddress: '10.0.0.2' })).toBeUndefined();
    expect(clientAddress(request(), 1)).toBeUndefined();
    expect(clientAddress(request('198.51.100.23'), 2)).toBeUndefined();
    expect(clientAddress(request('6.6.6.6, not-an-ip'), 1)).toBeUndefined();
  });

  it('reaches Auth: the session is recorded under the forwarded client address', async () => {
    const person = await account('address');
    const outcome = await signIn(person.email, PASSWORD, '6.6.6.6, 198.51.100.23');
    expect(outcome.status).toBe(302);
    expect(await sessionAddresses(person.id)).toEqual([{ ip: '198.51.100.23' }]);
  });
});

describe('the per-account limit (password verification hook)', () => {
  it('after 5 wrong passwords for one email, the right password is refused with the hook\'s message; another account from the same address signs in', async () => {
    const victim = await account('victim');
    const neighbour = await account('neighbour');
    const attacker = '203.0.113.66';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const outcome = await signIn(victim.email, 'wrong-password', attacker);
      expect(outcome).toMatchObject({ status: 400, formError: 'That email and password do not match an account. Check them and try again.' });
    }

    const refused = await signIn(victim.email, PASSWORD, attacker);
    expect(refused.status).toBe(400);
    expect(refused.formError).toBe('Too many wrong passwords for this account. Sign-in is paused for up to 15 minutes; please try again later.');
    // Also from another address: the limit belongs to the account.
    expect((await signIn(victim.email, PASSWORD, '198.51.100.40')).formError).toMatch(/^Too many wrong passwords/);
    expect(await sessionAddresses(victim.id)).toEqual([]);

    const neighbourSignIn = await signIn(neighbour.email, PASSWORD, attacker);
    expect(neighbourSignIn).toMatchObject({ status: 302, location: '/app' });

    // The pause ends once the failures are 15 minutes old (moved back in SQL instead of waiting).
    await sql`update private.password_failed_attempts set attempted_at = attempted_at - interval '16 minutes' where user_id = ${victim.id}`;
    expect(await signIn(victim.email, PASSWORD, attacker)).toMatchObject({ status: 302, location: '/app' });
  });
});
