// Errors shaped as Supabase Auth (GoTrue) sends them for API version 2024-01-01:
// `{ code, message }` plus the `X-Supabase-Api-Version` response header, which tells
// auth-js to read `code` as the error code (without the header it would look for `error_code`).
import type { ServerResponse } from 'node:http';
import { corsHeaders, sendJson } from '../http.ts';

export const API_VERSION = '2024-01-01';
export const apiVersionHeaders: Record<string, string> = { ...corsHeaders, 'x-supabase-api-version': API_VERSION };

export class AuthHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields GoTrue adds to some errors (e.g. `weak_password.reasons`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthHttpError';
  }
}

export const badRequest = (code: string, message: string) => new AuthHttpError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthHttpError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthHttpError(403, code, message);
export const notFound = (code: string, message: string) => new AuthHttpError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthHttpError(422, code, message);

export function weakPassword(minimumLength: number): AuthHttpError {
  return new AuthHttpError(422, 'weak_password', `Password should be at least ${minimumLength} characters.`, {
    weak_password: { reasons: ['length'] },
  });
}

export function sendAuthError(response: ServerResponse, error: AuthHttpError): void {
  sendJson(response, error.status, { code: error.code, message: error.message, ...error.extra }, apiVersionHeaders);
}

/**
 * The API gateway's answer to a missing or wrong `apikey`: like Supabase's gateway it has
 * no `code`, only a message and a hint, and it comes before Auth sees the request.
 */
export function sendApiKeyError(response: ServerResponse, message: string): void {
  sendJson(response, 401, { message, hint: 'Double check your Supabase `anon` or `service_role` API key.' }, corsHeaders);
}
