// The local embedder: meaning from word vectors trained at build time (LSA over the text the project ships, with
// WordNet synonyms; supabase/tools/embedder-training), plus hashed lexical features for exact words, phrases and
// misspellings. No network, no model server, deterministic. The trained vectors are checked in as
// local-embedder-model.json; its `version` is the model name stored with every vector, so a retrained model
// re-embeds the knowledge base through private.sync_embedding_model (decision 0021).
import { z } from 'npm:zod@4';
import { britishSpelling, englishStopWords, normaliseText, splitWords, stemWord } from './english-text.ts';
import trainedModel from './local-embedder-model.json' with { type: 'json' };

/** Every vector column in the schema is `vector(384)`; providers must produce exactly this many dimensions. */
export const embeddingDimensions = 384;

/**
 * Words customers use in every kind of message ("please help, I have a problem with…"). They carry no topic, so the
 * embedder (and its training) skips them like stop words.
 */
const conversationalFillers: ReadonlySet<string> = new Set([
  'please', 'hi', 'hello', 'hey', 'thanks', 'thank', 'could', 'would', 'also', 'really', 'still', 'even', 'since',
  'like', 'know', 'want', 'need', 'tell', 'way', 'something', 'anything', 'thing', 'things', 'ok', 'okay', 'help',
  'problem', 'issue', 'question', 'get', 'got', 'keep', 'keeps', 'im', 'ive', 'dont', 'doesnt', 'cant', 'wont', 'whats',
]);

export interface EmbeddingWord {
  /** The normalised word in British spelling, for character n-grams. */
  word: string;
  /** Its Porter2 stem: the unit the word vectors and the unigram features are keyed by. */
  stem: string;
}

