// The loader every signed-in area's layout shares (/admin, /app, /desk): the area's role is required, and the
// signed-in user is what the shell shows. Each layout route names its role; requireUser redirects everyone else.
// An area that shows more in its header (the desk's online switch) passes `more`, read as the same signed-in user.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser, type AuthenticatedRequest } from '~/lib/server/auth.server';
import type { UserRole } from '~/lib/shared/roles';

export async function loadRoleLayout<More extends Record<string, unknown> = Record<never, never>>(
  { request }: LoaderFunctionArgs,
  role: UserRole,
  more?: (signedIn: AuthenticatedRequest) => Promise<More>,
) {
  const signedIn = await requireUser(request, { role });
  const extra = more ? await more(signedIn) : ({} as More);
  return data({ ...extra, user: signedIn.user }, { headers: signedIn.headers });
}

export type RoleLayoutLoader = typeof loadRoleLayout;
