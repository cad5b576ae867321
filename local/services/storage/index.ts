// Local Storage service, mounted at /storage/v1: the part of Supabase Storage's REST API that storage-js
// (`supabase.storage`) calls — buckets, uploads, downloads, listing, remove, move, copy, signed URLs for download
// and upload, public URLs — on the real storage.buckets / storage.objects tables, authorised by the project's RLS
// policies evaluated as the caller, with the bytes in the stack's folder. Modules: database (caller and owner
// transactions), objects and buckets (routes), files (disk), signing (signed URL tokens), upload-body (multipart or
// raw bodies), errors (storage-api's error shape).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { z } from 'zod';
import { StackError, type ProjectConfig } from '../../config.ts';
import { warn } from '../../log.ts';
import { readBody, type MountedService } from '../http.ts';
import type { StackKeys } from '../keys.ts';
import { applyDeclaredBuckets, createBucketRoutes, type BucketRequest, type DeclaredBucket } from './buckets.ts';
import { createStorageDatabase, requireCaller, type RequestContext, type StorageCaller } from './database.ts';
import { fromDatabaseError, sendStorageError, storageError, StorageHttpError } from './errors.ts';
import { ObjectFiles } from './files.ts';
import { createObjectRoutes, type ObjectRequest } from './objects.ts';
import { createUrlSigner } from './signing.ts';

export interface StorageServiceOptions {
  keys: StackKeys;
  /** Any superuser URL of the stack's database; Storage connects to it as supabase_storage_admin. */
  dbUrl: string;
  config: ProjectConfig;
  /** The stack's folder (.stack/<profile>); files live in its storage/ folder. */
  stateDir: string;
}

/** How often files without a row are looked for (see ObjectFiles.sweep). */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** config.toml sizes as the Supabase CLI reads them (docker's units: "50MiB", "50MB" and "50m" are all 50 × 1024²). */
export function configSizeToBytes(value: string | number, key: string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value);
  if (!match) throw new StackError(`supabase/config.toml: ${key}: "${value}" is not a size (use e.g. "50MiB")`);
  const power = ['', 'k', 'm', 'g', 't'].indexOf(match[2]!.toLowerCase());
  return Math.floor(Number(match[1]) * 1024 ** power);
}

function declaredBuckets(config: ProjectConfig): DeclaredBucket[] {
  return Object.entries(config.storage.buckets).map(([name, bucket]) => ({
    name,
    public: bucket.public,
    fileSizeLimit: bucket.file_size_limit === undefined ? null : configSizeToBytes(bucket.file_size_limit, `storage.buckets.${name}.file_size_limit`),
    allowedMimeTypes: bucket.allowed_mime_types ?? null,
  }));
}

type Handler = (parts: { objectRequest: ObjectRequest; bucketRequest: BucketRequest }) => Promise<void>;

interface Route {
  method: string | string[];
  /** Matched against the path below /storage/v1; `bucket` and `name` are the captured, decoded parts. */
  pattern: RegExp;
  operation: string;
  handle: Handler;
}

