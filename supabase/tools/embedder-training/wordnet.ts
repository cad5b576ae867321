// Reads the WordNet 3.0 database files (Debian's `wordnet-base`: /usr/share/wordnet) and keeps the synsets the
// embedder can use: the two most frequent senses of every word whose stem occurs in our corpus. Written to
// wordnet-extract.json (checked in, with WordNet's licence in PROVENANCE.md) so training needs no WordNet on CI.
import { stemWord } from '../../functions/_shared/ai/english-text.ts';

export interface WordNetSynset {
  /** `<pos><offset>`, e.g. `n02961779`: stable across runs, the sort key of the extract. */
  id: string;
  /** The synset's lemmas, lower case, multi-word lemmas with spaces ("air conditioner"). */
  words: string[];
}

export const defaultWordNetDirectory = '/usr/share/wordnet';
const partsOfSpeech = [['noun', 'n'], ['verb', 'v'], ['adj', 'a'], ['adv', 'r']] as const;
/** WordNet lists a word's senses most frequent first; past the second they are mostly senses customers never mean. */
const sensesPerWord = 2;

function parseDataLine(line: string, pos: string): WordNetSynset | null {
  if (line.startsWith(' ')) return null; // the licence header
  // The gloss after ' | ' is left out: definitions linked words too loosely to help (dev set, PROVENANCE.md).
  const parts = line.split(' | ')[0].split(' ');
  const wordCount = parseInt(parts[3], 16);
  const words: string[] = [];
  for (let index = 0; index < wordCount; index++) {
    // Adjective lemmas may carry a syntactic marker: "galore(ip)".
    words.push(parts[4 + index * 2].replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase());
  }
  return { id: `${pos}${parts[0]}`, words: [...new Set(words)] };
}

/** The synsets of the first senses of every single-word lemma whose stem is in `corpusStems`. */
export async function extractWordNet(corpusStems: ReadonlySet<string>, directory = defaultWordNetDirectory): Promise<WordNetSynset[]> {
  const wanted = new Set<string>();
  const synsets = new Map<string, WordNetSynset>();
  for (const [file, pos] of partsOfSpeech) {
    for (const line of (await Deno.readTextFile(`${directory}/index.${file}`)).split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const parts = line.trim().split(' ');
      const lemma = parts[0];
      if (!/^[a-z]+$/.test(lemma) || !corpusStems.has(stemWord(lemma))) continue;
      const synsetCount = Number(parts[2]);
      const offsets = parts.slice(parts.length - synsetCount);
      for (const offset of offsets.slice(0, sensesPerWord)) wanted.add(`${pos}${offset}`);
    }
    for (const line of (await Deno.readTextFile(`${directory}/data.${file}`)).split('\n')) {
      if (line === '') continue;
      const id = `${pos}${line.slice(0, 8)}`;
      if (!wanted.has(id)) continue;
      const synset = parseDataLine(line, pos);
      if (synset) synsets.set(id, synset);
    }
  }
  return [...synsets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
