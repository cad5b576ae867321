// Per-IP request limits, as GoTrue applies `[auth.rate_limit]`: a fixed window per client
// address. Kept in memory: one local Auth process serves the whole stack.
import type { RateLimitSettings } from './settings.ts';

export interface RateLimiter {
  /** Counts one request from `key`; false when the limit for the current window is spent. */
  allow(key: string): boolean;
}

export function createRateLimiter(settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    allow(key) {
      const time = now();
      const current = windows.get(key);
      if (!current || time - current.startedAt >= settings.windowMs) {
        // Drop expired windows now and then so a long-running stack does not grow the map.
        if (windows.size > 10_000) for (const [k, w] of windows) if (time - w.startedAt >= settings.windowMs) windows.delete(k);
        windows.set(key, { startedAt: time, count: 1 });
        return settings.limit >= 1;
      }
      current.count += 1;
      return current.count <= settings.limit;
    },
  };
}
