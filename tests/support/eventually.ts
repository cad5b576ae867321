/**
 * Polls `read` until it answers something other than undefined/false. The bound only turns a hang into a message
 * (with the last error the read threw); it is never an assertion about speed.
 */
export async function eventually<T>(read: () => Promise<T | undefined | false>, what: string, timeoutMs: number, pollMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
