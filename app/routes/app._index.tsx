import type { MetaFunction } from '@remix-run/react';
import { useRouteLoaderData } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';
import type { loader as customerLayoutLoader } from './app';

export const meta: MetaFunction = () => [{ title: 'My support · Support Hub' }];

export default function CustomerHome() {
  const layout = useRouteLoaderData<typeof customerLayoutLoader>('routes/app');
  const firstName = layout?.user.fullName.split(' ')[0] ?? 'there';
  return (
    <>
      <h1>Hi {firstName}, how can we help?</h1>
      <p className="lead">Ask our assistant, follow a guided fix, or reach a technician.</p>
      <EmptyState title="No conversations yet">
        When you start a conversation with our assistant or a technician, it will appear here so you can pick it up at any time.
      </EmptyState>
    </>
  );
}
