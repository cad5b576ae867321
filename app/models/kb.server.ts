// Knowledge-base articles for the public help centre (/help, as anon or any signed-in user) and the admin's
// editor (/admin/kb). Every function runs inside withRls: the kb_articles policies decide who reads drafts and who
// writes; the `is_published` conditions below only keep drafts off public pages for staff, who may read them.
import type { Database } from '../../types/database.types';
import { withRls, type RlsClaims, type RlsTransaction } from '~/lib/server/db.server';
import type { ArticleInput } from '~/lib/shared/views/kb';
import { markdownExcerpt } from '~/lib/server/markdown.server';
import { DatabaseRefusal, translateDatabaseError } from '~/lib/server/db-errors.server';

export type EmbeddingState = Database['public']['Enums']['kb_embedding_state'];

export interface HelpArticleSummary {
  slug: string;
  title: string;
  category: string;
  solutionArea: string | null;
  solutionAreaName: string | null;
  excerpt: string;
}

export interface HelpArticle extends HelpArticleSummary {
  id: string;
  content: string;
  vehicleContext: string | null;
  tags: string[];
  updatedAt: string;
}

interface SummaryRow {
  slug: string;
  title: string;
  category: string;
  solution_area: string | null;
  solution_area_name: string | null;
  opening: string;
}

const summaryFromRow = (row: SummaryRow): HelpArticleSummary => ({
  slug: row.slug,
  title: row.title,
  category: row.category,
  solutionArea: row.solution_area,
  solutionAreaName: row.solution_area_name,
  excerpt: markdownExcerpt(row.opening),
});

// Only the opening of an article is needed for an excerpt; long articles are not shipped whole to build one.
const excerptSourceLength = 800;

/** The columns of a HelpArticleSummary row, over `articlesWithArea` (SQL fragments shared by the queries below). */
const summaryColumns = (tx: RlsTransaction) => tx`
  article.slug, article.title, article.category, article.solution_area, area.name as solution_area_name,
  left(article.content, ${excerptSourceLength}) as opening`;
const articlesWithArea = (tx: RlsTransaction) => tx`
  public.kb_articles article left join public.solution_areas area on area.slug = article.solution_area`;

// ---------------------------------------------------------------------------------------------------------------
// Help centre (public)

/** Every published article, ordered for display by solution area, category and title. */
export async function listPublishedArticles({ claims }: { claims: RlsClaims }): Promise<HelpArticleSummary[]> {
  const rows = await withRls(claims, (tx) => tx<SummaryRow[]>`
    select ${summaryColumns(tx)} from ${articlesWithArea(tx)}
    where article.is_published
    order by area.name nulls last, article.category, article.title`);
  return rows.map(summaryFromRow);
}

/**
 * Published articles matching a visitor's words, best first, through public.search_help: typo-tolerant and cut off
 * below a share of the best article's score (decision 0017). The app has no embedding provider (it lives in the edge
 * functions), so the help centre's search is lexical; related articles on an article page use the embeddings.
 */
export async function searchPublishedArticles({ claims, query, limit = 10 }: { claims: RlsClaims; query: string; limit?: number }): Promise<HelpArticleSummary[]> {
  const rows = await withRls(claims, (tx) => tx<SummaryRow[]>`
    select ${summaryColumns(tx)} from public.search_help(${query}, ${limit}) hit
    join ${articlesWithArea(tx)} on article.id = hit.article_id
    order by hit.score desc, article.title`);
  return rows.map(summaryFromRow);
}

/** A published article by slug, or null (missing, or a draft: drafts are never shown on public pages). */
export async function getPublishedArticle({ claims, slug }: { claims: RlsClaims; slug: string }): Promise<{ article: HelpArticle; related: HelpArticleSummary[] } | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx<Array<SummaryRow & { id: string; content: string; vehicle_context: string | null; tags: string[]; updated_at: Date }>>`
      select ${summaryColumns(tx)}, article.id, article.content, article.vehicle_context, article.tags, article.updated_at
      from ${articlesWithArea(tx)}
      where article.slug = ${slug} and article.is_published`;
    if (!row) return null;
    const article: HelpArticle = {
      ...summaryFromRow(row),
      id: row.id,
      content: row.content,
      vehicleContext: row.vehicle_context,
      tags: row.tags,
      updatedAt: row.updated_at.toISOString(),
    };
    return { article, related: await relatedArticles(tx, article) };
  });
}

