// The file an upload request carries, read as storage-api reads it: either a multipart form (storage-js sends one
// for a Blob or File: `cacheControl` and `metadata` fields, then the file part whose type is the content type) or
// the raw body with Content-Type, Cache-Control and a base64 JSON `x-metadata` header. Multipart is parsed by
// @fastify/busboy, the parser under storage-api's own @fastify/multipart.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { z } from 'zod';
import { storageError } from './errors.ts';

export interface IncomingFile {
  body: Readable;
  mimeType: string;
  cacheControl: string;
  /** The Content-Length of a raw body (a multipart body's includes the form's framing, so it is not known). */
  declaredLength: number | undefined;
  /** Whether the multipart parser cut the file at the size limit. */
  isTruncated(): boolean;
  userMetadata: Record<string, unknown> | undefined;
  /** Reads and drops the rest of the request, so a refusal can be answered on a connection still in use. */
  discard(): void;
}

const userMetadataSchema = z.record(z.string(), z.unknown());

function parseUserMetadata(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  try {
    const parsed = userMetadataSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function incomingFile(request: IncomingMessage, limitBytes: number): Promise<IncomingFile> {
  const contentType = header(request, 'content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    const length = header(request, 'content-length');
    const metadataHeader = header(request, 'x-metadata');
    return Promise.resolve({
      body: request,
      mimeType: contentType || 'application/octet-stream',
      cacheControl: header(request, 'cache-control') ?? 'no-cache',
      declaredLength: length === undefined ? undefined : Number(length),
      isTruncated: () => false,
      userMetadata: metadataHeader === undefined ? undefined : parseUserMetadata(Buffer.from(metadataHeader, 'base64').toString('utf8')),
      discard: () => void request.resume(),
    });
  }
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({ headers: { ...request.headers, 'content-type': contentType }, limits: { fileSize: limitBytes, files: 1 } });
    } catch {
      reject(storageError.noContent());
      return;
    }
    const fields = new Map<string, string>();
    let settled = false;
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (_name, stream, _filename, _encoding, mimeType) => {
      settled = true;
      const cacheTime = fields.get('cacheControl');
      resolve({
        body: stream,
        mimeType: fields.get('contentType') || mimeType,
        cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
        declaredLength: undefined,
        isTruncated: () => stream.truncated,
        userMetadata: parseUserMetadata(fields.get('metadata') ?? fields.get('userMetadata')),
        discard: () => {
          stream.resume();
          request.resume();
        },
      });
    });
    parser.on('finish', () => {
      if (!settled) reject(storageError.noContent());
    });
    parser.on('error', () => {
      if (!settled) reject(storageError.noContent());
    });
    request.pipe(parser);
  });
}