/** The content words of a text as the embedder and its training see them: no stop words, no conversational filler. */
export function embeddingWords(text: string): EmbeddingWord[] {
  const words: EmbeddingWord[] = [];
  for (const spelled of splitWords(normaliseText(text))) {
    const word = britishSpelling(spelled);
    if (englishStopWords.has(word) || conversationalFillers.has(word)) continue;
    words.push({ word, stem: stemWord(word) });
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// The trained model file

export const LocalEmbedderModelFile = z.object({
  /** `local-lsa-v1-<hash of what was learnt>`: the model name stored with each vector. */
  version: z.string().regex(/^local-lsa-v\d+-[0-9a-f]{8}$/),
  /** Dimensions given to meaning; the rest of the 384 carry the hashed lexical features. */
  semanticDimensions: z.number().int().positive().max(embeddingDimensions),
  /** Relative weight of each part after each is normalised on its own (chosen on the dev set, see PROVENANCE.md). */
  weights: z.object({ semantic: z.number(), unigrams: z.number(), bigrams: z.number(), characterNgrams: z.number() }),
  /** The vocabulary: stems, space-separated, in the row order of `vectors`. */
  terms: z.string(),
  /** Per-term weight (inverse document frequency in the training corpus), one per term, rounded. */
  termWeights: z.array(z.number()),
  /** Row-major int8 vectors (terms × semanticDimensions), base64; value × vectorScale is the trained coordinate. */
  vectors: z.string(),
  vectorScale: z.number().positive(),
});
export type LocalEmbedderModelFile = z.infer<typeof LocalEmbedderModelFile>;

interface LoadedModel {
  file: LocalEmbedderModelFile;
  termIndex: Map<string, number>;
  terms: string[];
  vectors: Int8Array;
}

function loadModel(file: LocalEmbedderModelFile): LoadedModel {
  const terms = file.terms.split(' ');
  if (terms.length !== file.termWeights.length) throw new Error('local embedder model: terms and termWeights differ in length');
  const binary = atob(file.vectors);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  if (bytes.length !== terms.length * file.semanticDimensions) throw new Error('local embedder model: vectors have the wrong size');
  return { file, terms, termIndex: new Map(terms.map((term, index) => [term, index])), vectors: new Int8Array(bytes.buffer) };
}

// ---------------------------------------------------------------------------------------------------------------
// Hashed lexical features: overlap of stems (unigrams), phrases (bigrams) and spelling (character 3-5-grams).

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

function countHash(counts: Map<number, number>, hash: number): void {
  counts.set(hash, (counts.get(hash) ?? 0) + 1);
}

/** Signed feature hashing with sublinear tf (1 + ln tf) into `target[offset, offset + size)`, unit length, × weight. */
function addHashedFamily(target: Float64Array, offset: number, size: number, counts: ReadonlyMap<number, number>, weight: number): void {
  const family = new Float64Array(size);
  for (const [hash, count] of counts) family[(hash >>> 1) % size] += ((hash & 1) === 1 ? 1 : -1) * (1 + Math.log(count));
  addNormalised(target, offset, family, weight);
}

function addNormalised(target: Float64Array, offset: number, part: Float64Array, weight: number): void {
  let norm = 0;
  for (const value of part) norm += value * value;
  if (norm === 0) return;
  const factor = weight / Math.sqrt(norm);
  for (let index = 0; index < part.length; index++) target[offset + index] += part[index] * factor;
}

function trigrams(term: string): Set<string> {
  const padded = `  ${term} `;
  const grams = new Set<string>();
  for (let start = 0; start + 3 <= padded.length; start++) grams.add(padded.slice(start, start + 3));
  return grams;
}

/** Below this trigram similarity an unknown word is left to the lexical features (pg_trgm's default threshold). */
const misspellingSimilarity = 0.3;

export class LocalEmbedder {
  readonly model: string;
  readonly dimensions = embeddingDimensions;
  private readonly loaded: LoadedModel;
  private trigramIndex: Map<string, number[]> | undefined;
  private trigramCounts: Uint16Array | undefined;
  private readonly misspellings = new Map<string, number | null>();

  constructor(file: LocalEmbedderModelFile = LocalEmbedderModelFile.parse(trainedModel)) {
    this.loaded = loadModel(file);
    this.model = file.version;
  }

  embed(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.embedOne(text)));
  }

  embedOne(text: string): number[] {
    const { file } = this.loaded;
    const words = embeddingWords(text);
    const vector = new Float64Array(embeddingDimensions);
    addNormalised(vector, 0, this.meaning(words), file.weights.semantic);
    const lexicalOffset = file.semanticDimensions;
    const lexicalSize = embeddingDimensions - lexicalOffset;
    if (lexicalSize > 0) {
      const unigrams = new Map<number, number>();
      const bigrams = new Map<number, number>();
      const characterNgrams = new Map<number, number>();
      words.forEach(({ word, stem }, index) => {
        countHash(unigrams, hashRange(stem, 0, stem.length, featureSeeds.unigram));
        if (index > 0) {
          const pair = `${words[index - 1].stem} ${stem}`;
          countHash(bigrams, hashRange(pair, 0, pair.length, featureSeeds.bigram));
        }
        const padded = `<${word}>`;
        for (let size = 3; size <= 5; size++) {
          for (let start = 0; start + size <= padded.length; start++) countHash(characterNgrams, hashRange(padded, start, start + size, featureSeeds.characterNgram));
        }
      });
      addHashedFamily(vector, lexicalOffset, lexicalSize, unigrams, file.weights.unigrams);
      addHashedFamily(vector, lexicalOffset, lexicalSize, bigrams, file.weights.bigrams);
      addHashedFamily(vector, lexicalOffset, lexicalSize, characterNgrams, file.weights.characterNgrams);
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm === 0) return Array.from(vector);
    const scale = 1 / Math.sqrt(norm);
    return Array.from(vector, (value) => value * scale);
  }

  /**
   * Cosine of two stems' trained word vectors (a misspelt stem takes its closest known spelling); 0 when either is
   * unknown. Lets the local chat provider see that a question's "aircon" is answered by an article's "air conditioning".
   */
  termSimilarity(first: string, second: string): number {
    if (first === second) return 1;
    const a = this.termFor(first);
    const b = this.termFor(second);
    if (a === null || b === null) return 0;
    if (a === b) return 1;
    const { vectors, file } = this.loaded;
    const dimensions = file.semanticDimensions;
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (let dimension = 0; dimension < dimensions; dimension++) {
      const x = vectors[a * dimensions + dimension];
      const y = vectors[b * dimensions + dimension];
      dot += x * y;
      normA += x * x;
      normB += y * y;
    }
    return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  /** The weighted sum of the text's word vectors (sublinear tf × the term's trained idf). */
  private meaning(words: readonly EmbeddingWord[]): Float64Array {
    const { file, vectors } = this.loaded;
    const dimensions = file.semanticDimensions;
    const counts = new Map<number, number>();
    for (const { stem } of words) {
      const index = this.termFor(stem);
      if (index !== null) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const meaning = new Float64Array(dimensions);
    for (const [index, count] of counts) {
      const weight = file.termWeights[index] * (1 + Math.log(count));
      const row = index * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension++) meaning[dimension] += weight * vectors[row + dimension];
    }
    return meaning;
  }

  /** The vocabulary row of a stem; an unknown stem of five letters or more takes its closest known spelling. */
  private termFor(stem: string): number | null {
    const known = this.loaded.termIndex.get(stem);
    if (known !== undefined) return known;
    if (stem.length < 5 || /\d/.test(stem)) return null;
    const cached = this.misspellings.get(stem);
    if (cached !== undefined) return cached;
    const closest = this.closestSpelling(stem);
    if (this.misspellings.size > 50_000) this.misspellings.clear();
    this.misspellings.set(stem, closest);
    return closest;
  }

  private closestSpelling(stem: string): number | null {
    if (!this.trigramIndex || !this.trigramCounts) {
      this.trigramIndex = new Map();
      this.trigramCounts = new Uint16Array(this.loaded.terms.length);
      this.loaded.terms.forEach((term, index) => {
        const grams = trigrams(term);
        this.trigramCounts![index] = grams.size;
        for (const gram of grams) {
          const list = this.trigramIndex!.get(gram);
          if (list) list.push(index);
          else this.trigramIndex!.set(gram, [index]);
        }
      });
    }
    const grams = trigrams(stem);
    const shared = new Map<number, number>();
    for (const gram of grams) for (const index of this.trigramIndex.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    let best: number | null = null;
    let bestSimilarity = misspellingSimilarity;
    for (const [index, count] of shared) {
      const similarity = count / (grams.size + this.trigramCounts[index] - count);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && best !== null && index < best)) {
        best = index;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}

let shared: LocalEmbedder | undefined;
/** One embedder per process for callers that only need its word vectors (the model file is parsed once). */
export function sharedLocalEmbedder(): LocalEmbedder {
  return (shared ??= new LocalEmbedder());
}
