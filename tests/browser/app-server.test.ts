// The app's own server (server.ts, decision 0031) against the built app: with no proxy in front, the sign-in
// counts under the address the person connected from, not under the app server's own address (issue 20 point 3,
// decision 0013). The client connects from another loopback address than the app (127.0.0.7), so the two differ.
import { createClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';
import { appUrl } from '../support/journeys.ts';

/** POSTs a form to the app from a chosen local address; the status and Location of the answer. */
function postFrom(localAddress: string, path: string, fields: Record<string, string>): Promise<{ status: number; location: string | undefined }> {
  const url = new URL(appUrl(path));
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe("the app's server", () => {
  it('passes the connection\'s own address to Auth when no proxy is in front: the session is recorded under it', async () => {
    const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    const email = `peer-${randomUUID().slice(0, 8)}@example.com`;
    const password = `pw-${randomUUID()}`;
    const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
    if (error) throw error;

    const outcome = await postFrom('127.0.0.7', '/login', { email, password, redirectTo: '' });
    expect(outcome.status).toBe(302);
    const sessions = await sql<{ ip: string }[]>`select host(ip) as ip from auth.sessions where user_id = ${data.user.id}`;
    expect(sessions).toEqual([{ ip: '127.0.0.7' }]);
  });
});
