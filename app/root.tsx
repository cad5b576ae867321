import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRevalidator, useRouteError } from '@remix-run/react';
import { useEffect } from 'react';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import { browserEnv } from '~/lib/server/env.server';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { useScriptNonce } from '~/lib/shared/script-nonce';
import stylesheet from '~/styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.ico', sizes: '16x16' },
];

export const meta: MetaFunction = () => [{ title: 'Support Hub' }];

/** Marks the document once React has hydrated it, so browser tests wait on a condition, never on a guess. */
function useHydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useScriptNonce();
  useHydratedMarker();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Only the public Supabase URL and anon key reach the browser. */
export async function loader() {
  return { ENV: browserEnv() };
}

/**
 * The browser client refreshes the access token in the background (writing the shared
 * cookies), so a tab left open keeps a valid session; a sign-out in another tab reloads
 * this one's data, which sends the user to sign in.
 */
function useBrowserSession(env: BrowserEnv) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const supabase = getSupabaseBrowserClient(env);
    const { data } = supabase.auth.onAuthStateChange((event) => {
      if (event === 'SIGNED_OUT') revalidator.revalidate();
    });
    return () => data.subscription.unsubscribe();
    // The revalidator object changes on every navigation; subscribing once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [env.SUPABASE_URL, env.SUPABASE_ANON_KEY]);
}

export default function App() {
  const { ENV } = useLoaderData<typeof loader>();
  useBrowserSession(ENV);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  const detail = isRouteErrorResponse(error) ? String(error.data ?? '') : 'An unexpected error occurred. Please try again.';
  return (
    <main className="page narrow" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <a href="/">Back to Support Hub</a>
    </main>
  );
}
