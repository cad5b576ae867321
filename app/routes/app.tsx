// The customer area. Every page under /app requires a signed-in customer.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { RoleLayout } from '~/components/role-layout';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { loadRoleLayout } from '~/lib/server/role-layout.server';

export const loader = (args: LoaderFunctionArgs) => loadRoleLayout(args, 'customer');

export default function CustomerLayout() {
  return <RoleLayout />;
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This page of your support area could not be shown.',
  unexpected: { title: 'Your support area is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
