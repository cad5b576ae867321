// Errors shaped as Supabase Storage (storage-api) sends them: a body `{ statusCode, code, error, message }` whose
// `statusCode` is the meaningful status ("404", "413", "415", "403", …) while the HTTP status is 400 for every
// error but internal ones (500), as storage-api's error handler does for the REST routes. storage-js reads the
// body's statusCode, code and message into its StorageApiError, so clients see exactly what they see on Supabase.
import type { ServerResponse } from 'node:http';
import postgres from 'postgres';
import { corsHeaders, sendJson } from '../http.ts';

export class StorageHttpError extends Error {
  constructor(
    /** The status in the body (storage-api's httpStatusCode). */
    readonly statusCode: number,
    readonly code: string,
    /** The older `error` field clients still read (e.g. "not_found", "Payload too large"). */
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'StorageHttpError';
  }
}

export const storageError = {
  noSuchBucket: () => new StorageHttpError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageHttpError(404, 'NoSuchKey', 'not_found', 'Object not found'),
  accessDenied: (message = 'Access denied') => new StorageHttpError(403, 'AccessDenied', 'Unauthorized', message),
  entityTooLarge: (entity = 'object') => new StorageHttpError(413, 'EntityTooLarge', 'Payload too large', `The ${entity} exceeded the maximum allowed size`),
  invalidMimeType: (mimeType: string) => new StorageHttpError(415, 'InvalidMimeType', 'invalid_mime_type', `mime type ${mimeType} is not supported`),
  invalidJwt: (message: string) => new StorageHttpError(400, 'InvalidJWT', 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') => new StorageHttpError(400, 'InvalidSignature', 'InvalidSignature', message),
  invalidKey: (key: string) => new StorageHttpError(400, 'InvalidKey', 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageHttpError(400, 'InvalidBucketName', 'Invalid Input', 'Bucket name invalid'),
  invalidFileSizeLimit: () => new StorageHttpError(400, 'InvalidRequest', 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  alreadyExists: () => new StorageHttpError(409, 'ResourceAlreadyExists', 'Duplicate', 'The resource already exists'),
  bucketNotEmpty: () => new StorageHttpError(409, 'ResourceNotEmpty', 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  invalidRequest: (message: string) => new StorageHttpError(400, 'InvalidRequest', 'InvalidRequest', message),
  noContent: () => new StorageHttpError(400, 'InvalidRequest', 'InvalidRequest', 'No content provided'),
  notFoundRoute: (method: string, path: string) => new StorageHttpError(404, 'NotFound', 'Not Found', `Route ${method}:${path} not found`),
  internal: () => new StorageHttpError(500, 'InternalError', 'Internal', 'Internal Server Error'),
};

/** storage-api's translation of database errors (its DBError.fromDBError), for the codes a request can meet. */
export function fromDatabaseError(error: unknown): StorageHttpError | undefined {
  if (!(error instanceof postgres.PostgresError)) return undefined;
  switch (error.code) {
    case '42501':
      return storageError.accessDenied(error.message.includes('row-level security') ? 'new row violates row-level security policy' : error.message);
    case '23505':
      return storageError.alreadyExists();
    case '23503':
      return new StorageHttpError(400, 'InvalidRequest', 'InvalidRequest', 'The resource could not be updated or removed due to a foreign key constraint');
    case '22P02':
      return new StorageHttpError(400, 'InvalidParameter', 'InvalidParameter', error.message);
    case '57014':
      return new StorageHttpError(544, 'DatabaseTimeout', 'DatabaseTimeout', 'The connection to the database timed out');
    default:
      return undefined;
  }
}

export function sendStorageError(response: ServerResponse, error: StorageHttpError): void {
  // An unknown route is the framework's own 404 (fastify's), not a storage error.
  const httpStatus = error.statusCode >= 500 ? error.statusCode : error.code === 'NotFound' ? 404 : 400;
  sendJson(response, httpStatus, { statusCode: String(error.statusCode), code: error.code, error: error.error, message: error.message }, corsHeaders);
}
