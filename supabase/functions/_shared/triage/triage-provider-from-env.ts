// OpenAI when OPENAI_API_KEY is set (model from OPENAI_MODEL, server from OPENAI_BASE_URL), otherwise local.
import { openAiConnectionFromEnv } from '../ai/openai-client.ts';
import { LocalTriageProvider } from './local-triage-provider.ts';
import { OpenAiTriageProvider } from './openai-triage-provider.ts';
import type { TriageProvider } from './triage-schema.ts';

export function triageProviderFromEnv(env: (name: string) => string | undefined = (name) => Deno.env.get(name)): TriageProvider {
  const connection = openAiConnectionFromEnv(env);
  if (!connection) return new LocalTriageProvider();
  const timeoutSeconds = Number(env('OPENAI_TIMEOUT_SECONDS') ?? '');
  return new OpenAiTriageProvider(connection, {
    model: env('OPENAI_MODEL') || undefined,
    timeoutMs: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined,
  });
}
