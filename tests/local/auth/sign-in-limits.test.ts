// Sign-in limits per client address (issue 20 point 3, decision 0013): with IP address forwarding on, Auth counts a
// request made with the secret key under the address in its Sb-Forwarded-For header, as Supabase Auth does; with any
// other key, or with forwarding off, the header is ignored. Each case runs on an Auth service of its own with
// config.toml's limit of 30 sign-ins per address (the shared test stack lifts it out of reach).
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../../support/db.ts';
import { testStack } from '../../support/stack.ts';
import { adminClient, newEmail, PASSWORD, startSeparateAuth } from './clients.ts';

const LIMIT = 30;
const services: Array<{ stop(): Promise<void> }> = [];
afterAll(() => Promise.all(services.map((service) => service.stop())));

async function authWith(sbForwardedForEnabled: boolean) {
  const service = await startSeparateAuth({ signInRateLimit: { limit: LIMIT, windowMs: 5 * 60_000 }, sbForwardedForEnabled });
  services.push(service);
  return service.url;
}

/** A supabase-js client like the app's sign-in client: an API key plus, optionally, the client's address. */
function clientFrom(url: string, apiKey: string, address?: string) {
  return createClient(url, apiKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: address ? { 'Sb-Forwarded-For': address } : {} },
  });
}

async function confirmedUser(label: string) {
  const email = newEmail(label);
  const { data, error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
  return { email, id: data.user.id };
}

/** Signs in with a wrong password until Auth answers 429; the number of attempts it took (at most `max`). */
async function wrongPasswordsUntilLimited(client: ReturnType<typeof clientFrom>, email: string, max = LIMIT + 5) {
  for (let attempt = 1; attempt <= max; attempt += 1) {
    const { error } = await client.auth.signInWithPassword({ email, password: 'wrong-password' });
    if (error?.status === 429) return attempt;
  }
  return Infinity;
}

describe('sign-in limits per forwarded client address', () => {
  it('30+ wrong passwords from client A (one forwarded address) do not stop client B signing in', async () => {
    const url = await authWith(true);
    const target = await confirmedUser('target');
    const clientB = await confirmedUser('client-b');
    const fromA = clientFrom(url, testStack.SUPABASE_SECRET_KEY, '203.0.113.7');
    expect(await wrongPasswordsUntilLimited(fromA, target.email)).toBe(LIMIT + 1);
    expect((await fromA.auth.signInWithPassword({ email: target.email, password: 'wrong-password' })).error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });

    const fromB = clientFrom(url, testStack.SUPABASE_SECRET_KEY, '198.51.100.9');
    const signIn = await fromB.auth.signInWithPassword({ email: clientB.email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.session?.access_token).toBeTruthy();
    const [session] = await sql<{ ip: string }[]>`select host(ip) as ip from auth.sessions where user_id = ${clientB.id}`;
    expect(session?.ip).toBe('198.51.100.9');
  });

  it('the header is ignored with the anon key: nobody spoofs their way out of their own address\'s limit', async () => {
    const url = await authWith(true);
    const target = await confirmedUser('spoof-target');
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      // A new made-up address on every attempt: with the publishable (anon) key it must make no difference.
      const spoofer = clientFrom(url, testStack.SUPABASE_ANON_KEY, `192.0.2.${attempt}`);
      const { error } = await spoofer.auth.signInWithPassword({ email: target.email, password: 'wrong-password' });
      expect(error?.status).not.toBe(429);
    }
    const { error } = await clientFrom(url, testStack.SUPABASE_ANON_KEY, '192.0.2.250').auth.signInWithPassword({ email: target.email, password: PASSWORD });
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
  });

  /** The status of the last of LIMIT + 1 wrong passwords, each claiming a new forwarded address. */
  async function lastStatusFromChangingAddresses(url: string, apiKey: string, label: string) {
    const target = await confirmedUser(label);
    let status: number | undefined;
    for (let attempt = 1; attempt <= LIMIT + 1; attempt += 1) {
      const client = clientFrom(url, apiKey, `192.0.2.${attempt}`);
      status = (await client.auth.signInWithPassword({ email: target.email, password: 'wrong-password' })).error?.status;
    }
    return status;
  }

  it('the header is ignored with the legacy service-role key too (Supabase trusts it with secret keys only)', async () => {
    expect(await lastStatusFromChangingAddresses(await authWith(true), testStack.SUPABASE_SERVICE_ROLE_KEY, 'legacy-key')).toBe(429);
  });

  it('with IP address forwarding off, even the secret key\'s header is ignored', async () => {
    expect(await lastStatusFromChangingAddresses(await authWith(false), testStack.SUPABASE_SECRET_KEY, 'forwarding-off')).toBe(429);
  });

  it('a forwarded value that is not an IP address falls back to the socket\'s address', async () => {
    const url = await authWith(true);
    const user = await confirmedUser('bad-forwarded');
    const { error } = await clientFrom(url, testStack.SUPABASE_SECRET_KEY, 'not-an-address').auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(error).toBeNull();
    const [session] = await sql<{ ip: string }[]>`select host(ip) as ip from auth.sessions where user_id = ${user.id}`;
    expect(session?.ip).toBe('127.0.0.1');
  });

  it('a wrong secret key is refused by the apikey gate', async () => {
    const { error } = await clientFrom(testStack.SUPABASE_URL, 'sb_secret_not-the-key', '203.0.113.7').auth.signInWithPassword({ email: newEmail(), password: PASSWORD });
    expect(error?.status).toBe(401);
  });
});
