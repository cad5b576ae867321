// The one home for showing a moment (decision 0023): the viewer's zone, UTC with its label when the zone is
// unknown, no "Invalid Date", a cookie that names no zone refused, relative times counted from a given "now".
import { describe, expect, it } from 'vitest';
import { conversationTimeStyle, formatMoment, formatTimeAgo, parseTimeZone } from '~/lib/shared/time-format';

const moment = '2026-12-03T07:36:00.000Z';

describe('formatMoment', () => {
  it('shows a moment in the viewer’s zone, without a label', () => {
    expect(formatMoment(moment, 'America/New_York')).toBe('3 Dec 2026, 02:36');
    expect(formatMoment(moment, 'Asia/Tokyo')).toBe('3 Dec 2026, 16:36');
    expect(formatMoment(moment, 'Asia/Tokyo', 'time')).toBe('16:36');
  });

  it('falls back to UTC and says so when the zone is unknown', () => {
    expect(formatMoment(moment, null)).toBe('3 Dec 2026, 07:36 UTC');
    expect(formatMoment(moment, null, 'time')).toBe('07:36 UTC');
  });

  it('gives dates the viewer’s calendar day, with no label', () => {
    // 07:36 UTC on the 3rd is still the evening of the 2nd in Honolulu.
    expect(formatMoment(moment, 'Pacific/Honolulu', 'date')).toBe('2 Dec 2026');
    expect(formatMoment(moment, null, 'long-date')).toBe('3 December 2026');
  });

  it('returns a value that is not a time as it is, never "Invalid Date"', () => {
    expect(formatMoment('not a time', 'Asia/Tokyo')).toBe('not a time');
  });
});

describe('parseTimeZone', () => {
  it('accepts the IANA names browsers report and refuses anything else', () => {
    expect(parseTimeZone('America/New_York')).toBe('America/New_York');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(parseTimeZone('<script>')).toBeNull();
    expect(parseTimeZone('')).toBeNull();
    expect(parseTimeZone(undefined)).toBeNull();
  });
});

describe('formatTimeAgo', () => {
  const now = Date.parse(moment);
  it('counts from the given now, so the server and the hydrating browser agree', () => {
    expect(formatTimeAgo('2026-12-03T07:31:00.000Z', now)).toBe('5 minutes ago');
    expect(formatTimeAgo('2026-12-02T07:36:00.000Z', now)).toBe('yesterday');
    expect(formatTimeAgo('not a time', now)).toBe('not a time');
  });
});

describe('conversationTimeStyle', () => {
  // 4 Dec 2026, 01:30 UTC is still 3 Dec in New York (20:30) and already 4 Dec in Tokyo (10:30).
  const now = Date.parse('2026-12-04T01:30:00Z');
  it('shows the clock alone for a message of the viewer\'s today, in their zone', () => {
    expect(conversationTimeStyle('2026-12-03T23:00:00Z', 'America/New_York', now)).toBe('time');
    expect(conversationTimeStyle('2026-12-03T23:00:00Z', 'Asia/Tokyo', now)).toBe('time');
    expect(conversationTimeStyle('2026-12-03T14:00:00Z', 'Asia/Tokyo', now)).toBe('day-time');
  });
  it('adds the day for an earlier day, and the year for an earlier year', () => {
    expect(conversationTimeStyle('2026-12-01T09:00:00Z', null, now)).toBe('day-time');
    expect(formatMoment('2026-12-01T09:00:00Z', 'Europe/London', 'day-time')).toBe('1 Dec, 09:00');
    expect(conversationTimeStyle('2025-12-31T09:00:00Z', 'Europe/London', now)).toBe('date-time');
  });
});
