// Trains the local embedder's word vectors (latent semantic analysis) and writes the runtime's model file,
// supabase/functions/_shared/ai/local-embedder-model.json, stamped with a version that names what was learnt.
//   npm run train -- embedder                        # from the checked-in corpus and wordnet-extract.json
//   npm run train -- embedder --wordnet              # first re-extract WordNet from /usr/share/wordnet
//                                                    # (apt-get install wordnet-base), e.g. after the corpus grew
// The corpus is what the project ships (PROVENANCE.md): the seeded help articles and guides, the triage training
// tickets, WordNet synsets of their words and a short hand-written list of domain terms. A deno test fails when
// the model file is not what this script writes, so nobody forgets to retrain after changing the corpus.
import { z } from 'npm:zod@4';
import { stableTextHash } from '../../functions/_shared/triage/category-classifier.ts';
import { embeddingDimensions, embeddingWords, type LocalEmbedderModelFile } from '../../functions/_shared/ai/local-embedder.ts';
import { parseSeedArticles } from '../../functions/_shared/kb/testing/seed-sql-articles.ts';
import { loadLabelledTickets, splitTrainingAndHeldOut } from '../triage-training/train.ts';
import { newWordingTrainingTickets } from '../triage-training/new-wording-tickets.ts';
import { domainTermGroups } from './domain-terms.ts';
import { type SparseMatrix, truncatedSvd } from './svd.ts';
import { defaultWordNetDirectory, extractWordNet, type WordNetSynset } from './wordnet.ts';

const repositoryRoot = new URL('../../../', import.meta.url);
export const seedUrl = new URL('supabase/seeds/10-content.sql', repositoryRoot);
export const wordNetExtractUrl = new URL('./wordnet-extract.json', import.meta.url);
export const embedderModelUrl = new URL('../../functions/_shared/ai/local-embedder-model.json', import.meta.url);

/** The settings of a training run; `defaultTrainingSettings` are the ones chosen on the dev set (PROVENANCE.md). */
export interface EmbedderTrainingSettings {
  semanticDimensions: number;
  /** Exponent of the singular values scaling each word vector (0: plain singular vectors, 1: classic LSA). */
  singularValuePower: number;
  /** Weight of a WordNet synset document (its words) relative to a corpus document. */
  wordNetWeight: number;
  domainTermWeight: number;
  weights: LocalEmbedderModelFile['weights'];
}

export const defaultTrainingSettings: EmbedderTrainingSettings = {
  semanticDimensions: 192,
  singularValuePower: 0.5,
  wordNetWeight: 1,
  domainTermWeight: 1,
  weights: { semantic: 2, unigrams: 1, bigrams: 0.15, characterNgrams: 0.55 },
};

interface WeightedDocument {
  /** Stems with their count in this document. */
  terms: Map<string, number>;
  weight: number;
}

function documentOf(text: string, weight = 1): WeightedDocument {
  const terms = new Map<string, number>();
  for (const { stem } of embeddingWords(text)) terms.set(stem, (terms.get(stem) ?? 0) + 1);
  return { terms, weight };
}

/** The project's own text: one document per article paragraph (with its title), guide paragraph and ticket. */
export async function corpusDocuments(): Promise<WeightedDocument[]> {
  const seed = await Deno.readTextFile(seedUrl);
  const documents: WeightedDocument[] = [];
  for (const article of parseSeedArticles(seed)) {
    for (const paragraph of article.body.split(/\n\s*\n/)) {
      if (paragraph.trim() !== '') documents.push(documentOf(`${article.title}\n${paragraph}`));
    }
  }
  // Guides, their steps and the areas' descriptions: the seed's text after the articles, one paragraph or value each.
  const afterArticles = seed.slice(seed.indexOf('insert into public.guides'));
  for (const paragraph of afterArticles.split(/\n\s*\n|\),\s*\n\s*\(/)) {
    const text = paragraph.split('\n').filter((line) => !line.trim().startsWith('--')).join('\n');
    if (embeddingWords(text).length >= 3) documents.push(documentOf(text));
  }
  const tickets = [...splitTrainingAndHeldOut(await loadLabelledTickets()).training, ...newWordingTrainingTickets];
  for (const ticket of tickets) documents.push(documentOf(`${ticket.subject}\n${ticket.body}`));
  return documents.filter((document) => document.terms.size > 0);
}

const WordNetExtract = z.object({
  source: z.string(),
  synsets: z.array(z.object({ id: z.string(), words: z.array(z.string()) })),
});

export async function loadWordNetExtract(): Promise<WordNetSynset[]> {
  return WordNetExtract.parse(JSON.parse(await Deno.readTextFile(wordNetExtractUrl))).synsets;
}

