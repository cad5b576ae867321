// supabase-js clients for the Auth suites: against the test stack, or against a separate
// Auth service built here with overrides (a tiny rate limit, a throw-away hook).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { readProjectConfig } from '../../../local/config.ts';
import { createAuthService } from '../../../local/services/auth/index.ts';
import type { AuthSettingsOverrides } from '../../../local/services/auth/settings.ts';
import { startGateway } from '../../../local/services/gateway.ts';
import { loadStackKeys } from '../../../local/services/keys.ts';
import { testStack } from '../../support/stack.ts';

export const PASSWORD = 'correct-horse-battery';

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } } as const;

export function anonClient(url = testStack.SUPABASE_URL, options: Parameters<typeof createClient>[2] = {}) {
  return createClient(url, testStack.SUPABASE_ANON_KEY, { ...options, auth: { ...clientOptions.auth, ...options?.auth } });
}

export function adminClient(url = testStack.SUPABASE_URL) {
  return createClient(url, testStack.SUPABASE_SERVICE_ROLE_KEY, clientOptions);
}

export function newEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * A fresh confirmed user and a client signed in as them. Made through the admin API: with email confirmations on
 * (the project's setting) a sign-up has no session until its link is followed.
 */
export async function signedInUser(url = testStack.SUPABASE_URL) {
  const email = newEmail();
  const created = await adminClient(url).auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (created.error) throw created.error;
  const client = anonClient(url);
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session || !data.user) throw error ?? new Error('sign-in returned no session');
  return { email, client, session: data.session, user: data.user };
}

/** An Auth service of its own on a free port, with settings overridden; same database and keys. */
export async function startSeparateAuth(givenOverrides: AuthSettingsOverrides) {
  // Confirmations off unless a test turns them on: these services test one feature each (a hook, a limit), and a
  // sign-up that signs in at once keeps that feature in view. The project's own setting (on) is the test stack's.
  const overrides: AuthSettingsOverrides = { autoconfirm: true, ...givenOverrides };
  const keys = await loadStackKeys(testStack.SUPPORT_HUB_STATE_DIR);
  const config = readProjectConfig();
  const service = createAuthService({ keys, dbUrl: testStack.SUPABASE_DB_URL, config, apiUrl: 'http://127.0.0.1:0', overrides, localSmtp: { host: '127.0.0.1', port: testStack.SMTP_PORT } });
  const gateway = await startGateway(0, [service]);
  const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  return { url, stop: () => gateway.close() };
}
