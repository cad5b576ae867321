// The custom access token hook, the sign-in rate limit and sign-up settings, on an Auth service of their own
// (same database and keys) so the shared test stack keeps config.toml's settings.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../support/db.ts';
import { anonClient, newEmail, PASSWORD, startSeparateAuth } from './clients.ts';

const schema = `auth_hook_test_${randomUUID().slice(0, 8)}`;
const services: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  await sql.unsafe(`
    create schema ${schema};
    grant usage on schema ${schema} to supabase_auth_admin;
    create function ${schema}.add_role(event jsonb) returns jsonb language plpgsql as $$
    begin
      return jsonb_build_object('claims', (event -> 'claims')
        || jsonb_build_object('user_role', 'technician', 'seen_method', event ->> 'authentication_method',
                              'seen_user', event ->> 'user_id', 'seen_as', current_user));
    end $$;
    create function ${schema}.broken(event jsonb) returns jsonb language plpgsql as $$
    begin raise exception 'hook is broken'; end $$;
    create function ${schema}.refuse(event jsonb) returns jsonb language sql as $$
      select jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'Support Hub is closed for maintenance'))
    $$;
    create function ${schema}.drop_claims(event jsonb) returns jsonb language sql as $$
      select jsonb_build_object('claims', jsonb_build_object('role', 'authenticated'))
    $$;
    grant execute on all functions in schema ${schema} to supabase_auth_admin;
  `);
});

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await sql.unsafe(`drop schema ${schema} cascade`);
});

async function authWithHook(fn: string) {
  const service = await startSeparateAuth({ customAccessTokenHook: { enabled: true, uri: `pg-functions://postgres/${schema}/${fn}` } });
  services.push(service);
  return service.url;
}

describe('custom access token hook', () => {
  it('is called on sign-up, sign-in and refresh with the GoTrue event, and its claims are signed', async () => {
    const url = await authWithHook('add_role');
    const client = anonClient(url);
    const email = newEmail('hooked');
    const signUp = await client.auth.signUp({ email, password: PASSWORD });
    expect(signUp.error).toBeNull();
    const afterSignUp = (await client.auth.getClaims()).data?.claims;
    expect(afterSignUp).toMatchObject({ user_role: 'technician', seen_method: 'password', seen_user: signUp.data.user?.id, seen_as: 'supabase_auth_admin' });

    const signIn = await anonClient(url).auth.signInWithPassword({ email, password: PASSWORD });
    expect((await anonClient(url).auth.getClaims(signIn.data.session!.access_token)).data?.claims).toMatchObject({ user_role: 'technician' });

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const afterRefresh = (await client.auth.getClaims(refreshed.data.session!.access_token)).data?.claims;
    expect(afterRefresh).toMatchObject({ user_role: 'technician', seen_method: 'token_refresh' });
  });

  it('a hook that raises fails the sign-in with a 500 naming the hook, not a stack trace', async () => {
    const url = await authWithHook('broken');
    const { data, error } = await anonClient(url).auth.signUp({ email: newEmail(), password: PASSWORD });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 500 });
    expect(error?.message).toMatch(/^Error running hook URI: pg-functions:\/\//);
  });

  it('a hook returning an error object refuses the token with its http_code and message', async () => {
    const url = await authWithHook('refuse');
    const { error } = await anonClient(url).auth.signUp({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ status: 403, message: 'Support Hub is closed for maintenance' });
  });

  it('a hook dropping required claims is refused (500)', async () => {
    const url = await authWithHook('drop_claims');
    const { error } = await anonClient(url).auth.signUp({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ status: 500, message: 'output claims do not conform to the expected schema' });
  });
});

describe('rate limit on sign-in and sign-up', () => {
  it('answers over_request_rate_limit (429) once the per-IP limit is spent', async () => {
    const service = await startSeparateAuth({ signInRateLimit: { limit: 3, windowMs: 60_000 } });
    services.push(service);
    const email = newEmail();
    const client = anonClient(service.url);
    expect((await client.auth.signUp({ email, password: PASSWORD })).error).toBeNull();
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    expect((await client.auth.signInWithPassword({ email, password: 'wrong-password' })).error).toMatchObject({ code: 'invalid_credentials' });
    const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ code: 'over_request_rate_limit', status: 429, message: 'Request rate limit reached' });
  });
});

describe('sign-up settings', () => {
  it('with confirmations on, sign-up returns the user without a session and sign-in waits for confirmation', async () => {
    const service = await startSeparateAuth({ autoconfirm: false });
    services.push(service);
    const email = newEmail('unconfirmed');
    const { data, error } = await anonClient(service.url).auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({ email });
    expect(data.user?.email_confirmed_at).toBeFalsy();
    const signIn = await anonClient(service.url).auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toMatchObject({ code: 'email_not_confirmed', status: 400 });
  });

  it('with sign-ups disabled, sign-up is refused: signup_disabled (422)', async () => {
    const service = await startSeparateAuth({ signupEnabled: false });
    services.push(service);
    const { error } = await anonClient(service.url).auth.signUp({ email: newEmail(), password: PASSWORD });
    expect(error).toMatchObject({ code: 'signup_disabled', status: 422 });
  });
});
