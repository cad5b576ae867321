// An in-memory stand-in for the SQL full-text side of hybrid search, used to measure retrieval quality without a
// database. It mirrors what the SQL does where it matters: the same stemmed terms as to_tsvector('english'),
// a websearch-style OR of the query's terms (any term matches), and the title weighted over the body
// (setweight 'A' vs 'D'). Scoring is BM25F (field-weighted term frequency, length-normalised), which ranks
// like ts_rank_cd on short queries but is better behaved on long articles.
import { searchTerms } from '../ai/english-text.ts';

export interface FullTextDocument<Id> {
  id: Id;
  title: string;
  body: string;
}

export interface FullTextOptions {
  /** How much one title occurrence counts relative to one body occurrence. */
  titleWeight: number;
  k1: number;
  b: number;
}

export const defaultFullTextOptions: FullTextOptions = { titleWeight: 3, k1: 1.2, b: 0.75 };

interface IndexedDocument<Id> {
  id: Id;
  titleCounts: Map<string, number>;
  bodyCounts: Map<string, number>;
  titleLength: number;
  bodyLength: number;
}

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export class InMemoryFullTextIndex<Id> {
  private readonly documents: IndexedDocument<Id>[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageTitleLength: number;
  private readonly averageBodyLength: number;

  constructor(documents: ReadonlyArray<FullTextDocument<Id>>, private readonly options: FullTextOptions = defaultFullTextOptions) {
    this.documents = documents.map((document) => {
      const titleTerms = searchTerms(document.title);
      const bodyTerms = searchTerms(document.body);
      const indexed = { id: document.id, titleCounts: termCounts(titleTerms), bodyCounts: termCounts(bodyTerms), titleLength: titleTerms.length, bodyLength: bodyTerms.length };
      for (const term of new Set([...indexed.titleCounts.keys(), ...indexed.bodyCounts.keys()])) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
      return indexed;
    });
    const count = Math.max(1, this.documents.length);
    this.averageTitleLength = Math.max(1, this.documents.reduce((sum, document) => sum + document.titleLength, 0) / count);
    this.averageBodyLength = Math.max(1, this.documents.reduce((sum, document) => sum + document.bodyLength, 0) / count);
  }

  /** Documents matching at least one query term, best first (ties keep insertion order). */
  search(query: string, limit = 20): Array<{ id: Id; score: number }> {
    const queryTerms = [...new Set(searchTerms(query))];
    const { titleWeight, k1, b } = this.options;
    const total = this.documents.length;
    const results: Array<{ id: Id; score: number; order: number }> = [];
    this.documents.forEach((document, order) => {
      let score = 0;
      for (const term of queryTerms) {
        const inTitle = document.titleCounts.get(term) ?? 0;
        const inBody = document.bodyCounts.get(term) ?? 0;
        if (inTitle === 0 && inBody === 0) continue;
        const weightedFrequency = titleWeight * inTitle / (1 - b + b * document.titleLength / this.averageTitleLength) +
          inBody / (1 - b + b * document.bodyLength / this.averageBodyLength);
        const frequency = this.documentFrequency.get(term) ?? 0;
        const inverseDocumentFrequency = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
        score += inverseDocumentFrequency * weightedFrequency * (k1 + 1) / (weightedFrequency + k1);
      }
      if (score > 0) results.push({ id: document.id, score, order });
    });
    return results.sort((x, y) => y.score - x.score || x.order - y.order).slice(0, limit).map(({ id, score }) => ({ id, score }));
  }
}
