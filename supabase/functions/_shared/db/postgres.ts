// Database access for edge functions. Support Hub's functions talk to Postgres directly through
// SUPABASE_DB_URL (set by Supabase for every function, and by the local stack): workers drain
// queues with real transactions and SKIP LOCKED, and a caller's queries run as role
// `authenticated` with the caller's claims, so RLS binds them exactly as it binds PostgREST.
import postgres from 'npm:postgres@3.4.9';
import { z } from 'npm:zod@4';
import { HttpError } from '../http/responses.ts';

export type Sql = postgres.Sql;
export type Transaction = postgres.TransactionSql;

let pool: Sql | undefined;

/** One small pool per function instance; connections are reused across requests. */
export function database(): Sql {
  if (!pool) {
    const url = Deno.env.get('SUPABASE_DB_URL');
    if (!url) throw new Error('SUPABASE_DB_URL is not set');
    // prepare: false keeps us compatible with Supavisor's transaction mode on hosted projects.
    pool = postgres(url, { max: 4, prepare: false, idle_timeout: 20, onnotice: () => {} });
  }
  return pool;
}

const callerClaimsSchema = z
  .object({ sub: z.string().uuid(), role: z.string(), exp: z.number() })
  .passthrough();
export type CallerClaims = z.infer<typeof callerClaimsSchema>;

/**
 * The caller's claims from `Authorization: Bearer <jwt>`. The signature was verified before the
 * request reached us (`verify_jwt = true` for every function that calls this: the platform's
 * gateway, or the local functions host, refuses bad tokens with 401), so only the payload is read.
 */
export function callerClaims(request: Request): CallerClaims {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (!token) throw new HttpError(401, 'Sign in first: the request has no access token.', 'no_authorization');
  const payload = token.split('.')[1];
  let decoded: unknown;
  try {
    decoded = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
  } catch {
    throw new HttpError(401, 'The access token is malformed.', 'bad_jwt');
  }
  const claims = callerClaimsSchema.safeParse(decoded);
  if (!claims.success || claims.data.role !== 'authenticated') {
    throw new HttpError(401, 'This function needs a signed-in user.', 'bad_jwt');
  }
  return claims.data;
}

/** Runs `work` in a transaction as role `authenticated` with the caller's claims (RLS applies). */
export function asCaller<T>(claims: CallerClaims, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return database().begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    return work(tx);
  }) as Promise<T>;
}
