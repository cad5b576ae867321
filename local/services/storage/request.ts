// What every Storage route handler is given (the router in index.ts builds it), and its one way to answer success.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { corsHeaders, sendJson } from '../http.ts';
import type { RequestContext, StorageCaller } from './database.ts';

export interface StorageRequest {
  response: ServerResponse;
  url: URL;
  bucketId: string;
  context: RequestContext;
  /** The verified caller, read from Authorization once and only by the routes that need one. */
  caller(): Promise<StorageCaller>;
  /** The JSON body checked with zod; bad JSON or a bad field is storage-api's InvalidRequest (400). */
  body<Schema extends z.ZodTypeAny>(schema: Schema): Promise<z.infer<Schema>>;
}

export const sendOk = (response: ServerResponse, body: unknown) => sendJson(response, 200, body, corsHeaders);
