// /admin/kb: every article with its embedding status (live), search and filters, publish / unpublish and delete;
// the help centre's "Was this helpful?" figures per article and the searches that found nothing (issue 14).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { searchParamsOf } from '~/lib/shared/forms';
import { EmptyState } from '~/components/app-shell';
import { FormError, FormNotice } from '~/components/form';
import { DeleteArticleButton, EmbeddingStatusBadge, LiveIndicator, PublishedPill } from '~/components/kb-admin';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { LocalTime } from '~/components/time';
import { requireUser } from '~/lib/server/auth.server';
import { useLiveKnowledgeBase } from '~/lib/browser/use-live-knowledge-base';
import { getHelpCentreFeedback, type ArticleFeedback, type SearchGap } from '~/models/help-feedback.server';
import { deleteArticle, getArticleFacets, listArticlesForAdmin, setArticlePublished } from '~/models/kb.server';

export const meta: MetaFunction = () => [{ title: 'Knowledge base · Admin · Support Hub' }];

const embeddingStates = ['pending', 'embedding', 'embedded', 'failed'] as const;
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const filtersSchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  published: z.preprocess(emptyToUndefined, z.enum(['published', 'draft']).optional()).catch(undefined),
  area: z.preprocess(emptyToUndefined, z.string().max(100).optional()).catch(undefined),
  category: z.preprocess(emptyToUndefined, z.string().max(60).optional()).catch(undefined),
  state: z.preprocess(emptyToUndefined, z.enum(embeddingStates).optional()).catch(undefined),
});

const rowActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish'), articleId: z.string().uuid() }),
  z.object({ intent: z.literal('unpublish'), articleId: z.string().uuid() }),
  z.object({ intent: z.literal('delete'), articleId: z.string().uuid(), confirm: z.literal('yes', { message: 'Confirm the deletion first.' }) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const filters = filtersSchema.parse(Object.fromEntries(searchParamsOf(request)));
  // Independent reads, each in its own RLS transaction (nothing here compares one with another).
  const [articles, facets, feedback] = await Promise.all([
    listArticlesForAdmin({
      claims,
      filters: {
        query: filters.q,
        published: filters.published === undefined ? undefined : filters.published === 'published',
        solutionArea: filters.area,
        category: filters.category,
        state: filters.state,
      },
    }),
    getArticleFacets({ claims }),
    getHelpCentreFeedback({ claims }),
  ]);
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return data({ articles, facets, filtered, feedback }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'admin' });
  const parsed = rowActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ formError: parsed.error.issues[0]?.message ?? 'Unknown request.', notice: undefined }, { status: 400, headers });
  const { intent, articleId } = parsed.data;
  const done =
    intent === 'delete' ? await deleteArticle({ claims, id: articleId }) : await setArticlePublished({ claims, id: articleId, isPublished: intent === 'publish' });
  if (!done) return data({ formError: 'That article no longer exists.', notice: undefined }, { status: 404, headers });
  if (intent === 'delete') throw redirect('/admin/kb?deleted=1', { headers });
  return data({ formError: undefined, notice: intent === 'publish' ? 'Article published.' : 'Article unpublished.' }, { headers });
}

