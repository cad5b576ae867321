// Times on a page (decision 0023): <LocalTime> for a moment in the viewer's zone, <TimeAgo> for "5 minutes ago".
// Both read the viewer's clock from the root loader, so the server and the hydrating browser print the same text.
import { useRouteLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { conversationTimeStyle, formatMoment, formatTimeAgo, type TimeStyle, type ViewerClock } from '~/lib/shared/time-format';

const MINUTE_MS = 60_000;

/** The viewer's clock as the root loader rendered it (unknown zone under the root's own error page). */
export function useViewerClock(): ViewerClock | null {
  return useRouteLoaderData<{ clock: ViewerClock }>('root')?.clock ?? null;
}

/** `style="conversation"`: the clock for today's messages, the day as well for older ones (conversationTimeStyle). */
export function LocalTime({ iso, style: asked = 'date-time', className }: { iso: string; style?: TimeStyle | 'conversation'; className?: string }) {
  const clock = useViewerClock();
  const style = asked === 'conversation' ? conversationTimeStyle(iso, clock?.timeZone ?? null, clock?.renderedAt ?? Date.parse(iso)) : asked;
  return (
    <time dateTime={iso} className={className} data-local-time={style}>
      {formatMoment(iso, clock?.timeZone ?? null, style)}
    </time>
  );
}

/**
 * "5 minutes ago", counted from the server's render time until hydration is over (the same text on both sides),
 * then from the browser's clock, refreshed every minute. The exact moment is the element's title.
 */
export function TimeAgo({ iso }: { iso: string }) {
  const clock = useViewerClock();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => window.clearInterval(timer);
  }, []);
  const reference = now ?? clock?.renderedAt ?? new Date(iso).getTime();
  return (
    <time dateTime={iso} title={formatMoment(iso, clock?.timeZone ?? null)}>
      {formatTimeAgo(iso, reference)}
    </time>
  );
}
