// GET and PUT /user through supabase-js, and the errors of a missing or stale caller.
import { describe, expect, it } from 'vitest';
import { adminClient, anonClient, newEmail, PASSWORD, signedInUser } from './clients.ts';

describe('getUser', () => {
  it('returns the signed-in user', async () => {
    const { client, user } = await signedInUser();
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: user.id, email: user.email, app_metadata: { provider: 'email' } });
  });

  it('refuses a token whose user was deleted: user_not_found (403)', async () => {
    const { session, user } = await signedInUser();
    await adminClient().auth.admin.deleteUser(user.id);
    const { error } = await anonClient().auth.getUser(session.access_token);
    expect(error).toMatchObject({ code: 'user_not_found', status: 403 });
  });

  it('refuses a request without a bearer token: no_authorization (401)', async () => {
    const { session } = await signedInUser();
    const dropAuthorization: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('authorization');
      return fetch(input, { ...init, headers });
    };
    const { error } = await anonClient(undefined, { global: { fetch: dropAuthorization } }).auth.getUser(session.access_token);
    expect(error).toMatchObject({ code: 'no_authorization', status: 401, message: 'This endpoint requires a valid Bearer token' });
  });

  it('refuses the service-role key as a user token: bad_jwt (403), it names no user', async () => {
    const { error } = await adminClient().auth.admin.signOut('');
    expect(error).toMatchObject({ code: 'bad_jwt', status: 403 });
  });

  it('refuses the anon key as a user token: bad_jwt (403)', async () => {
    const { testStack } = await import('../../support/stack.ts');
    const { error } = await anonClient().auth.getUser(testStack.SUPABASE_ANON_KEY);
    expect(error).toMatchObject({ code: 'bad_jwt', status: 403 });
  });
});

describe('updateUser', () => {
  it('merges data into user_metadata', async () => {
    const { client } = await signedInUser();
    await client.auth.updateUser({ data: { full_name: 'Grace Hopper', team: 'support' } });
    const { data, error } = await client.auth.updateUser({ data: { team: null, locale: 'en' } });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toEqual({ full_name: 'Grace Hopper', locale: 'en' });
  });

  it('changes the password; the new one signs in, the old one no longer does', async () => {
    const { client, email } = await signedInUser();
    const { error } = await client.auth.updateUser({ password: 'a-brand-new-password' });
    expect(error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: 'a-brand-new-password' })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'invalid_credentials' });
  });

  it('refuses the same password (same_password, 422) and a weak one (weak_password, 422)', async () => {
    const { client } = await signedInUser();
    expect((await client.auth.updateUser({ password: PASSWORD })).error).toMatchObject({ code: 'same_password', status: 422 });
    expect((await client.auth.updateUser({ password: 'tiny' })).error).toMatchObject({ code: 'weak_password', status: 422 });
  });

  it('changes the email at once (confirmations are off) and refuses one that is taken (email_exists, 422)', async () => {
    const { client } = await signedInUser();
    const taken = await signedInUser();
    const email = newEmail('moved');
    const { data, error } = await client.auth.updateUser({ email });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.identities?.[0]?.identity_data?.email).toBe(email);
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    expect((await client.auth.updateUser({ email: taken.email })).error).toMatchObject({ code: 'email_exists', status: 422 });
    expect((await client.auth.updateUser({ email: 'nope' })).error).toMatchObject({ code: 'validation_failed', status: 400 });
  });
});
