// The bucket routes of Supabase Storage's REST API (storage-js `createBucket`, `getBucket`, `listBuckets`,
// `updateBucket`, `emptyBucket`, `deleteBucket`), every one run as the caller so RLS on storage.buckets decides
// (on a project without bucket policies only the service role manages buckets), and the buckets declared in
// supabase/config.toml, created or updated at start as `supabase start` does.
import { z } from 'zod';
import type { RequestContext, StorageCaller, StorageDatabase } from './database.ts';
import { storageError } from './errors.ts';
import type { ObjectFiles } from './files.ts';
import { sendOk, type StorageRequest } from './request.ts';

// file_size_limit is a bigint; storage-api answers it as a JSON number (bytes stay far below 2^53).
const BUCKET_COLUMNS = 'id, name, owner, public, type, file_size_limit::float8 as file_size_limit, allowed_mime_types, created_at, updated_at';

// Bucket names storage-api accepts (its S3-safe character set, 1 to 100 characters).
const VALID_BUCKET_NAME = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]+$/;

export function requireValidBucketName(name: string): void {
  if (name.length > 100 || !VALID_BUCKET_NAME.test(name)) throw storageError.invalidBucketName();
}

/** The API's sizes: bytes as a number, or "20GB" / "20MB" / "30KB" / "3B" (powers of 1000, as storage-api reads them). */
export function apiFileSizeToBytes(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw storageError.invalidFileSizeLimit();
    return Math.floor(value);
  }
  const match = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value.trim());
  if (!match) throw storageError.invalidFileSizeLimit();
  const units: Record<string, number> = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 };
  return Math.round(Number(parseFloat(match[1]!).toPrecision(3)) * units[match[2]!.toUpperCase()]!);
}

const createBucketSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  public: z.boolean().optional(),
  file_size_limit: z.union([z.number(), z.string()]).nullable().optional(),
  allowed_mime_types: z.array(z.string()).nullable().optional(),
  type: z.enum(['STANDARD', 'ANALYTICS']).optional(),
});
const updateBucketSchema = createBucketSchema.partial();

export type BucketRequest = StorageRequest;

export function createBucketRoutes({ db, files }: { db: StorageDatabase; files: ObjectFiles }) {
  async function requireVisibleBucket(caller: StorageCaller, context: RequestContext, bucketId: string): Promise<void> {
    const found = await db.asCaller(caller, context, (tx) => tx`select 1 from storage.buckets where id = ${bucketId}`);
    if (found.length === 0) throw storageError.noSuchBucket();
  }

  return {
    async list(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      const query = req.url.searchParams;
      const limit = query.has('limit') ? Number(query.get('limit')) : null;
      const offset = Number(query.get('offset') ?? 0);
      const search = query.get('search') ?? '';
      const sortColumn = ['id', 'name', 'created_at', 'updated_at'].includes(query.get('sortColumn') ?? '') ? query.get('sortColumn')! : 'name';
      const sortOrder = query.get('sortOrder') === 'desc' ? 'desc' : 'asc';
      if ((limit !== null && (!Number.isInteger(limit) || limit < 1)) || !Number.isInteger(offset) || offset < 0) {
        throw storageError.invalidRequest('limit and offset must be whole numbers (limit at least 1)');
      }
      const rows = await db.asCaller(caller, req.context, (tx) => tx.unsafe(
        `select ${BUCKET_COLUMNS} from storage.buckets where name ilike '%' || $1 || '%' order by ${sortColumn} ${sortOrder} limit $2 offset $3`,
        [search.replace(/[\\%_]/g, (c) => `\\${c}`), limit, offset] as never[]));
      sendOk(req.response, rows);
    },

    async get(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      const [row] = await db.asCaller(caller, req.context, (tx) => tx.unsafe(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [req.bucketId]));
      if (!row) throw storageError.noSuchBucket();
      sendOk(req.response, row);
    },

    async create(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      const body = await req.body(createBucketSchema);
      const id = body.id ?? body.name;
      requireValidBucketName(id);
      requireValidBucketName(body.name);
      const owner = caller.owner && /^[0-9a-f-]{36}$/i.test(caller.owner) ? caller.owner : null;
      await db.asCaller(caller, req.context, (tx) => tx`
        insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types, type)
        values (${id}, ${body.name}, ${owner}, ${caller.owner ?? null}, ${body.public ?? false},
                ${apiFileSizeToBytes(body.file_size_limit)}, ${body.allowed_mime_types ?? null}, ${body.type ?? 'STANDARD'})`);
      sendOk(req.response, { name: id });
    },

    async update(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      const body = await req.body(updateBucketSchema);
      const sizeLimit = body.file_size_limit === undefined ? undefined : apiFileSizeToBytes(body.file_size_limit);
      const updated = await db.asCaller(caller, req.context, (tx) => tx`
        update storage.buckets set
          public = coalesce(${body.public ?? null}, public),
          file_size_limit = case when ${sizeLimit === undefined} then file_size_limit else ${sizeLimit ?? null}::bigint end,
          allowed_mime_types = case when ${body.allowed_mime_types === undefined} then allowed_mime_types else ${body.allowed_mime_types ?? null}::text[] end,
          updated_at = now()
        where id = ${req.bucketId} returning id`);
      if (updated.length === 0) throw storageError.noSuchBucket();
      sendOk(req.response, { message: 'Successfully updated' });
    },

    async empty(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      await requireVisibleBucket(caller, req.context, req.bucketId);
      const deleted = await db.asCaller(caller, req.context, (tx) => tx<{ version: string | null }[]>`
        delete from storage.objects where bucket_id = ${req.bucketId} returning version`);
      await Promise.all(deleted.map((row) => files.remove(row.version)));
      sendOk(req.response, { message: 'Successfully emptied' });
    },

    async remove(req: BucketRequest): Promise<void> {
      const caller = await req.caller();
      await requireVisibleBucket(caller, req.context, req.bucketId);
      const [objects] = await db.sql<{ count: number }[]>`select count(*)::int as count from storage.objects where bucket_id = ${req.bucketId}`;
      if ((objects?.count ?? 0) > 0) throw storageError.bucketNotEmpty();
      const deleted = await db.asCaller(caller, req.context, (tx) => tx`delete from storage.buckets where id = ${req.bucketId} returning id`);
      if (deleted.length === 0) throw storageError.noSuchBucket();
      sendOk(req.response, { message: 'Successfully deleted' });
    },
  };
}

export type BucketRoutes = ReturnType<typeof createBucketRoutes>;

/** A `[storage.buckets.<name>]` table of config.toml, sizes already in bytes. */
export interface DeclaredBucket {
  name: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

/** Creates or updates the buckets config.toml declares, as the Supabase CLI does on start (`supabase seed buckets`). */
export async function applyDeclaredBuckets(db: StorageDatabase, buckets: DeclaredBucket[]): Promise<void> {
  for (const bucket of buckets) {
    await db.sql`
      insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
      values (${bucket.name}, ${bucket.name}, ${bucket.public}, ${bucket.fileSizeLimit}, ${bucket.allowedMimeTypes})
      on conflict (id) do update
        set public = excluded.public, file_size_limit = excluded.file_size_limit,
            allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`;
  }
}
