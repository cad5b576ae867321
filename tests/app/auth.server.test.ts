// requireUser and the per-request Supabase client, driven with real Requests against the local
// Auth service: role redirects, the login redirect, a forged token, and a session refreshed
// from its cookies (the new cookies come back in `headers` for the loader to return).
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
process.env.SESSION_COOKIE_SECURE = 'false';
const { requireUser } = await import('../../app/lib/server/auth.server.ts');
const { createSupabaseServerClient } = await import('../../app/lib/server/supabase.server.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const APP = 'http://app.test';
const PASSWORD = 'auth-server-test-1';
const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });

/** A browser's cookie jar, fed by the Set-Cookie headers a loader or action returned. */
class CookieJar {
  readonly cookies = new Map<string, string>();
  store(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(separator + 1));
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  request(path: string) {
    return new Request(new URL(path, APP), { headers: { Cookie: this.header() } });
  }
}

async function createUser(role: 'customer' | 'technician' | 'admin') {
  const email = `auth-server-${role}-${randomUUID()}@example.com`;
  const { data, error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: { full_name: `Test ${role}` } });
  if (error) throw error;
  if (role !== 'customer') await sql`update public.profiles set role = ${role} where id = ${data.user.id}`;
  return { id: data.user.id, email };
}

async function signedInJar(email: string) {
  const jar = new CookieJar();
  const { supabase, headers } = createSupabaseServerClient(jar.request('/login'));
  const { error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw error;
  jar.store(headers);
  return jar;
}

async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(outcome instanceof Response)) throw new Error(`expected a thrown Response, got ${String(outcome)}`);
  return outcome;
}

describe('requireUser', () => {
  let customer: { id: string; email: string };
  let technician: { id: string; email: string };
  let customerJar: CookieJar;
  let technicianJar: CookieJar;

  beforeAll(async () => {
    customer = await createUser('customer');
    technician = await createUser('technician');
    customerJar = await signedInJar(customer.email);
    technicianJar = await signedInJar(technician.email);
  });
  afterAll(async () => {
    await closeDatabasePool();
  });

  it('sends a signed-out visitor to /login, remembering the page they asked for', async () => {
    const response = await thrownResponse(requireUser(new Request(`${APP}/desk/tickets?status=open`), { role: 'technician' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('Location')!, APP);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('redirectTo')).toBe('/desk/tickets?status=open');
  });

  it('returns the verified user, role from the user_role claim, and claims that bind RLS', async () => {
    const { user, claims } = await requireUser(customerJar.request('/app'), { role: 'customer' });
    expect(user).toEqual({ id: customer.id, email: customer.email, fullName: 'Test customer', role: 'customer' });
    expect(claims.sub).toBe(customer.id);
    expect(claims.role).toBe('authenticated');

    const staff = await requireUser(technicianJar.request('/desk'), { role: 'technician' });
    expect(staff.user.role).toBe('technician');
  });

  it("redirects a wrong role to the user's own home instead of failing", async () => {
    const customerAtDesk = await thrownResponse(requireUser(customerJar.request('/desk'), { role: 'technician' }));
    expect(customerAtDesk.headers.get('Location')).toBe('/app?pageFor=technician');
    const technicianAtAdmin = await thrownResponse(requireUser(technicianJar.request('/admin'), { role: 'admin' }));
    expect(technicianAtAdmin.headers.get('Location')).toBe('/desk?pageFor=admin');
    const technicianAtApp = await thrownResponse(requireUser(technicianJar.request('/app'), { role: 'customer' }));
    expect(technicianAtApp.headers.get('Location')).toBe('/desk?pageFor=customer');
  });

  it('lets an admin into /admin and, to supervise, into /desk', async () => {
    const adminUser = await createUser('admin');
    const adminJar = await signedInJar(adminUser.email);
    await expect(requireUser(adminJar.request('/admin'), { role: 'admin' })).resolves.toMatchObject({ user: { role: 'admin' } });
    await expect(requireUser(adminJar.request('/desk'), { role: 'technician' })).resolves.toMatchObject({ user: { role: 'admin' } });
    const adminAtApp = await thrownResponse(requireUser(adminJar.request('/app'), { role: 'customer' }));
    expect(adminAtApp.headers.get('Location')).toBe('/admin?pageFor=customer');
  });

  it('treats a tampered access token as signed out', async () => {
    const forged = new CookieJar();
    for (const [name, value] of customerJar.cookies) forged.cookies.set(name, value);
    const [name, value] = [...forged.cookies].find(([cookieName]) => cookieName.includes('auth-token'))!;
    const session = JSON.parse(Buffer.from(value.replace(/^base64-/, ''), 'base64url').toString('utf8')) as { access_token: string };
    const [header, payload, signature] = session.access_token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const raised = Buffer.from(JSON.stringify({ ...claims, user_role: 'admin' })).toString('base64url');
    session.access_token = `${header}.${raised}.${signature}`;
    forged.cookies.clear();
    forged.cookies.set(name.replace(/\.\d+$/, ''), `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`);

    const response = await thrownResponse(requireUser(forged.request('/admin'), { role: 'admin' }));
    expect(new URL(response.headers.get('Location')!, APP).pathname).toBe('/login');
  });

  it('refreshes an expired session from its cookies and hands the new cookies back', async () => {
    const jar = await signedInJar(customer.email);
    const [name, value] = [...jar.cookies].find(([cookieName]) => cookieName.includes('auth-token'))!;
    const session = JSON.parse(Buffer.from(value.replace(/^base64-/, ''), 'base64url').toString('utf8')) as { access_token: string; expires_at: number };
    const oldAccessToken = session.access_token;
    // As if the hour had passed: the stored session says its access token has expired.
    session.expires_at = Math.floor(Date.now() / 1000) - 60;
    jar.cookies.clear();
    jar.cookies.set(name.replace(/\.\d+$/, ''), `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`);

    const { user, headers } = await requireUser(jar.request('/app'), { role: 'customer' });
    expect(user.id).toBe(customer.id);
    const setCookies = headers.getSetCookie();
    expect(setCookies.some((line) => line.includes('auth-token'))).toBe(true);
    jar.store(headers);
    const refreshed = [...jar.cookies].filter(([cookieName]) => cookieName.includes('auth-token')).map(([, v]) => v).join('');
    expect(refreshed).not.toContain(oldAccessToken);
    // A response that sets a session must not be cached for someone else.
    expect(headers.get('Cache-Control')).toContain('no-store');
    await expect(requireUser(jar.request('/app'), { role: 'customer' })).resolves.toMatchObject({ user: { id: customer.id } });
  });
});
