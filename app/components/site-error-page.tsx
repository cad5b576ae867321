// The branded error page (issue 21) for what no route's own boundary caught: an unknown path (404), a request the
// app cannot read (400), anything else (500). It keeps the site's header and navigation, so nobody lands on a bare
// "No route matches URL …" with no way on; the router's own text is never shown. The root's loader data is not
// there for these (Remix skips loaders for an unmatched path), so the frame is the public one: home, the help
// centre and a way to sign in — a signed-in visitor reaches their area from "Back to Support Hub".
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { ErrorPanel, ShellFrame } from '~/components/app-shell';

const wordsForStatus: Record<number, { title: string; message: string }> = {
  400: { title: 'That link is not valid', message: 'Part of the address could not be read. Check the link, or start again from the home page.' },
  403: { title: 'That page is not yours to open', message: 'Your account cannot open this page. Go back to your own area instead.' },
  404: { title: 'Page not found', message: 'There is no page at this address. It may have moved, or the link may be mistyped.' },
};

const unexpected = { title: 'Something went wrong on our side', message: 'The page could not be shown. Please try again in a moment.' };

export function SiteErrorPage() {
  const error = useRouteError();
  const words = isRouteErrorResponse(error) ? (wordsForStatus[error.status] ?? unexpected) : unexpected;
  return (
    <ShellFrame
      links={[
        { to: '/', label: 'Home' },
        { to: '/help', label: 'Help centre' },
      ]}
      aside={
        <Link className="button secondary small" to="/login">
          Sign in
        </Link>
      }
    >
      <ErrorPanel title={words.title} message={words.message} />
    </ShellFrame>
  );
}
