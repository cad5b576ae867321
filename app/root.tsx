import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRevalidator, useRouteLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import { browserEnv } from '~/lib/server/env.server';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { useRememberTimeZone } from '~/lib/browser/remember-time-zone';
import { viewerClock } from '~/lib/server/viewer-clock.server';
import { pathIsReadable } from '~/lib/shared/forms';
import { SiteErrorPage } from '~/components/site-error-page';
import { useScriptNonce } from '~/lib/shared/script-nonce';
import stylesheet from '~/styles/app.css';
import phoneStylesheet from '~/styles/responsive.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'stylesheet', href: phoneStylesheet },
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
  // The zone the page was rendered in (decision 0023), for tests and styles to read; empty when unknown (UTC shown).
  const timeZone = useRouteLoaderData<typeof loader>('root')?.clock.timeZone ?? '';
  return (
    <html lang="en" data-time-zone={timeZone}>
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

/** Only the public Supabase URL and anon key reach the browser; the viewer's clock renders every time (decision 0023). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!pathIsReadable(request)) throw data('Part of the address could not be read.', { status: 400, statusText: 'Bad Request' });
  return { ENV: browserEnv(), clock: viewerClock(request) };
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
  const { ENV, clock } = useLoaderData<typeof loader>();
  useBrowserSession(ENV);
  useRememberTimeZone(clock.timeZone);
  return <Outlet />;
}

/** Unknown paths (404) and failures no route caught (500): the branded page, inside the site's frame. */
export function ErrorBoundary() {
  return <SiteErrorPage />;
}
