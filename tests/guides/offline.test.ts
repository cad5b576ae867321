// When the database cannot be reached, the guided-fix server path says so honestly instead of failing: recording a
// step or an outcome answers 503 with "your progress was not saved" (the page keeps the steps on screen, see
// tests/browser/troubleshoot.test.ts), and the session page's loader answers 503 for the boundary's cached fallback.
// This file's app pool points at a port where nothing listens; Auth (which needs no app database connection) is real.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:1/postgres';
process.env.SESSION_COOKIE_SECURE = 'false';
const { createSupabaseServerClient } = await import('../../app/lib/server/supabase.server.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const startRoute = await import('../../app/routes/app.troubleshoot._index.tsx');
const sessionRoute = await import('../../app/routes/app.troubleshoot.$sessionId.tsx');

const APP = 'http://app.test';
const PASSWORD = 'guided-fix-offline-1';
const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** Remix's `data()` result as { status, body }. */
function unwrap(result: unknown): { status: number; body: Record<string, unknown> } {
  const shaped = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  expect(shaped?.type).toBe('DataWithResponseInit');
  return { status: shaped.init?.status ?? 200, body: shaped.data as Record<string, unknown> };
}

describe('guided fix while the database is unreachable', () => {
  let cookie = '';
  const sessionId = randomUUID();
  const post = (path: string, fields: Record<string, string>) => new Request(new URL(path, APP), { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams(fields) });

  beforeAll(async () => {
    const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    const email = `guided-fix-offline-${randomUUID()}@example.com`;
    const { error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    if (error) throw error;
    const { supabase, headers } = createSupabaseServerClient(new Request(new URL('/login', APP)));
    const signIn = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    if (signIn.error) throw signIn.error;
    cookie = headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
  });
  afterAll(async () => {
    await closeDatabasePool();
  });

  it('answers a step with 503 and "your progress was not saved", keeping the answer for the page', async () => {
    const { status, body } = unwrap(await sessionRoute.action(routeArgs(post(`/app/troubleshoot/${sessionId}`, { intent: 'step', stepNumber: '1', answer: 'tried' }), { sessionId })));
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, offline: true, answer: 'tried' });
    expect(String(body['formError'])).toContain('your progress was not saved');
  });

  it('answers an outcome with 503 and the same message', async () => {
    const { status, body } = unwrap(await sessionRoute.action(routeArgs(post(`/app/troubleshoot/${sessionId}`, { intent: 'outcome', outcome: 'not_resolved' }), { sessionId })));
    expect(status).toBe(503);
    expect(String(body['formError'])).toContain('your progress was not saved');
  });

  it('throws a 503 from the session page loader, for the error boundary to show the cached steps', async () => {
    const thrown = await sessionRoute.loader(routeArgs(new Request(new URL(`/app/troubleshoot/${sessionId}`, APP), { headers: { Cookie: cookie } }), { sessionId })).catch((error: unknown) => error);
    expect(unwrap(thrown).status).toBe(503);
  });

  it('tells the customer that no guide could be looked up', async () => {
    const { status, body } = unwrap(await startRoute.action(routeArgs(post('/app/troubleshoot?index', { intent: 'match', description: 'my car will not start', vehicle: '' }))));
    expect(status).toBe(503);
    expect(String(body['formError'])).toContain('cannot reach our servers');
  });
});
