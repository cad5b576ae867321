// Knowledge-base context for triage: the published articles that best match a ticket by full text (BM25F, title
// over body, the same stemmed terms as to_tsvector('english')), so the draft reply cites a real article.
// Articles are read once and kept for a minute per function instance: triaging a burst of 10,000 tickets must not
// cost 10,000 searches in the database, and a knowledge base is small next to a ticket stream (hundreds of
// articles, not millions). An edited article reaches triage within the minute.
import { z } from 'npm:zod@4';
import { InMemoryFullTextIndex } from '../_shared/kb/in-memory-full-text.ts';
import type { Sql } from '../_shared/db/postgres.ts';
import type { KbArticleForTriage } from '../_shared/triage/triage-schema.ts';

const PublishedArticle = z.object({ slug: z.string(), title: z.string(), content: z.string() });
type PublishedArticle = z.infer<typeof PublishedArticle>;

/** Plain text from the start of a markdown body, for the model prompt and the local draft's citation. */
export function articleSnippet(markdown: string, maxChars = 400): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`;
}

export interface KbContextSource {
  topArticles(ticketText: string, limit?: number): Promise<KbArticleForTriage[]>;
}

export class PublishedArticleIndex implements KbContextSource {
  private loaded?: { at: number; articles: PublishedArticle[]; index: InMemoryFullTextIndex<number> };
  private loading?: Promise<void>;

  constructor(private readonly sql: Sql, private readonly maxAgeMs = 60_000, private readonly now: () => number = Date.now) {}

  async topArticles(ticketText: string, limit = 3): Promise<KbArticleForTriage[]> {
    if (!this.loaded || this.now() - this.loaded.at > this.maxAgeMs) {
      this.loading ??= this.load().finally(() => {
        this.loading = undefined;
      });
      await this.loading;
    }
    const { articles, index } = this.loaded!;
    return index.search(ticketText, limit).map(({ id }) => {
      const article = articles[id]!;
      return { slug: article.slug, title: article.title, snippet: articleSnippet(article.content) };
    });
  }

  private async load(): Promise<void> {
    const rows = await this.sql`select slug, title, content from public.kb_articles where is_published order by slug`;
    const articles = z.array(PublishedArticle).parse(rows);
    const index = new InMemoryFullTextIndex(articles.map((article, id) => ({ id, title: article.title, body: article.content })));
    this.loaded = { at: this.now(), articles, index };
  }
}
