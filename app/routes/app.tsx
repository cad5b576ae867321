// The customer area. Every page under /app requires a signed-in customer.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { AppShell, ErrorPanel } from '~/components/app-shell';
import { requireUser } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request, { role: 'customer' });
  return data({ user }, { headers });
}

export default function CustomerLayout() {
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
        <ErrorPanel title={`${error.status} ${error.statusText}`} message="This page of your support area could not be shown." />
      ) : (
        <ErrorPanel title="Your support area is unavailable" message="Something went wrong on our side. Please try again in a moment." />
      )}
    </main>
  );
}
