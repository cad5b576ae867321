// What every edge function answers with: CORS for browser callers, JSON bodies, and errors a
// person can read. A thrown HttpError becomes its status and message; anything else becomes a
// 500 with a generic message (the detail goes to the function's log, never to the caller).
import { z } from 'npm:zod@4';

export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = 'bad_request') {
    super(message);
    this.name = 'HttpError';
  }
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...corsHeaders, ...(init.headers ?? {}) } });
}

export function errorResponse(status: number, message: string, code: string): Response {
  return jsonResponse({ error: { code, message } }, { status });
}

/** Parses a JSON body against a schema; a malformed or invalid body is a 400 that names the field. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new HttpError(400, 'The request body must be JSON.', 'bad_json');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `${field}${issue?.message ?? 'invalid request'}`, 'validation_failed');
  }
  return parsed.data;
}

/** Wraps a handler: answers CORS preflights, restricts methods, and turns errors into responses. */
export function handleRequests(
  methods: string[],
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    if (!methods.includes(request.method)) {
      return errorResponse(405, `Use ${methods.join(' or ')} for this function.`, 'method_not_allowed');
    }
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.message, error.code);
      console.error(error);
      return errorResponse(500, 'Something went wrong on our side. Please try again.', 'internal_error');
    }
  };
}
