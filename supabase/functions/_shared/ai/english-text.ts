// Text normalisation shared by the local embedder, the in-memory full-text scorer and the triage classifier,
// so all three see the same words. It follows Postgres' `english` text search configuration where it matters
// (same stop-word list, Snowball/Porter2 stemming) so in-memory measurements stay close to the SQL behaviour.
import stemWithPorter2 from 'npm:wink-porter2-stemmer@2.0.1';

/** Postgres' `english.stop` list (the Snowball list), so our stop words are the ones `to_tsvector('english', …)` drops. */
export const englishStopWords: ReadonlySet<string> = new Set(
  ('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some such no nor not only ' +
    'own same so than too very s t can will just don should now').split(' '),
);

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const combiningMarks = /\p{M}+/gu;

/** Lower-cases, applies compatibility normalisation and folds accents ("Café" → "cafe", "ﬁ" → "fi"). */
export function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(combiningMarks, '').normalize('NFC').toLowerCase();
}

/** Words of normalised text; apostrophes inside words are dropped ("don't" → "dont"). */
export function splitWords(normalisedText: string): string[] {
  const words = normalisedText.match(wordPattern) ?? [];
  return words.map((word) => word.replace(/['’]/g, ''));
}

// Stemming is the hot spot of the embedder (≈ 200k words/s uncached); vocabulary is small, so a bounded cache
// turns it into a map lookup for almost every word.
const stemCache = new Map<string, string>();
const stemCacheLimit = 200_000;

/** Porter2 stem of one lower-case word; words with digits or non-Latin letters are kept as they are. */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = /^[a-z]+$/.test(word) && word.length > 2 ? (stemWithPorter2(word) as string) : word;
  if (stemCache.size >= stemCacheLimit) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** The searchable terms of a text: normalised, stop words removed, stemmed — like `to_tsvector('english', text)`. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(normaliseText(text))) {
    if (englishStopWords.has(word)) continue;
    terms.push(stemWord(word));
  }
  return terms;
}

// The knowledge base is written in British English while many customers write American English. The local
// embedder folds common American spellings and car words to the British ones so "tire"/"tyre" and
// "hood"/"bonnet" meet. (The SQL full-text side does not do this; see kb/in-memory-full-text.ts.)
const britishWordFor: ReadonlyMap<string, string> = new Map([
  ['tire', 'tyre'], ['tires', 'tyres'], ['hood', 'bonnet'], ['trunk', 'boot'], ['windshield', 'windscreen'],
  ['gas', 'petrol'], ['gasoline', 'petrol'], ['highway', 'motorway'], ['freeway', 'motorway'], ['curb', 'kerb'],
  ['muffler', 'silencer'], ['fender', 'wing'], ['license', 'licence'], ['color', 'colour'], ['colors', 'colours'],
  ['aluminum', 'aluminium'], ['catalog', 'catalogue'], ['center', 'centre'], ['centers', 'centres'],
  ['program', 'programme'], ['mom', 'mum'], ['favorite', 'favourite'], ['behavior', 'behaviour'],
]);

const americanIzeEnding = /^(\p{L}{3,})iz(e|es|ed|ing|ation|ations)$/u;

/** British spelling of a normalised word: a small car-and-support word list plus -ize → -ise. */
export function britishSpelling(word: string): string {
  return britishWordFor.get(word) ?? word.replace(americanIzeEnding, '$1is$2');
}
