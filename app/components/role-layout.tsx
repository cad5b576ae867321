// The component every signed-in area's layout renders: the shared shell (with the links of the user's role) around
// the area's pages. The data comes from loadRoleLayout (app/lib/server/role-layout.server.ts); an area may put a
// bar of its own above its pages (the desk: online switch and notifications).
import { Outlet, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { AppShell } from '~/components/app-shell';
import type { SignedInUser } from '~/lib/server/auth.server';

export function RoleLayout({ areaBar }: { areaBar?: ReactNode } = {}) {
  const { user } = useLoaderData<{ user: SignedInUser }>();
  return (
    <AppShell user={user}>
      {areaBar ? <div className="area-bar">{areaBar}</div> : null}
      <Outlet />
    </AppShell>
  );
}
