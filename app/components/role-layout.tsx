// The component every signed-in area's layout renders: the shared shell (with the links of the user's role) around
// the area's pages. The data comes from loadRoleLayout (app/lib/server/role-layout.server.ts); an area may put a
// bar of its own above its pages (the desk: online switch and notifications). A user whose role may not open the
// page they asked for lands here with `?pageFor=<area role>` and is told so (issue 21: no silent dead ends).
import { Outlet, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { AppShell } from '~/components/app-shell';
import type { SignedInUser } from '~/lib/server/auth.server';
import { refusedAreaParam, rolePeople, userRoles, type UserRole } from '~/lib/shared/roles';

function refusedArea(value: string | null): UserRole | null {
  return userRoles.find((role) => role === value) ?? null;
}

export function RoleLayout({ areaBar }: { areaBar?: ReactNode } = {}) {
  const { user } = useLoaderData<{ user: SignedInUser }>();
  const [searchParams] = useSearchParams();
  const refused = refusedArea(searchParams.get(refusedAreaParam));
  return (
    <AppShell user={user}>
      {refused ? (
        <p className="area-notice" role="status" data-testid="refused-area-notice">
          That page is for {rolePeople[refused]}, so we brought you to your own area.
        </p>
      ) : null}
      {areaBar ? <div className="area-bar">{areaBar}</div> : null}
      <Outlet />
    </AppShell>
  );
}
