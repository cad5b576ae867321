import type { MetaFunction } from '@remix-run/react';
import { useRouteLoaderData } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import type { loader as deskLayoutLoader } from './desk';

export const meta: MetaFunction = () => [{ title: 'Desk · Support Hub' }];

export default function DeskHome() {
  const layout = useRouteLoaderData<typeof deskLayoutLoader>('routes/desk');
  return (
    <>
      <h1>Desk</h1>
      <p className="lead">Signed in as {layout?.user.fullName}. Tickets and work orders waiting for a technician show up here.</p>
      <EmptyState title="The queue is empty">No open tickets or work orders need a technician right now. New ones appear here as customers ask for help.</EmptyState>
    </>
  );
}