function PublishToggle({ articleId, title, isPublished }: { articleId: string; title: string; isPublished: boolean }) {
  const fetcher = useFetcher<{ formError?: string }>();
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" name="intent" value={isPublished ? 'unpublish' : 'publish'} className="button secondary small" disabled={busy} aria-label={`${isPublished ? 'Unpublish' : 'Publish'} ${title}`}>
        {busy ? 'Saving…' : isPublished ? 'Unpublish' : 'Publish'}
      </button>
      {fetcher.data?.formError ? (
        <span className="field-error" role="alert">
          {fetcher.data.formError}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

/** An article's "Was this helpful?" figures as a table cell: share of yes and the number of votes. */
function HelpfulCell({ feedback }: { feedback: ArticleFeedback | undefined }) {
  if (!feedback) return <span className="status-detail">No votes yet</span>;
  const votes = feedback.helpfulVotes + feedback.unhelpfulVotes;
  return (
    <span data-testid="kb-helpful">
      {Math.round(feedback.helpfulShare * 100)} % helpful
      <span className="status-detail">
        {votes === 1 ? '1 vote' : `${votes} votes`}
        {feedback.commentCount > 0 ? ` · ${feedback.commentCount === 1 ? '1 comment' : `${feedback.commentCount} comments`}` : ''}
      </span>
    </span>
  );
}

/** The searches on /help that found no article, most frequent first: the content gaps to write next. */
function SearchGaps({ gaps }: { gaps: SearchGap[] }) {
  return (
    <section className="kb-gaps" aria-labelledby="search-gaps-heading">
      <h2 id="search-gaps-heading">Searches that found nothing</h2>
      {gaps.length === 0 ? (
        <p className="status-detail">Every help-centre search so far found at least one article.</p>
      ) : (
        <table className="kb-table">
          <caption className="visually-hidden">Help-centre searches that found no article</caption>
          <thead>
            <tr>
              <th scope="col">Search</th>
              <th scope="col">Times</th>
              <th scope="col">Last searched</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={gap.query} data-testid="kb-search-gap" data-query={gap.query}>
                <td>{gap.query}</td>
                <td>{gap.searchCount}</td>
                <td>
                  <LocalTime iso={gap.lastSeenAt} style="date" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function AdminKnowledgeBase() {
  const { articles, facets, filtered, feedback } = useLoaderData<typeof loader>();
  const feedbackByArticle = new Map(feedback.articles.map((figures) => [figures.articleId, figures]));
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const live = useLiveKnowledgeBase('admin-kb-list');
  const loading = navigation.state === 'loading' && navigation.location?.pathname === '/admin/kb';
  return (
    <>
      <div className="page-heading">
        <h1>Knowledge base</h1>
        <Link className="button" to="/admin/kb/new">
          New article
        </Link>
      </div>
      <p className="lead">
        Articles the help centre shows and the assistant answers from. Each change is embedded automatically.{' '}
        {/* The gaps table sits below the (long) article list; this keeps it one click away. */}
        <a href="#search-gaps-heading">Searches that found nothing</a> are listed below the articles.
      </p>
      <LiveIndicator state={live} />
      <FormError message={actionData?.formError} />
      <FormNotice message={actionData?.notice ?? (searchParams.get('deleted') ? 'Article deleted.' : undefined)} />
      <Form method="get" className="kb-toolbar" role="search" aria-label="Filter articles">
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" name="q" defaultValue={searchParams.get('q') ?? ''} placeholder="Title, slug or text" />
        </div>
        <div className="field">
          <label htmlFor="filter-published">Visibility</label>
          <select id="filter-published" name="published" defaultValue={searchParams.get('published') ?? ''}>
            <option value="">All</option>
            <option value="published">Published</option>
            <option value="draft">Drafts</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-area">Solution area</label>
          <select id="filter-area" name="area" defaultValue={searchParams.get('area') ?? ''}>
            <option value="">All</option>
            {facets.solutionAreas.map((area) => (
              <option key={area.slug} value={area.slug}>
                {area.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Category</label>
          <select id="filter-category" name="category" defaultValue={searchParams.get('category') ?? ''}>
            <option value="">All</option>
            {facets.categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">Embedding</label>
          <select id="filter-state" name="state" defaultValue={searchParams.get('state') ?? ''}>
            <option value="">All</option>
            {embeddingStates.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary" disabled={loading}>
          {loading ? 'Filtering…' : 'Apply'}
        </button>
        {filtered ? <Link to="/admin/kb">Clear filters</Link> : null}
      </Form>
      {articles.length === 0 ? (
        filtered ? (
          <EmptyState title="No articles match these filters" action={<Link className="button secondary" to="/admin/kb">Clear filters</Link>}>
            Try fewer filters or other words.
          </EmptyState>
        ) : (
          <EmptyState title="No articles yet" action={<Link className="button" to="/admin/kb/new">Write the first article</Link>}>
            Articles you write here appear in the help centre once published, and the assistant answers from them.
          </EmptyState>
        )
      ) : (
        <table className="kb-table table-as-list" aria-busy={loading}>
          <caption className="visually-hidden">Knowledge-base articles</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Area · category</th>
              <th scope="col">Visibility</th>
              <th scope="col">Embedding</th>
              <th scope="col">Helpful</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id} data-testid="kb-article-row" data-slug={article.slug}>
                <td>
                  <Link to={`/admin/kb/${article.id}`}>{article.title}</Link>
                  <span className="status-detail">/help/{article.slug}</span>
                </td>
                <td data-label="Area · category">
                  {article.solutionArea ?? 'general'} · {article.category}
                </td>
                <td data-label="Visibility">
                  <PublishedPill isPublished={article.isPublished} />
                </td>
                <td data-label="Embedding">
                  <EmbeddingStatusBadge status={article.embedding} />
                </td>
                <td data-label="Helpful">
                  <HelpfulCell feedback={feedbackByArticle.get(article.id)} />
                </td>
                <td className="kb-actions">
                  <PublishToggle articleId={article.id} title={article.title} isPublished={article.isPublished} />{' '}
                  <DeleteArticleButton articleId={article.id} title={article.title} action="/admin/kb?index" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SearchGaps gaps={feedback.gaps} />
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'The knowledge base could not be shown.',
  unexpected: { title: 'The knowledge base is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
