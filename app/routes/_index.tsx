import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getOptionalUser } from '~/lib/server/auth.server';
import { roleHome } from '~/lib/shared/roles';

export const meta: MetaFunction = () => [
  { title: 'Support Hub — help when you need it' },
  { name: 'description', content: 'Chat with our assistant, follow a guided fix, or reach a technician.' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getOptionalUser(request);
  return data({ signedIn: user ? { fullName: user.fullName, home: roleHome[user.role] } : null }, { headers });
}

export default function Index() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <main className="page hero">
      <h1>Support Hub</h1>
      <p>Chat with our assistant, follow a guided fix, or reach a technician — all in one place.</p>
      <div className="actions">
        {signedIn ? (
          <Link className="button" to={signedIn.home}>
            Continue as {signedIn.fullName}
          </Link>
        ) : (
          <>
            <Link className="button" to="/login">
              Sign in
            </Link>
            <Link className="button secondary" to="/signup">
              Create an account
            </Link>
          </>
        )}
        <Link className="button secondary" to="/help">
          Help centre
        </Link>
      </div>
    </main>
  );
}
