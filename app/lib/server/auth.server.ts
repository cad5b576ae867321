// Who is asking: the session's access token verified by `getClaims()` (against the Auth
// service's JWKS, cached per process, so no network round-trip for asymmetric keys).
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { refusedAreaRedirect, rolesAllowedIn, userRoles, type UserRole } from '~/lib/shared/roles';
import { createSupabaseServerClient, type SupabaseServerClient } from '~/lib/server/supabase.server';

/** The claims of a verified access token, as the database sees them in `request.jwt.claims`. */
export const verifiedClaimsSchema = z
  .object({
    sub: z.string().uuid(),
    role: z.literal('authenticated'),
    email: z.string().optional(),
    // Unknown or missing roles fall back to the least privileged one.
    user_role: z.enum(userRoles).catch('customer'),
    user_metadata: z.record(z.string(), z.unknown()).optional(),
    session_id: z.string().optional(),
  })
  .loose();

export type VerifiedClaims = z.infer<typeof verifiedClaimsSchema>;

export interface SignedInUser {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
}

export interface AuthenticatedRequest {
  user: SignedInUser;
  claims: VerifiedClaims;
  supabase: SupabaseServerClient;
  /** Cookie headers (a refreshed session) that the loader or action must return. */
  headers: Headers;
}

export function userFromClaims(claims: VerifiedClaims): SignedInUser {
  const metadataName = claims.user_metadata?.['full_name'];
  const email = claims.email ?? '';
  const fullName = typeof metadataName === 'string' && metadataName.trim() ? metadataName.trim() : email;
  return { id: claims.sub, email, fullName, role: claims.user_role };
}

/** The verified user of this request, or null when signed out (an invalid token counts as signed out). */
export async function getOptionalUser(request: Request): Promise<Omit<AuthenticatedRequest, 'user' | 'claims'> & { user: SignedInUser | null; claims: VerifiedClaims | null }> {
  const { supabase, headers } = createSupabaseServerClient(request);
  const { data } = await supabase.auth.getClaims();
  const parsed = verifiedClaimsSchema.safeParse(data?.claims);
  if (!parsed.success) return { user: null, claims: null, supabase, headers };
  return { user: userFromClaims(parsed.data), claims: parsed.data, supabase, headers };
}

function loginRedirect(request: Request, headers: Headers): Response {
  const url = new URL(request.url);
  const search = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/login?${search}`, { headers });
}

/**
 * The signed-in user, or a thrown redirect: to /login (remembering where they were going)
 * when signed out, to their own home when their role may not open this area.
 */
export async function requireUser(request: Request, options: { role?: UserRole } = {}): Promise<AuthenticatedRequest> {
  const { user, claims, supabase, headers } = await getOptionalUser(request);
  if (!user || !claims) throw loginRedirect(request, headers);
  if (options.role && !rolesAllowedIn[options.role].includes(user.role)) {
    throw redirect(refusedAreaRedirect(user.role, options.role), { headers });
  }
  return { user, claims, supabase, headers };
}
