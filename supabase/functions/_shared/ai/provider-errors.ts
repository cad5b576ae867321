// One error type for every AI call, so a worker decides from `retryable` alone whether to back off and try again,
// and records `attempts` made inside the provider toward its own attempt budget.

export type AiFailureKind = 'timeout' | 'rate_limited' | 'server_error' | 'network' | 'client_error' | 'invalid_output';

export class AiProviderError extends Error {
  override readonly name: string = 'AiProviderError';
  constructor(
    message: string,
    readonly kind: AiFailureKind,
    /** True when the same request may succeed later (timeouts, 429, 5xx, network); false when repeating it as-is won't help. */
    readonly retryable: boolean,
    /** Calls made to the provider before giving up. */
    readonly attempts: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class AiTimeoutError extends AiProviderError {
  override readonly name = 'AiTimeoutError';
  constructor(timeoutMs: number, attempts: number, options?: { cause?: unknown }) {
    super(`the AI provider did not answer within ${timeoutMs} ms`, 'timeout', true, attempts, undefined, options);
  }
}

export class AiHttpError extends AiProviderError {
  override readonly name = 'AiHttpError';
  constructor(message: string, status: number | undefined, attempts: number, options?: { cause?: unknown }) {
    const kind: AiFailureKind = status === undefined
      ? 'network'
      : status === 429
      ? 'rate_limited'
      : status >= 500
      ? 'server_error'
      : 'client_error';
    super(message, kind, kind !== 'client_error', attempts, status, options);
  }
}

/**
 * The model answered, but not with what the schema demands (invalid JSON, out-of-range values). Repeating the
 * identical request is not retried inside the provider; the worker counts it as one attempt and may requeue.
 */
export class InvalidModelOutputError extends AiProviderError {
  override readonly name = 'InvalidModelOutputError';
  constructor(message: string, attempts: number, readonly rawOutput: string, options?: { cause?: unknown }) {
    super(message, 'invalid_output', false, attempts, undefined, options);
  }
}
