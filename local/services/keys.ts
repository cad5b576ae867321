// The one module every local service (gateway, auth, functions host, realtime) uses to sign
// and verify JWTs, so all of them accept and refuse exactly the same tokens.
//
// As on current Supabase projects there are two kinds of key:
// - an asymmetric ES256 signing key (with a `kid`), published as a JWKS at
//   /auth/v1/.well-known/jwks.json, which signs the access tokens Auth issues;
// - the legacy HS256 JWT secret, which signs the anon and service-role API keys and is
//   still accepted wherever Supabase accepts it.
// Keys are generated once per stack folder (git-ignored), never committed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import { z } from 'zod';

/** Supabase's secret API keys are opaque strings with this prefix (not JWTs). */
export const SECRET_KEY_PREFIX = 'sb_secret_';

const storedKeysSchema = z.object({
  jwtSecret: z.string().min(32),
  /** When the API keys were issued: fixed, so the anon and service-role keys stay the same between runs. */
  issuedAt: z.number().int(),
  signingKey: z.object({ kid: z.string(), privateJwk: z.record(z.string(), z.unknown()) }),
  /** The opaque secret API key (`sb_secret_…`); older key files lack it and get one on the next load. */
  secretKey: z.string().startsWith(SECRET_KEY_PREFIX).optional(),
});
type StoredKeys = z.infer<typeof storedKeysSchema>;

export const jwtClaimsSchema = z
  .object({
    role: z.string(),
    sub: z.string().optional(),
    exp: z.number().optional(),
    iat: z.number().optional(),
    iss: z.string().optional(),
    aud: z.union([z.string(), z.array(z.string())]).optional(),
    email: z.string().optional(),
    session_id: z.string().optional(),
  })
  .passthrough();
export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface StackKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /**
   * The secret API key (`sb_secret_…`), as `supabase status` prints it: service-role access like the legacy key, and
   * the only key with which Auth trusts `Sb-Forwarded-For` (docs/decisions/0013-sign-in-limits.md).
   */
  secretKey: string;
  /** Public JWKS, served at /auth/v1/.well-known/jwks.json. */
  jwks: { keys: jose.JWK[] };
  /** Signs an access token with the asymmetric key, as Supabase Auth does. */
  signAccessToken(claims: Record<string, unknown>, expiresInSeconds: number): Promise<string>;
  /** Verifies a token signed with either key; refuses anything else, `alg: none` included. */
  verify(token: string): Promise<JwtClaims>;
}

const TEN_YEARS = 10 * 365 * 24 * 3600;

async function createStoredKeys(): Promise<StoredKeys> {
  const { privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const privateJwk = await jose.exportJWK(privateKey);
  return {
    jwtSecret: randomBytes(30).toString('base64url'),
    issuedAt: Math.floor(Date.now() / 1000),
    signingKey: { kid: randomBytes(8).toString('hex'), privateJwk },
    secretKey: newSecretKey(),
  };
}

const newSecretKey = () => `${SECRET_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;

export async function loadStackKeys(stateDir: string): Promise<StackKeys> {
  const file = join(stateDir, 'keys.json');
  let stored: StoredKeys;
  if (existsSync(file)) {
    stored = storedKeysSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (!stored.secretKey) {
      stored = { ...stored, secretKey: newSecretKey() };
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
  } else {
    stored = await createStoredKeys();
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const secret = new TextEncoder().encode(stored.jwtSecret);
  const kid = stored.signingKey.kid;
  const privateKey = await jose.importJWK({ ...stored.signingKey.privateJwk, alg: 'ES256' } as jose.JWK, 'ES256');
  const { d: _private, ...publicJwk } = stored.signingKey.privateJwk as jose.JWK;
  const publicKey = await jose.importJWK({ ...publicJwk, alg: 'ES256' }, 'ES256');

  const apiKey = (role: string) =>
    new jose.SignJWT({ iss: 'supabase-demo', role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(stored.issuedAt)
      .setExpirationTime(stored.issuedAt + TEN_YEARS)
      .sign(secret);

  return {
    jwtSecret: stored.jwtSecret,
    anonKey: await apiKey('anon'),
    serviceRoleKey: await apiKey('service_role'),
    secretKey: stored.secretKey ?? newSecretKey(),
    jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }] },
    signAccessToken: (claims, expiresInSeconds) => {
      const issuedAt = Math.floor(Date.now() / 1000);
      return new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + expiresInSeconds)
        .sign(privateKey);
    },
    verify: async (token) => {
      let header: jose.ProtectedHeaderParameters;
      try {
        header = jose.decodeProtectedHeader(token);
      } catch {
        throw new InvalidTokenError('invalid JWT: unable to parse or verify signature, token is malformed');
      }
      try {
        const { payload } =
          header.alg === 'HS256'
            ? await jose.jwtVerify(token, secret, { algorithms: ['HS256'] })
            : header.alg === 'ES256' && header.kid === kid
              ? await jose.jwtVerify(token, publicKey, { algorithms: ['ES256'] })
              : (() => {
                  throw new InvalidTokenError(`invalid JWT: signing method ${header.alg ?? 'none'} is invalid`);
                })();
        const claims = jwtClaimsSchema.safeParse(payload);
        if (!claims.success) throw new InvalidTokenError('invalid JWT: the token has no role claim');
        return claims.data;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof jose.errors.JWTExpired) throw new InvalidTokenError('invalid JWT: token is expired');
        throw new InvalidTokenError('invalid JWT: unable to parse or verify signature, signature is invalid');
      }
    },
  };
}

/** The bearer token of a request, from `Authorization: Bearer …`. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/** Whether a key is the stack's opaque secret API key (`sb_secret_…`), compared in constant time. */
export function isSecretKey(apiKey: string, keys: Pick<StackKeys, 'secretKey'>): boolean {
  const given = Buffer.from(apiKey);
  const expected = Buffer.from(keys.secretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
