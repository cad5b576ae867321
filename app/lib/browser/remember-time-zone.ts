// Tells the server the browser's time zone (decision 0023). After hydration — so the first render always matches
// the server's — the root compares the browser's zone with the one the page was rendered in; when they differ it
// writes the cookie (a year, the whole site, readable by the server) and reloads the loaders' data once, so the
// page re-renders in the viewer's zone and every later request is rendered in it from the start.
import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '~/lib/shared/time-format';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function rememberedTimeZone(): string | null {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(TIME_ZONE_COOKIE.length + 1)) : null;
}

export function useRememberTimeZone(renderedZone: string | null | undefined) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone || zone === rememberedTimeZone()) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    // Only a cookie written just now reloads (never in a loop: a zone the server refuses stays remembered as is).
    if (renderedZone !== zone) revalidator.revalidate();
    // The revalidator object changes on every navigation; the zone is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renderedZone]);
}