/**
 * Up to four published articles close to this one: search_kb with the article's title as the query and its first
 * chunk's embedding as the query vector (so related means similar in both words and meaning); articles of the same
 * category fill in when the article is not embedded yet or nothing is close.
 */
async function relatedArticles(tx: RlsTransaction, article: HelpArticle, count = 4): Promise<HelpArticleSummary[]> {
  const similar = await tx<SummaryRow[]>`
    with source as (
      select chunk.embedding, chunk.embedding_model from public.kb_chunks chunk
      where chunk.article_id = ${article.id} and chunk.embedding is not null
      order by chunk.chunk_index limit 1
    ),
    hits as (
      select hit.article_id, max(hit.fused_score) as score
      from public.search_kb(${article.title}, (select source.embedding from source), (select source.embedding_model from source), 40) hit
      where hit.article_id <> ${article.id}
      group by hit.article_id
    )
    select ${summaryColumns(tx)} from ${articlesWithArea(tx)} join hits on hits.article_id = article.id
    where article.is_published
    order by hits.score desc, article.title
    limit ${count}`;
  if (similar.length >= count) return similar.map(summaryFromRow);
  const sameCategory = await tx<SummaryRow[]>`
    select ${summaryColumns(tx)} from ${articlesWithArea(tx)}
    where article.is_published and article.id <> ${article.id} and article.category = ${article.category}
      and article.slug <> all(${similar.map((row) => row.slug)}::text[])
    order by article.title
    limit ${count - similar.length}`;
  return [...similar, ...sameCategory].map(summaryFromRow);
}

// ---------------------------------------------------------------------------------------------------------------
// Admin editor

export interface EmbeddingStatus {
  state: EmbeddingState | null;
  chunkCount: number;
  model: string | null;
  error: string | null;
  attempts: number;
}

export interface AdminArticleSummary {
  id: string;
  slug: string;
  title: string;
  category: string;
  solutionArea: string | null;
  isPublished: boolean;
  updatedAt: string;
  embedding: EmbeddingStatus;
}

export interface AdminArticle extends AdminArticleSummary {
  content: string;
  vehicleContext: string | null;
  tags: string[];
}

export interface AdminArticleFilters {
  query?: string;
  published?: boolean;
  solutionArea?: string;
  category?: string;
  state?: EmbeddingState;
}

interface AdminRow {
  id: string;
  slug: string;
  title: string;
  category: string;
  solution_area: string | null;
  is_published: boolean;
  updated_at: Date;
  state: EmbeddingState | null;
  chunk_count: number | null;
  embedding_model: string | null;
  last_error: string | null;
  attempts: number | null;
}

const adminSummaryFromRow = (row: AdminRow): AdminArticleSummary => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  category: row.category,
  solutionArea: row.solution_area,
  isPublished: row.is_published,
  updatedAt: row.updated_at.toISOString(),
  embedding: {
    state: row.state,
    chunkCount: row.chunk_count ?? 0,
    model: row.embedding_model,
    error: row.last_error,
    attempts: row.attempts ?? 0,
  },
});

