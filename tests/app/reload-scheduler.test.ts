// The live pages' reload timing: after a pause in the changes, and at the latest maxWait after the first one,
// so a steady stream of changes (a busy desk, a triage burst) still refreshes the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReloadScheduler } from '../../app/lib/browser/reload-scheduler.ts';

describe('createReloadScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads once after the changes pause', () => {
    const reload = vi.fn();
    const scheduler = createReloadScheduler(reload, { quietMs: 250, maxWaitMs: 1000 });
    scheduler.schedule();
    vi.advanceTimersByTime(100);
    scheduler.schedule();
    vi.advanceTimersByTime(249);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('still reloads every maxWait while changes never pause', () => {
    const reload = vi.fn();
    const scheduler = createReloadScheduler(reload, { quietMs: 250, maxWaitMs: 1000 });
    for (let elapsed = 0; elapsed < 3000; elapsed += 100) {
      scheduler.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(reload).toHaveBeenCalledTimes(3);
  });

  it('forgets a pending reload when cancelled', () => {
    const reload = vi.fn();
    const scheduler = createReloadScheduler(reload, { quietMs: 250, maxWaitMs: 1000 });
    scheduler.schedule();
    scheduler.cancel();
    vi.advanceTimersByTime(5000);
    expect(reload).not.toHaveBeenCalled();
  });
});
