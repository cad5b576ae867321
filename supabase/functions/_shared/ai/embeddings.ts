// Embedding providers behind one interface. Chunks store the provider's `model` with their vector, and queries
// only compare vectors of the same model, so switching providers means re-embedding, never mixing spaces.
import { z } from 'npm:zod@4';
import { embeddingDimensions, LocalEmbedder } from './local-embedder.ts';
import { createOpenAiClient, type OpenAiConnection, openAiConnectionFromEnv, toAiProviderError } from './openai-client.ts';
import { InvalidModelOutputError } from './provider-errors.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.ts';

export { embeddingDimensions, LocalEmbedder } from './local-embedder.ts';

export interface EmbeddingProvider {
  /** Stored with each vector; vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: typeof embeddingDimensions;
  /** One unit-length vector per text, in the order given. */
  embed(texts: string[]): Promise<number[][]>;
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAI embedder: text-embedding-3-small shortened to 384 dimensions (the API renormalises shortened vectors).

const openAiEmbeddingResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative() }).optional(),
});

export interface OpenAiEmbedderOptions {
  model?: string;
  /** Inputs per request; the API accepts up to 2048, smaller batches keep one failure cheap. */
  batchSize?: number;
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
}

export class OpenAiEmbedder implements EmbeddingProvider {
  readonly model: string;
  readonly dimensions = embeddingDimensions;
  /** Tokens billed by the calls so far, for the analytics event the caller records. */
  promptTokensUsed = 0;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly client;

  constructor(connection: OpenAiConnection, options: OpenAiEmbedderOptions = {}) {
    this.model = options.model ?? 'text-embedding-3-small';
    this.batchSize = options.batchSize ?? 100;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.client = createOpenAiClient(connection, this.timeoutMs);
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...await this.embedBatch(texts.slice(start, start + this.batchSize)));
    }
    return vectors;
  }

  private async embedBatch(batch: string[]): Promise<number[][]> {
    // The API refuses empty strings; an empty chunk embeds as the zero vector it carries no meaning for anyway.
    const inputs = batch.map((text) => (text.trim() === '' ? ' ' : text));
    const { value } = await withRetries(this.retryPolicy, async (attempt) => {
      let raw: unknown;
      try {
        raw = await this.client.embeddings.create({ model: this.model, input: inputs, dimensions: embeddingDimensions });
      } catch (error) {
        throw toAiProviderError(error, this.timeoutMs);
      }
      const parsed = openAiEmbeddingResponse.safeParse(raw);
      if (!parsed.success) throw new InvalidModelOutputError('embedding response has an unexpected shape', attempt, JSON.stringify(raw));
      const byIndex = [...parsed.data.data].sort((a, b) => a.index - b.index);
      if (byIndex.length !== inputs.length || byIndex.some((item) => item.embedding.length !== embeddingDimensions)) {
        throw new InvalidModelOutputError(
          `expected ${inputs.length} embeddings of ${embeddingDimensions} dimensions`,
          attempt,
          JSON.stringify(raw).slice(0, 2000),
        );
      }
      this.promptTokensUsed += parsed.data.usage?.prompt_tokens ?? 0;
      return byIndex.map((item) => item.embedding);
    });
    return value;
  }
}

/** OpenAI when OPENAI_API_KEY is set (OPENAI_EMBEDDING_MODEL may override the model), otherwise the local embedder. */
export function embeddingProviderFromEnv(env: (name: string) => string | undefined = (name) => Deno.env.get(name)): EmbeddingProvider {
  const connection = openAiConnectionFromEnv(env);
  if (!connection) return new LocalEmbedder();
  return new OpenAiEmbedder(connection, { model: env('OPENAI_EMBEDDING_MODEL') || undefined });
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index] * b[index];
    normA += a[index] * a[index];
    normB += b[index] * b[index];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
