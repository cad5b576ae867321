// The OpenAI client as every provider here uses it: key and base URL from the environment (so any
// OpenAI-compatible server works), the SDK's own retries off, and SDK errors mapped to our AiProviderError types.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'npm:openai@7.57.0';
import { z } from 'npm:zod@4';
import { AiHttpError, AiProviderError, AiTimeoutError } from './provider-errors.ts';

const openAiEnvironment = z.object({
  OPENAI_API_KEY: z.string().min(1),
  OPENAI_BASE_URL: z.string().url().optional(),
});

export interface OpenAiConnection {
  apiKey: string;
  /** Defaults to the SDK's own (api.openai.com). */
  baseURL?: string;
}

/** The connection settings when OPENAI_API_KEY is set, otherwise undefined (callers fall back to local providers). */
export function openAiConnectionFromEnv(env: (name: string) => string | undefined = (name) => Deno.env.get(name)): OpenAiConnection | undefined {
  const apiKey = env('OPENAI_API_KEY');
  if (!apiKey) return undefined;
  const parsed = openAiEnvironment.parse({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: env('OPENAI_BASE_URL') || undefined });
  return { apiKey: parsed.OPENAI_API_KEY, baseURL: parsed.OPENAI_BASE_URL };
}

export function createOpenAiClient(connection: OpenAiConnection, timeoutMs: number): OpenAI {
  return new OpenAI({ apiKey: connection.apiKey, baseURL: connection.baseURL, timeout: timeoutMs, maxRetries: 0 });
}

/** Maps whatever the SDK threw to our error types; `attempts` is filled in by withRetries. */
export function toAiProviderError(error: unknown, timeoutMs: number): AiProviderError {
  if (error instanceof AiProviderError) return error;
  if (error instanceof APIConnectionTimeoutError) return new AiTimeoutError(timeoutMs, 1, { cause: error });
  if (error instanceof APIUserAbortError) return new AiTimeoutError(timeoutMs, 1, { cause: error });
  if (error instanceof APIError) {
    return new AiHttpError(`the AI provider answered ${error.status ?? 'without a status'}: ${error.message}`, error.status, 1, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AiHttpError(`could not reach the AI provider: ${message}`, undefined, 1, { cause: error });
}
