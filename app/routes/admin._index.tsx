import type { MetaFunction } from '@remix-run/react';
import { Link } from '@remix-run/react';
import { EmptyState } from '~/components/app-shell';

export const meta: MetaFunction = () => [{ title: 'Admin · Support Hub' }];

export default function AdminHome() {
  return (
    <>
      <h1>Admin</h1>
      <p className="lead">Curate the knowledge base and guides, manage people and see how support is going.</p>
      <EmptyState title="Nothing to review yet" action={<Link className="button secondary" to="/desk">Open the desk</Link>}>
        Content to curate, people to manage and reports will appear here.
      </EmptyState>
    </>
  );
}
