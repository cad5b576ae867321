// The viewer's clock for a request (decision 0023): the time zone the browser remembered in its cookie, validated
// (an unknown name counts as no zone), and the server's "now" for relative times rendered in this response.
import { parseCookieHeader } from '@supabase/ssr';
import { parseTimeZone, TIME_ZONE_COOKIE, type ViewerClock } from '~/lib/shared/time-format';

export function viewerClock(request: Request): ViewerClock {
  const cookie = parseCookieHeader(request.headers.get('Cookie') ?? '').find(({ name }) => name === TIME_ZONE_COOKIE);
  return { timeZone: parseTimeZone(cookie?.value ? decodeURIComponent(cookie.value) : null), renderedAt: Date.now() };
}
