// Retries under our control (the OpenAI client runs with maxRetries: 0) so attempts, backoff and the final error
// are visible to the worker instead of hidden inside the SDK.
import { AiProviderError } from './provider-errors.ts';

export interface RetryPolicy {
  /** Total calls including the first one. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Exponential backoff with "full jitter": a random delay in [0, min(max, base·2^(n-1))], which spreads herds of workers. */
export function backoffDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `operation(attempt)` until it succeeds, throws a non-retryable AiProviderError, or the attempts run out.
 * `operation` must throw AiProviderError subclasses whose `attempts` we overwrite with the true count.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  operation: (attempt: number) => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1;; attempt++) {
    try {
      return { value: await operation(attempt), attempts: attempt };
    } catch (error) {
      if (!(error instanceof AiProviderError)) throw error;
      Object.defineProperty(error, 'attempts', { value: attempt });
      if (!error.retryable || attempt >= policy.maxAttempts) throw error;
      await sleep(backoffDelayMs(attempt, policy));
    }
  }
}