export async function writeWordNetExtract(directory = defaultWordNetDirectory): Promise<number> {
  const stems = new Set<string>();
  for (const document of await corpusDocuments()) for (const stem of document.terms.keys()) stems.add(stem);
  const synsets = await extractWordNet(stems, directory);
  const lines = synsets.map((synset) => `  ${JSON.stringify(synset)}`);
  const source = 'WordNet 3.0 (Princeton University, WordNet 3.0 licence; Debian package wordnet-base), the first two senses of the corpus words';
  await Deno.writeTextFile(wordNetExtractUrl, `{\n"source": ${JSON.stringify(source)},\n"synsets": [\n${lines.join(',\n')}\n]\n}\n`);
  return synsets.length;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Trains on the documents and returns the model file's contents. */
export function trainEmbedderModel(
  corpus: readonly WeightedDocument[],
  synsets: readonly WordNetSynset[],
  settings: EmbedderTrainingSettings = defaultTrainingSettings,
): LocalEmbedderModelFile {
  const corpusStems = new Set<string>();
  for (const document of corpus) for (const stem of document.terms.keys()) corpusStems.add(stem);
  const documents = [...corpus];
  for (const synset of synsets) {
    documents.push(documentOf(synset.words.join(' '), settings.wordNetWeight));
  }
  for (const group of domainTermGroups) documents.push(documentOf(group.join(' '), settings.domainTermWeight));

  // The vocabulary: every stem of our own text, and every WordNet or domain word that links to at least one of
  // them (a synonym only WordNet knows, "automobile", still lands next to "car"). Words in one document only
  // that are not ours carry nothing to compare with.
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const stem of document.terms.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const linked = new Set<string>();
  for (const document of documents.slice(corpus.length)) {
    if (![...document.terms.keys()].some((stem) => corpusStems.has(stem))) continue;
    for (const stem of document.terms.keys()) linked.add(stem);
  }
  const terms = [...documentFrequency.keys()]
    .filter((stem) => corpusStems.has(stem) || (linked.has(stem) && /^[a-z]+$/.test(stem)))
    .sort();
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const idf = terms.map((term) => Math.log(documents.length / documentFrequency.get(term)!));

  // Term × document matrix: (1 + ln tf) × idf, each document scaled to unit length and then by its weight, so a
  // three-word synonym set links its words as strongly as a paragraph links its own.
  const rows: Array<Array<[number, number]>> = terms.map(() => []);
  documents.forEach((document, column) => {
    const entries: Array<[number, number]> = [];
    for (const [stem, count] of document.terms) {
      const index = termIndex.get(stem);
      if (index !== undefined) entries.push([index, (1 + Math.log(count)) * idf[index]]);
    }
    const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0));
    if (norm === 0) return;
    for (const [index, value] of entries) rows[index].push([column, (value / norm) * document.weight]);
  });
  const rowStarts = new Int32Array(terms.length + 1);
  rows.forEach((row, index) => (rowStarts[index + 1] = rowStarts[index] + row.length));
  const columnIndices = new Int32Array(rowStarts[terms.length]);
  const values = new Float64Array(rowStarts[terms.length]);
  rows.forEach((row, index) => row.forEach(([column, value], offset) => {
    columnIndices[rowStarts[index] + offset] = column;
    values[rowStarts[index] + offset] = value;
  }));
  const matrix: SparseMatrix = { rows: terms.length, columns: documents.length, rowStarts, columnIndices, values };

  const dimensions = Math.min(settings.semanticDimensions, embeddingDimensions);
  const svd = truncatedSvd(matrix, dimensions);
  // Word vector = its row of U × Σ^power, then unit length: the runtime weighs words by idf, not by vector length.
  const unit = new Float64Array(terms.length * svd.rank);
  for (let term = 0; term < terms.length; term++) {
    let norm = 0;
    for (let k = 0; k < svd.rank; k++) {
      const value = svd.left[term * svd.rank + k] * svd.singularValues[k] ** settings.singularValuePower;
      unit[term * svd.rank + k] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < svd.rank; k++) unit[term * svd.rank + k] = norm > 0 ? unit[term * svd.rank + k] / norm : 0;
  }
  let largest = 0;
  for (const value of unit) largest = Math.max(largest, Math.abs(value));
  const vectorScale = Number((largest / 127).toPrecision(6));
  const quantised = new Int8Array(unit.length);
  for (let index = 0; index < unit.length; index++) quantised[index] = Math.max(-127, Math.min(127, Math.round(unit[index] / vectorScale)));

  const model: LocalEmbedderModelFile = {
    version: 'local-lsa-v1-00000000',
    semanticDimensions: svd.rank,
    weights: settings.weights,
    terms: terms.join(' '),
    termWeights: idf.map((value) => Number(value.toFixed(3))),
    vectors: base64(new Uint8Array(quantised.buffer)),
    vectorScale,
  };
  // The version names what was learnt, not when: the same corpus and settings always give the same version.
  const hash = stableTextHash(serialiseEmbedderModel(model)).toString(16).padStart(8, '0');
  return { ...model, version: `local-lsa-v1-${hash}` };
}

export function serialiseEmbedderModel(model: LocalEmbedderModelFile): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

export async function buildEmbedderModelFile(settings: EmbedderTrainingSettings = defaultTrainingSettings): Promise<string> {
  return serialiseEmbedderModel(trainEmbedderModel(await corpusDocuments(), await loadWordNetExtract(), settings));
}

export async function trainEmbedder(args: readonly string[]): Promise<void> {
  if (args.includes('--wordnet')) {
    const directory = args.find((arg) => arg.startsWith('--wordnet='))?.slice('--wordnet='.length) ?? defaultWordNetDirectory;
    console.log(`extracted ${await writeWordNetExtract(directory)} WordNet synsets into ${wordNetExtractUrl.pathname}`);
  }
  const contents = await buildEmbedderModelFile();
  await Deno.writeTextFile(embedderModelUrl, contents);
  const model = JSON.parse(contents) as LocalEmbedderModelFile;
  console.log(`wrote ${embedderModelUrl.pathname}: ${model.version} (${model.termWeights.length} terms × ${model.semanticDimensions} dimensions, ${contents.length} bytes)`);
}

if (import.meta.main) await trainEmbedder(Deno.args.filter((arg) => arg !== 'embedder'));
