// Server-side form validation with zod: one message per field, shown next to that field.
import type { z } from 'zod';

export type FieldErrors = Record<string, string | undefined>;

export type FormResult<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

export function parseForm<Schema extends z.ZodType<Record<string, unknown>>>(schema: Schema, formData: FormData): FormResult<z.output<Schema>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string') raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return { success: false, fieldErrors };
}
