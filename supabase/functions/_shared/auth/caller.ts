// Who is calling an edge function, and doing work as them. The one place that reads the caller's JWT and the one
// place that hands its claims to Postgres: every function asks a guard below for its caller, then runs its queries
// through asCaller so RLS binds them exactly as it binds PostgREST.
//
// The token's signature is not checked here on purpose: every function has `verify_jwt = true`, so the platform's
// gateway (or the local functions host) has already refused a forged, expired or unsigned token with 401 before the
// request reaches us. What is left is to read the payload and decide whether this function serves that role.
import { z } from 'npm:zod@4';
import { database, type Transaction } from '../db/postgres.ts';
import { HttpError } from '../http/responses.ts';

/** A visitor with the project's anon key. */
const AnonClaims = z.object({ role: z.literal('anon') }).passthrough();
/** A signed-in user: their id is `sub`, which auth.uid() returns inside asCaller. */
const UserClaims = z.object({ role: z.literal('authenticated'), sub: z.string().uuid(), exp: z.number() }).passthrough();
/** The service-role key: workers woken by the database (pg_net) or by an operator. */
const ServiceRoleClaims = z.object({ role: z.literal('service_role') }).passthrough();

export type AnonClaims = z.infer<typeof AnonClaims>;
export type UserClaims = z.infer<typeof UserClaims>;
export type ServiceRoleClaims = z.infer<typeof ServiceRoleClaims>;
/** A verified caller's claims, told apart by `role`; what asCaller runs as. */
export type CallerClaims = AnonClaims | UserClaims | ServiceRoleClaims;
type CallerRole = CallerClaims['role'];

const claimsByRole = { anon: AnonClaims, authenticated: UserClaims, service_role: ServiceRoleClaims } satisfies Record<CallerRole, z.ZodType>;

/** The one thing every token must say before a guard can look at it. */
const RoleClaim = z.object({ role: z.string() }).passthrough();

/** The payload of `Authorization: Bearer <jwt>` as JSON, or a 401 when there is none or it is not JSON. */
function tokenPayload(request: Request, missingTokenMessage: string): unknown {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (!token) throw new HttpError(401, missingTokenMessage, 'no_authorization');
  try {
    const base64 = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))));
  } catch {
    throw new HttpError(401, 'The access token is malformed.', 'bad_jwt');
  }
}

interface Guard<Role extends CallerRole> {
  roles: readonly Role[];
  /** Said when the request carries no token at all. */
  missingToken: string;
  /** The answer to a valid token of a role this function does not serve. */
  refusal: HttpError;
}

/** The caller's claims when the token's role is one the guard accepts and its claims are complete for that role. */
function callerFor<Role extends CallerRole>(request: Request, guard: Guard<Role>): Extract<CallerClaims, { role: Role }> {
  const payload = RoleClaim.safeParse(tokenPayload(request, guard.missingToken));
  if (!payload.success) throw new HttpError(401, 'The access token has no role.', 'bad_jwt');
  const role = guard.roles.find((accepted) => accepted === payload.data.role);
  if (role === undefined) throw guard.refusal;
  const claims = claimsByRole[role].safeParse(payload.data);
  if (!claims.success) throw new HttpError(401, `The access token's claims are incomplete for role ${role}.`, 'bad_jwt');
  return claims.data as Extract<CallerClaims, { role: Role }>;
}

/** A signed-in user, or 401: the anon and service-role keys name no user to answer. */
export function requireUser(request: Request): UserClaims {
  return callerFor(request, {
    roles: ['authenticated'],
    missingToken: 'Sign in first: the request has no access token.',
    refusal: new HttpError(401, 'This function needs a signed-in user.', 'bad_jwt'),
  });
}

/** The service role, or 403: workers are woken by the database or an operator, never by a visitor or a user. */
export function requireServiceRole(request: Request): ServiceRoleClaims {
  return callerFor(request, {
    roles: ['service_role'],
    missingToken: 'This worker needs the service-role key.',
    refusal: new HttpError(403, 'Only the service role may run this worker.', 'service_role_only'),
  });
}

/**
 * A visitor (anon key) or a signed-in user, or 403. The service role is refused although it could read more, because
 * search must run under RLS: what the caller may not read must not be found.
 */
export function requireAnonOrUser(request: Request): AnonClaims | UserClaims {
  return callerFor(request, {
    roles: ['anon', 'authenticated'],
    missingToken: 'The request has no access token.',
    refusal: new HttpError(403, 'Search as a visitor (anon key) or a signed-in user.', 'wrong_role'),
  });
}

/**
 * Runs `work` in a transaction as the caller's database role with its claims, as PostgREST would: RLS applies, and
 * auth.uid() / auth.role() / auth.jwt() read these claims. Both settings are local to the transaction, so a pooled
 * connection never carries one caller's identity into the next request.
 */
export function asCaller<T>(claims: CallerClaims, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return database().begin(async (tx) => {
    await tx`select set_config('role', ${claims.role}, true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    return work(tx);
  }) as Promise<T>;
}
