// The one home for showing a moment to a person (issue 21, decision 0023): every time on a page is formatted here,
// in the viewer's time zone. The zone comes from the browser (a cookie the root writes after hydration) and reaches
// the server with every request, so the server renders the same text the browser hydrates — no mismatch (#418,
// #425). When the zone is not known yet (a first visit, a cookie that names no zone) times are shown in UTC and say
// so; the root then writes the cookie and reloads its data, and the page re-renders in the viewer's zone.
import { z } from 'zod';

/** The cookie that remembers the browser's IANA time zone ("America/New_York") for the session. */
export const TIME_ZONE_COOKIE = 'tz';

/** Whether this runtime's Intl knows the zone: a name it does not know would throw in every formatter below. */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name as a browser reports it; anything else (a tampered cookie) is refused. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/)
  .refine(isKnownTimeZone);

/**
 * What every time on a rendered page depends on, from the root loader: the viewer's zone (null: unknown, shown in
 * UTC with its label) and the server's clock when it rendered, so relative times ("5 minutes ago") hydrate from
 * the same "now" the server used and only then move to the browser's clock.
 */
export interface ViewerClock {
  timeZone: string | null;
  renderedAt: number;
}

export function parseTimeZone(candidate: string | null | undefined): string | null {
  const parsed = timeZoneSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export type TimeStyle = 'date-time' | 'date' | 'long-date' | 'time' | 'day-time';

const styleOptions: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  // en-GB with a 24-hour clock: no AM/PM, whose spacing differs between ICU versions (server and browser).
  'date-time': { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  'long-date': { day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'day-time': { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(style: TimeStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { ...styleOptions[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A moment as the viewer reads it: "3 Dec 2026, 02:36" in their zone, or "3 Dec 2026, 07:36 UTC" when their zone is
 * unknown. Dates alone carry no label. A value that is not a time comes back as it is rather than "Invalid Date".
 */
export function formatMoment(iso: string, timeZone: string | null, style: TimeStyle = 'date-time'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = formatterFor(style, timeZone ?? 'UTC').format(date);
  const showsClock = style === 'date-time' || style === 'time' || style === 'day-time';
  return timeZone === null && showsClock ? `${text} UTC` : text;
}

/**
 * A message's time in a conversation: the clock alone for today ("18:26"), the day too for an earlier day
 * ("2 Dec, 18:26"), and the year when it is not this one. "Today" is the viewer's, in their zone, at `now` (the root
 * loader's render time, so server and browser agree).
 */
export function conversationTimeStyle(iso: string, timeZone: string | null, now: number): TimeStyle {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'time';
  const day = (moment: Date) => formatterFor('date', timeZone ?? 'UTC').format(moment);
  if (day(date) === day(new Date(now))) return 'time';
  const year = (moment: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: timeZone ?? 'UTC' }).format(moment);
  return year(date) === year(new Date(now)) ? 'day-time' : 'date-time';
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
/** "5 minutes ago", "yesterday": for lists where how recent matters more than the exact time. */
export function formatTimeAgo(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
  ];
  let value = Math.round((time - now) / 1000);
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relativeFormat.format(value, unit);
    value = Math.round(value / size);
  }
  return relativeFormat.format(value, 'year');
}
