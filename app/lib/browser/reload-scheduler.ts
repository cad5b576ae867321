// When to reload a live page's data after a change arrives: once the changes pause for `quietMs`, but never
// later than `maxWaitMs` after the first change still waiting. A plain trailing debounce would starve under a
// steady stream (a busy desk sees a change every few hundred milliseconds; a triage burst, thousands): each
// change would push the reload back again and the page would not update until the stream stopped.
export interface ReloadScheduler {
  /** A change arrived. */
  schedule(): void;
  /** The page went away: forget what is pending. */
  cancel(): void;
}

export function createReloadScheduler(reload: () => void, { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number }): ReloadScheduler {
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(quietTimer);
    clearTimeout(deadlineTimer);
    quietTimer = undefined;
    deadlineTimer = undefined;
    reload();
  };
  return {
    schedule() {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(fire, quietMs);
      deadlineTimer ??= setTimeout(fire, maxWaitMs);
    },
    cancel() {
      clearTimeout(quietTimer);
      clearTimeout(deadlineTimer);
      quietTimer = undefined;
      deadlineTimer = undefined;
    },
  };
}
