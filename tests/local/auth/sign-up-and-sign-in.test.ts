// Sign-up and password sign-in through supabase-js, with GoTrue's session, user and errors.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../support/db.ts';
import { testStack } from '../../support/stack.ts';
import { adminClient, anonClient, newEmail, PASSWORD, startSeparateAuth } from './clients.ts';

/** A confirmed account made through the admin API (the project confirms sign-ups by mail). */
async function confirmedAccount(email: string) {
  const { error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
}

describe("sign-up with the project's settings (email confirmations on)", () => {
  it('creates an unconfirmed user and returns no session until the mailed link is followed', async () => {
    const email = newEmail('Pending');
    const { data, error } = await anonClient().auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.email).toBe(email.toLowerCase());
    expect(data.user?.email_confirmed_at).toBeFalsy();
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    const [row] = await sql`select email_confirmed_at is not null as confirmed from auth.users where id = ${data.user!.id}`;
    expect(row?.confirmed).toBe(false);
  });
});

describe('sign-up with email confirmations off (a separate Auth)', () => {
  let auth: Awaited<ReturnType<typeof startSeparateAuth>>;
  beforeAll(async () => {
    auth = await startSeparateAuth({ autoconfirm: true });
  });
  afterAll(() => auth.stop());

  it('creates a confirmed user with an email identity and returns a session', async () => {
    const email = newEmail('Signup');
    const { data, error } = await anonClient(auth.url).auth.signUp({ email, password: PASSWORD, options: { data: { full_name: 'Ada Lovelace' } } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: email.toLowerCase(),
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Ada Lovelace' },
      is_anonymous: false,
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: data.user?.id });
    expect(data.session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(data.session?.refresh_token).toMatch(/^\S{8,}$/);

    const [row] = await sql`select encrypted_password, email_confirmed_at is not null as confirmed from auth.users where id = ${data.user!.id}`;
    expect(row?.encrypted_password).toMatch(/^\$2[ab]\$10\$/);
    expect(row?.confirmed).toBe(true);
    const sessions = await sql`select id from auth.sessions where user_id = ${data.user!.id}`;
    expect(sessions).toHaveLength(1);
  });

  it('refuses an email that is already registered: user_already_exists (422)', async () => {
    const email = newEmail();
    await anonClient(auth.url).auth.signUp({ email, password: PASSWORD });
    const { error } = await anonClient(auth.url).auth.signUp({ email: email.toUpperCase(), password: PASSWORD });
    expect(error).toMatchObject({ code: 'user_already_exists', status: 422 });
  });
});

describe('sign-up refusals', () => {
  it('refuses a password shorter than config.toml minimum_password_length: weak_password (422)', async () => {
    const { error } = await anonClient().auth.signUp({ email: newEmail(), password: 'short' });
    expect(error).toMatchObject({ code: 'weak_password', status: 422, name: 'AuthWeakPasswordError', reasons: ['length'] });
    expect(error?.message).toBe('Password should be at least 8 characters.');
  });

  it('refuses an invalid email address: validation_failed (400)', async () => {
    const { error } = await anonClient().auth.signUp({ email: 'not-an-email', password: PASSWORD });
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, message: 'Unable to validate email address: invalid format' });
  });

  it('answers malformed JSON with bad_json (400)', async () => {
    const breakBody: typeof fetch = (input, init) => fetch(input, { ...init, body: '{"email": ' });
    const client = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: breakBody },
    });
    const { error } = await client.auth.signUp({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ code: 'bad_json', status: 400 });
  });
});

describe('password sign-in', () => {
  it('signs in and returns a session with the user', async () => {
    const email = newEmail();
    await confirmedAccount(email);
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.last_sign_in_at).toBeTruthy();
    expect(data.session?.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
  });

  it('refuses a wrong password and an unknown email alike: invalid_credentials (400)', async () => {
    const email = newEmail();
    await confirmedAccount(email);
    const wrongPassword = await anonClient().auth.signInWithPassword({ email, password: 'wrong-password' });
    expect(wrongPassword.error).toMatchObject({ code: 'invalid_credentials', status: 400, message: 'Invalid login credentials' });
    const unknown = await anonClient().auth.signInWithPassword({ email: newEmail('nobody'), password: PASSWORD });
    expect(unknown.error).toMatchObject({ code: 'invalid_credentials', status: 400 });
  });

  it('accepts $2a$ hashes made by pgcrypto crypt(gen_salt(bf)), as seed.sql creates demo users', async () => {
    const id = randomUUID();
    const email = newEmail('seeded');
    await sql`
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                              raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated', ${email},
              extensions.crypt(${PASSWORD}, extensions.gen_salt('bf')), now(),
              '{"provider":"email","providers":["email"]}', '{}', now(), now())`;
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it('refuses an unconfirmed user: email_not_confirmed (400)', async () => {
    const email = newEmail();
    const admin = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: false });
    const { error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ code: 'email_not_confirmed', status: 400 });
  });
});

describe('apikey gate', () => {
  it('refuses a wrong apikey with 401 and a clear message', async () => {
    const client = createClient(testStack.SUPABASE_URL, 'not-a-real-key', { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await client.auth.signInWithPassword({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ status: 401, message: 'Invalid API key' });
  });

  it('refuses a missing apikey with 401 and a clear message', async () => {
    const dropApiKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('apikey');
      return fetch(input, { ...init, headers });
    };
    const client = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: dropApiKey },
    });
    const { error } = await client.auth.signInWithPassword({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ status: 401, message: 'No API key found in request' });
  });

  it('serves /settings (with the key) and /health; supabase-js has no call for these, so plain fetch', async () => {
    const settings = await fetch(`${testStack.SUPABASE_URL}/auth/v1/settings`, { headers: { apikey: testStack.SUPABASE_ANON_KEY } });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ external: { email: true }, disable_signup: false, mailer_autoconfirm: false });
    const health = await fetch(`${testStack.SUPABASE_URL}/auth/v1/health`);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
  });
});
