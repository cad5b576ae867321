// Issue 20, point 2: where a sign-in sends the browser. `redirectTo` comes from the query string, so only a path
// on this site may survive; the cases below are the ones browsers resolve to another host (a tab or newline is
// dropped by the URL parser, a backslash reads as a slash) or that would put a control character into a header.
import type { ActionFunctionArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../app/lib/shared/roles.ts';
import { testStack } from '../support/stack.ts';

process.env.SUPABASE_URL = testStack.SUPABASE_URL;
process.env.SUPABASE_ANON_KEY = testStack.SUPABASE_ANON_KEY;
process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
process.env.SESSION_COOKIE_SECURE = 'false';
const login = await import('../../app/routes/login.tsx');

const offSite = [
  '/\t/evil.example/phish',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  ' /app',
  '',
];

describe('safeRedirectPath', () => {
  it.each(offSite)('falls back for %j', (target) => {
    expect(safeRedirectPath(target, '/app')).toBe('/app');
  });

  it('keeps a same-site path with its query and fragment', () => {
    expect(safeRedirectPath('/desk/tickets?status=open#queue', '/desk')).toBe('/desk/tickets?status=open#queue');
    // Still encoded, a tab is just a character of the path: the browser stays on this site.
    expect(safeRedirectPath('/%09/evil.example', '/app')).toBe('/%09/evil.example');
  });

  it('never returns a control character (a CRLF cannot reach the Location header)', () => {
    const resolved = safeRedirectPath('/app\r\nSet-Cookie: stolen=1', '/app');
    expect(resolved).not.toMatch(/[\u0000-\u001f]/);
    expect(resolved.startsWith('/app')).toBe(true);
  });

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(null, '/app')).toBe('/app');
    expect(safeRedirectPath(undefined, '/app')).toBe('/app');
  });
});

describe('the sign-in action', () => {
  async function signIn(redirectTo: string): Promise<Response> {
    const body = new URLSearchParams({ email: 'customer@example.com', password: 'supporthub-demo', redirectTo });
    const request = new Request('http://app.test/login', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    try {
      await login.action({ request, params: {}, context: {} } as unknown as ActionFunctionArgs);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
    throw new Error('the sign-in action did not redirect');
  }

  it('sends a customer home, not to another site, when redirectTo hides a tab', async () => {
    const response = await signIn('/\t/evil.example/phish');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/app');
  });

  it('answers a redirectTo with CRLF with a redirect, not a 500', async () => {
    const response = await signIn('/app/tickets\r\nSet-Cookie: stolen=1');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).not.toMatch(/[\r\n]/);
  });
});
