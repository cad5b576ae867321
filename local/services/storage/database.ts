// Who a Storage request acts as, and the two ways the service touches the database, as storage-api does:
// - as the caller: a transaction with the caller's role and JWT claims set (`role`, `request.jwt.claims`, …), so
//   the project's RLS policies on storage.objects and storage.buckets decide what they may read and write;
// - as the schema's owner (supabase_storage_admin): the writes that follow a permission the caller has shown,
//   and the reads of routes that need none (public buckets, signed URLs).
import type { IncomingMessage } from 'node:http';
import postgres from 'postgres';
import { databaseUrlAs } from '../../config.ts';
import { bearerToken, isSecretKey, type JwtClaims, type StackKeys } from '../keys.ts';
import { storageError } from './errors.ts';

/** The roles Supabase's API switches to; a token with any other role is refused. */
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

export interface StorageCaller {
  role: string;
  claims: JwtClaims;
  jwt: string;
  /** `sub` when it is a user: written to objects.owner / owner_id as Supabase does. */
  owner: string | undefined;
}

/** The caller behind `Authorization: Bearer …`; a missing or bad token is refused as storage-api refuses it. */
export async function requireCaller(request: IncomingMessage, keys: StackKeys): Promise<StorageCaller> {
  const jwt = bearerToken(request.headers.authorization) ?? '';
  // The gateway turns the secret API key into a service-role token, as Supabase's does.
  if (jwt && isSecretKey(jwt, keys)) return { role: 'service_role', claims: { role: 'service_role' }, jwt, owner: undefined };
  let claims: JwtClaims;
  try {
    claims = await keys.verify(jwt);
  } catch (error) {
    throw storageError.accessDenied((error as Error).message);
  }
  if (!API_ROLES.has(claims.role)) throw storageError.accessDenied('Access denied: Invalid role');
  return { role: claims.role, claims, jwt, owner: claims.sub };
}

export type Transaction = postgres.TransactionSql;

export interface RequestContext {
  method: string;
  path: string;
  /** storage-api's operation name (`storage.object.upload`, …), readable in policies as `storage.operation`. */
  operation: string;
}

const ROLLBACK = Symbol('rollback');

export interface StorageDatabase {
  sql: postgres.Sql;
  asCaller<T>(caller: StorageCaller, context: RequestContext, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs the work as the caller and rolls it back: a write the policies refuse throws, one they allow leaves nothing. */
  testPermission(caller: StorageCaller, context: RequestContext, work: (tx: Transaction) => Promise<unknown>): Promise<void>;
  asOwner<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createStorageDatabase(dbUrl: string): StorageDatabase {
  const sql = postgres(databaseUrlAs(dbUrl, 'supabase_storage_admin'), { max: 8, onnotice: () => {}, idle_timeout: 30, connection: { application_name: 'local-storage' } });

  async function scope(tx: Transaction, caller: StorageCaller | undefined, context?: RequestContext): Promise<void> {
    // Deletes go through this service, which removes the files too: storage.protect_delete lets them pass.
    if (!caller) {
      await tx`select set_config('storage.allow_delete_query', 'true', true)`;
      return;
    }
    await tx`select set_config('role', ${caller.role}, true),
                    set_config('request.jwt.claim.role', ${caller.role}, true),
                    set_config('request.jwt', ${caller.jwt}, true),
                    set_config('request.jwt.claim.sub', ${caller.claims.sub ?? ''}, true),
                    set_config('request.jwt.claims', ${JSON.stringify(caller.claims)}, true),
                    set_config('request.method', ${context?.method ?? ''}, true),
                    set_config('request.path', ${context?.path ?? ''}, true),
                    set_config('storage.operation', ${context?.operation ?? ''}, true),
                    set_config('storage.allow_delete_query', 'true', true)`;
  }

  const asCaller: StorageDatabase['asCaller'] = (caller, context, work) =>
    sql.begin(async (tx) => {
      await scope(tx, caller, context);
      return work(tx);
    }) as Promise<Awaited<ReturnType<typeof work>>>;

  return {
    sql,
    asCaller,
    async testPermission(caller, context, work) {
      try {
        await asCaller(caller, context, async (tx) => {
          await work(tx);
          throw ROLLBACK;
        });
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
    },
    asOwner: (work) =>
      sql.begin(async (tx) => {
        await scope(tx, undefined);
        return work(tx);
      }) as Promise<Awaited<ReturnType<typeof work>>>,
    close: () => sql.end({ timeout: 5 }),
  };
}
