// Helpers for the Realtime tests: real realtime-js clients for a user, tokens signed with
// the stack's HS256 secret, and waiting for what a channel receives.
import { randomUUID } from 'node:crypto';
import { RealtimeClient, type RealtimeChannel } from '@supabase/realtime-js';
import * as jose from 'jose';
import { afterAll } from 'vitest';
import { testStack } from '../../support/stack.ts';

export type Vsn = '1.0.0' | '2.0.0';

const openClients: RealtimeClient[] = [];
afterAll(async () => {
  for (const client of openClients) {
    client.removeAllChannels();
    client.disconnect();
  }
});

export async function signToken(sub: string, options: { expiresInSeconds?: number; role?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT({ sub, role: options.role ?? 'authenticated', aud: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(testStack.SUPABASE_JWT_SECRET));
}

export interface TestUser {
  id: string;
  token: string;
}

export async function newUser(): Promise<TestUser> {
  const id = randomUUID();
  return { id, token: await signToken(id) };
}

/**
 * A client signed in with `token` the way supabase-js does it (setAuth before any join), so
 * the join carries the user's access_token rather than the anon key.
 */
export async function realtimeClient(vsn: Vsn, token?: string): Promise<RealtimeClient> {
  const client = new RealtimeClient(`${testStack.SUPABASE_URL.replace(/^http/, 'ws')}/realtime/v1`, {
    params: { apikey: testStack.SUPABASE_ANON_KEY },
    vsn,
  });
  if (token) await client.setAuth(token);
  openClients.push(client);
  return client;
}

/** Subscribes and resolves on SUBSCRIBED; rejects with the error the client surfaces. */
export function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve(channel);
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(error ?? new Error(status));
    });
  });
}

export async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns Realtime's public access on or off for the running test stack, as Supabase Realtime's own tests change a
 * tenant's configuration. The project keeps it off (supabase/realtime-settings.json); only the protocol tests of
 * public channels (realtime.test.ts, the one file that calls this) turn it on, and every channel the app or another
 * test file opens is private, so no other file depends on the value.
 */
export async function allowPublicChannels(allowed: boolean): Promise<void> {
  const { sql } = await import('../../support/db.ts');
  await sql`update _realtime.tenant_settings set private_only = ${!allowed}, updated_at = now()`;
}
