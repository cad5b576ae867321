// Session refresh with refresh-token rotation and reuse detection, and sign-out scopes.
import type { Session } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { sql } from '../../support/db.ts';
import { anonClient, PASSWORD, signedInUser } from './clients.ts';

async function secondSession(email: string) {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw error ?? new Error('no session');
  return { client, session: data.session };
}

const refreshWith = (session: Session) => anonClient().auth.refreshSession({ refresh_token: session.refresh_token });

describe('refreshSession', () => {
  it('rotates the refresh token and issues a new access token for the same session', async () => {
    const { client, session } = await signedInUser();
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(data.user?.id).toBe(session.user.id);
    const before = (await client.auth.getClaims(session.access_token)).data?.claims;
    const after = (await client.auth.getClaims(data.session!.access_token)).data?.claims;
    expect(after?.session_id).toBe(before?.session_id);
    const [old] = await sql`select revoked from auth.refresh_tokens where token = ${session.refresh_token}`;
    expect(old?.revoked).toBe(true);
  });

  it('lets a just-rotated token be reused inside refresh_token_reuse_interval, returning the active child', async () => {
    const { session } = await signedInUser();
    const first = await refreshWith(session);
    const reused = await refreshWith(session);
    expect(reused.error).toBeNull();
    expect(reused.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
  });

  it('refuses a reused token outside the interval (refresh_token_already_used) and revokes its family', async () => {
    const { session } = await signedInUser();
    const first = await refreshWith(session);
    await sql`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = ${session.refresh_token}`;
    const reused = await refreshWith(session);
    expect(reused.error).toMatchObject({ code: 'refresh_token_already_used', status: 400, message: 'Invalid Refresh Token: Already Used' });
    const child = await refreshWith(first.data.session!);
    expect(child.error).toMatchObject({ code: 'refresh_token_already_used', status: 400 });
  });

  it('refuses an unknown refresh token: refresh_token_not_found (400)', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'no-such-token' });
    expect(error).toMatchObject({ code: 'refresh_token_not_found', status: 400 });
  });
});

describe('signOut scopes', () => {
  it('local ends only the current session', async () => {
    const { email, client, session } = await signedInUser();
    const other = await secondSession(email);
    expect((await client.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await refreshWith(session)).error).toMatchObject({ code: 'refresh_token_not_found', status: 400 });
    expect((await refreshWith(other.session)).error).toBeNull();
  });

  it('global ends every session of the user: their refresh tokens and access tokens stop working', async () => {
    const { email, client } = await signedInUser();
    const other = await secondSession(email);
    expect((await client.auth.signOut()).error).toBeNull();
    expect((await refreshWith(other.session)).error).toMatchObject({ code: 'refresh_token_not_found', status: 400 });
    // GoTrue answers session_not_found, which auth-js turns into AuthSessionMissingError.
    const { error } = await anonClient().auth.getUser(other.session.access_token);
    expect(error).toMatchObject({ name: 'AuthSessionMissingError', status: 400 });
  });

  it('others ends every other session and keeps the current one', async () => {
    const { email, client, session } = await signedInUser();
    const other = await secondSession(email);
    expect((await client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await refreshWith(other.session)).error).toMatchObject({ code: 'refresh_token_not_found', status: 400 });
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.id).toBe(session.user.id);
    expect((await refreshWith(session)).error).toBeNull();
  });
});
