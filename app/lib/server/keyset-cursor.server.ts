// Opaque keyset cursors for paged lists (the desk's cards and its table view): the last row's sort key as base64url
// JSON. Each list validates its own shape; a cursor that does not decode (edited by hand, from an old version, of
// another list) reads as "no cursor", so the list starts from its first page instead of failing.
import type { z } from 'zod';

export function encodeCursor(cursor: unknown): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor<Schema extends z.ZodType>(schema: Schema, value: string | undefined): z.output<Schema> | undefined {
  if (!value) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
