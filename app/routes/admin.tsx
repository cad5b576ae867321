// The admin area. Every page under /admin requires an admin.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { AppShell, ErrorPanel } from '~/components/app-shell';
import { requireUser } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request, { role: 'admin' });
  return data({ user }, { headers });
}

export default function AdminLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <main className="page narrow">
      {isRouteErrorResponse(error) ? (
        <ErrorPanel title={`${error.status} ${error.statusText}`} message="This admin page could not be shown." />
      ) : (
        <ErrorPanel title="The admin area is unavailable" message="Something went wrong on our side. Please try again in a moment." />
      )}
    </main>
  );
}
