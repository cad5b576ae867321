// Access tokens: GoTrue's claims, verified through the JWKS by getClaims(), and forged tokens
// refused by Auth and by the functions host alike.
import { createClient } from '@supabase/supabase-js';
import { FunctionsHttpError } from '@supabase/supabase-js';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { testStack } from '../../support/stack.ts';
import { anonClient, signedInUser } from './clients.ts';

function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

async function forgedTokens(claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  const full = { ...claims, iat: now, exp: now + 3600 };
  const otherSecret = await new jose.SignJWT(full)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode('a-completely-different-secret-of-enough-length'));
  const { privateKey } = await jose.generateKeyPair('ES256');
  const realKid = (await (await fetch(`${testStack.SUPABASE_URL}/auth/v1/.well-known/jwks.json`)).json()).keys[0].kid as string;
  const otherKey = await new jose.SignJWT(full).setProtectedHeader({ alg: 'ES256', kid: realKid, typ: 'JWT' }).sign(privateKey);
  return { 'another secret': otherSecret, 'another key with the real kid': otherKey, 'alg none': unsignedToken(full) };
}

describe('access token claims', () => {
  it('carries GoTrue claims, verified by getClaims() through the JWKS', async () => {
    const { client, session, user } = await signedInUser();
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(data?.header.kid).toBeTruthy();
    const claims = data!.claims;
    expect(claims).toMatchObject({
      aud: 'authenticated',
      iss: `${testStack.SUPABASE_URL}/auth/v1`,
      sub: user.id,
      email: user.email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      is_anonymous: false,
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.expires_at).toBe(claims.exp);
  });

  it('getClaims() refuses a token whose payload was altered', async () => {
    const { session } = await signedInUser();
    const [header, payload, signature] = session.access_token.split('.');
    const altered = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'service_role' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    const { data, error } = await anonClient().auth.getClaims(tampered);
    expect(data).toBeNull();
    expect(error?.message).toMatch(/signature/i);
  });

  it('accepts an access token signed with the legacy HS256 secret, as Supabase does', async () => {
    const { session } = await signedInUser();
    const claims = jose.decodeJwt(session.access_token);
    const legacy = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(testStack.SUPABASE_JWT_SECRET));
    const { data, error } = await anonClient().auth.getUser(legacy);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(claims.sub);
  });
});

describe('forged tokens are refused everywhere', async () => {
  const { session } = await signedInUser();
  const forged = await forgedTokens(jose.decodeJwt(session.access_token));

  for (const [kind, token] of Object.entries(forged)) {
    it(`/auth/v1/user refuses a token signed with ${kind}: bad_jwt (403)`, async () => {
      const { error } = await anonClient().auth.getUser(token);
      expect(error).toMatchObject({ code: 'bad_jwt', status: 403 });
    });

    it(`the functions host refuses a token signed with ${kind}: 401`, async () => {
      const client = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, {
        auth: { persistSession: false, autoRefreshToken: false },
        global: { headers: { Authorization: `Bearer ${token}` } },
      });
      const { data, error } = await client.functions.invoke('hello');
      expect(data).toBeNull();
      expect(error).toBeInstanceOf(FunctionsHttpError);
      expect((error as FunctionsHttpError).context.status).toBe(401);
    });
  }

  it('the functions host accepts the genuine token (the refusals above are not a blanket 401)', async () => {
    const client = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${session.access_token}` } },
    });
    const { data, error } = await client.functions.invoke('hello');
    expect(error).toBeNull();
    expect(data).toMatchObject({ message: 'Hello world!' });
  });
});
