// A minimal function proving the functions host end to end: answers with the caller's role.
import { z } from 'npm:zod@4';

const query = z.object({ name: z.string().max(100).default('world') });

export async function handler(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return Response.json({ error: 'name must be at most 100 characters' }, { status: 400 });
  return Response.json({ message: `Hello ${parsed.data.name}!`, runtime: `deno ${Deno.version.deno}` });
}

if (import.meta.main) Deno.serve(handler);