/** Articles with their embedding status for the admin list, newest change first. */
export async function listArticlesForAdmin({ claims, filters }: { claims: RlsClaims; filters: AdminArticleFilters }): Promise<AdminArticleSummary[]> {
  const pattern = filters.query ? `%${filters.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
  const rows = await withRls(claims, (tx) => tx<AdminRow[]>`
    select article.id, article.slug, article.title, article.category, article.solution_area, article.is_published, article.updated_at,
      status.state, status.chunk_count, status.embedding_model, status.last_error, status.attempts
    from public.kb_articles article
    left join public.kb_embedding_status status on status.article_id = article.id
    where (${pattern}::text is null or article.title ilike ${pattern} or article.slug ilike ${pattern} or article.content ilike ${pattern})
      and (${filters.published ?? null}::boolean is null or article.is_published = ${filters.published ?? null})
      and (${filters.solutionArea ?? null}::text is null or article.solution_area = ${filters.solutionArea ?? null})
      and (${filters.category ?? null}::text is null or article.category = ${filters.category ?? null})
      and (${filters.state ?? null}::public.kb_embedding_state is null or status.state = ${filters.state ?? null})
    order by article.updated_at desc, article.title
    limit 500`);
  return rows.map(adminSummaryFromRow);
}

/** One article with its status, or null when it does not exist (or RLS hides it). */
export async function getArticleForAdmin({ claims, id }: { claims: RlsClaims; id: string }): Promise<AdminArticle | null> {
  const [row] = await withRls(claims, (tx) => tx<Array<AdminRow & { content: string; vehicle_context: string | null; tags: string[] }>>`
    select article.id, article.slug, article.title, article.category, article.solution_area, article.is_published, article.updated_at,
      article.content, article.vehicle_context, article.tags,
      status.state, status.chunk_count, status.embedding_model, status.last_error, status.attempts
    from public.kb_articles article
    left join public.kb_embedding_status status on status.article_id = article.id
    where article.id = ${id}`);
  if (!row) return null;
  return { ...adminSummaryFromRow(row), content: row.content, vehicleContext: row.vehicle_context, tags: row.tags };
}

/** The choices of the editor's and list's filters: solution areas, and the categories articles use. */
export async function getArticleFacets({ claims }: { claims: RlsClaims }): Promise<{ solutionAreas: Array<{ slug: string; name: string }>; categories: string[] }> {
  return withRls(claims, async (tx) => {
    const solutionAreas = await tx<Array<{ slug: string; name: string }>>`select slug, name from public.solution_areas order by name`;
    const categories = await tx<Array<{ category: string }>>`select distinct category from public.kb_articles order by category`;
    return { solutionAreas: [...solutionAreas], categories: categories.map((row) => row.category) };
  });
}

/** Refusals the editor explains next to one field (slug taken, unknown solution area); others as a form error. */
const articleFieldRefusals = {
  kb_articles_slug_key: { field: 'slug', message: 'Another article already uses this slug. Choose another.' },
  kb_articles_solution_area_fkey: { field: 'solutionArea', message: 'Choose a solution area from the list.' },
};

/**
 * A write refused by one of those constraints becomes a DatabaseRefusal naming its field; anything else (an RLS
 * refusal included) is re-thrown as the database raised it, for the route's translateDatabaseError.
 */
function rethrowAsArticleRefusal(error: unknown): never {
  const refusal = translateDatabaseError(error, { fields: articleFieldRefusals });
  if (refusal?.field) throw new DatabaseRefusal(refusal);
  throw error;
}

/** Creates an article (its embedding is queued by trigger); returns its id. */
export async function createArticle({ claims, input }: { claims: RlsClaims; input: ArticleInput }): Promise<string> {
  const [row] = await withRls(claims, (tx) => tx<Array<{ id: string }>>`
    insert into public.kb_articles (slug, title, content, category, solution_area, vehicle_context, tags, is_published, author_id)
    values (${input.slug}, ${input.title}, ${input.content}, ${input.category}, ${input.solutionArea}, ${input.vehicleContext},
      ${input.tags}::text[], ${input.isPublished}, (select auth.uid()))
    returning id`).catch(rethrowAsArticleRefusal);
  if (!row) throw new Error('the article was not created');
  return row.id;
}

/** Saves an article's fields; false when it no longer exists. A changed title or body re-queues its embedding. */
export async function updateArticle({ claims, id, input }: { claims: RlsClaims; id: string; input: ArticleInput }): Promise<boolean> {
  return withRls(claims, async (tx) => {
    const rows = await tx`
      update public.kb_articles
      set slug = ${input.slug}, category = ${input.category}, solution_area = ${input.solutionArea},
        vehicle_context = ${input.vehicleContext}, tags = ${input.tags}::text[], is_published = ${input.isPublished}
      where id = ${id}
      returning id`;
    // Title and body only when they changed: the embedding trigger fires for any update naming those columns.
    await tx`
      update public.kb_articles set title = ${input.title}, content = ${input.content}
      where id = ${id} and (title is distinct from ${input.title} or content is distinct from ${input.content})`;
    return rows.length === 1;
  }).catch(rethrowAsArticleRefusal);
}

export async function setArticlePublished({ claims, id, isPublished }: { claims: RlsClaims; id: string; isPublished: boolean }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`update public.kb_articles set is_published = ${isPublished} where id = ${id} returning id`);
  return rows.length === 1;
}

/** Deletes an article; its chunks, queued embedding and status go with it. */
export async function deleteArticle({ claims, id }: { claims: RlsClaims; id: string }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`delete from public.kb_articles where id = ${id} returning id`);
  return rows.length === 1;
}
