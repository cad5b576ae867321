// The admin area. Every page under /admin requires an admin.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { RoleLayout } from '~/components/role-layout';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { loadRoleLayout } from '~/lib/server/role-layout.server';

export const loader = (args: LoaderFunctionArgs) => loadRoleLayout(args, 'admin');

export default function AdminLayout() {
  return <RoleLayout />;
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This admin page could not be shown.',
  unexpected: { title: 'The admin area is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
