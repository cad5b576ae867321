// Embedding providers behind one interface. Chunks store the provider's `model` with their vector, and queries
// only compare vectors of the same model, so switching providers means re-embedding, never mixing spaces.
import { z } from 'npm:zod@4';
import { britishSpelling, englishStopWords, normaliseText, splitWords, stemWord } from './english-text.ts';
import { createOpenAiClient, type OpenAiConnection, openAiConnectionFromEnv, toAiProviderError } from './openai-client.ts';
import { InvalidModelOutputError } from './provider-errors.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.ts';

/** Every vector column in the schema is `vector(384)`; providers must produce exactly this many dimensions. */
export const embeddingDimensions = 384;

export interface EmbeddingProvider {
  /** Stored with each vector; vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: typeof embeddingDimensions;
  /** One unit-length vector per text, in the order given. */
  embed(texts: string[]): Promise<number[][]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Local embedder: hashed lexical features. No network, deterministic, ~thousands of chunks/s. It captures word
// overlap (stemmed unigrams), phrases (bigrams) and spelling variants/typos (character n-grams); it does not know
// synonyms — the hybrid ranking's full-text side and the chunk's heading path make up for part of that.

/** Relative weight of each feature family after each family is normalised on its own (tuned on the retrieval set). */
export interface LocalEmbedderWeights {
  unigrams: number;
  bigrams: number;
  characterNgrams: number;
}

export const defaultLocalEmbedderWeights: LocalEmbedderWeights = { unigrams: 1, bigrams: 0.15, characterNgrams: 0.55 };

/**
 * Words customers use in every kind of message ("please help, I have a problem with…"). They carry no topic, and
 * without corpus statistics (no IDF) the embedder cannot learn that, so it skips them like stop words.
 */
const conversationalFillers: ReadonlySet<string> = new Set([
  'please', 'hi', 'hello', 'hey', 'thanks', 'thank', 'could', 'would', 'also', 'really', 'still', 'even', 'since',
  'like', 'know', 'want', 'need', 'tell', 'way', 'something', 'anything', 'thing', 'things', 'ok', 'okay', 'help',
  'problem', 'issue', 'question', 'get', 'got', 'keep', 'keeps', 'im', 'ive', 'dont', 'doesnt', 'cant', 'wont', 'whats',
]);

const featureSeeds = { unigram: 0x9e3779b1, bigram: 0x85ebca77, characterNgram: 0xc2b2ae3d } as const;

/** 32-bit FNV-1a over UTF-16 code units of `text[start, end)`, started from `seed` so feature families don't collide. */
function hashRange(text: string, start: number, end: number, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche (from murmur3) so the low bits used for the bucket and sign are well mixed.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function countFeature(counts: Map<number, number>, hash: number): void {
  counts.set(hash, (counts.get(hash) ?? 0) + 1);
}

/** Signed feature hashing with sublinear tf (1 + ln tf), normalised to unit length within the family. */
function hashedFamilyVector(counts: Map<number, number>): Float64Array {
  const vector = new Float64Array(embeddingDimensions);
  for (const [hash, count] of counts) {
    const bucket = (hash >>> 1) % embeddingDimensions;
    const sign = (hash & 1) === 1 ? 1 : -1;
    vector[bucket] += sign * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] /= norm;
  return vector;
}

export class LocalEmbedder implements EmbeddingProvider {
  readonly model = 'local-hash-ngram-v1';
  readonly dimensions = embeddingDimensions;

  constructor(private readonly weights: LocalEmbedderWeights = defaultLocalEmbedderWeights) {}

  embed(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.embedOne(text)));
  }

  embedOne(text: string): number[] {
    const unigrams = new Map<number, number>();
    const bigrams = new Map<number, number>();
    const characterNgrams = new Map<number, number>();
    let previousStem: string | undefined;
    for (const spelled of splitWords(normaliseText(text))) {
      const word = britishSpelling(spelled);
      if (englishStopWords.has(word) || conversationalFillers.has(word)) {
        // A stop word breaks a phrase: "reset the router" still pairs reset+router, but "reset. The" does not matter.
        continue;
      }
      const stem = stemWord(word);
      countFeature(unigrams, hashRange(stem, 0, stem.length, featureSeeds.unigram));
      if (previousStem !== undefined) {
        const pair = `${previousStem} ${stem}`;
        countFeature(bigrams, hashRange(pair, 0, pair.length, featureSeeds.bigram));
      }
      previousStem = stem;
      const padded = `<${word}>`;
      for (let size = 3; size <= 5; size++) {
        for (let start = 0; start + size <= padded.length; start++) {
          countFeature(characterNgrams, hashRange(padded, start, start + size, featureSeeds.characterNgram));
        }
      }
    }
    const families: Array<[Float64Array, number]> = [
      [hashedFamilyVector(unigrams), this.weights.unigrams],
      [hashedFamilyVector(bigrams), this.weights.bigrams],
      [hashedFamilyVector(characterNgrams), this.weights.characterNgrams],
    ];
    const combined = new Array<number>(embeddingDimensions).fill(0);
    for (const [vector, weight] of families) {
      for (let index = 0; index < embeddingDimensions; index++) combined[index] += weight * vector[index];
    }
    let norm = 0;
    for (const value of combined) norm += value * value;
    norm = Math.sqrt(norm);
    return norm > 0 ? combined.map((value) => value / norm) : combined;
  }
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
