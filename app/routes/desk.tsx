// The technician desk. Every page under /desk requires a technician (or an admin, who supervises it).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { RoleLayout } from '~/components/role-layout';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { loadRoleLayout } from '~/lib/server/role-layout.server';

export const loader = (args: LoaderFunctionArgs) => loadRoleLayout(args, 'technician');

export default function DeskLayout() {
  return <RoleLayout />;
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This page of the desk could not be shown.',
  unexpected: { title: 'The desk is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
