// The object routes of Supabase Storage's REST API (what storage-js calls under /object). Each follows
// storage-api's order of checks: the key, the bucket (read as the owner), the bucket's limits, then the caller's
// permission as the project's RLS policies decide it (a rolled-back write as the caller), then the bytes, then the
// row written as the owner, with the file renamed into place inside that transaction.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { corsHeaders } from '../http.ts';
import type { StorageCaller, StorageDatabase, RequestContext, Transaction } from './database.ts';
import { storageError } from './errors.ts';
import type { ObjectFiles } from './files.ts';
import { parseTransform, transformFromQuery, transformImage, type ImageTransform } from './images.ts';
import type { UrlSigner } from './signing.ts';
import { sendOk, type StorageRequest } from './request.ts';
import { incomingFile } from './upload-body.ts';

export interface ObjectRouteDeps {
  db: StorageDatabase;
  files: ObjectFiles;
  signer: UrlSigner;
  /** The project-wide upload limit (`[storage] file_size_limit`), which no bucket can raise. */
  globalFileSizeLimit: number;
}

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

interface BucketLimits {
  id: string;
  public: boolean;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

const OBJECT_COLUMNS = 'id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

/** Signed upload URLs live two hours, as on Supabase. */
const SIGNED_UPLOAD_EXPIRY_SECONDS = 2 * 60 * 60;

// Keys storage-api accepts (S3-safe characters and a few that need care); anything else is InvalidKey.
const VALID_OBJECT_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;

export function requireValidKey(name: string): void {
  if (name.length === 0 || !VALID_OBJECT_KEY.test(name)) throw storageError.invalidKey(name);
}

const isUuid = (value: string | undefined): value is string => value !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** storage-api's mime check: `type/subtype` listed exactly, or `type/*`. */
function requireAllowedMimeType(mimeType: string, allowed: string[]): void {
  const [type, subtype] = mimeType.split(';')[0]!.trim().split('/');
  if (!type || !subtype) throw storageError.invalidMimeType(mimeType);
  const ok = allowed.some((entry) => {
    const [allowedType, allowedSubtype] = entry.split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
  if (!ok) throw storageError.invalidMimeType(mimeType);
}

async function findBucket(db: StorageDatabase, bucketId: string): Promise<BucketLimits> {
  const [bucket] = await db.sql<BucketLimits[]>`select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = ${bucketId}`;
  if (!bucket) throw storageError.noSuchBucket();
  return bucket;
}

async function findObjectAs(tx: Transaction | StorageDatabase['sql'], bucketId: string, name: string): Promise<ObjectRow> {
  const [row] = await tx.unsafe<ObjectRow[]>(`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`, [bucketId, name]);
  if (!row) throw storageError.noSuchKey();
  return row;
}

/** The row a caller's upload would write, for the permission test: the same columns the real write sets. */
function testWrite(tx: Transaction, row: { bucketId: string; name: string; owner: string | undefined; metadata: Record<string, unknown>; upsert: boolean }) {
  const owner = isUuid(row.owner) ? row.owner : null;
  const values = [row.bucketId, row.name, owner, row.owner ?? null, row.metadata];
  return row.upsert
    ? tx.unsafe(
        `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version) values ($1, $2, $3, $4, $5, '1')
         on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata, version = excluded.version`,
        values as never[],
      )
    : tx.unsafe(`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version) values ($1, $2, $3, $4, $5, '1')`, values as never[]);
}

interface StoreUpload {
  request: IncomingMessage;
  bucketId: string;
  name: string;
  owner: string | undefined;
  upsert: boolean;
  /** The caller whose policies must allow the write; absent for a signed upload URL (the signer's were tested). */
  caller: StorageCaller | undefined;
  context: RequestContext;
}

/** Stores an uploaded file as `bucket/name`: nothing is kept, row or file, unless every step succeeds. */
async function storeUpload(deps: ObjectRouteDeps, upload: StoreUpload): Promise<{ id: string; key: string }> {
  const { db, files } = deps;
  let discard: () => void = () => void upload.request.resume();
  try {
    requireValidKey(upload.name);
    const bucket = await findBucket(db, upload.bucketId);
    const limit = Math.min(deps.globalFileSizeLimit, bucket.file_size_limit === null ? Infinity : Number(bucket.file_size_limit));
    const file = await incomingFile(upload.request, limit);
    discard = file.discard;
    if (bucket.allowed_mime_types && bucket.allowed_mime_types.length > 0) requireAllowedMimeType(file.mimeType, bucket.allowed_mime_types);
    if (file.declaredLength !== undefined && file.declaredLength > limit) throw storageError.entityTooLarge();
    if (upload.caller) {
      const metadata = { mimetype: file.mimeType, contentLength: file.declaredLength };
      await db.testPermission(upload.caller, upload.context, (tx) => testWrite(tx, { bucketId: upload.bucketId, name: upload.name, owner: upload.owner, metadata, upsert: upload.upsert }));
    }
    const written = await files.writeTemp(file.body, limit, file.isTruncated);
    discard = () => {};
    const version = randomUUID();
    const metadata = {
      eTag: written.eTag,
      size: written.size,
      mimetype: file.mimeType,
      cacheControl: file.cacheControl,
      lastModified: new Date().toISOString(),
      contentLength: written.size,
      httpStatusCode: 200,
    };
    let installed = false;
    try {
      const { id, replacedVersion } = await db.asOwner(async (tx) => {
        // One writer per key at a time, so the replaced version read here is the one overwritten.
        await tx`select pg_advisory_xact_lock(hashtext(${`${upload.bucketId}/${upload.name}`}))`;
        const [existing] = await tx<{ version: string | null }[]>`
          select version from storage.objects where bucket_id = ${upload.bucketId} and name = ${upload.name} for update`;
        if (existing && !upload.upsert) throw storageError.alreadyExists();
        const ownerUuid = isUuid(upload.owner) ? upload.owner : null;
        const [row] = await tx<{ id: string }[]>`
          insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
          values (${upload.bucketId}, ${upload.name}, ${ownerUuid}, ${upload.owner ?? null}, ${tx.json(metadata)}, ${file.userMetadata ? tx.json(file.userMetadata as never) : null}, ${version})
          on conflict (bucket_id, name) do update
            set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
                user_metadata = excluded.user_metadata, version = excluded.version, last_accessed_at = now()
          returning id`;
        await files.install(written.tempPath, version);
        installed = true;
        return { id: row!.id, replacedVersion: existing?.version ?? null };
      });
      await files.remove(replacedVersion);
      return { id, key: `${upload.bucketId}/${upload.name}` };
    } catch (error) {
      await (installed ? files.remove(version) : files.discardTemp(written.tempPath));
      throw error;
    }
  } catch (error) {
    discard();
    throw error;
  }
}

function contentDisposition(name: string, download: string | null): Record<string, string> {
  if (download === null) return {};
  const filename = download || name.split('/').at(-1) || name;
  return { 'content-disposition': `attachment; filename=${encodeURIComponent(filename)}; filename*=UTF-8''${encodeURIComponent(filename)}` };
}

async function sendObject(deps: ObjectRouteDeps, request: IncomingMessage, response: ServerResponse, row: ObjectRow, url: URL): Promise<void> {
  const metadata = row.metadata ?? {};
  const headers: Record<string, string> = {
    ...corsHeaders,
    'content-type': String(metadata.mimetype ?? 'application/octet-stream'),
    'content-length': String(metadata.size ?? 0),
    'cache-control': String(metadata.cacheControl ?? 'no-cache'),
    etag: String(metadata.eTag ?? ''),
    'last-modified': new Date(String(metadata.lastModified ?? row.updated_at)).toUTCString(),
    ...contentDisposition(row.name, url.searchParams.get('download')),
  };
  if (!row.version) throw storageError.noSuchKey();
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(deps.files.read(row.version), response);
}

/** Sends an object transformed (`/render/image`): read whole (images are small), resized, in its own format. */
async function sendTransformed(deps: ObjectRouteDeps, response: ServerResponse, row: ObjectRow, transform: ImageTransform): Promise<void> {
  if (!row.version) throw storageError.noSuchKey();
  const chunks: Buffer[] = [];
  for await (const chunk of deps.files.read(row.version)) chunks.push(chunk as Buffer);
  const { body, contentType } = await transformImage(Buffer.concat(chunks), transform);
  response.writeHead(200, {
    ...corsHeaders,
    'content-type': contentType,
    'content-length': String(body.length),
    'cache-control': String(row.metadata?.cacheControl ?? 'no-cache'),
    'last-modified': new Date(String(row.metadata?.lastModified ?? row.updated_at)).toUTCString(),
  });
  response.end(body);
}

const signBodySchema = z.object({ expiresIn: z.number(), transform: z.record(z.string(), z.unknown()).optional() });
const signManyBodySchema = z.object({ expiresIn: z.number(), paths: z.array(z.string()).min(1).max(1000) });
const listBodySchema = z.object({
  prefix: z.string().default(''),
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).optional(),
  search: z.string().optional(),
  sortBy: z.object({ column: z.enum(['name', 'updated_at', 'created_at', 'last_accessed_at']), order: z.enum(['asc', 'desc']).optional() }).optional(),
});
const removeBodySchema = z.object({ prefixes: z.array(z.string()).min(1).max(1000) });
const moveBodySchema = z.object({ bucketId: z.string().min(1), sourceKey: z.string().min(1), destinationKey: z.string().min(1), destinationBucket: z.string().optional() });
const copyBodySchema = moveBodySchema.extend({ copyMetadata: z.boolean().optional() });

export interface ObjectRequest extends StorageRequest {
  request: IncomingMessage;
  /** The object's name below the bucket (empty for bucket-wide routes). */
  name: string;
}

const isUpsert = (request: IncomingMessage) => request.headers['x-upsert'] === 'true';

export function createObjectRoutes(deps: ObjectRouteDeps) {
  const { db, files, signer } = deps;

  return {
    async upload(req: ObjectRequest, mode: 'create' | 'update'): Promise<void> {
      const caller = await req.caller();
      // PUT (storage-js `update`) overwrites, as storage-api treats it as an upsert.
      const upsert = mode === 'update' || isUpsert(req.request);
      const stored = await storeUpload(deps, { request: req.request, bucketId: req.bucketId, name: req.name, owner: caller.owner, upsert, caller, context: req.context });
      sendOk(req.response, { Id: stored.id, Key: stored.key });
    },

    async download(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const row = await db.asCaller(caller, req.context, (tx) => findObjectAs(tx, req.bucketId, req.name));
      await sendObject(deps, req.request, req.response, row, req.url);
    },

    async info(req: ObjectRequest, visibility: 'caller' | 'public'): Promise<void> {
      const row =
        visibility === 'public'
          ? await (async () => {
              const bucket = await findBucket(db, req.bucketId);
              if (!bucket.public) throw storageError.noSuchBucket();
              return findObjectAs(db.sql, req.bucketId, req.name);
            })()
          : await db.asCaller(await req.caller(), req.context, (tx) => findObjectAs(tx, req.bucketId, req.name));
      const metadata = row.metadata ?? {};
      sendOk(req.response, {
        id: row.id,
        version: row.version,
        name: row.name,
        bucket_id: row.bucket_id,
        size: metadata.size ?? null,
        content_type: metadata.mimetype ?? null,
        cache_control: metadata.cacheControl ?? null,
        etag: metadata.eTag ?? null,
        metadata: row.user_metadata,
        last_modified: metadata.lastModified ?? null,
        created_at: row.created_at,
      });
    },

    async downloadPublic(req: ObjectRequest): Promise<void> {
      const bucket = await findBucket(db, req.bucketId);
      if (!bucket.public) throw storageError.noSuchBucket();
      const row = await findObjectAs(db.sql, req.bucketId, req.name);
      await sendObject(deps, req.request, req.response, row, req.url);
    },

    async downloadSigned(req: ObjectRequest): Promise<void> {
      const token = req.url.searchParams.get('token');
      if (!token) throw storageError.invalidRequest('Missing Required Parameter token');
      await signer.verify(token, `${req.bucketId}/${req.name}`, 'download');
      // A read as the owner needs no transaction: one round trip per signed download.
      const row = await findObjectAs(db.sql, req.bucketId, req.name);
      await sendObject(deps, req.request, req.response, row, req.url);
    },

    async createSignedUrl(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const { expiresIn, transform } = await req.body(signBodySchema);
      // With `transform` the URL serves the transformed image, its options fixed inside the token (as on Supabase).
      const transformation = transform && Object.keys(transform).length > 0 ? parseTransform(transform) : undefined;
      await db.asCaller(caller, req.context, (tx) => findObjectAs(tx, req.bucketId, req.name));
      const token = await signer.sign({ url: `${req.bucketId}/${req.name}`, scope: 'download', ...(transformation ? { transformation } : {}) }, expiresIn);
      const route = transformation ? 'render/image/sign' : 'object/sign';
      sendOk(req.response, { signedURL: `/${route}/${req.bucketId}/${req.name}?token=${token}` });
    },

    async renderAuthenticated(req: ObjectRequest): Promise<void> {
      const transform = transformFromQuery(req.url.searchParams);
      const caller = await req.caller();
      const row = await db.asCaller(caller, req.context, (tx) => findObjectAs(tx, req.bucketId, req.name));
      await sendTransformed(deps, req.response, row, transform);
    },

    async renderPublic(req: ObjectRequest): Promise<void> {
      const transform = transformFromQuery(req.url.searchParams);
      const bucket = await findBucket(db, req.bucketId);
      if (!bucket.public) throw storageError.noSuchBucket();
      await sendTransformed(deps, req.response, await findObjectAs(db.sql, req.bucketId, req.name), transform);
    },

    async renderSigned(req: ObjectRequest): Promise<void> {
      const token = req.url.searchParams.get('token');
      if (!token) throw storageError.invalidRequest('Missing Required Parameter token');
      const claims = await signer.verify(token, `${req.bucketId}/${req.name}`, 'download');
      // The token's options, never the query's: a signed link cannot be widened into another rendition.
      if (!claims.transformation) throw storageError.invalidSignature('Token is not signed for a transformation');
      await sendTransformed(deps, req.response, await findObjectAs(db.sql, req.bucketId, req.name), parseTransform(claims.transformation));
    },

    async createSignedUrls(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const { expiresIn, paths } = await req.body(signManyBodySchema);
      const visible = await db.asCaller(caller, req.context, (tx) => tx<{ name: string }[]>`
        select name from storage.objects where bucket_id = ${req.bucketId} and name = any(${paths})`);
      const names = new Set(visible.map((row) => row.name));
      const results = await Promise.all(
        paths.map(async (path) => {
          if (!names.has(path)) return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
          const token = await signer.sign({ url: `${req.bucketId}/${path}`, scope: 'download' }, expiresIn);
          return { error: null, path, signedURL: `/object/sign/${req.bucketId}/${path}?token=${token}` };
        }),
      );
      sendOk(req.response, results);
    },

    async createSignedUploadUrl(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      requireValidKey(req.name);
      await findBucket(db, req.bucketId);
      const upsert = isUpsert(req.request);
      await db.testPermission(caller, req.context, (tx) => testWrite(tx, { bucketId: req.bucketId, name: req.name, owner: caller.owner, metadata: {}, upsert }));
      const objectUrl = `${req.bucketId}/${req.name}`;
      const token = await signer.sign({ url: objectUrl, scope: 'upload', owner: caller.owner, upsert }, SIGNED_UPLOAD_EXPIRY_SECONDS);
      sendOk(req.response, { url: `/object/upload/sign/${objectUrl}?token=${token}`, token });
    },

    async uploadToSignedUrl(req: ObjectRequest): Promise<void> {
      const token = req.url.searchParams.get('token');
      if (!token) {
        req.request.resume();
        throw storageError.invalidRequest('Missing Required Parameter token');
      }
      let claims;
      try {
        claims = await signer.verify(token, `${req.bucketId}/${req.name}`, 'upload');
      } catch (error) {
        req.request.resume();
        throw error;
      }
      const stored = await storeUpload(deps, { request: req.request, bucketId: req.bucketId, name: req.name, owner: claims.owner, upsert: claims.upsert ?? false, caller: undefined, context: req.context });
      sendOk(req.response, { Key: stored.key });
    },

    async list(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const body = await req.body(listBodySchema);
      // storage-api treats the prefix as a folder.
      const prefix = body.prefix.length > 0 && !body.prefix.endsWith('/') ? `${body.prefix}/` : body.prefix;
      const search = body.search ?? '';
      const rows = await db.asCaller(caller, req.context, (tx) => tx`
        select * from storage.search(${prefix}, ${req.bucketId}, ${body.limit ?? 100}, ${(prefix + search).split('/').length},
                                     ${body.offset ?? 0}, ${search}, ${body.sortBy?.column ?? 'name'}, ${body.sortBy?.order ?? 'asc'})`);
      sendOk(req.response, rows);
    },

    async remove(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const { prefixes } = await req.body(removeBodySchema);
      const deleted = await db.asCaller(caller, req.context, (tx) => tx.unsafe<ObjectRow[]>(
        `delete from storage.objects where bucket_id = $1 and name = any($2) returning ${OBJECT_COLUMNS}`, [req.bucketId, prefixes] as never[]));
      // The rows are gone for good now; their files follow (a failure here leaves an orphan for the sweep).
      await Promise.all(deleted.map((row) => files.remove(row.version)));
      sendOk(req.response, deleted);
    },

    async removeOne(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      await findObjectAs(db.sql, req.bucketId, req.name);
      const deleted = await db.asCaller(caller, req.context, (tx) => tx<{ version: string | null }[]>`
        delete from storage.objects where bucket_id = ${req.bucketId} and name = ${req.name} returning version`);
      if (deleted.length === 0) throw storageError.accessDenied('Access denied');
      await files.remove(deleted[0]!.version);
      sendOk(req.response, { message: 'Successfully deleted' });
    },

    async move(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const body = await req.body(moveBodySchema);
      requireValidKey(body.destinationKey);
      const destinationBucket = body.destinationBucket || body.bucketId;
      const ownerUuid = isUuid(caller.owner) ? caller.owner : null;
      const rename = (tx: Transaction) => tx<{ id: string }[]>`
        update storage.objects set name = ${body.destinationKey}, bucket_id = ${destinationBucket}, owner = ${ownerUuid}, owner_id = ${caller.owner ?? null}
        where bucket_id = ${body.bucketId} and name = ${body.sourceKey} returning id`;
      await db.testPermission(caller, req.context, async (tx) => {
        await findObjectAs(tx, body.bucketId, body.sourceKey);
        if ((await rename(tx)).length === 0) throw storageError.noSuchKey();
      });
      // The file is named by its version, so moving the row moves the object.
      const [moved] = await db.asOwner(rename);
      if (!moved) throw storageError.noSuchKey();
      sendOk(req.response, { message: 'Successfully moved', Id: moved.id });
    },

    async copy(req: ObjectRequest): Promise<void> {
      const caller = await req.caller();
      const body = await req.body(copyBodySchema);
      requireValidKey(body.destinationKey);
      const destinationBucket = body.destinationBucket || body.bucketId;
      const upsert = isUpsert(req.request);
      const source = await db.asCaller(caller, req.context, (tx) => findObjectAs(tx, body.bucketId, body.sourceKey));
      if (!source.version) throw storageError.noSuchKey();
      const metadata = source.metadata ?? {};
      await db.testPermission(caller, req.context, (tx) => testWrite(tx, { bucketId: destinationBucket, name: body.destinationKey, owner: caller.owner, metadata, upsert }));
      const version = randomUUID();
      await files.copy(source.version, version);
      try {
        const { row, replacedVersion } = await db.asOwner(async (tx) => {
          await tx`select pg_advisory_xact_lock(hashtext(${`${destinationBucket}/${body.destinationKey}`}))`;
          const [existing] = await tx<{ version: string | null }[]>`
            select version from storage.objects where bucket_id = ${destinationBucket} and name = ${body.destinationKey} for update`;
          if (existing && !upsert) throw storageError.alreadyExists();
          const ownerUuid = isUuid(caller.owner) ? caller.owner : null;
          const userMetadata = body.copyMetadata === false ? null : source.user_metadata;
          const [inserted] = await tx.unsafe<ObjectRow[]>(
            `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
             values ($1, $2, $3, $4, $5, $6, $7)
             on conflict (bucket_id, name) do update
               set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
                   user_metadata = excluded.user_metadata, version = excluded.version
             returning ${OBJECT_COLUMNS}`,
            [destinationBucket, body.destinationKey, ownerUuid, caller.owner ?? null, { ...metadata, lastModified: new Date().toISOString() }, userMetadata, version] as never[],
          );
          return { row: inserted!, replacedVersion: existing?.version ?? null };
        });
        await files.remove(replacedVersion);
        sendOk(req.response, { Id: row.id, Key: `${destinationBucket}/${body.destinationKey}`, ...row });
      } catch (error) {
        await files.remove(version);
        throw error;
      }
    },
  };
}

export type ObjectRoutes = ReturnType<typeof createObjectRoutes>;