export function createStorageService(options: StorageServiceOptions): MountedService {
  const globalFileSizeLimit = configSizeToBytes(options.config.storage.file_size_limit, 'storage.file_size_limit');
  const buckets = declaredBuckets(options.config);
  const db = createStorageDatabase(options.dbUrl);
  const files = new ObjectFiles(join(options.stateDir, 'storage'));
  const signer = createUrlSigner(options.keys.jwtSecret);
  const objects = createObjectRoutes({ db, files, signer, globalFileSizeLimit });
  const bucketRoutes = createBucketRoutes({ db, files });

  const sweep = async () => {
    try {
      const rows = await db.sql<{ version: string }[]>`select version from storage.objects where version is not null`;
      await files.sweep(new Set(rows.map((row) => row.version)));
    } catch (error) {
      warn(`storage: the sweep for files without a row failed: ${(error as Error).message}`);
    }
  };
  const started = applyDeclaredBuckets(db, buckets).then(sweep);
  const sweeper = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();

  // Order matters: the fixed words (list, move, sign, public, …) before the catch-all `/object/<bucket>/<name>`.
  const routes: Route[] = [
    { method: 'GET', pattern: /^\/render\/image\/authenticated\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.render.image_authenticated', handle: ({ objectRequest }) => objects.renderAuthenticated(objectRequest) },
    { method: 'GET', pattern: /^\/render\/image\/public\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.render.image_public', handle: ({ objectRequest }) => objects.renderPublic(objectRequest) },
    { method: 'GET', pattern: /^\/render\/image\/sign\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.render.image_signed', handle: ({ objectRequest }) => objects.renderSigned(objectRequest) },
    { method: 'GET', pattern: /^\/bucket\/?$/, operation: 'storage.bucket.list', handle: ({ bucketRequest }) => bucketRoutes.list(bucketRequest) },
    { method: 'POST', pattern: /^\/bucket\/?$/, operation: 'storage.bucket.create', handle: ({ bucketRequest }) => bucketRoutes.create(bucketRequest) },
    { method: 'POST', pattern: /^\/bucket\/(?<bucket>[^/]+)\/empty\/?$/, operation: 'storage.bucket.empty', handle: ({ bucketRequest }) => bucketRoutes.empty(bucketRequest) },
    { method: 'GET', pattern: /^\/bucket\/(?<bucket>[^/]+)\/?$/, operation: 'storage.bucket.get', handle: ({ bucketRequest }) => bucketRoutes.get(bucketRequest) },
    { method: 'PUT', pattern: /^\/bucket\/(?<bucket>[^/]+)\/?$/, operation: 'storage.bucket.update', handle: ({ bucketRequest }) => bucketRoutes.update(bucketRequest) },
    { method: 'DELETE', pattern: /^\/bucket\/(?<bucket>[^/]+)\/?$/, operation: 'storage.bucket.delete', handle: ({ bucketRequest }) => bucketRoutes.remove(bucketRequest) },
    { method: 'POST', pattern: /^\/object\/list\/(?<bucket>[^/]+)\/?$/, operation: 'storage.object.list', handle: ({ objectRequest }) => objects.list(objectRequest) },
    { method: 'POST', pattern: /^\/object\/move\/?$/, operation: 'storage.object.move', handle: ({ objectRequest }) => objects.move(objectRequest) },
    { method: 'POST', pattern: /^\/object\/copy\/?$/, operation: 'storage.object.copy', handle: ({ objectRequest }) => objects.copy(objectRequest) },
    { method: 'POST', pattern: /^\/object\/sign\/(?<bucket>[^/]+)\/?$/, operation: 'storage.object.sign_urls', handle: ({ objectRequest }) => objects.createSignedUrls(objectRequest) },
    { method: 'POST', pattern: /^\/object\/sign\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.sign', handle: ({ objectRequest }) => objects.createSignedUrl(objectRequest) },
    { method: ['GET', 'HEAD'], pattern: /^\/object\/sign\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.get_signed', handle: ({ objectRequest }) => objects.downloadSigned(objectRequest) },
    { method: 'POST', pattern: /^\/object\/upload\/sign\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.sign_upload', handle: ({ objectRequest }) => objects.createSignedUploadUrl(objectRequest) },
    { method: 'PUT', pattern: /^\/object\/upload\/sign\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.upload_signed', handle: ({ objectRequest }) => objects.uploadToSignedUrl(objectRequest) },
    { method: ['GET', 'HEAD'], pattern: /^\/object\/public\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.get_public', handle: ({ objectRequest }) => objects.downloadPublic(objectRequest) },
    { method: 'GET', pattern: /^\/object\/info\/public\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.info_public', handle: ({ objectRequest }) => objects.info(objectRequest, 'public') },
    { method: 'GET', pattern: /^\/object\/info\/(?:authenticated\/)?(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.info', handle: ({ objectRequest }) => objects.info(objectRequest, 'caller') },
    { method: ['GET', 'HEAD'], pattern: /^\/object\/authenticated\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.get_authenticated', handle: ({ objectRequest }) => objects.download(objectRequest) },
    { method: 'DELETE', pattern: /^\/object\/(?<bucket>[^/]+)\/?$/, operation: 'storage.object.delete_many', handle: ({ objectRequest }) => objects.remove(objectRequest) },
    { method: ['GET', 'HEAD'], pattern: /^\/object\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.get_authenticated', handle: ({ objectRequest }) => objects.download(objectRequest) },
    { method: 'POST', pattern: /^\/object\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.upload', handle: ({ objectRequest }) => objects.upload(objectRequest, 'create') },
    { method: 'PUT', pattern: /^\/object\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.update', handle: ({ objectRequest }) => objects.upload(objectRequest, 'update') },
    { method: 'DELETE', pattern: /^\/object\/(?<bucket>[^/]+)\/(?<name>.+)$/, operation: 'storage.object.delete', handle: ({ objectRequest }) => objects.removeOne(objectRequest) },
  ];

  async function route(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const url = new URL(path, 'http://local');
    const method = request.method ?? 'GET';
    const found = routes
      .filter((candidate) => (Array.isArray(candidate.method) ? candidate.method : [candidate.method]).includes(method))
      .map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) }))
      .find((entry) => entry.match);
    if (!found?.match) {
      request.resume();
      throw storageError.notFoundRoute(method, `/storage/v1${url.pathname}`);
    }
    await started;
    const decode = (part: string | undefined) => {
      try {
        return decodeURIComponent(part ?? '');
      } catch {
        throw storageError.invalidKey(part ?? '');
      }
    };
    const bucketId = decode(found.match.groups?.bucket);
    const name = decode(found.match.groups?.name);
    const context: RequestContext = { method, path: url.pathname, operation: found.candidate.operation };
    let caller: Promise<StorageCaller> | undefined;
    const shared = {
      response,
      url,
      bucketId,
      context,
      caller: () => (caller ??= requireCaller(request, options.keys)),
      body: async <Schema extends z.ZodTypeAny>(schema: Schema): Promise<z.infer<Schema>> => {
        const text = (await readBody(request, 1024 * 1024)).toString('utf8');
        let raw: unknown = {};
        try {
          raw = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          throw storageError.invalidRequest('Body is not valid JSON');
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw storageError.invalidRequest(`body/${issue?.path.join('/') || ''} ${issue?.message ?? 'is invalid'}`);
        }
        return parsed.data;
      },
    };
    await found.candidate.handle({ objectRequest: { ...shared, request, name }, bucketRequest: shared });
  }

  return {
    prefix: '/storage/v1',
    async handle(request, response, path) {
      try {
        await route(request, response, path);
      } catch (error) {
        const known = error instanceof StorageHttpError ? error : fromDatabaseError(error);
        if (known) return sendStorageError(response, known);
        console.error(`[storage] ${request.method} ${path}:`, error);
        if (response.headersSent) {
          response.destroy();
          return;
        }
        sendStorageError(response, storageError.internal());
      }
    },
    async close() {
      clearInterval(sweeper);
      await started.catch(() => {});
      await db.close();
    },
  };
}

