// Server-side form validation with zod: one message per field, shown next to that field.
import type { z } from 'zod';

export type FieldErrors = Record<string, string | undefined>;

export type FormResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/** Postgres text cannot hold a NUL character; people never mean to type one (it comes with a bad paste). */
const unstorableCharacter = /\u0000/;
export const unusualCharacterMessage = 'Remove the unusual character (an invisible control character, often pasted in by accident) and try again.';

export function parseForm<Schema extends z.ZodType<Record<string, unknown>>>(schema: Schema, formData: FormData): FormResult<z.output<Schema>> {
  const raw: Record<string, string> = {};
  const fieldErrors: FieldErrors = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string') continue;
    if (unstorableCharacter.test(value)) fieldErrors[key] ??= unusualCharacterMessage;
    raw[key] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return { success: false, fieldErrors };
}

/**
 * A request's query string without the characters Postgres text cannot hold: a search or filter is read as what the
 * person meant, so a pasted NUL is dropped rather than failing the page.
 */
export function searchParamsOf(request: Request): URLSearchParams {
  const cleaned = new URLSearchParams();
  for (const [key, value] of new URL(request.url).searchParams) cleaned.append(key, value.replace(/\u0000/g, ''));
  return cleaned;
}

/**
 * Whether every % escape in the request's path decodes (issue 21). A link cut in the middle of an escape
 * ("/help/%E0%A4%A") cannot be read; the root loader answers it with the branded 400 page instead of letting a
 * route look up a name nobody wrote.
 */
export function pathIsReadable(request: Request): boolean {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return true;
  } catch {
    return false;
  }
}
