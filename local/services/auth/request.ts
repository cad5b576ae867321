// Reading requests the way the Supabase gateway and GoTrue do: the `apikey` gate, JSON
// bodies checked with zod, and the caller behind `Authorization: Bearer …`.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { z } from 'zod';
import { bearerToken, InvalidTokenError, isSecretKey, SECRET_KEY_PREFIX, type JwtClaims, type StackKeys } from '../keys.ts';
import { readBody } from '../http.ts';
import { AuthHttpError, badRequest, forbidden, unauthorized } from './errors.ts';
import type { SessionRow, SessionsRepository } from './sessions.ts';
import type { UserRow, UsersRepository } from './users.ts';

/** Roles GoTrue lets use the admin API. */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export class ApiKeyError extends Error {}

/** Which API key a request came with: the legacy JWT keys by role, or the opaque secret key. */
export type ApiKeyKind = 'anon' | 'service_role' | 'secret';

/** The gateway's check: every Auth route but the open ones needs the anon, service-role or secret key. */
export async function requireApiKey(request: IncomingMessage, query: URLSearchParams, keys: StackKeys): Promise<ApiKeyKind> {
  const header = request.headers.apikey;
  const apiKey = (Array.isArray(header) ? header[0] : header) ?? query.get('apikey') ?? '';
  if (!apiKey) throw new ApiKeyError('No API key found in request');
  if (apiKey.startsWith(SECRET_KEY_PREFIX)) {
    if (isSecretKey(apiKey, keys)) return 'secret';
    throw new ApiKeyError('Invalid API key');
  }
  try {
    const claims = await keys.verify(apiKey);
    if (claims.role === 'anon' || claims.role === 'service_role') return claims.role;
  } catch {
    // Falls through to the refusal below.
  }
  throw new ApiKeyError('Invalid API key');
}

export async function readJson<Schema extends z.ZodTypeAny>(request: IncomingMessage, schema: Schema): Promise<z.infer<Schema>> {
  const text = (await readBody(request, 1024 * 1024)).toString('utf8');
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest('validation_failed', `Invalid ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unexpected value'}`);
  }
  return parsed.data;
}

export async function verifiedClaims(request: IncomingMessage, keys: StackKeys): Promise<JwtClaims> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return await keys.verify(token);
  } catch (error) {
    const reason = error instanceof InvalidTokenError ? error.message : 'invalid JWT';
    throw forbidden('bad_jwt', reason);
  }
}

export interface Caller {
  claims: JwtClaims;
  user: UserRow;
  session: SessionRow;
}

/** The signed-in user and session named by the access token, both of which must still exist. */
export async function requireCaller(
  request: IncomingMessage,
  deps: { keys: StackKeys; users: UsersRepository; sessions: SessionsRepository },
): Promise<Caller> {
  const claims = await verifiedClaims(request, deps.keys);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!/^[0-9a-f-]{36}$/i.test(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await deps.users.findById(claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = claims.session_id;
  const session = sessionId && /^[0-9a-f-]{36}$/i.test(sessionId) ? await deps.sessions.findSession(sessionId) : undefined;
  if (!session || session.user_id !== user.id) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  return { claims, user, session };
}

export async function requireAdmin(request: IncomingMessage, keys: StackKeys): Promise<void> {
  // The gateway turns a secret key sent as the bearer token into a service-role token, as Supabase's does.
  const token = bearerToken(request.headers.authorization);
  if (token?.startsWith(SECRET_KEY_PREFIX) && isSecretKey(token, keys)) return;
  const claims = await verifiedClaims(request, keys);
  if (!ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
}

/** How Auth decides whose address a request comes from. */
export interface ClientAddressRule {
  apiKey: ApiKeyKind;
  /** IP address forwarding (`security_sb_forwarded_for_enabled`). */
  sbForwardedForEnabled: boolean;
}

/**
 * The client address Auth counts a request under (rate limits, `auth.sessions.ip`): the first value of
 * `Sb-Forwarded-For` when IP address forwarding is on and the request came with the secret key, as on Supabase
 * (the publishable, anon and legacy service-role keys never get it trusted, so no browser can pick its own
 * address); otherwise, or when that value is not an IP address, the socket's address.
 */
export function clientIp(request: IncomingMessage, rule: ClientAddressRule): string {
  const forwarded = request.headers['sb-forwarded-for'];
  if (rule.sbForwardedForEnabled && rule.apiKey === 'secret' && typeof forwarded === 'string') {
    const first = forwarded.split(',', 1)[0]?.trim() ?? '';
    if (isIP(first)) return first;
  }
  return request.socket.remoteAddress ?? 'unknown';
}


