// The component every signed-in area's layout renders: the shared shell (with the links of the user's role) around
// the area's pages. The data comes from loadRoleLayout (app/lib/server/role-layout.server.ts).
import { Outlet, useLoaderData } from '@remix-run/react';
import { AppShell } from '~/components/app-shell';
import type { RoleLayoutLoader } from '~/lib/server/role-layout.server';

export function RoleLayout() {
  const { user } = useLoaderData<RoleLayoutLoader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}
