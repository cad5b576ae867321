// "Was this helpful?" on help-centre articles and the searches that found nothing (decision 0017). The rules — one
// vote per signed-in person and article, one per visitor, article and day, nobody reading others' votes, admins
// reading figures only — live in the database (public.vote_on_article, the kb_article_votes policy,
// public.help_article_feedback, public.help_search_gaps); this model only calls them under the caller's RLS.
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { rethrowAsRefusal } from '~/lib/server/db-errors.server';

export interface OwnVote {
  helpful: boolean;
  comment: string | null;
}

/**
 * Records a vote. `visitor` (address and browser as this server sees them) lets the database count a visitor who is
 * not signed in; it is hashed there and never stored. A refusal (already voted today, unknown article) is thrown as a
 * DatabaseRefusal with the database's words.
 */
export async function voteOnArticle({ claims, slug, helpful, comment, visitor }: {
  claims: RlsClaims;
  slug: string;
  helpful: boolean;
  comment: string | null;
  visitor: string;
}): Promise<OwnVote> {
  const [row] = await withRls(claims, (tx) => tx<Array<{ is_helpful: boolean }>>`
    select is_helpful from public.vote_on_article(${slug}, ${helpful}, ${comment}, ${visitor})`).catch((error: unknown) => rethrowAsRefusal(error));
  if (!row) throw new Error('the vote was not recorded');
  return { helpful: row.is_helpful, comment };
}

/** The signed-in caller's own vote on an article, or null (RLS shows each person only their own votes). */
export async function getOwnVote({ claims, articleId }: { claims: RlsClaims; articleId: string }): Promise<OwnVote | null> {
  const [row] = await withRls(claims, (tx) => tx<Array<{ helpful: boolean; comment: string | null }>>`
    select helpful, comment from public.kb_article_votes where article_id = ${articleId}`);
  return row ? { helpful: row.helpful, comment: row.comment } : null;
}

export interface ArticleFeedback {
  articleId: string;
  slug: string;
  title: string;
  helpfulVotes: number;
  unhelpfulVotes: number;
  /** Share of yes among the votes, 0..1. */
  helpfulShare: number;
  commentCount: number;
  recentComments: string[];
}

export interface SearchGap {
  query: string;
  searchCount: number;
  lastSeenAt: string;
}

/** Admins: per-article "Was this helpful?" figures and the searches that found nothing, most frequent first. */
export async function getHelpCentreFeedback({ claims, gapCount = 25 }: { claims: RlsClaims; gapCount?: number }): Promise<{ articles: ArticleFeedback[]; gaps: SearchGap[] }> {
  return withRls(claims, async (tx) => {
    const articles = await tx<Array<{
      article_id: string; slug: string; title: string; helpful_votes: number; unhelpful_votes: number; helpful_share: number;
      comment_count: number; recent_comments: string[] | null;
    }>>`select * from public.help_article_feedback()`;
    const gaps = await tx<Array<{ query: string; search_count: number; last_seen_at: Date }>>`
      select query, search_count, last_seen_at from public.help_search_gaps(${gapCount})`;
    return {
      articles: articles.map((row) => ({
        articleId: row.article_id,
        slug: row.slug,
        title: row.title,
        helpfulVotes: row.helpful_votes,
        unhelpfulVotes: row.unhelpful_votes,
        helpfulShare: row.helpful_share,
        commentCount: row.comment_count,
        recentComments: row.recent_comments ?? [],
      })),
      gaps: gaps.map((row) => ({ query: row.query, searchCount: row.search_count, lastSeenAt: row.last_seen_at.toISOString() })),
    };
  });
}
