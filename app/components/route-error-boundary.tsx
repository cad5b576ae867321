// The one shape of a route's ErrorBoundary: an error response (a thrown 404, 403, 503 …) shows its status and the
// route's sentence; anything else (a bug, an outage) shows the route's "unavailable" panel — never a stack trace.
// Each route keeps its own words; only the shape lives here.
import { isRouteErrorResponse, useRouteError, type ErrorResponse } from '@remix-run/react';
import { ErrorPanel } from '~/components/app-shell';

type ResponseWords = string | ((error: ErrorResponse) => string);

export interface RouteErrorWords {
  /** What an error response says under its "<status> <statusText>" title; without it, responses count as unexpected. */
  response?: ResponseWords;
  /** Titles and messages for particular statuses, e.g. `{ 404: { title: 'Ticket not found' } }`. */
  statuses?: Partial<Record<number, { title: string; message?: ResponseWords }>>;
  /** The panel for anything that is not an error response. */
  unexpected: { title: string; message: string };
  /** For layout routes, whose shell is not rendered around their own boundary: wrap the panel in a narrow page. */
  standalone?: boolean;
}

const say = (words: ResponseWords, error: ErrorResponse) => (typeof words === 'function' ? words(error) : words);

/** A route's ErrorBoundary component, from the route's own words. */
export function routeErrorBoundary({ response, statuses = {}, unexpected, standalone = false }: RouteErrorWords) {
  return function ErrorBoundary() {
    const error = useRouteError();
    const known = isRouteErrorResponse(error) ? statuses[error.status] : undefined;
    const message = isRouteErrorResponse(error) ? (known?.message ?? response) : undefined;
    const panel =
      isRouteErrorResponse(error) && message !== undefined ? (
        <ErrorPanel title={known?.title ?? `${error.status} ${error.statusText}`} message={say(message, error)} />
      ) : (
        <ErrorPanel title={unexpected.title} message={unexpected.message} />
      );
    return standalone ? <main className="page narrow">{panel}</main> : panel;
  };
}
