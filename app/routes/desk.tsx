// The technician desk. Every page under /desk requires a technician (or an admin, who supervises it).
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { AppShell, ErrorPanel } from '~/components/app-shell';
import { requireUser } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request, { role: 'technician' });
  return data({ user }, { headers });
}

export default function DeskLayout() {
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
        <ErrorPanel title={`${error.status} ${error.statusText}`} message="This page of the desk could not be shown." />
      ) : (
        <ErrorPanel title="The desk is unavailable" message="Something went wrong on our side. Please try again in a moment." />
      )}
    </main>
  );
}
