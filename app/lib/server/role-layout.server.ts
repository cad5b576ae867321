// The loader every signed-in area's layout shares (/admin, /app, /desk): the area's role is required, and the
// signed-in user is what the shell shows. Each layout route names its role; requireUser redirects everyone else.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/lib/server/auth.server';
import type { UserRole } from '~/lib/shared/roles';

export async function loadRoleLayout({ request }: LoaderFunctionArgs, role: UserRole) {
  const { user, headers } = await requireUser(request, { role });
  return data({ user }, { headers });
}

export type RoleLayoutLoader = typeof loadRoleLayout;
