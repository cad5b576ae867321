// Calling the app's route modules as a signed-in person, without a browser: the app's env pointed at the test
// stack, a cookie jar holding the @supabase/ssr session cookies, request builders and a reader for what a loader or
// action returned (a Response, Remix's data(), or a plain value). Import this before any app module.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { sql } from './db.ts';
import { testStack } from './stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
process.env.SESSION_COOKIE_SECURE = 'false';

export const APP = 'http://app.test';

/** The cookies of one signed-in browser. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  store(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }
  }
  get(path: string, headers: Record<string, string> = {}) {
    return new Request(new URL(path, APP), { headers: { Cookie: this.header(), ...headers } });
  }
  post(path: string, fields: Record<string, string> | URLSearchParams, headers: Record<string, string> = {}) {
    return new Request(new URL(path, APP), { method: 'POST', headers: { Cookie: this.header(), ...headers }, body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields) });
  }
  private header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

export interface RouteOutcome {
  status: number;
  body: unknown;
  location: string | null;
}

/** What a loader or action produced — returned or thrown — as { status, body, location }. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<RouteOutcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else if ((thrown as { type?: string })?.type === 'DataWithResponseInit') result = thrown;
    else throw thrown;
  }
  if (result instanceof Response) {
    const text = await result.text().catch(() => '');
    return { status: result.status, body: text, location: result.headers.get('Location') };
  }
  const shaped = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (shaped?.type === 'DataWithResponseInit') return { status: shaped.init?.status ?? 200, body: shaped.data, location: null };
  return { status: 200, body: result, location: null };
}

export type Persona = 'customer' | 'technician' | 'admin';

/** A new account of that role, signed in through the app's own server client; its id and cookie jar. */
export async function signedIn(role: Persona): Promise<{ id: string; email: string; jar: CookieJar }> {
  const { createSupabaseServerClient } = await import('../../app/lib/server/supabase.server.ts');
  const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  const email = `app-${role}-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { full_name: `Test ${role}` } });
  if (error) throw error;
  if (role !== 'customer') await sql`update public.profiles set role = ${role} where id = ${data.user.id}`;
  const jar = new CookieJar();
  const { supabase, headers } = createSupabaseServerClient(jar.get('/login'));
  const signIn = await supabase.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  jar.store(headers);
  return { id: data.user.id, email, jar };
}
