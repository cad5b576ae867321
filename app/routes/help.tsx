// The public help centre: open to everyone, signed in or not. Pages below read articles as anon (or as the
// signed-in user) through withRls, so only published articles can ever be shown.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { PublicShell } from '~/components/public-shell';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { getOptionalUser } from '~/lib/server/auth.server';
import { roleHome } from '~/lib/shared/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getOptionalUser(request);
  return data({ user: user ? { fullName: user.fullName, home: roleHome[user.role] } : null }, { headers });
}

export default function HelpLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <PublicShell user={user}>
      <Outlet />
    </PublicShell>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'The help centre could not be shown.',
  unexpected: { title: 'The help centre is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
