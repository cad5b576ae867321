// The technician desk. Every page under /desk requires a technician (or an admin, who supervises it). Its bar shows a
// technician their online / away switch (automatic assignment reads it; an admin supervising has none) and everyone
// their unread notifications (SLA escalations), read on each load of the layout (the live board reloads it too).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AvailabilitySwitch } from '~/components/availability-switch';
import { NotificationsMenu } from '~/components/notifications-menu';
import { RoleLayout } from '~/components/role-layout';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { loadRoleLayout } from '~/lib/server/role-layout.server';
import { listUnreadNotifications } from '~/models/notifications.server';
import { isTechnicianOnline } from '~/models/technician-availability.server';

export const loader = (args: LoaderFunctionArgs) =>
  loadRoleLayout(args, 'technician', async ({ user, claims }) => {
    const [isOnline, notifications] = await Promise.all([
      user.role === 'technician' ? isTechnicianOnline({ claims }) : Promise.resolve(null),
      listUnreadNotifications({ claims }),
    ]);
    return { isOnline, notifications };
  });

export default function DeskLayout() {
  const { isOnline, notifications } = useLoaderData<typeof loader>();
  return (
    <RoleLayout
      areaBar={
        <>
          <NotificationsMenu notifications={notifications} />
          {isOnline === null ? null : <AvailabilitySwitch isOnline={isOnline} />}
        </>
      }
    />
  );
}

export const ErrorBoundary = routeErrorBoundary({
  standalone: true,
  response: 'This page of the desk could not be shown.',
  unexpected: { title: 'The desk is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
